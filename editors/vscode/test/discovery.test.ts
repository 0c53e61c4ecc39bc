import '../testing/register';

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { bundledPath, discoverServer, findServer, Host } from '../src/discovery';
import * as vscode from '../testing/vscode';

/** A fake machine: files maps each existing file to whether it may be run. */
function host(over: Partial<Host> & { files?: Record<string, boolean> }): Host & { chmodded: string[] } {
  const files = { ...(over.files ?? {}) };
  const chmodded: string[] = [];
  return {
    platform: 'linux',
    arch: 'x64',
    extensionPath: '/ext',
    env: { PATH: '/usr/local/bin:/usr/bin' },
    homedir: '/home/u',
    workspaceFolders: ['/work/proj'],
    isFile: (p) => p in files,
    isExecutable: (p) => files[p] === true,
    makeExecutable: (p) => {
      chmodded.push(p);
      files[p] = true;
      return true;
    },
    chmodded,
    ...over,
  };
}

test('binary discovery order: setting, bundled, PATH', async (t) => {
  const cases: {
    name: string;
    setting?: string;
    host: Partial<Host> & { files?: Record<string, boolean> };
    want: { path: string; source: string } | { missing: RegExp };
  }[] = [
    {
      name: 'the setting wins over bundled and PATH',
      setting: '/opt/scopels/scopels',
      host: { files: { '/opt/scopels/scopels': true, '/ext/bin/linux-x64/scopels': true, '/usr/bin/scopels': true } },
      want: { path: '/opt/scopels/scopels', source: 'setting' },
    },
    {
      name: 'a setting pointing nowhere is an error, not a fallback',
      setting: '/opt/nope/scopels',
      host: { files: { '/usr/bin/scopels': true } },
      want: { missing: /scopels\.path is "\/opt\/nope\/scopels", but there is no file at \/opt\/nope\/scopels/ },
    },
    {
      name: 'a setting naming a file that cannot run',
      setting: '/opt/scopels',
      host: { files: { '/opt/scopels': false } },
      want: { missing: /is not executable/ },
    },
    {
      name: 'tilde in the setting',
      setting: '~/go/bin/scopels',
      host: { files: { '/home/u/go/bin/scopels': true } },
      want: { path: '/home/u/go/bin/scopels', source: 'setting' },
    },
    {
      name: 'variables in the setting',
      setting: '${workspaceFolder}/tools/scopels',
      host: { files: { '/work/proj/tools/scopels': true } },
      want: { path: '/work/proj/tools/scopels', source: 'setting' },
    },
    {
      name: 'a relative setting resolves against the workspace folder',
      setting: 'bin/scopels',
      host: { files: { '/work/proj/bin/scopels': true } },
      want: { path: '/work/proj/bin/scopels', source: 'setting' },
    },
    {
      name: 'a relative setting without a folder',
      setting: 'bin/scopels',
      host: { workspaceFolders: [], files: { '/usr/bin/scopels': true } },
      want: { missing: /relative path, but no folder is open/ },
    },
    {
      name: 'a blank setting counts as unset',
      setting: '   ',
      host: { files: { '/usr/bin/scopels': true } },
      want: { path: '/usr/bin/scopels', source: 'PATH' },
    },
    {
      name: 'bundled binary for the platform and arch',
      host: { arch: 'arm64', files: { '/ext/bin/linux-arm64/scopels': true, '/ext/bin/linux-x64/scopels': true, '/usr/bin/scopels': true } },
      want: { path: '/ext/bin/linux-arm64/scopels', source: 'bundled' },
    },
    {
      name: 'a bundled binary of another arch is not used',
      host: { arch: 'arm64', files: { '/ext/bin/linux-x64/scopels': true, '/usr/bin/scopels': true } },
      want: { path: '/usr/bin/scopels', source: 'PATH' },
    },
    {
      name: 'first PATH entry that has it',
      host: { files: { '/usr/local/bin/scopels': true, '/usr/bin/scopels': true } },
      want: { path: '/usr/local/bin/scopels', source: 'PATH' },
    },
    {
      name: 'a PATH file that cannot run is skipped',
      host: { files: { '/usr/local/bin/scopels': false, '/usr/bin/scopels': true } },
      want: { path: '/usr/bin/scopels', source: 'PATH' },
    },
    {
      name: 'relative and empty PATH entries are ignored',
      host: { env: { PATH: '::bin:/usr/bin' }, files: { 'bin/scopels': true, '/usr/bin/scopels': true } },
      want: { path: '/usr/bin/scopels', source: 'PATH' },
    },
    {
      name: 'nothing anywhere',
      host: { files: {} },
      want: { missing: /The scopels binary was not found\. Install it with `go install github\.com\/scopels\/scopels\/cmd\/scopels@latest`/ },
    },
    {
      name: 'no PATH at all',
      host: { env: {}, files: {} },
      want: { missing: /not found/ },
    },
    {
      name: 'windows: bundled .exe',
      host: {
        platform: 'win32', extensionPath: 'C:\\ext', homedir: 'C:\\Users\\u', workspaceFolders: [],
        env: { Path: 'C:\\Go\\bin' }, files: { 'C:\\ext\\bin\\win32-x64\\scopels.exe': true },
      },
      want: { path: 'C:\\ext\\bin\\win32-x64\\scopels.exe', source: 'bundled' },
    },
    {
      name: 'windows: Path spelled in any case, quoted entries, .exe',
      host: {
        platform: 'win32', extensionPath: 'C:\\ext', homedir: 'C:\\Users\\u', workspaceFolders: [],
        env: { Path: 'C:\\Windows;"C:\\Users\\u\\go\\bin"' }, files: { 'C:\\Users\\u\\go\\bin\\scopels.exe': true },
      },
      want: { path: 'C:\\Users\\u\\go\\bin\\scopels.exe', source: 'PATH' },
    },
    {
      name: 'windows: setting with ${userHome}',
      setting: '${userHome}\\go\\bin\\scopels.exe',
      host: { platform: 'win32', homedir: 'C:\\Users\\u', workspaceFolders: [], files: { 'C:\\Users\\u\\go\\bin\\scopels.exe': true } },
      want: { path: 'C:\\Users\\u\\go\\bin\\scopels.exe', source: 'setting' },
    },
    {
      name: 'darwin arm64 bundled',
      host: { platform: 'darwin', arch: 'arm64', files: { '/ext/bin/darwin-arm64/scopels': true } },
      want: { path: '/ext/bin/darwin-arm64/scopels', source: 'bundled' },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const got = findServer(c.setting, host(c.host));
      if ('missing' in c.want) {
        assert.equal(got.kind, 'missing', JSON.stringify(got));
        if (got.kind === 'missing') assert.match(got.message, c.want.missing);
      } else {
        assert.deepEqual(got, { kind: 'found', ...c.want });
      }
    });
  }
});

