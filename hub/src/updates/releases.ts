// The application updates the hub serves to the street's Electron installs: published from the
// folder electron-builder writes, checked against their digests, the newest three versions kept.
// Layout under the data folder: updates/index.json and one folder per version.

import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareVersions, isVersion } from '#shared/protocol/updates';
import { CHANNEL_PATTERN, parseChannel } from './release-file';
import type { ReleaseChannel } from './release-file';

export const KEPT_RELEASES = 3;

export interface PublishedRelease {
  version: string;
  publishedAt: string;
  /** The channel files (latest.yml, latest-linux.yml, …) of this version. */
  channels: string[];
  /** Every file a device may fetch for this version: channels, installers, blockmaps. */
  files: string[];
}

export interface ReleaseIndex {
  /** Oldest first; the last one is what devices are offered. */
  releases: PublishedRelease[];
  /** Devices older than this are told to update before anything else. */
  minimumVersion: string | null;
}

export class PublishError extends Error {}

const EMPTY: ReleaseIndex = { releases: [], minimumVersion: null };

export async function readReleaseIndex(updatesDir: string): Promise<ReleaseIndex> {
  try {
    const parsed = JSON.parse(await readFile(join(updatesDir, 'index.json'), 'utf8')) as ReleaseIndex;
    return { releases: parsed.releases ?? [], minimumVersion: parsed.minimumVersion ?? null };
  } catch {
    return EMPTY;
  }
}

async function writeReleaseIndex(updatesDir: string, index: ReleaseIndex): Promise<void> {
  const tmp = join(updatesDir, `index.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(index, null, 2));
  await rename(tmp, join(updatesDir, 'index.json'));
}

export function currentRelease(index: ReleaseIndex): PublishedRelease | null {
  return index.releases.at(-1) ?? null;
}

function sha512Base64(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('base64')));
  });
}

async function readChannels(sourceDir: string): Promise<ReleaseChannel[]> {
  const names = (await readdir(sourceDir)).filter((n) => CHANNEL_PATTERN.test(n)).sort();
  if (names.length === 0)
    throw new PublishError(`${sourceDir} 中没有 latest*.yml（electron-builder 的发布文件）`);
  const channels: ReleaseChannel[] = [];
  for (const name of names) {
    const parsed = parseChannel(name, await readFile(join(sourceDir, name), 'utf8'));
    if (typeof parsed === 'string') throw new PublishError(parsed);
    channels.push(parsed);
  }
  const versions = new Set(channels.map((c) => c.version));
  if (versions.size !== 1) throw new PublishError(`发布文件的版本不一致：${[...versions].join('、')}`);
  return channels;
}

/**
 * Publishes the release in `sourceDir`: every installer must match the size and sha512 its yml
 * names, or nothing is published. Republishing a version replaces it and makes it current.
 */
export async function publishRelease(
  updatesDir: string,
  sourceDir: string,
  options: { now: Date; minimumVersion?: string | null },
): Promise<{ release: PublishedRelease; removed: string[] }> {
  if (options.minimumVersion && !isVersion(options.minimumVersion))
    throw new PublishError(`最低版本号不正确：${options.minimumVersion}`);
  const channels = await readChannels(sourceDir);
  const version = (channels[0] as ReleaseChannel).version;
  const installers = new Map<string, { sha512: string; size: number }>();
  for (const channel of channels) for (const f of channel.files) installers.set(f.url, f);
  const files = channels.map((c) => c.name);
  for (const [name, expected] of installers) {
    const path = join(sourceDir, name);
    if (!existsSync(path)) throw new PublishError(`缺少安装文件 ${name}`);
    const size = (await stat(path)).size;
    if (size !== expected.size)
      throw new PublishError(`${name} 的大小 ${size} 与发布文件中的 ${expected.size} 不符`);
    if ((await sha512Base64(path)) !== expected.sha512)
      throw new PublishError(`${name} 的 sha512 与发布文件不符`);
    files.push(name);
    // Blockmaps let an updater download only what changed; optional.
    if (existsSync(`${path}.blockmap`)) files.push(`${name}.blockmap`);
  }

  await mkdir(updatesDir, { recursive: true });
  const staging = join(updatesDir, `.staging-${version}-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  for (const name of files) await copyFile(join(sourceDir, name), join(staging, name));
  const target = join(updatesDir, version);
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);

  const index = await readReleaseIndex(updatesDir);
  const release: PublishedRelease = {
    version,
    publishedAt: options.now.toISOString(),
    channels: channels.map((c) => c.name),
    files,
  };
  const releases = [...index.releases.filter((r) => r.version !== version), release];
  const removed = releases.slice(0, Math.max(0, releases.length - KEPT_RELEASES)).map((r) => r.version);
  for (const old of removed) await rm(join(updatesDir, old), { recursive: true, force: true });
  const minimumVersion = options.minimumVersion === undefined ? index.minimumVersion : options.minimumVersion;
  await writeReleaseIndex(updatesDir, { releases: releases.slice(-KEPT_RELEASES), minimumVersion });
  return { release, removed };
}

/** Sets (or with null clears) the version below which devices must update. */
export async function setMinimumVersion(updatesDir: string, version: string | null): Promise<void> {
  if (version !== null && !isVersion(version)) throw new PublishError(`最低版本号不正确：${version}`);
  await mkdir(updatesDir, { recursive: true });
  const index = await readReleaseIndex(updatesDir);
  const current = currentRelease(index);
  if (version !== null && current && compareVersions(version, current.version) > 0)
    throw new PublishError(`最低版本 ${version} 高于已发布的 ${current.version}`);
  await writeReleaseIndex(updatesDir, { ...index, minimumVersion: version });
}

/** The path of a file the current release offers, or null: only what was published is served. */
export function currentReleaseFile(updatesDir: string, index: ReleaseIndex, name: string): string | null {
  const current = currentRelease(index);
  if (!current || !current.files.includes(name)) return null;
  return join(updatesDir, current.version, name);
}
