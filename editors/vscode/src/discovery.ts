import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/** Where the server binary was found. */
export type ServerSource = 'setting' | 'bundled' | 'PATH';

/** A server binary that was found. */
export interface Found {
  kind: 'found';
  path: string;
  source: ServerSource;
}

/** No usable server binary: what to tell the user and where we looked. */
export interface Missing {
  kind: 'missing';
  message: string;
  tried: string[];
}

/**
 * What binary discovery needs from the machine; tests pass a fake one.
 * platform and arch take the values of Node's process.platform and
 * process.arch.
 */
export interface Host {
  platform: string;
  arch: string;
  extensionPath: string;
  env: Record<string, string | undefined>;
  homedir: string;
  workspaceFolders: string[];
  /** Reports whether p is a regular file. */
  isFile(p: string): boolean;
  /** Reports whether the file p may be run. */
  isExecutable(p: string): boolean;
  /**
   * Adds the permission to run p and reports whether it worked. Used only
   * on the bundled binary: a .vsix does not keep file modes.
   */
  makeExecutable(p: string): boolean;
}

/** The installation hint shown when no binary is found. */
export const INSTALL_HINT = 'Install it with `go install github.com/scopels/scopels/cmd/scopels@latest` and make sure it is on PATH, or set scopels.path to the binary.';

function pathOf(platform: string): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The file name of the server binary on a platform. */
export function binaryName(platform: string): string {
  return platform === 'win32' ? 'scopels.exe' : 'scopels';
}

/** The binary a platform-specific .vsix carries: bin/<platform>-<arch>/. */
export function bundledPath(host: Pick<Host, 'platform' | 'arch' | 'extensionPath'>): string {
  return pathOf(host.platform).join(host.extensionPath, 'bin', `${host.platform}-${host.arch}`, binaryName(host.platform));
}

/** Reads an environment variable, ignoring case on Windows (Path, PATH). */
function envVar(host: Host, name: string): string | undefined {
  if (host.platform !== 'win32') return host.env[name];
  const key = Object.keys(host.env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : host.env[key];
}

/** The names to look for in each PATH folder. */
function candidateNames(host: Host): string[] {
  if (host.platform !== 'win32') return ['scopels'];
  const exts = (envVar(host, 'PATHEXT') || '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '');
  const names = ['scopels.exe'];
  for (const e of exts) {
    const n = 'scopels' + e.toLowerCase();
    if (!names.includes(n)) names.push(n);
  }
  return names;
}

/**
 * Expands ~, ${userHome} and ${workspaceFolder} in the scopels.path setting
 * and makes a relative path absolute against the first workspace folder.
 * Returns undefined for a relative path with no folder open.
 */
export function expandSetting(value: string, host: Host): string | undefined {
  const p = pathOf(host.platform);
  let v = value.trim();
  v = v.replace(/\$\{userHome\}/g, host.homedir);
  if (host.workspaceFolders.length > 0) v = v.replace(/\$\{workspaceFolder\}/g, host.workspaceFolders[0]);
  if (v === '~' || v.startsWith('~/') || (host.platform === 'win32' && v.startsWith('~\\'))) {
    v = p.join(host.homedir, v.slice(1));
  }
  if (v.includes('${workspaceFolder}')) return undefined;
  if (p.isAbsolute(v)) return p.normalize(v);
  if (host.workspaceFolders.length === 0) return undefined;
  return p.resolve(host.workspaceFolders[0], v);
}

/**
 * Finds the server binary: the scopels.path setting when it is set (and
 * nothing else then, so a wrong setting is reported instead of silently
 * replaced), else the binary bundled in the extension for this platform,
 * else scopels on PATH.
 */
export function findServer(setting: string | undefined, host: Host): Found | Missing {
  if (setting !== undefined && setting.trim() !== '') {
    const p = expandSetting(setting, host);
    if (p === undefined) {
      return { kind: 'missing', message: `scopels.path is "${setting}", a relative path, but no folder is open to resolve it against. Use an absolute path.`, tried: [setting] };
    }
    if (!host.isFile(p)) {
      return { kind: 'missing', message: `scopels.path is "${setting}", but there is no file at ${p}.`, tried: [p] };
    }
    if (!host.isExecutable(p)) {
      return { kind: 'missing', message: `scopels.path is "${setting}", but ${p} is not executable.`, tried: [p] };
    }
    return { kind: 'found', path: p, source: 'setting' };
  }

  const tried: string[] = [];
  const bundled = bundledPath(host);
  tried.push(bundled);
  if (host.isFile(bundled) && (host.isExecutable(bundled) || host.makeExecutable(bundled))) {
    return { kind: 'found', path: bundled, source: 'bundled' };
  }

  const p = pathOf(host.platform);
  const delimiter = host.platform === 'win32' ? ';' : ':';
  const dirs = (envVar(host, 'PATH') || '').split(delimiter).map((d) => d.replace(/^"(.*)"$/, '$1')).filter((d) => d !== '');
  const names = candidateNames(host);
  for (const dir of dirs) {
    if (!p.isAbsolute(dir)) continue; // a relative PATH entry would depend on the editor's working directory
    for (const name of names) {
      const c = p.join(dir, name);
      tried.push(c);
      if (host.isFile(c) && host.isExecutable(c)) {
        return { kind: 'found', path: c, source: 'PATH' };
      }
    }
  }
  return { kind: 'missing', message: `The scopels binary was not found. ${INSTALL_HINT}`, tried };
}

/** The real machine, for the running extension. */
export function nodeHost(extensionPath: string): Host {
  return {
    platform: process.platform,
    arch: process.arch,
    extensionPath,
    env: process.env,
    homedir: os.homedir(),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    isFile(p) {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
    isExecutable(p) {
      if (process.platform === 'win32') return true;
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    makeExecutable(p) {
      try {
        const mode = fs.statSync(p).mode;
        fs.chmodSync(p, mode | 0o755);
        fs.accessSync(p, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Finds the server binary for the running extension. */
export function discoverServer(extensionPath: string): Found | Missing {
  const setting = vscode.workspace.getConfiguration('scopels').get<string>('path');
  return findServer(setting, nodeHost(extensionPath));
}
