// electron-updater's generic provider reads `latest.yml` (Windows), `latest-linux.yml` and
// `latest-mac.yml`, each naming the installers of one version with their sha512 (base64) and
// size. The hub checks every named file against its digest before it serves anything.

import { parse } from 'yaml';
import { isVersion } from '#shared/protocol/updates';

export interface ReleaseFile {
  url: string;
  sha512: string;
  size: number;
}

export interface ReleaseChannel {
  /** The yml's own name, e.g. latest-linux.yml. */
  name: string;
  version: string;
  files: ReleaseFile[];
  releaseDate?: string;
}

export const CHANNEL_PATTERN = /^latest(?:-[a-z0-9]+)?\.yml$/;
/** Installer names: no path, no leading dot, nothing a URL or a shell would read twice. */
export const FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._ +-]{0,199}$/;
const SHA512_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

/** Parses one channel file; returns a Chinese reason for anything an updater could not trust. */
export function parseChannel(name: string, text: string): ReleaseChannel | string {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return `${name} 不是有效的 YAML`;
  }
  if (typeof doc !== 'object' || doc === null) return `${name} 内容为空`;
  const v = doc as Record<string, unknown>;
  const version = typeof v['version'] === 'string' ? v['version'] : String(v['version'] ?? '');
  if (!isVersion(version)) return `${name} 的版本号不正确：${version}`;
  if (!Array.isArray(v['files']) || v['files'].length === 0) return `${name} 没有列出安装文件`;
  const files: ReleaseFile[] = [];
  for (const entry of v['files'] as unknown[]) {
    const f = (entry ?? {}) as Record<string, unknown>;
    const url = f['url'];
    if (typeof url !== 'string' || !FILE_NAME_PATTERN.test(url) || url.includes('..'))
      return `${name} 列出的文件名不可用：${String(url)}`;
    if (typeof f['sha512'] !== 'string' || !SHA512_BASE64.test(f['sha512']))
      return `${name} 中 ${url} 的 sha512 不正确`;
    if (typeof f['size'] !== 'number' || !Number.isSafeInteger(f['size']) || f['size'] < 0)
      return `${name} 中 ${url} 的大小不正确`;
    files.push({ url, sha512: f['sha512'], size: f['size'] });
  }
  const channel: ReleaseChannel = { name, version, files };
  if (typeof v['releaseDate'] === 'string') channel.releaseDate = v['releaseDate'];
  return channel;
}
