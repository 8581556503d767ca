// Parses `npm run hub -- <command> [flags]` into a typed command. Pure: returns a usage error
// message (Chinese) instead of exiting, so it is tested directly.

import { isValidScope } from '#shared/domain/places/index';
import { isActorRole } from '#shared/protocol/v1';
import type { ActorRole } from '#shared/domain/vocab';
import { ACTOR_ROLES } from '#shared/domain/vocab';

interface Common {
  data?: string;
  hub?: string;
  json: boolean;
}

export type Command =
  | { command: 'serve'; port: number; host: string; data?: string }
  | ({ command: 'seed-demo' } & Common)
  | ({ command: 'enroll'; scope: string; role: ActorRole; name: string; ttlMinutes?: number } & Common)
  | ({ command: 'devices' } & Common)
  | ({ command: 'revoke'; deviceId: string } & Common)
  | { command: 'help' };

export const USAGE = `用法: npm run hub -- <命令> [选项]

命令:
  serve [--port 8787] [--host 127.0.0.1] [--data <目录>]   启动同步服务
  seed-demo [--data <目录>] [--hub <地址>]                  载入示范街道数据（可重复执行）
  enroll --scope <路径> --role <角色> --name <名称> [--ttl <分钟>] [--json]
                                                            签发一次性设备登记码
  devices [--json]                                          列出已登记设备
  revoke <设备编号>                                         停用设备

环境变量 HUB_DATABASE_URL=postgres://… 使用 PostgreSQL 代替内置数据库。
角色: ${ACTOR_ROLES.join(', ')}`;

const FLAGS: Record<string, readonly string[]> = {
  serve: ['port', 'host', 'data'],
  'seed-demo': ['data', 'hub', 'json'],
  enroll: ['scope', 'role', 'name', 'ttl', 'data', 'hub', 'json'],
  devices: ['data', 'hub', 'json'],
  revoke: ['data', 'hub', 'json'],
};
const BOOLEAN_FLAGS = new Set(['json']);

export function parseArgs(argv: readonly string[]): Command | { error: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { command: 'help' };
  const allowed = FLAGS[command];
  if (!allowed) return { error: `未知命令: ${command}` };
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!allowed.includes(name)) return { error: `命令 ${command} 不支持选项 --${name}` };
    if (BOOLEAN_FLAGS.has(name)) {
      flags.set(name, true);
      continue;
    }
    const value = eq === -1 ? rest[(i += 1)] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--')))
      return { error: `选项 --${name} 缺少取值` };
    flags.set(name, value);
  }
  const str = (name: string) => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const common: Common = { json: flags.get('json') === true };
  if (str('data') !== undefined) common.data = str('data');
  if (str('hub') !== undefined) common.hub = str('hub');
  const expected = command === 'revoke' ? 1 : 0;
  if (positional.length !== expected) {
    return { error: command === 'revoke' ? '请给出要停用的设备编号' : `多余的参数: ${positional.join(' ')}` };
  }

  switch (command) {
    case 'serve': {
      const port = Number(str('port') ?? '8787');
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { error: '--port 必须是 0 到 65535 的整数' };
      const out: Command = { command, port, host: str('host') ?? '127.0.0.1' };
      if (common.data !== undefined) out.data = common.data;
      return out;
    }
    case 'enroll': {
      const scope = str('scope');
      const role = str('role');
      const name = str('name');
      if (!isValidScope(scope)) return { error: '--scope 必须是地点路径，例如 xg.gyj' };
      if (!isActorRole(role)) return { error: `--role 必须是以下之一: ${ACTOR_ROLES.join(', ')}` };
      if (name === undefined || name.trim() === '') return { error: '--name 不能为空' };
      const out: Command = { command, scope, role, name, ...common };
      const ttl = str('ttl');
      if (ttl !== undefined) {
        const minutes = Number(ttl);
        if (!Number.isFinite(minutes) || minutes <= 0) return { error: '--ttl 必须是正数（分钟）' };
        out.ttlMinutes = minutes;
      }
      return out;
    }
    case 'revoke':
      return { command, deviceId: positional[0] as string, ...common };
    case 'seed-demo':
    case 'devices':
      return { command, ...common };
    default:
      return { error: `未知命令: ${command}` };
  }
}
