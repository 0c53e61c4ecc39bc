import '../testing/register';

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { CHECK_CODES, LEVELS } from '../src/codes';
import { activationEvents, documentSelector, FILE_EXTENSIONS, FILE_NAMES, LANGUAGE_IDS } from '../src/languages';
import { toServerSettings } from '../src/settings';

// Compiled to out/test/; the extension folder is two levels up, the repository four.
const extDir = path.resolve(__dirname, '..', '..');
const repo = path.resolve(extDir, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'docs', 'scopels.schema.json'), 'utf8'));
const props: Record<string, { type?: string; default?: unknown; description?: string; markdownDescription?: string; [k: string]: unknown }> =
  pkg.contributes.configuration.properties;

/** The string literals of the Go function named fn in file (the body up to the first line that is just "}"). */
function goCases(file: string, fn: string): string[] {
  const src = fs.readFileSync(path.join(repo, file), 'utf8');
  const start = src.indexOf(`func ${fn}(`);
  assert.ok(start >= 0, `${fn} not found in ${file}`);
  const body = src.slice(start, src.indexOf('\n}\n', start));
  const out: string[] = [];
  // Only cases made of string literals alone (not "case base == ...").
  for (const m of body.matchAll(/^\s*case ("[^"]*"(?:,\s*"[^"]*")*):/gm)) {
    for (const s of m[1].matchAll(/"([^"]*)"/g)) out.push(s[1]);
  }
  return out;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

test('the settings contributed are the ones the issue names, each described', () => {
  assert.deepEqual(sorted(Object.keys(props)), sorted([
    'scopels.path', 'scopels.severity', 'scopels.disabled', 'scopels.providers',
    'scopels.maxFileSize', 'scopels.logLevel', 'scopels.trace.server',
  ]));
  for (const [key, p] of Object.entries(props)) {
    assert.ok((p.description ?? p.markdownDescription ?? '').length > 20, `${key} has no description`);
    assert.ok('default' in p, `${key} has no default`);
  }
  assert.equal(props['scopels.path'].scope, 'machine', 'a workspace must not choose which binary runs');
});

test('the settings sent are exactly the keys lsp/config.go reads', () => {
  const src = fs.readFileSync(path.join(repo, 'lsp', 'config.go'), 'utf8');
  const struct = src.slice(src.indexOf('type settings struct'), src.indexOf('\n}\n', src.indexOf('type settings struct')));
  const tags = [...struct.matchAll(/json:"([A-Za-z]+)/g)].map((m) => m[1]);
  assert.ok(tags.length > 0, 'no json tags found in lsp/config.go settings');
  const everything: Record<string, unknown> = {
    severity: { 'wrong-case': 'info' },
    disabled: ['broad-scope'],
    maxFileSize: 100,
    providers: { acme: { scopes: ['a'] } },
  };
  const sent = toServerSettings((k) => everything[k]);
  assert.deepEqual(sorted(Object.keys(sent)), sorted(tags));
  // Each server key that a user sets has a VS Code setting of the same name.
  for (const k of tags.filter((t) => t !== 'pullDiagnostics')) {
    assert.ok(`scopels.${k}` in props, `no setting scopels.${k}`);
  }
  assert.equal(props['scopels.maxFileSize'].default, 10 << 20, 'default size matches the server default');
});

test('check codes and levels agree with docs/scopels.schema.json', () => {
  const sev = schema.properties.severity.properties;
  assert.deepEqual(sorted(Object.keys(sev)), sorted(CHECK_CODES));
  const levelRef = sev['unknown-scope'].$ref.replace('#/definitions/', '');
  const schemaLevels = schema.definitions[levelRef].enum as string[];
  assert.deepEqual(sorted(schemaLevels.filter((l) => typeof l === 'string')), sorted(LEVELS));

  const sevSetting = props['scopels.severity'].properties as Record<string, { enum: string[] }>;
  assert.deepEqual(sorted(Object.keys(sevSetting)), sorted(CHECK_CODES));
  for (const [code, p] of Object.entries(sevSetting)) assert.deepEqual(p.enum, [...LEVELS], code);
  assert.deepEqual((props['scopels.disabled'].items as { enum: string[] }).enum, [...CHECK_CODES]);

  const provider = (props['scopels.providers'].additionalProperties as { properties: Record<string, { enum?: string[] }> }).properties;
  assert.deepEqual(sorted(Object.keys(provider)), sorted(Object.keys(schema.definitions.provider.properties)));
  const delimiters = (schema.definitions.provider.properties.delimiter.enum as unknown[]).filter((d) => typeof d === 'string');
  assert.deepEqual(provider.delimiter.enum, delimiters);
});

test('documents selected are the ones the server reads', () => {
  assert.deepEqual(sorted(LANGUAGE_IDS), sorted(goCases('lsp/sync.go', 'formatFor')));
  const formatOf = goCases('analysis/extract/literal.go', 'FormatOf');
  const names = ['gemfile', 'rakefile', 'podfile', 'fastfile', '.envrc', 'dockerfile', 'makefile'];
  assert.deepEqual(sorted(FILE_EXTENSIONS), sorted(formatOf.filter((s) => !names.includes(s))));
  const lowerNames = new Set(FILE_NAMES.map((n) => n.toLowerCase()));
  for (const n of names) assert.ok(lowerNames.has(n), `file name ${n} not selected`);

  const sel = documentSelector();
  assert.ok(sel.some((f) => f.scheme === 'untitled' && f.language === 'dotenv'));
  assert.ok(sel.some((f) => f.pattern === '**/.scopels.yaml'));
  assert.ok(sel.some((f) => f.pattern?.includes(',toml,')), 'TOML files are selected by name: VS Code has no TOML language built in');
});

test('package.json activation, commands, schema and entry point', () => {
  assert.deepEqual(pkg.activationEvents, activationEvents());
  for (const l of ['dotenv', 'terraform', 'hcl', 'toml', 'yaml', 'properties', 'ini', 'markdown']) {
    assert.ok(pkg.activationEvents.includes(`onLanguage:${l}`), l);
  }
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/.scopels.yaml'));

  const titles = pkg.contributes.commands.map((c: { category: string; title: string; command: string }) => [c.command, `${c.category}: ${c.title}`]);
  assert.deepEqual(titles, [['scopels.restartServer', 'scopels: Restart server'], ['scopels.showOutput', 'scopels: Show output']]);

  assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: '.scopels.yaml', url: './schemas/scopels.schema.json' }]);
  const build = fs.readFileSync(path.join(extDir, 'scripts', 'build.mjs'), 'utf8');
  assert.match(build, /docs', 'scopels\.schema\.json'\), join\(root, 'schemas', 'scopels\.schema\.json'\)/, 'the build copies the schema the manifest points at');

  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.license, 'MIT');
  assert.ok(fs.existsSync(path.join(extDir, pkg.icon)), 'icon');
  assert.ok(fs.existsSync(path.join(extDir, 'LICENSE')), 'LICENSE');
  assert.equal(pkg.engines.vscode.replace(/^\^/, ''), pkg.devDependencies['@types/vscode'].replace(/^~/, ''), '@types/vscode must not be newer than engines.vscode');
});
