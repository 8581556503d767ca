import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('parses serve with defaults and flags in both spellings', () => {
    expect(parseArgs(['serve'])).toEqual({ command: 'serve', port: 8787, host: '127.0.0.1' });
    expect(parseArgs(['serve', '--port', '0', '--host=0.0.0.0', '--data', '/tmp/x'])).toEqual({
      command: 'serve',
      port: 0,
      host: '0.0.0.0',
      data: '/tmp/x',
    });
    expect(parseArgs(['serve', '--trust-proxy', '10.0.0.1,::1'])).toEqual({
      command: 'serve',
      port: 8787,
      host: '127.0.0.1',
      trustProxy: ['10.0.0.1', '::1'],
    });
    expect(parseArgs(['serve', '--trust-proxy', 'nginx'])).toHaveProperty('error');
  });

  it('parses enroll and validates scope, role, name and ttl', () => {
    expect(
      parseArgs([
        'enroll',
        '--scope',
        'xg.gyj',
        '--role',
        'recorder',
        '--name',
        '议事厅',
        '--json',
        '--ttl',
        '30',
      ]),
    ).toEqual({
      command: 'enroll',
      scope: 'xg.gyj',
      role: 'recorder',
      name: '议事厅',
      json: true,
      ttlMinutes: 30,
    });
    expect(parseArgs(['enroll', '--scope', 'XG..', '--role', 'recorder', '--name', 'a'])).toHaveProperty(
      'error',
    );
    expect(parseArgs(['enroll', '--scope', 'xg', '--role', 'king', '--name', 'a'])).toHaveProperty('error');
    expect(parseArgs(['enroll', '--scope', 'xg', '--role', 'recorder'])).toHaveProperty('error');
    expect(
      parseArgs(['enroll', '--scope', 'xg', '--role', 'recorder', '--name', 'a', '--ttl', '-1']),
    ).toHaveProperty('error');
  });

  it('parses the other admin commands', () => {
    expect(parseArgs(['revoke', 'dev_1', '--hub', 'http://127.0.0.1:1'])).toEqual({
      command: 'revoke',
      deviceId: 'dev_1',
      hub: 'http://127.0.0.1:1',
      json: false,
    });
    expect(parseArgs(['devices', '--json'])).toEqual({ command: 'devices', json: true });
    expect(parseArgs(['seed-demo', '--data', 'd'])).toEqual({ command: 'seed-demo', data: 'd', json: false });
    expect(parseArgs(['seed-demo', '--as-of', '2026-11-20T10:00:00+08:00'])).toEqual({
      command: 'seed-demo',
      asOf: '2026-11-20T02:00:00.000Z',
      json: false,
    });
    expect(parseArgs(['seed-demo', '--as-of', '上周五'])).toEqual({ error: '--as-of 不是有效时间: 上周五' });
    expect(parseArgs([])).toEqual({ command: 'help' });
  });

  it('refuses unknown commands and flags, missing values and stray arguments', () => {
    expect(parseArgs(['explode'])).toHaveProperty('error');
    expect(parseArgs(['serve', '--verbose'])).toHaveProperty('error');
    expect(parseArgs(['serve', '--port'])).toHaveProperty('error');
    expect(parseArgs(['serve', '--port', '--data', 'x'])).toHaveProperty('error');
    expect(parseArgs(['serve', '--port', '70000'])).toHaveProperty('error');
    expect(parseArgs(['revoke'])).toHaveProperty('error');
    expect(parseArgs(['devices', 'extra'])).toHaveProperty('error');
    expect(parseArgs(['devices', '--json=yes'])).toHaveProperty('error');
    expect(parseArgs(['toString'])).toEqual({ error: '未知命令: toString' });
  });

  it('names the offending option in Chinese', () => {
    expect(parseArgs(['serve', '--verbose'])).toEqual({ error: '命令 serve 不支持选项 --verbose' });
    expect(parseArgs(['serve', '--port'])).toEqual({ error: '选项 --port 的取值不正确或缺失' });
  });

  it('parses import-bundle with its file and an optional return file', () => {
    expect(parseArgs(['import-bundle', 'hall.json', '--out', 'back.json'])).toEqual({
      command: 'import-bundle',
      file: 'hall.json',
      out: 'back.json',
      json: false,
    });
    expect(parseArgs(['import-bundle'])).toEqual({ error: expect.stringContaining('同步包文件') });
    expect(parseArgs(['import-bundle', 'gone.json', '--from-revoked'])).toEqual({
      command: 'import-bundle',
      file: 'gone.json',
      fromRevoked: true,
      json: false,
    });
  });

  it('parses quarantine list, show and purge, and refuses a purge without a filter', () => {
    expect(parseArgs(['quarantine', 'list', '--device', 'dev_a1', '--limit', '5'])).toEqual({
      command: 'quarantine',
      order: { op: 'list', deviceId: 'dev_a1', limit: 5 },
      json: false,
    });
    expect(parseArgs(['quarantine', 'show', '12', '--json'])).toEqual({
      command: 'quarantine',
      order: { op: 'show', id: 12 },
      json: true,
    });
    expect(parseArgs(['quarantine', 'purge', '--before', '2026-01-01'])).toMatchObject({
      order: { op: 'purge', before: '2026-01-01T00:00:00.000Z' },
    });
    expect(parseArgs(['quarantine', 'purge', '--all'])).toMatchObject({ order: { op: 'purge' } });
    expect(parseArgs(['quarantine', 'purge'])).toHaveProperty('error');
    expect(parseArgs(['quarantine', 'show'])).toHaveProperty('error');
    expect(parseArgs(['quarantine', 'show', 'x'])).toHaveProperty('error');
    expect(parseArgs(['quarantine', 'drop'])).toHaveProperty('error');
    expect(parseArgs(['quarantine', 'purge', '--before', 'someday'])).toHaveProperty('error');
  });

  it('parses backup, restore and purge-pii, each with its one required option', () => {
    expect(parseArgs(['backup', '--out', 'b.gz'])).toEqual({ command: 'backup', out: 'b.gz', json: false });
    expect(parseArgs(['backup'])).toHaveProperty('error');
    expect(parseArgs(['restore', '--from', 'b.gz'])).toEqual({
      command: 'restore',
      from: 'b.gz',
      json: false,
    });
    expect(parseArgs(['restore'])).toHaveProperty('error');
    expect(parseArgs(['purge-pii', '--before', '2024-01-01'])).toEqual({
      command: 'purge-pii',
      before: '2024-01-01T00:00:00.000Z',
      json: false,
    });
    expect(parseArgs(['purge-pii', '--before', 'last year'])).toHaveProperty('error');
  });
});
