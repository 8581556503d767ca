// Entry of `npm run hub -- <command>`: the street-office hub server and its admin commands.

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { USAGE, parseArgs } from './cli/args';
import { AdminError, connectAdmin, runAdmin } from './cli/admin';
import { DataFolderBusyError } from './cli/open-store';
import { defaultDataDir } from './cli/paths';
import { restore } from './cli/restore-command';
import { serve } from './cli/serve';

export async function main(argv: readonly string[]): Promise<number> {
  const cmd = parseArgs(argv);
  if ('error' in cmd) {
    process.stderr.write(`${cmd.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (cmd.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dataDir = resolve(cmd.data ?? defaultDataDir());
  if (cmd.command === 'restore') return restore(resolve(cmd.from), dataDir, cmd.json);
  if (cmd.command === 'serve')
    return serve({
      port: cmd.port,
      host: cmd.host,
      dataDir,
      ...(cmd.trustProxy ? { trustProxy: cmd.trustProxy } : {}),
    });
  try {
    const api = await connectAdmin({ dataDir, ...(cmd.hub !== undefined ? { hub: cmd.hub } : {}) });
    try {
      const { out, code } = await runAdmin(cmd, api);
      process.stdout.write(out.join('\n') + '\n');
      return code;
    } finally {
      await api.close();
    }
  } catch (err) {
    if (err instanceof AdminError || err instanceof DataFolderBusyError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`错误: ${err.message}\n`);
      process.exit(1);
    },
  );
}
