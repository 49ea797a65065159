import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tijdelijkeMap, VOORBEELD } from './helpers.js';

/** What dist/cli/v8.cjs says it did with the cache (VTH_CODECACHE=tel), and the run's output. */
function metTelling(args: string[], opties: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, args, { cwd: opties.cwd ?? ROOT, env: { ...process.env, VTH_CODECACHE: 'tel', ...opties.env }, encoding: 'utf8' });
  const m = /^codecache (\{.*\})$/m.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, telling: JSON.parse(m![1]!) as { gebruikt: number; afgewezen: number; zonder: number; node: number } };
}

describe("V8's code cache (dist/cli/v8.cjs, written by npm run build)", () => {
  it('a command compiles none of vth\'s own files: every one comes from the cache, under the flags it was made under', () => {
    const uit = tijdelijkeMap();
    for (const args of [['--help'], ['uvp', VOORBEELD, '-o', uit, '--format', 'md,docx', '-q'], ['controleer', VOORBEELD, '-q']]) {
      const r = metTelling([path.join(ROOT, 'bin/vth.js'), ...args]);
      expect(r.status, `${args[0]}: ${r.stderr}`).toBeLessThan(2);
      expect(r.telling.afgewezen, args[0]).toBe(0);
      expect(r.telling.zonder, args[0]).toBe(0);
      expect(r.telling.gebruikt, args[0]).toBeGreaterThan(5);
      // Only commander's help.js, which mentions import() in a comment, is left to Node.
      expect(r.telling.node, args[0]).toBeLessThanOrEqual(1);
    }
  });

  it("vth's bundle has no import(), which a script from the cache cannot resolve on Node 20", () => {
    const map = path.join(ROOT, 'dist/bundel');
    const bestanden = readdirSync(map).filter((f) => f.endsWith('.cjs'));
    expect(bestanden.length).toBeGreaterThan(10);
    for (const f of bestanden) expect(readFileSync(path.join(map, f), 'utf8').includes('import('), f).toBe(false);
  });

  it('a changed file, a damaged cache and a file with import() each run as Node would run them, never the cached code', () => {
    // A folder of its own shaped like vth's: dist/cli/v8.cjs caches what lies under the folder above dist.
    const map = tijdelijkeMap();
    mkdirSync(path.join(map, 'dist/cli'), { recursive: true });
    copyFileSync(path.join(ROOT, 'dist/cli/v8.cjs'), path.join(map, 'dist/cli/v8.cjs'));
    const module = path.join(map, 'dist/m.cjs');
    const metImport = path.join(map, 'dist/i.cjs');
    writeFileSync(module, "module.exports = 'aaa';\n");
    writeFileSync(metImport, "module.exports = () => import('node:path').then((p) => typeof p.join);\n");
    const script = `require(${JSON.stringify(path.join(map, 'dist/cli/v8.cjs'))}).installeerCodeCache(); console.log(require(${JSON.stringify(module)})); require(${JSON.stringify(metImport)})().then(console.log);`;
    const run = () => metTelling(['-e', script]);
    const schrijf = () => spawnSync(process.execPath, ['-e', script], { env: { ...process.env, VTH_CODECACHE: 'schrijven' }, encoding: 'utf8' });

    // Written, then read: the same output, from the cache.
    expect(schrijf().status).toBe(0);
    expect(readdirSync(path.join(map, 'dist/codecache')).length).toBe(1);
    let r = run();
    expect(r.stdout).toBe('aaa\nfunction\n');
    expect(r.telling).toEqual({ gebruikt: 1, afgewezen: 0, zonder: 0, node: 1 });

    // The same length (all V8 itself compares), another text: the new text runs.
    writeFileSync(module, "module.exports = 'bbb';\n");
    r = run();
    expect(r.stdout).toBe('bbb\nfunction\n');
    expect(r.telling).toEqual({ gebruikt: 0, afgewezen: 0, zonder: 1, node: 1 });

    // A damaged cache for this very file: V8 refuses it and the file is compiled.
    expect(schrijf().status).toBe(0);
    for (const f of readdirSync(path.join(map, 'dist/codecache'))) writeFileSync(path.join(map, 'dist/codecache', f), Buffer.alloc(64, 7));
    r = run();
    expect(r.stdout).toBe('bbb\nfunction\n');
    expect(r.telling).toEqual({ gebruikt: 0, afgewezen: 1, zonder: 0, node: 1 });
  });
});
