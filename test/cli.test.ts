import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { INSTELLINGEN_CSV, maakMap, ROOT, tijdelijkeMap, VOORBEELD, VOORBEELD_CSV, vth } from './helpers.js';

describe('vth controleer (end to end, built bin)', () => {
  it('accepts the example werkmap with warnings only: exit 0', () => {
    const r = vth(['controleer', VOORBEELD]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('werkmap.xlsx › Producten');
    expect(r.stdout).toMatch(/rij 33, kolom "totaal \(uren\)": .*5\.569 uur wijkt af .*5\.369 uur/);
    expect(r.stdout).toMatch(/Dinkelberg 2025: werkmap in orde: 0 fouten, \d+ waarschuwingen/);
  });

  it('reads the Dutch-Excel CSV copy (Windows-1252, semicolons) the same way', () => {
    const r = vth(['controleer', VOORBEELD_CSV, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.samenvatting.gemeente).toBe('Dinkelberg');
    expect(j.samenvatting.fouten).toBe(0);
    const sub = j.meldingen.find((m: { code: string }) => m.code === 'subtotaal-afwijkend');
    expect(sub).toMatchObject({ niveau: 'waarschuwing', bestand: 'producten.csv', blad: 'producten', rij: 33, kolom: 'totaal (uren)' });
  });

  it('prints JSON with the documented shape', () => {
    const map = maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, 'producten.csv': 'code;product;aantal;kental\nA1.05.00;Toets;-4;20\n' });
    const r = vth(['controleer', map, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.meldingen[0]).toEqual({
      niveau: 'fout',
      code: 'waarde-negatief',
      bericht: 'aantal mag niet negatief zijn (-4)',
      bestand: 'producten.csv',
      blad: 'producten',
      rij: 2,
      kolom: 'aantal',
    });
    expect(j.samenvatting).toMatchObject({ fouten: 1, waarschuwingen: 0 });
  });

  it('groups errors first per file and sheet and exits 1 on errors', () => {
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': 'code;product;aantal;kental;uren\nA1.05.00;Toets;4;20;81\nA1.06.00;Kapot;x;1;\n',
    });
    const r = vth(['controleer', map]);
    expect(r.code).toBe(1);
    const regels = r.stdout.split('\n');
    const i = regels.indexOf('producten.csv › producten');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(regels[i + 1]).toMatch(/^ {2}FOUT rij 3, kolom "aantal": "x" is geen getal/);
    expect(regels[i + 2]).toMatch(/^ {2}WAARSCHUWING rij 2/);
    expect(r.stdout).toMatch(/werkmap niet in orde: 1 fout, 1 waarschuwing/);
  });

  it('exits 2 with a Dutch message when the werkmap cannot be read at all, without a stack trace', () => {
    const r = vth(['controleer', '/bestaat/niet.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vth: werkmap "/bestaat/niet.xlsx" bestaat niet\n');
    const map = tijdelijkeMap();
    writeFileSync(path.join(map, 'kapot.xlsx'), 'geen zip');
    const k = vth(['controleer', path.join(map, 'kapot.xlsx')]);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('geen Excel-werkmap');
    expect(k.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('stops quietly when the reader of its output stops early (| head)', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(path.join(ROOT, 'bin/vth.js'))} risico ${JSON.stringify(VOORBEELD)} | head -1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n')[0]).toMatch(/^ #  id/);
    expect(r.stderr).not.toMatch(/EPIPE|at .*:\d+:\d+/);
  });

  it('exits 2 on a usage error, in Dutch', () => {
    const r = vth(['controleer']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("het argument 'werkmap' ontbreekt");
    expect(vth(['onbestaand']).code).toBe(2);
    expect(vth(['--help']).code).toBe(0);
  });
});

describe('vth init', () => {
  it('writes a werkmap that controleer accepts without errors, and never overwrites', () => {
    const map = path.join(tijdelijkeMap(), 'nieuw');
    const r = vth(['init', map, '--gemeente', 'Twenterand', '--jaar', '2026']);
    expect(r.code).toBe(0);
    const pad = path.join(map, 'werkmap.xlsx');
    expect(existsSync(pad)).toBe(true);
    const c = vth(['controleer', pad, '--json']);
    expect(c.code).toBe(0);
    const j = JSON.parse(c.stdout);
    // The example's PM line is kept and said: a line without hours is never a silent 0.
    expect(j.samenvatting).toMatchObject({ gemeente: 'Twenterand', jaar: 2026, fouten: 0, waarschuwingen: 1 });
    expect(j.meldingen.filter((m: { niveau: string }) => m.niveau === 'waarschuwing').map((m: { code: string }) => m.code)).toEqual(['uren-geen-waarde']);
    expect(j.samenvatting.bladen).toHaveLength(12);
    const voor = readFileSync(pad);
    const again = vth(['init', map]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('bestaat al');
    expect(readFileSync(pad).equals(voor)).toBe(true);
  });

  it('refuses a year that is no year', () => {
    const r = vth(['init', path.join(tijdelijkeMap(), 'x'), '--jaar', 'volgend']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('geen jaartal');
  });
});
