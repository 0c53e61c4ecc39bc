'use strict';
// Times scopels' language server over stdio through
// vscode-languageserver-protocol, the protocol stack of VS Code's client.
// Run by bench/run.sh with NODE_PATH pointing at the installed package and:
//
//   SCOPELS_BIN   the server binary
//   FILE_2000     a 2,000-line Go document, FILE_1MB a 1 MB one; the last
//                 occurrence of MARKER_FIXED in each is the scope edited
//   MARKER_FIXED  a valid scope, MARKER_TYPO the same with two letters
//                 swapped (same length)
//   RUNS          repetitions of each measurement (median reported)
//
// It prints one "key<TAB>value<TAB>unit" line per figure (medians in ms,
// memory in MB) and exits 0, or prints "FAIL: ..." and exits 1.

const cp = require('child_process');
const fs = require('fs');
const url = require('url');
const p = require('vscode-languageserver-protocol/node');

const bin = process.env.SCOPELS_BIN;
const runs = Number(process.env.RUNS || 20);
const fixed = process.env.MARKER_FIXED;
const typo = process.env.MARKER_TYPO;
const docs = { '2000-lines': process.env.FILE_2000, '1MB': process.env.FILE_1MB };

function fail(msg) {
  console.log('FAIL: ' + msg);
  process.exit(1);
}
setTimeout(() => fail('timed out'), 600000).unref();

const now = () => Number(process.hrtime.bigint()) / 1e6;
function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function emit(key, value, unit) {
  console.log(`${key}\t${value.toFixed(3)}\t${unit}`);
}

// position returns the LSP position (UTF-16, as JavaScript strings count)
// of a string offset.
function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const capabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
};

// start launches a server and waits for its initialize reply.
async function start(dir) {
  const t0 = now();
  const child = cp.spawn(bin, ['serve'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = p.createProtocolConnection(new p.StreamMessageReader(child.stdout), new p.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const last = new Map();
  conn.onNotification(p.PublishDiagnosticsNotification.type, (params) => {
    last.set(params.uri, params);
    const w = waiters.get(params.uri + '#' + params.version);
    if (w) w(params);
  });
  conn.onRequest(p.RegistrationRequest.type, () => null);
  conn.onRequest(p.ConfigurationRequest.type, (params) => params.items.map(() => null));
  conn.listen();
  const root = url.pathToFileURL(dir).href;
  await conn.sendRequest(p.InitializeRequest.type, {
    processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities,
  });
  const initMs = now() - t0;
  await conn.sendNotification(p.InitializedNotification.type, {});
  // diagnostics returns a promise of the diagnostics of uri at version;
  // call it before sending what produces them.
  const diagnostics = (uri, version) => new Promise((resolve) => waiters.set(uri + '#' + version, resolve));
  const stop = async () => {
    await conn.sendRequest(p.ShutdownRequest.type);
    await conn.sendNotification(p.ExitNotification.type);
    await new Promise((resolve) => child.on('exit', resolve));
    conn.dispose();
  };
  return { child, conn, initMs, diagnostics, last, stop };
}

// memory returns the server's resident and peak resident set in MB.
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number((status.match(new RegExp(field + ':\\s+(\\d+) kB')) || [0, 0])[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function main() {
  const dir = require('path').dirname(docs['2000-lines']);

  // 1. Start to initialize reply: a new server each time.
  const inits = [];
  for (let i = 0; i < runs; i++) {
    const s = await start(dir);
    inits.push(s.initMs);
    await s.stop();
  }
  emit('lsp.initialize', median(inits), 'ms');

  const s = await start(dir);
  const { conn } = s;
  for (const [name, file] of Object.entries(docs)) {
    const text = fs.readFileSync(file, 'utf8');

    // 2. Open to diagnostics: the same text under new names.
    const opens = [];
    for (let i = 0; i < Math.max(3, Math.floor(runs / 4)); i++) {
      const uri = url.pathToFileURL(file.replace(/\.go$/, `_open${i}.go`)).href;
      const got = s.diagnostics(uri, 1);
      const t0 = now();
      await conn.sendNotification(p.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'go', version: 1, text } });
      await got;
      opens.push(now() - t0);
      await conn.sendNotification(p.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    emit(`lsp.open.${name}`, median(opens), 'ms');

    // 3. didChange to diagnostics: flip the last scope between a typo and
    // its fix, two characters at a time.
    const uri = url.pathToFileURL(file).href;
    const opened = s.diagnostics(uri, 1);
    await conn.sendNotification(p.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'go', version: 1, text } });
    await opened;
    const off = text.lastIndexOf(fixed);
    if (off < 0) fail('marker not found in ' + file);
    const range = { start: position(text, off + fixed.length - 2), end: position(text, off + fixed.length) };
    const changes = [];
    for (let i = 0; i < runs; i++) {
      const version = i + 2;
      const repl = i % 2 === 0 ? typo.slice(-2) : fixed.slice(-2);
      const got = s.diagnostics(uri, version);
      const t0 = now();
      await conn.sendNotification(p.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: repl }] });
      const d = await got;
      changes.push(now() - t0);
      const reported = d.diagnostics.some((x) => x.code === 'unknown-scope');
      if (reported !== (i % 2 === 0)) fail(`${name} version ${version}: unknown-scope ${reported}`);
    }
    emit(`lsp.didChange.${name}`, median(changes), 'ms');
    if (name === '1MB') {
      const m = memory(s.child.pid);
      emit('lsp.rss.1MB', m.rss, 'MB');
      emit('lsp.hwm.1MB', m.hwm, 'MB');
    }
  }

  // 4. Completion, hover and codeAction inside a misspelt scope of the
  // 2,000-line document (left at the typo by an odd number of edits, or
  // set to it here).
  const text = fs.readFileSync(docs['2000-lines'], 'utf8').split(fixed).join(typo);
  const uri = url.pathToFileURL(docs['2000-lines'].replace(/\.go$/, '_typo.go')).href;
  const opened = s.diagnostics(uri, 1);
  await conn.sendNotification(p.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'go', version: 1, text } });
  const first = await opened;
  const diag = first.diagnostics.find((x) => x.code === 'unknown-scope');
  if (!diag) fail('no unknown-scope diagnostic on the typo document');
  const at = position(text, text.lastIndexOf(typo) + typo.length - 4);
  const requests = {
    completion: async () => {
      const r = await conn.sendRequest(p.CompletionRequest.type, { textDocument: { uri }, position: at });
      return (Array.isArray(r) ? r : r.items).length > 0;
    },
    hover: async () => !!(await conn.sendRequest(p.HoverRequest.type, { textDocument: { uri }, position: at })),
    codeAction: async () => {
      const r = await conn.sendRequest(p.CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
      return r.length > 0;
    },
  };
  for (const [name, request] of Object.entries(requests)) {
    const ds = [];
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      if (!(await request())) fail(name + ': empty answer');
      ds.push(now() - t0);
    }
    emit(`lsp.${name}`, median(ds), 'ms');
  }
  await s.stop();
  process.exit(0);
}

main().catch((e) => fail((e && e.stack) || String(e)));
