import type { YishiBridge } from '#shared/bridge/contract';
import type { Platform } from './platform';

/** Electron: every OS service goes through the one typed bridge the preload exposes. */
export function createElectronPlatform(bridge: YishiBridge): Platform {
  return {
    kind: 'electron',
    usesPassphrase: false,
    appVersion: () => bridge.appVersion(),
    checkForUpdate: () => bridge.checkForUpdate(),
    installUpdate: () => bridge.installUpdate(),
    async openFile(filters) {
      const opened = await bridge.openFile({ filters });
      if (opened.status === 'canceled') return null;
      if (opened.status === 'tooLarge') {
        throw new Error(
          `文件“${opened.name}”过大（${Math.round(opened.size / 1048576)} MB），上限 ${Math.round(opened.limit / 1048576)} MB`,
        );
      }
      return { name: opened.name, data: opened.data };
    },
    async saveFile(suggestedName, data, filters) {
      const result = await bridge.saveFile({ suggestedName, data, filters });
      return result.status === 'saved';
    },
    async print() {
      const result = await bridge.print();
      if (result.status === 'failed') throw new Error(`打印失败：${result.reason}`);
    },
    async printToPdf(suggestedName) {
      const result = await bridge.printToPdf({ suggestedName });
      return result.status === 'saved';
    },
    openProjector(route) {
      void bridge.openProjector(route);
    },
    async allowHub(origin) {
      if ((await bridge.getHubOrigin()) === origin) return 'ready';
      await bridge.setHubOrigin(origin);
      return 'reloading';
    },
    getSecret: (name) => bridge.getSecret(name),
    async setSecret(name, value) {
      const result = await bridge.setSecret(name, value);
      if (result.status === 'unavailable') throw new Error('本机系统钥匙串不可用，无法安全保存');
    },
    deleteSecret: (name) => bridge.deleteSecret(name),
  };
}
