import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tijdelijkeMap } from './helpers.js';
import { geneste, grootBlad, groteCsv, liegendeInhoud } from './vijandig/maak.js';

/** Runs vth as a user does and reports the child's own peak memory (VmHWM, via test/piek.mjs). */
function vthMetPiek(args: string[], env: Record<string, string> = {}) {
  const piek = path.join(tijdelijkeMap(), 'piek');
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/piek.mjs'), path.join(ROOT, 'bin/vth.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', VTH_PIEK_BESTAND: piek, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, piekMB: existsSync(piek) ? Number(readFileSync(piek, 'utf8')) / 1024 : NaN };
}

// Generous bounds for a loaded machine: the point is "seconds and well under 1 GB", not a benchmark.
const MAX_MB = 700;

describe('hostile werkmappen are refused within bounds (exit 2, a Dutch message naming the file and the limit)', () => {
  it('30 million nested elements in a 300 KB workbook', async () => {
    const map = tijdelijkeMap();
    const pad = await geneste(map, 30_000_000);
    const r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('genest.xlsx wordt niet gelezen: uitgepakt zou het 86 MB zijn (onderdeel xl/worksheets/sheet1.xml: 86 MB)');
    expect(r.stderr).toContain('VTH_MAX_WERKMAP_MB');
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('elements nested deeper than any workbook, in a small part; also when the directory understates the size', async () => {
    const pad = await geneste(tijdelijkeMap(), 100_000);
    let r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("genest.xlsx wordt niet gelezen: onderdeel xl/worksheets/sheet1.xml nest XML-elementen dieper dan 64 niveaus (een werkblad gaat zo'n 6 diep)\n");
    // The 30 million deep, claiming 1.000 bytes: refused on what it really inflates to.
    const leugen = await geneste(tijdelijkeMap(), 30_000_000, 1000);
    r = vthMetPiek(['controleer', leugen]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('onderdeel xl/worksheets/sheet1.xml pakt uit tot meer dan 32 MB (de zip-inhoudsopgave zegt 1.000 bytes)');
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('a 250 MB sheet in a small workbook, honestly declared', async () => {
    const pad = await grootBlad(tijdelijkeMap(), 250);
    const r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/groot\.xlsx wordt niet gelezen: uitgepakt zou het 250 MB zijn \(onderdeel xl\/worksheets\/sheet1\.xml: 250 MB\)/);
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('a part whose directory says 1.000 bytes and which inflates to 1 GB', async () => {
    const pad = await liegendeInhoud(tijdelijkeMap(), 1024);
    const r = vthMetPiek(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('liegt.xlsx wordt niet gelezen: onderdeel xl/worksheets/sheet1.xml pakt uit tot meer dan 32 MB (de zip-inhoudsopgave zegt 1.000 bytes)');
    expect(r.piekMB).toBeLessThan(MAX_MB);
  });

  it('a 199 MB werkmap CSV; VTH_MAX_WERKMAP_MB sets the bound', () => {
    const map = groteCsv(tijdelijkeMap(), 199);
    const r = vthMetPiek(['controleer', map]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('producten.csv is 199 MB; werkmapbestanden boven 32 MB worden niet gelezen (grens: VTH_MAX_WERKMAP_MB, zie de README)');
    expect(r.piekMB).toBeLessThan(MAX_MB);
    expect(readdirSync(map)).toEqual(['producten.csv']);
    const voorbeeld = path.join(ROOT, 'fixtures/voorbeeldgemeente/werkmap.xlsx');
    const klein = vthMetPiek(['controleer', voorbeeld], { VTH_MAX_WERKMAP_MB: '0.01' });
    expect(klein.code).toBe(2);
    expect(klein.stderr).toMatch(/werkmap\.xlsx is 0,\d\d MB; werkmapbestanden boven 0,01 MB worden niet gelezen/);
    expect(vthMetPiek(['controleer', voorbeeld]).code).not.toBe(2);
  });
});
