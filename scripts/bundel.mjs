// Part of `npm run build`, after tsc: vth's command line as one bundle, and V8's code cache for it.
//
// 1. dist/bundel: dist/cli/main.js and every module it imports, as CommonJS files (rolldown): one file
//    per group of modules that load together, the commands' own code still loaded only when it runs.
//    Node then resolves and reads a handful of files instead of some 80 ES modules. Packages stay
//    packages (required from node_modules, as the modules in dist do).
// 2. dist/codecache: what V8 compiled while vth ran some commands on the example, each run adding to
//    the cache the one before it left (dist/cli/v8.cjs, VTH_CODECACHE=schrijven).
// Why and what it gains: docs/architecture.md, "One bundle and V8's code cache".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const uitBundel = path.join(root, 'dist/bundel');
const uitCache = path.join(root, 'dist/codecache');
rmSync(uitBundel, { recursive: true, force: true });
rmSync(uitCache, { recursive: true, force: true });

const bundel = await rolldown({
  input: { vth: path.join(root, 'dist/cli/main.js') },
  platform: 'node',
  // Node's modules and every package stay outside: only vth's own files (relative imports) are bundled.
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  logLevel: 'warn',
});
const { output } = await bundel.write({ dir: uitBundel, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' });
// Which of dist's modules each file holds, for the tests that check what a command loads.
const inhoud = Object.fromEntries(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c.moduleIds.map((m) => path.relative(root, m).split(path.sep).join('/')).sort()]));
writeFileSync(path.join(uitBundel, 'inhoud.json'), `${JSON.stringify(inhoud, null, 1)}\n`);
await bundel.close();

// The cache: commands as users run them on the example, each in a folder of its own that goes after.
const werkmap = 'fixtures/voorbeeldgemeente/werkmap.xlsx';
const huisstijl = ['--huisstijl', 'fixtures/huisstijl/dinkelberg.docx'];
const uit = mkdtempSync(path.join(tmpdir(), 'vth-codecache-'));
const runs = [
  ['--help'],
  ['uvp', '--help'],
  ['controleer', werkmap, '-q'],
  ['risico', werkmap, '--format', 'json', '-o', path.join(uit, 'r.json'), '--force', '-q'],
  ['capaciteit', werkmap, '-o', path.join(uit, 'c.md'), '--force', '-q'],
  ['uvp', werkmap, '-o', uit, '--format', 'md,xlsx,docx', '--force', '-q'],
  ['uvp', werkmap, '-o', uit, '--format', 'docx', ...huisstijl, '--force', '-q'],
  ['jaarverslag', werkmap, '--zaken', 'fixtures/voorbeeldgemeente/zaken-2025.csv', '-o', uit, '--format', 'md,xlsx,docx', '--force', '-q'],
  ['uvp', werkmap, '-o', uit, '--format', 'md', '--force', '-q'],
];
try {
  for (const args of runs) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/vth.js'), ...args], { cwd: root, env: { ...process.env, VTH_CODECACHE: 'schrijven' }, encoding: 'utf8' });
    // A command may rightly end with 1 (a shortfall); 2 or 3 means the build is broken.
    if (r.status !== 0 && r.status !== 1) throw new Error(`bundel: "vth ${args.join(' ')}" eindigde met ${r.status}\n${r.stderr}`);
  }
} finally {
  rmSync(uit, { recursive: true, force: true });
}
console.log(`bundel: ${Object.keys(inhoud).length} bestanden in dist/bundel, ${readdirSync(uitCache).length} in dist/codecache`);
