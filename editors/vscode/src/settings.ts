import * as vscode from 'vscode';

/**
 * The settings object the server reads, from initializationOptions and from
 * workspace/didChangeConfiguration (lsp/config.go): keys the server does not
 * know are never sent, and values it would reject are left out so that one
 * bad value does not throw away the rest.
 */
export interface ServerSettings {
  /** Severity per check code: error, warning, info, hint or off. */
  severity?: Record<string, string>;
  /** Check codes that never run. */
  disabled?: string[];
  /** The largest document checked, in bytes. */
  maxFileSize?: number;
  /** Extra providers, in the shape of the project file's `providers` key. */
  providers?: Record<string, unknown>;
  /**
   * Always false: VS Code's client keeps pulled and pushed diagnostics in two
   * collections, so with both every problem would show twice. The server
   * pushes diagnostics in any case.
   */
  pullDiagnostics: false;
}

/** Reads one setting (relative to the "scopels" section). */
export type SettingReader = (key: string) => unknown;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds the server's settings from the extension's settings. */
export function toServerSettings(get: SettingReader): ServerSettings {
  const out: ServerSettings = { pullDiagnostics: false };

  const severity = get('severity');
  if (isPlainObject(severity)) {
    const m: Record<string, string> = {};
    for (const [code, level] of Object.entries(severity)) {
      if (typeof level === 'string' && level.trim() !== '') m[code] = level.trim();
    }
    if (Object.keys(m).length > 0) out.severity = m;
  }

  const disabled = get('disabled');
  if (Array.isArray(disabled)) {
    const codes = [...new Set(disabled.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim()))];
    if (codes.length > 0) out.disabled = codes;
  }

  const max = get('maxFileSize');
  if (typeof max === 'number' && Number.isFinite(max) && max >= 1) {
    out.maxFileSize = Math.floor(max);
  }

  const providers = get('providers');
  if (isPlainObject(providers) && Object.keys(providers).length > 0) {
    out.providers = providers;
  }
  return out;
}

/** Reads the server's settings from the workspace configuration. */
export function readServerSettings(): ServerSettings {
  const cfg = vscode.workspace.getConfiguration('scopels');
  return toServerSettings((key) => cfg.get(key));
}

/** Settings whose change needs a new server process. */
export const RESTART_SETTINGS = ['scopels.path', 'scopels.logLevel'];

/** The --log-level the server runs with. */
export function logLevel(): string {
  const v = vscode.workspace.getConfiguration('scopels').get<string>('logLevel');
  return v && ['debug', 'info', 'warn', 'error'].includes(v) ? v : 'warn';
}
