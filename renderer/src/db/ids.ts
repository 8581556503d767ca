/** Client-generated, collision-free ids: a readable prefix and a random UUID. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** The current time in the one format documents store. */
export function nowIso(): string {
  return new Date().toISOString();
}
