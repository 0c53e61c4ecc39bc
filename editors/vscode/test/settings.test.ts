import '../testing/register';

import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { logLevel, readServerSettings, toServerSettings } from '../src/settings';
import * as vscode from '../testing/vscode';

test('settings map to the initializationOptions lsp/config.go reads', async (t) => {
  const cases: { name: string; settings: Record<string, unknown>; want: unknown }[] = [
    {
      name: 'defaults send only pullDiagnostics false',
      settings: { 'scopels.severity': {}, 'scopels.disabled': [], 'scopels.providers': {}, 'scopels.path': '' },
      want: { pullDiagnostics: false },
    },
    {
      name: 'nothing set at all',
      settings: {},
      want: { pullDiagnostics: false },
    },
    {
      name: 'every server setting',
      settings: {
        'scopels.severity': { 'broad-scope': 'off', 'duplicate-scope': 'info' },
        'scopels.disabled': ['redundant-scope'],
        'scopels.maxFileSize': 2048,
        'scopels.providers': { acme: { title: 'Acme API', scopes: { 'api.read': 'Read' } } },
        'scopels.path': '/opt/scopels',
        'scopels.logLevel': 'debug',
        'scopels.trace.server': 'verbose',
      },
      want: {
        severity: { 'broad-scope': 'off', 'duplicate-scope': 'info' },
        disabled: ['redundant-scope'],
        maxFileSize: 2048,
        providers: { acme: { title: 'Acme API', scopes: { 'api.read': 'Read' } } },
        pullDiagnostics: false,
      },
    },
    {
      name: 'values the server would reject are left out',
      settings: {
        'scopels.severity': { 'broad-scope': 3, 'wrong-case': '', 'unknown-scope': ' warning ' },
        'scopels.disabled': 'redundant-scope',
        'scopels.maxFileSize': -5,
        'scopels.providers': ['acme'],
      },
      want: { severity: { 'unknown-scope': 'warning' }, pullDiagnostics: false },
    },
    {
      name: 'a fractional size is rounded down; a zero size means the default',
      settings: { 'scopels.maxFileSize': 1000.7 },
      want: { maxFileSize: 1000, pullDiagnostics: false },
    },
    {
      name: 'zero size',
      settings: { 'scopels.maxFileSize': 0 },
      want: { pullDiagnostics: false },
    },
    {
      name: 'disabled codes are de-duplicated and non-strings dropped',
      settings: { 'scopels.disabled': ['broad-scope', 'broad-scope', 7, ' wrong-case '] },
      want: { disabled: ['broad-scope', 'wrong-case'], pullDiagnostics: false },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      vscode.reset(c.settings);
      assert.deepEqual(readServerSettings(), c.want);
    });
  }
});

test('the settings object survives JSON as the server receives it', () => {
  const s = toServerSettings((k) => ({ maxFileSize: 10, disabled: ['wrong-case'] })[k]);
  assert.deepEqual(JSON.parse(JSON.stringify(s)), { maxFileSize: 10, disabled: ['wrong-case'], pullDiagnostics: false });
});

test('log level', async (t) => {
  for (const [value, want] of [[undefined, 'warn'], ['debug', 'debug'], ['error', 'error'], ['loud', 'warn']] as const) {
    await t.test(String(value), () => {
      vscode.reset(value === undefined ? {} : { 'scopels.logLevel': value });
      assert.equal(logLevel(), want);
    });
  }
});
