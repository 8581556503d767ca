// A fetch that misbehaves on purpose, driven by a seeded generator: offline (every request fails
// and open streams are cut), duplicated requests, responses delayed so concurrent requests finish
// out of order, and responses lost after the hub already applied the request.

export interface Faults {
  /** Probability that a request is sent twice (the caller gets one answer). */
  duplicate: number;
  /** Probability that the answer is held back for a random delay (reordering). */
  delay: number;
  maxDelayMs: number;
  /** Probability that the answer is lost after the request reached the hub. */
  drop: number;
}

export const NO_FAULTS: Faults = { duplicate: 0, delay: 0, maxDelayMs: 0, drop: 0 };

/** mulberry32: small, fast, good enough to make a failing run repeat. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FaultyNetwork {
  offline = false;
  faults: Faults = NO_FAULTS;
  private readonly open = new Set<AbortController>();

  constructor(private readonly random: () => number) {}

  setOffline(offline: boolean): void {
    this.offline = offline;
    if (offline) {
      for (const c of this.open) c.abort();
      this.open.clear();
    }
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (this.offline) throw new TypeError('fetch failed (offline)');
    const isStream = input.includes('/v1/sync/stream');
    const controller = new AbortController();
    const outer = init?.signal;
    const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
    this.open.add(controller);
    const release = () => this.open.delete(controller);
    try {
      const { duplicate, delay, maxDelayMs, drop } = this.faults;
      const faulty = !isStream && !input.endsWith('/v1/health');
      if (faulty && this.random() < delay) await sleep(this.random() * maxDelayMs);
      if (this.offline) throw new TypeError('fetch failed (offline)');
      const send = () => fetch(input, { ...init, signal });
      let response: Response;
      if (faulty && this.random() < duplicate) {
        const [a, b] = await Promise.allSettled([send(), sleep(this.random() * 20).then(send)]);
        const first = a.status === 'fulfilled' ? a.value : b.status === 'fulfilled' ? b.value : undefined;
        const other = first === (a.status === 'fulfilled' ? a.value : undefined) ? b : a;
        if (other.status === 'fulfilled' && other.value !== first) await other.value.body?.cancel();
        if (!first) throw new TypeError('fetch failed (duplicate)');
        response = first;
      } else {
        response = await send();
      }
      if (isStream) return response;
      // Bytes, not text: photo attachments are binary.
      const body = await response.arrayBuffer();
      if (faulty && this.random() < drop) throw new TypeError('fetch failed (answer lost)');
      if (faulty && this.random() < delay) await sleep(this.random() * maxDelayMs);
      if (this.offline) throw new TypeError('fetch failed (offline)');
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      if (!isStream) release();
    }
  };
}
