'use strict';
// Drives scopels through vscode-languageserver-protocol, the protocol stack
// VS Code's language client is built on: diagnostics after open and after
// an edit (push and pull), completion, hover, a quick fix applied and
// re-checked, shutdown and exit. Run by e2e_test.go with SCOPELS_BIN and
// SCOPELS_FILE set and NODE_PATH pointing at the installed package.
// Prints "PASS" and exits 0 on success, "FAIL: ..." and exits 1 otherwise.

const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const url = require('url');
const p = require('vscode-languageserver-protocol/node');

const bin = process.env.SCOPELS_BIN;
const file = process.env.SCOPELS_FILE;
const typo = 'https://www.googleapis.com/auth/drive.readonyl';
const fixed = 'https://www.googleapis.com/auth/drive.readonly';

function fail(msg) {
  console.log('FAIL: ' + msg);
  process.exit(1);
}
setTimeout(() => fail('timed out'), 60000).unref();

// Positions: JavaScript strings are UTF-16, as LSP's default encoding.
function position(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
function offset(text, pos) {
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < pos.line; i++) off += lines[i].length + 1;
  return off + Math.min(pos.character, lines[pos.line].length);
}
function rangeOf(text, sub) {
  const i = text.indexOf(sub);
  if (i < 0) fail('not found: ' + sub);
  return { start: position(text, i), end: position(text, i + sub.length) };
}
function applyEdits(text, edits) {
  const sorted = edits.slice().sort((a, b) => offset(text, b.range.start) - offset(text, a.range.start));
  for (const e of sorted) {
    text = text.slice(0, offset(text, e.range.start)) + e.newText + text.slice(offset(text, e.range.end));
  }
  return text;
}
function editsOf(we, uri) {
  let out = (we.changes && we.changes[uri]) || [];
  for (const dc of we.documentChanges || []) {
    if (dc.textDocument && dc.textDocument.uri === uri) out = out.concat(dc.edits);
  }
  return out;
}
function sameRange(a, b) {
  return a.start.line === b.start.line && a.start.character === b.start.character &&
    a.end.line === b.end.line && a.end.character === b.end.character;
}

async function main() {
  const child = cp.spawn(bin, ['serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = p.createProtocolConnection(new p.StreamMessageReader(child.stdout), new p.StreamMessageWriter(child.stdin));

  const pushes = [];
  let notify = () => {};
  conn.onNotification(p.PublishDiagnosticsNotification.type, (params) => { pushes.push(params); notify(); });
  conn.onRequest(p.RegistrationRequest.type, () => null);
  conn.onRequest(p.ConfigurationRequest.type, (params) => params.items.map(() => null));
  conn.onRequest(p.ApplyWorkspaceEditRequest.type, () => ({ applied: true }));
  conn.listen();

  const waitPush = (uri, version) => new Promise((resolve) => {
    const check = () => {
      const hit = pushes.find((x) => x.uri === uri && x.version === version);
      if (hit) { notify = () => {}; resolve(hit); }
    };
    notify = check;
    check();
  });

  const dir = path.dirname(file);
  const uri = url.pathToFileURL(file).href;
  const init = await conn.sendRequest(p.InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'scopels-e2e-vscode' },
    rootUri: url.pathToFileURL(dir).href,
    workspaceFolders: [{ uri: url.pathToFileURL(dir).href, name: 'work' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: {
        applyEdit: true, configuration: true, workspaceFolders: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
        diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], tagSupport: { valueSet: [1] }, insertReplaceSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      },
    },
  });
  if (init.capabilities.positionEncoding && init.capabilities.positionEncoding !== 'utf-16') fail('encoding ' + init.capabilities.positionEncoding);
  await conn.sendNotification(p.InitializedNotification.type, {});

  let text = fs.readFileSync(file, 'utf8');
  await conn.sendNotification(p.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'go', version: 1, text } });

  // 1. Diagnostics after open.
  const first = await waitPush(uri, 1);
  const diag = first.diagnostics.find((d) => d.code === 'unknown-scope');
  if (!diag) fail('no unknown-scope diagnostic: ' + JSON.stringify(first.diagnostics));
  if (!sameRange(diag.range, rangeOf(text, typo))) fail('diagnostic range ' + JSON.stringify(diag.range));
  if (diag.source !== 'scopels' || !diag.codeDescription || !diag.codeDescription.href.endsWith('#unknown-scope')) fail('diagnostic ' + JSON.stringify(diag));
  console.log('ok diagnostics after open');

  // Pull diagnostics agree.
  const pulled = await conn.sendRequest(p.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  if (!pulled.items.some((d) => d.code === 'unknown-scope')) fail('pull: ' + JSON.stringify(pulled));
  console.log('ok pull diagnostics');

  // 2. Completion inside the misspelt scope.
  const at = position(text, text.indexOf(typo) + 'https://www.googleapis.com/auth/drive.re'.length);
  const comp = await conn.sendRequest(p.CompletionRequest.type, { textDocument: { uri }, position: at });
  const items = Array.isArray(comp) ? comp : comp.items;
  const item = items.find((it) => it.label === fixed);
  if (!item) fail('completion lacks ' + fixed);
  if (!item.textEdit || !sameRange(item.textEdit.range, rangeOf(text, typo))) fail('completion edit ' + JSON.stringify(item.textEdit));
  console.log('ok completion');

  // 3. Hover.
  const hover = await conn.sendRequest(p.HoverRequest.type, { textDocument: { uri }, position: at });
  const value = hover && hover.contents && (hover.contents.value || hover.contents);
  if (typeof value !== 'string' || !value.includes('not a scope of') || !value.includes(fixed)) fail('hover ' + JSON.stringify(hover));
  console.log('ok hover');

  // 4. The preferred quick fix, applied and re-checked.
  const actions = await conn.sendRequest(p.CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
  const fix = actions.find((a) => a.isPreferred);
  if (!fix || !fix.edit) fail('no preferred fix: ' + JSON.stringify(actions));
  const edits = editsOf(fix.edit, uri);
  text = applyEdits(text, edits);
  if (!text.includes(fixed)) fail('the fix did not fix: ' + text);
  await conn.sendNotification(p.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
  });
  const second = await waitPush(uri, 2);
  if (second.diagnostics.some((d) => d.code === 'unknown-scope')) fail('still reported after the fix');
  console.log('ok quick fix applied and re-checked');

  // 5. An edit breaks it again.
  const r = rangeOf(text, fixed);
  const end = r.end;
  const change = { range: { start: { line: end.line, character: end.character - 2 }, end }, text: 'yl' };
  await conn.sendNotification(p.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [change] });
  const third = await waitPush(uri, 3);
  if (!third.diagnostics.some((d) => d.code === 'unknown-scope')) fail('no diagnostic after an edit');
  console.log('ok diagnostics after an edit');

  await conn.sendRequest(p.ShutdownRequest.type);
  await conn.sendNotification(p.ExitNotification.type);
  const code = await exited;
  if (code !== 0) fail('exit code ' + code);
  console.log('PASS');
  process.exit(0);
}

main().catch((e) => fail(e && e.stack || String(e)));
