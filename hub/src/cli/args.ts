// Parses `npm run hub -- <command> [flags]` into a typed command with Node's `parseArgs`; a new
// command adds its options to COMMANDS and its case below. Pure: returns a usage error message
// (Chinese) instead of exiting, so it is tested directly.

import { parseArgs as parseFlags, type ParseArgsConfig } from 'node:util';
import { isValidScope } from '#shared/domain/places/index';
import { isActorRole } from '#shared/protocol/v1';
import { parseTrustedProxies } from '../http/client-address';
import { parseQuarantineOrder } from '../admin/quarantine-action';
import type { QuarantineOrder } from '../admin/quarantine-action';
import type { ActorRole } from '#shared/domain/vocab';
import { ACTOR_ROLES } from '#shared/domain/vocab';

interface Common {
  data?: string;
  hub?: string;
  json: boolean;
}

export type Command =
  | { command: 'serve'; port: number; host: string; data?: string; trustProxy?: string[] }
  | ({ command: 'seed-demo'; asOf?: string } & Common)
  | ({ command: 'enroll'; scope: string; role: ActorRole; name: string; ttlMinutes?: number } & Common)
  | ({ command: 'devices' } & Common)
  | ({ command: 'revoke'; deviceId: string } & Common)
  | ({ command: 'publish-update'; source: string; minimumVersion?: string } & Common)
  | ({ command: 'import-bundle'; file: string; out?: string; fromRevoked?: boolean } & Common)
  | ({ command: 'quarantine'; order: QuarantineOrder } & Common)
  | ({ command: 'backup'; out: string } & Common)
  | ({ command: 'restore'; from: string } & Common)
  | ({ command: 'purge-pii'; before: string } & Common)
  | { command: 'help' };

export const USAGE = `用法: npm run hub -- <命令> [选项]

命令:
  serve [--port 8787] [--host 127.0.0.1] [--data <目录>] [--trust-proxy <IP,…>]
                                                            启动同步服务（--trust-proxy：反向代理的地址，
                                                            只信任这些地址送来的 X-Forwarded-For）
  seed-demo [--data <目录>] [--hub <地址>] [--as-of <时间>] 载入示范街道数据（可重复执行；--as-of 按某一时刻生成，用于培训和测试）
  enroll --scope <路径> --role <角色> --name <名称> [--ttl <分钟>] [--json]
                                                            签发一次性设备登记码
  devices [--json]                                          列出已登记设备
  revoke <设备编号>                                         停用设备
  publish-update <目录> [--minimum <版本>]                  发布应用更新（electron-builder 的输出目录）
  import-bundle <文件> [--out <回传包文件>]                 导入议事厅带来的同步包，写出回传包
  import-bundle <文件> --from-revoked                       导入已停用设备在清除数据前导出的未同步修改（管理员确认）
  backup --out <文件>                                       备份整个同步服务的数据库（含摘要，运行中也可）
  restore --from <文件>                                     从备份恢复（须先停止同步服务；设备会自动重新同步）
  purge-pii --before <日期>                                 清除保存期限已过的居民个人信息（见 hub/README.md）
  quarantine list [--device <设备编号>] [--limit 50]        查看隔离区（被拒收的数据）及各设备的计数
  quarantine show <编号>                                    查看一条被拒收数据的原始内容
  quarantine purge [--device <设备编号>] [--before <时间>] [--all]
                                                            清除隔离区记录

环境变量 HUB_DATABASE_URL=postgres://… 使用 PostgreSQL 代替内置数据库。
角色: ${ACTOR_ROLES.join(', ')}`;

type Options = NonNullable<ParseArgsConfig['options']>;

const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const admin = { data: text, hub: text, json: flag } as const;

/** The options of each command (all long options) and how many positional arguments it takes. */
const COMMANDS: Record<string, { options: Options; positionals: number }> = {
  serve: { options: { port: text, host: text, data: text, 'trust-proxy': text }, positionals: 0 },
  'seed-demo': { options: { 'as-of': text, ...admin }, positionals: 0 },
  enroll: { options: { scope: text, role: text, name: text, ttl: text, ...admin }, positionals: 0 },
  devices: { options: admin, positionals: 0 },
  revoke: { options: admin, positionals: 1 },
  'publish-update': { options: { minimum: text, ...admin }, positionals: 1 },
  'import-bundle': { options: { out: text, 'from-revoked': flag, ...admin }, positionals: 1 },
  backup: { options: { out: text, ...admin }, positionals: 0 },
  restore: { options: { from: text, ...admin }, positionals: 0 },
  'purge-pii': { options: { before: text, ...admin }, positionals: 0 },
  // list|purge take one positional, show two; checked in its case below.
  quarantine: { options: { device: text, limit: text, before: text, all: flag, ...admin }, positionals: -1 },
};

