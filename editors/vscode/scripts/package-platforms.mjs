// Builds one .vsix per platform, each carrying the scopels binary for that
// platform in bin/<platform>-<arch>/ (where the extension looks for it
// before trying PATH). Needs Go; cross-compiles with CGO_ENABLED=0.
//
//   node scripts/package-platforms.mjs [TARGET...]
//
// TARGETs are VS Code's platform names; without any, all six are built:
// linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64.
// Writes scopels-TARGET.vsix next to package.json.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(root, '..', '..');
const goos = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const goarch = { x64: 'amd64', arm64: 'arm64' };
const all = Object.keys(goos).flatMap((p) => Object.keys(goarch).map((a) => `${p}-${a}`));

const targets = process.argv.slice(2);
for (const t of targets) {
  if (!all.includes(t)) {
    console.error(`unknown target ${t}; want one of ${all.join(' ')}`);
    process.exit(2);
  }
}

function run(cmd, args, opts) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) {
    console.error(`${cmd} failed (${r.error ? r.error.message : `exit status ${r.status}`})`);
    process.exit(1);
  }
}

const vsce = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
if (!existsSync(vsce)) {
  console.error('vsce is not installed: run npm ci first');
  process.exit(1);
}

const bin = join(root, 'bin');
try {
  for (const target of targets.length > 0 ? targets : all) {
    const [platform, arch] = target.split('-');
    const exe = join(bin, target, platform === 'win32' ? 'scopels.exe' : 'scopels');
    rmSync(bin, { recursive: true, force: true }); // one binary per package
    run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', exe, './cmd/scopels'], {
      cwd: repo,
      env: { ...process.env, GOOS: goos[platform], GOARCH: goarch[arch], CGO_ENABLED: '0' },
    });
    console.log(`built ${exe} (${(statSync(exe).size / 1048576).toFixed(1)} MiB)`);
    const out = `scopels-${target}.vsix`;
    run(vsce, ['package', '--no-dependencies', '--target', target, '--out', out], { cwd: root });
    console.log(`packaged ${out} (${(statSync(join(root, out)).size / 1048576).toFixed(1)} MiB)`);
  }
} finally {
  rmSync(bin, { recursive: true, force: true }); // so a development host uses PATH again
}
