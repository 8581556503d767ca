// A device's HTTP calls in integration tests: raw status and body, so tests can assert 4xx too.

import type { Doc, PullResponse, PushResponse } from '#shared/protocol/v1';

export interface Answer<T> {
  status: number;
  body: T;
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text so the assertion shows it.
  }
  return { status: res.status, body: body as T };
}

export function deviceClient(url: string, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    async pull(collection: string, checkpoint?: number, limit?: number): Promise<Answer<PullResponse>> {
      const q = new URLSearchParams();
      if (checkpoint !== undefined) q.set('checkpoint', String(checkpoint));
      if (limit !== undefined) q.set('limit', String(limit));
      return answer(await fetch(`${url}/v1/sync/${collection}/pull?${q}`, { headers: auth }));
    },
    async push(collection: string, rows: unknown): Promise<Answer<PushResponse>> {
      return answer(
        await fetch(`${url}/v1/sync/${collection}/push`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: typeof rows === 'string' ? rows : JSON.stringify(rows),
        }),
      );
    },
    /** Every document the device can see in `collection`, paging until the end. */
    async pullAll(collection: string): Promise<Doc[]> {
      const docs: Doc[] = [];
      let checkpoint = 0;
      for (;;) {
        const page = await this.pull(collection, checkpoint, 2000);
        if (page.status !== 200)
          throw new Error(`pull ${collection}: ${page.status} ${JSON.stringify(page.body)}`);
        if (page.body.documents.length === 0) return docs;
        docs.push(...page.body.documents);
        checkpoint = page.body.checkpoint?.seq ?? checkpoint;
      }
    },
  };
}

export type DeviceClient = ReturnType<typeof deviceClient>;

export const pushRow = (doc: Record<string, unknown>, assumed: Record<string, unknown> | null = null) => ({
  newDocumentState: doc,
  assumedMasterState: assumed,
});