/** Node's parse errors name the option in quotes; the message the user reads is Chinese. */
function parseError(command: string, err: unknown): { error: string } {
  const code = (err as { code?: unknown }).code;
  const option = /'(-[^' ]+)/.exec(err instanceof Error ? err.message : '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { error: `命令 ${command} 不支持选项 ${option}` };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { error: `选项 ${option} 的取值不正确或缺失` };
  throw err;
}

export function parseArgs(argv: readonly string[]): Command | { error: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { command: 'help' };
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) return { error: `未知命令: ${command}` };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseFlags({ args: [...rest], options: spec.options, allowPositionals: true, strict: true });
  } catch (err) {
    return parseError(command, err);
  }
  const { values, positionals: positional } = parsed;
  const str = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const common: Common = { json: values['json'] === true };
  if (str('data') !== undefined) common.data = str('data');
  if (str('hub') !== undefined) common.hub = str('hub');
  if (spec.positionals >= 0 && positional.length !== spec.positionals) {
    if (command === 'revoke') return { error: '请给出要停用的设备编号' };
    if (command === 'publish-update') return { error: '请给出发布目录（含 latest.yml 和安装文件）' };
    if (command === 'import-bundle') return { error: '请给出同步包文件（议事厅设备导出的 .json 文件）' };
    return { error: `多余的参数: ${positional.join(' ')}` };
  }

  switch (command) {
    case 'serve': {
      const port = Number(str('port') ?? '8787');
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { error: '--port 必须是 0 到 65535 的整数' };
      const out: Command = { command, port, host: str('host') ?? '127.0.0.1' };
      if (common.data !== undefined) out.data = common.data;
      const proxies = str('trust-proxy');
      if (proxies !== undefined) {
        const parsed = parseTrustedProxies(proxies);
        if ('error' in parsed) return parsed;
        out.trustProxy = parsed.addresses;
      }
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
    case 'import-bundle': {
      const out: Command = { command, file: positional[0] as string, ...common };
      const target = str('out');
      if (target !== undefined) out.out = target;
      if (values['from-revoked'] === true) out.fromRevoked = true;
      return out;
    }
    case 'publish-update': {
      const out: Command = { command, source: positional[0] as string, ...common };
      const minimum = str('minimum');
      if (minimum !== undefined) out.minimumVersion = minimum;
      return out;
    }
    case 'seed-demo': {
      const asOf = str('as-of');
      if (asOf === undefined) return { command, ...common };
      if (Number.isNaN(Date.parse(asOf))) return { error: `--as-of 不是有效时间: ${asOf}` };
      return { command, asOf: new Date(asOf).toISOString(), ...common };
    }
    case 'devices':
      return { command, ...common };
    case 'backup': {
      const out = str('out');
      if (out === undefined || out.trim() === '') return { error: '请用 --out 给出备份文件的路径' };
      return { command, out, ...common };
    }
    case 'restore': {
      const from = str('from');
      if (from === undefined || from.trim() === '') return { error: '请用 --from 给出备份文件的路径' };
      return { command, from, ...common };
    }
    case 'purge-pii': {
      const before = str('before');
      if (before === undefined || Number.isNaN(Date.parse(before)))
        return { error: '请用 --before 给出日期，例如 --before 2024-01-01' };
      return { command, before: new Date(before).toISOString(), ...common };
    }
    case 'quarantine':
      return quarantineCommand(positional, str, values['all'] === true, common);
    default:
      return { error: `未知命令: ${command}` };
  }
}

function quarantineCommand(
  positional: string[],
  str: (name: string) => string | undefined,
  all: boolean,
  common: Common,
): Command | { error: string } {
  const [op, id, ...extra] = positional;
  if (extra.length > 0 || (op !== 'show' && id !== undefined))
    return { error: `多余的参数: ${positional.join(' ')}` };
  const device = str('device');
  const before = str('before');
  const limit = str('limit');
  let input: Record<string, unknown>;
  if (op === 'list') {
    input = {
      op,
      ...(device ? { deviceId: device } : {}),
      ...(limit !== undefined ? { limit: Number(limit) } : {}),
    };
  } else if (op === 'show') {
    if (id === undefined) return { error: '请给出隔离记录的编号（见 quarantine list）' };
    input = { op, id: Number(id) };
  } else if (op === 'purge') {
    input = {
      op,
      ...(device ? { deviceId: device } : {}),
      ...(before !== undefined
        ? { before: Number.isNaN(Date.parse(before)) ? before : new Date(before).toISOString() }
        : {}),
      ...(all ? { all } : {}),
    };
  } else {
    return { error: 'quarantine 之后请写 list、show 或 purge' };
  }
  const order = parseQuarantineOrder(input);
  if (typeof order === 'string') return { error: order };
  return { command: 'quarantine', order, ...common };
}
