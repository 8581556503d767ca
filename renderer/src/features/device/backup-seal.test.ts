import { describe, expect, it } from 'vitest';
import { buildManifest, makePayload } from '#shared/protocol/device-backup';
import type { BackupFile } from '#shared/protocol/device-backup';
import type { Doc } from '#shared/protocol/v1';
import { fromBase64, openBackup, sealBackup, sha256Text, toBase64 } from './backup-seal';

const person = { id: 'p1', scope: 'xg', _deleted: false, name: '王秀兰', phone: '13900001234' } as Doc;
const device = {
  deviceId: 'device-1',
  deviceName: '工作站',
  deviceKind: 'communityPc',
  homeScope: 'xg',
  role: 'community-worker',
  setupAt: '2026-12-01T00:00:00.000Z',
  hub: null,
};

async function sealed(passphrase = '正确的口令 1234'): Promise<BackupFile> {
  const payload = makePayload({ documents: { people: [person] }, unsynced: {}, photos: {} });
  return sealBackup({
    createdAt: '2026-12-05T08:00:00.000Z',
    device,
    manifest: await buildManifest(payload, sha256Text),
    payload,
    passphrase,
    iterations: 100_000,
  });
}

describe('sealing a device backup', () => {
  it('opens with the passphrase and gives back the payload, checked against its manifest', async () => {
    const file = await sealed();
    expect(file.seal).toMatchObject({ kdf: 'PBKDF2-SHA256', cipher: 'AES-256-GCM', iterations: 100_000 });
    expect(JSON.stringify(file)).not.toContain('13900001234');
    const opened = await openBackup(JSON.parse(JSON.stringify(file)) as BackupFile, '正确的口令 1234');
    expect(opened).toEqual({
      payload: expect.objectContaining({ documents: expect.objectContaining({ people: [person] }) }),
    });
  });

  it('tells a wrong passphrase from a damaged or altered file', async () => {
    const file = await sealed();
    expect(await openBackup(file, '错误的口令 1234')).toEqual({ error: 'passphrase' });
    const bytes = fromBase64(file.sealed)!;
    bytes[5] = bytes[5]! ^ 1;
    expect(await openBackup({ ...file, sealed: toBase64(bytes) }, '正确的口令 1234')).toEqual({
      error: 'damaged',
    });
    // The header is authenticated too: a changed manifest or device fails the opening.
    const manifest = { ...file.manifest, people: { ...file.manifest.people!, documents: 7 } };
    expect(await openBackup({ ...file, manifest }, '正确的口令 1234')).toEqual({ error: 'damaged' });
    expect(await openBackup({ ...file, device: { ...device, deviceId: 'x' } }, '正确的口令 1234')).toEqual({
      error: 'damaged',
    });
  });

  it('refuses a payload that does not match the manifest it was sealed with', async () => {
    const payload = makePayload({ documents: { people: [person] }, unsynced: {}, photos: {} });
    const other = makePayload({
      documents: { people: [{ ...person, name: '李四' }] },
      unsynced: {},
      photos: {},
    });
    const file = await sealBackup({
      createdAt: '2026-12-05T08:00:00.000Z',
      device,
      manifest: await buildManifest(other, sha256Text),
      payload,
      passphrase: '正确的口令 1234',
      iterations: 100_000,
    });
    expect(await openBackup(file, '正确的口令 1234')).toEqual({ error: 'digests' });
  });
});
