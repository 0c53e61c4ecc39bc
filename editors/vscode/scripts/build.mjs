// Builds the extension: copies the project file's JSON Schema from docs/
// (the one source of it) into schemas/, and bundles src/extension.ts with
// its dependencies into dist/extension.js.
//
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

mkdirSync(join(root, 'schemas'), { recursive: true });
copyFileSync(join(root, '..', '..', 'docs', 'scopels.schema.json'), join(root, 'schemas', 'scopels.schema.json'));

const options = {
  absWorkingDir: root,
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'info',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