test('a bundled binary that lost its mode is made executable, a user binary is not', () => {
  const h = host({ files: { '/ext/bin/linux-x64/scopels': false, '/opt/scopels': false } });
  assert.deepEqual(findServer(undefined, h), { kind: 'found', path: '/ext/bin/linux-x64/scopels', source: 'bundled' });
  assert.deepEqual(h.chmodded, ['/ext/bin/linux-x64/scopels']);
  const h2 = host({ files: { '/opt/scopels': false } });
  assert.equal(findServer('/opt/scopels', h2).kind, 'missing');
  assert.deepEqual(h2.chmodded, []);
});

test('the places tried are reported when nothing is found', () => {
  const got = findServer(undefined, host({ env: { PATH: '/a:/b' }, files: {} }));
  assert.equal(got.kind, 'missing');
  if (got.kind === 'missing') assert.deepEqual(got.tried, ['/ext/bin/linux-x64/scopels', '/a/scopels', '/b/scopels']);
});

test('bundled path names the folders the packaging script fills', () => {
  assert.equal(bundledPath({ platform: 'win32', arch: 'arm64', extensionPath: 'C:\\e' }), 'C:\\e\\bin\\win32-arm64\\scopels.exe');
  assert.equal(bundledPath({ platform: 'darwin', arch: 'x64', extensionPath: '/e' }), '/e/bin/darwin-x64/scopels');
});

test('discoverServer on the real file system, with the setting from the vscode module', { skip: process.platform === 'win32' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopels-discovery-'));
  try {
    const ext = path.join(dir, 'ext');
    const bundled = path.join(ext, 'bin', `${process.platform}-${process.arch}`, 'scopels');
    fs.mkdirSync(path.dirname(bundled), { recursive: true });
    fs.writeFileSync(bundled, '#!/bin/sh\n', { mode: 0o644 }); // as unpacked from a .vsix: no x bit

    vscode.reset({}, [dir]);
    assert.deepEqual(discoverServer(ext), { kind: 'found', path: bundled, source: 'bundled' });
    assert.ok(fs.statSync(bundled).mode & 0o100, 'the bundled binary was made executable');

    const own = path.join(dir, 'own-scopels');
    fs.writeFileSync(own, '#!/bin/sh\n', { mode: 0o755 });
    vscode.reset({ 'scopels.path': 'own-scopels' }, [dir]);
    assert.deepEqual(discoverServer(ext), { kind: 'found', path: own, source: 'setting' });

    vscode.reset({ 'scopels.path': path.join(dir, 'missing') }, [dir]);
    assert.equal(discoverServer(ext).kind, 'missing');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
