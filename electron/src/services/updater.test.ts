import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log';
import { createUpdateService, type UpdaterLike } from './updater';

const log: Logger = { info: () => undefined, warn: () => undefined };

/** electron-updater as far as the service sees it: events, a feed and a check that we script. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feeds: string[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  next: (self: FakeUpdater) => void = (self) => self.emit('update-not-available');
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(`${options.provider} ${options.url}`);
  }
  async checkForUpdates() {
    this.checks += 1;
    this.next(this);
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function service(fake: FakeUpdater | null, hub: string | null = 'http://192.168.10.5:8787') {
  return createUpdateService({ updater: async () => fake, hubOrigin: () => hub, log });
}

describe('the update service', () => {
  it('is unavailable without a packaged updater or without a hub', async () => {
    expect(await service(null).check()).toEqual({ state: 'unavailable' });
    const fake = new FakeUpdater();
    expect(await service(fake, null).check()).toEqual({ state: 'unavailable' });
    expect(fake.checks).toBe(0);
  });

  it('asks the enrolled hub, downloads in the background and never installs on quit by itself', async () => {
    const fake = new FakeUpdater();
    const updates = service(fake);
    expect(await updates.check()).toEqual({ state: 'none' });
    expect(fake.feeds).toEqual(['generic http://192.168.10.5:8787/v1/updates/']);
    expect(fake.autoDownload).toBe(true);
    expect(fake.autoInstallOnAppQuit).toBe(false);

    fake.next = (self) => self.emit('update-available', { version: '0.2.0' });
    expect(await updates.check()).toEqual({ state: 'downloading', version: '0.2.0' });
    // While it downloads, another sync does not start a second check.
    expect(await updates.check()).toEqual({ state: 'downloading', version: '0.2.0' });
    expect(fake.checks).toBe(2);
    expect(fake.feeds).toHaveLength(1);

    fake.emit('update-downloaded', { version: '0.2.0' });
    expect(await updates.check()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(fake.installs).toEqual([]);
    await updates.install();
    expect(fake.installs).toEqual([[false, true]]);
  });

  it('reports a failed check (a digest that does not match, an unreachable hub) and tries again later', async () => {
    const fake = new FakeUpdater();
    const updates = service(fake);
    fake.next = (self) => self.emit('error', new Error('sha512 checksum mismatch'));
    expect(await updates.check()).toEqual({ state: 'failed', reason: 'sha512 checksum mismatch' });
    fake.next = () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await updates.check()).toEqual({ state: 'failed', reason: 'connect ECONNREFUSED' });
    fake.next = (self) => self.emit('update-not-available');
    expect(await updates.check()).toEqual({ state: 'none' });
    await updates.install();
    expect(fake.installs).toEqual([]);
  });

  it('follows a change of hub', async () => {
    const fake = new FakeUpdater();
    let hub = 'http://192.168.10.5:8787';
    const updates = createUpdateService({ updater: async () => fake, hubOrigin: () => hub, log });
    await updates.check();
    hub = 'https://hub.xg.example';
    await updates.check();
    expect(fake.feeds).toEqual([
      'generic http://192.168.10.5:8787/v1/updates/',
      'generic https://hub.xg.example/v1/updates/',
    ]);
  });
});
