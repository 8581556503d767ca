import { useEffect, useState } from 'react';
import { PROTOCOL_VERSION } from '#shared/protocol/v1';

/**
 * The hub that served this page, if any: a PC that opened http://<hub>:8787/ should not have to
 * type the address it already used. Null in Electron, on a plain static server, or offline.
 */
export function useServingHub(): string | null {
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    const controller = new AbortController();
    fetch(`${location.origin}/v1/health`, { signal: controller.signal, cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) return;
        const body = (await res.json()) as { ok?: unknown; protocol?: unknown };
        if (body.ok === true && body.protocol === PROTOCOL_VERSION) setOrigin(location.origin);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return origin;
}
