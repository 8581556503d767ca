// The other devices of the propagation benchmark: N hub event streams with real device tokens,
// each read to the end of every event, in a process of their own so that their parsing load does
// not sit in the measuring devices' process. Reads { url, tokens } as one JSON line on stdin,
// prints "open <n>" once all streams are open, then on every later line prints the event counts.
// Usage: node --import tsx bench/crowd-main.ts

import { request } from 'node:http';
import type { ClientRequest } from 'node:http';
import { createInterface } from 'node:readline';
import { SseParser } from '../renderer/src/sync/sse';

let changes = 0;
let documents = 0;
const requests: ClientRequest[] = [];

function openStream(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/sync/stream`,
      { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        const parser = new SseParser((type, data) => {
          if (type !== 'change') return;
          changes += 1;
          documents += (JSON.parse(data) as { documents: unknown[] }).documents.length;
        });
        res.on('data', (chunk: string) => parser.push(chunk));
        resolve();
      },
    );
    req.on('error', reject);
    req.end();
    requests.push(req);
  });
}

let started = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (!started) {
    started = true;
    const { url, tokens } = JSON.parse(line) as { url: string; tokens: string[] };
    Promise.all(tokens.map((t) => openStream(url, t))).then(
      () => process.stdout.write(`open ${tokens.length}\n`),
      (error: Error) => {
        process.stdout.write(`error ${error.message}\n`);
        process.exit(1);
      },
    );
    return;
  }
  if (line.trim() === 'close') {
    for (const r of requests) r.destroy();
    process.exit(0);
  }
  process.stdout.write(`${JSON.stringify({ changes, documents })}\n`);
});
