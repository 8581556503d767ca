// `npm run hub -- restore --from FILE`: only with every hub process stopped, since the database
// is replaced underneath; the store is opened directly (PGlite data folder or HUB_DATABASE_URL).

import { BackupError } from '../backup/backup-file';
import { restoreBackup } from '../backup/restore';
import { silentLogger } from '../log';
import { DataFolderBusyError, openConfiguredStore } from './open-store';
import { processAlive, readHubInfo } from './paths';

export async function restore(file: string, dataDir: string, json: boolean): Promise<number> {
  const running = readHubInfo(dataDir);
  if (running && processAlive(running.pid)) {
    process.stderr.write(`同步服务（进程 ${running.pid}）正在运行：请先停止所有同步服务进程，再恢复备份。\n`);
    return 1;
  }
  let store;
  try {
    store = await openConfiguredStore(dataDir, silentLogger);
  } catch (err) {
    if (err instanceof DataFolderBusyError) {
      process.stderr.write(`${err.message}：请先停止同步服务，再恢复备份。\n`);
      return 1;
    }
    throw err;
  }
  try {
    const r = await restoreBackup(store.driver, file, new Date());
    if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else
      process.stdout.write(
        [
          `已从 ${r.createdAt} 的备份恢复 ${r.rows} 行（摘要已核对）。新的服务器纪元：${r.epoch}。`,
          `保留了 ${r.devicesKept} 台已登记设备（备份之后停用的设备仍为停用）。`,
          '各设备下次连接时会提示“服务器已从备份恢复”，重新同步，并把备份之后的更改推送回来。',
        ].join('\n') + '\n',
      );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`${err.message}。数据库没有任何改动。\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}
