import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const repoRoot = resolve(import.meta.dirname, '..', '..');

interface Target {
  target: string;
  arch: string[];
}

const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; installerLanguages: string[] };
  linux: { target: Target[]; category: string; maintainer: string; synopsis: string; icon: string };
};

const archsOf = (targets: Target[], name: string) => targets.find((t) => t.target === name)?.arch;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own configuration schema", () => {
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
    // A misspelt option is caught, so the check has teeth.
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('cn.yishi.app');
    expect(config.productName).toBe('议事 Yishi');
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      productName: string;
      main: string;
    };
    expect(pkg.productName).toBe(config.productName);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('packs the built app only, in an asar', () => {
    expect(config.directories).toEqual({ output: 'release', buildResources: 'resources/build' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('flips the Electron fuses that keep the packaged app from being run as something else', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a Windows NSIS installer for x64 in Chinese with a per-machine choice', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
  });

  it('builds deb and AppImage for x64 and arm64 with Linux metadata', () => {
    expect(archsOf(config.linux.target, 'deb')).toEqual(['x64', 'arm64']);
    expect(archsOf(config.linux.target, 'AppImage')).toEqual(['x64', 'arm64']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux.synopsis.length).toBeGreaterThan(0);
  });

  it('points at a valid 512×512 RGBA PNG icon in the build resources', () => {
    expect(config.win.icon).toBe('resources/build/icon.png');
    expect(config.linux.icon).toBe('resources/build/icon.png');
    const png = readFileSync(join(repoRoot, config.linux.icon));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect([png[24], png[25]]).toEqual([8, 6]);
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(512 * (1 + 512 * 4));
  });
});

// An independent CRC-32 (bitwise, no table) to check the encoder in scripts/make-icon.mjs.
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('scripts/make-icon.mjs', () => {
  it('regenerates exactly the committed icon, with valid chunk checksums', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yishi-icon-'));
    try {
      const out = join(dir, 'icon.png');
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'make-icon.mjs'), out]);
      const fresh = readFileSync(out);
      expect(fresh.equals(readFileSync(join(repoRoot, 'resources', 'build', 'icon.png')))).toBe(true);
      const types: string[] = [];
      for (let at = 8; at < fresh.length;) {
        const length = fresh.readUInt32BE(at);
        types.push(fresh.toString('ascii', at + 4, at + 8));
        expect(fresh.readUInt32BE(at + 8 + length)).toBe(crc32(fresh.subarray(at + 4, at + 8 + length)));
        at += 12 + length;
      }
      expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
