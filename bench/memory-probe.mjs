// Preloaded into the city benchmark's hub processes (NODE_OPTIONS=--import …): on SIGUSR2 it runs
// a full garbage collection and writes process.memoryUsage() to $YISHI_MEMORY_PROBE, so memory per
// open stream is measured on what is alive, not on garbage the collector has not returned yet.
import { renameSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const target = process.env['YISHI_MEMORY_PROBE'];
if (target) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  process.on('SIGUSR2', () => {
    gc();
    gc();
    writeFileSync(`${target}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${target}.tmp`, target);
  });
}
