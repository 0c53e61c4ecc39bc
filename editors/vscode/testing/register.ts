/**
 * Makes `require('vscode')` load the stub in ./vscode. Import this before
 * any module under test.
 */
import Module = require('module');

type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
const stub = require.resolve('./vscode');
mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  if (request === 'vscode') return stub;
  return original.call(this, request, ...rest);
};
