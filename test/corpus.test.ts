import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tijdelijkeMap, vth } from './helpers.js';

interface Verwacht {
  exit: number;
  code?: string;
  niveau?: string;
  plaats?: { bestand?: string; blad?: string; rij?: number; kolom?: string };
  woorden?: string;
  gemeente?: string;
  stderr?: string;
  maxUitvoer?: number;
}

const CORPUS = path.join(ROOT, 'test/corpus');
const verwacht: Record<string, Verwacht> = JSON.parse(readFileSync(path.join(CORPUS, 'verwacht.json'), 'utf8'));
const STACK = /\n\s+at .+[:(]\d+:\d+/;

/** The large cases, made here rather than committed (see scripts/maak-corpus.mjs). */
async function groot(): Promise<{ naam: string; pad: string; verwacht: Verwacht }[]> {
  // @ts-expect-error: a plain .mjs script without types
  const { groteGevallen } = await import('../scripts/maak-corpus.mjs');
  const map = tijdelijkeMap('vth-corpus-');
  return (groteGevallen() as { naam: string; bestanden?: Record<string, string>; inhoud?: Uint8Array; verwacht: Verwacht }[]).map((g) => {
    const pad = path.join(map, g.naam);
    if (g.inhoud) writeFileSync(pad, g.inhoud);
    else {
      mkdirSync(pad);
      for (const [n, inhoud] of Object.entries(g.bestanden!)) writeFileSync(path.join(pad, n), inhoud);
    }
    return { naam: g.naam, pad, verwacht: g.verwacht };
  });
}

function controleer(naam: string, pad: string, v: Verwacht) {
  const r = vth(['controleer', pad, '--json']);
  expect(r.stderr, `${naam}: geen stack trace`).not.toMatch(STACK);
  expect(r.code, `${naam}: exitcode`).toBe(v.exit);
  if (v.maxUitvoer) expect(r.stdout.length, `${naam}: begrensde uitvoer`).toBeLessThan(v.maxUitvoer);
  if (v.exit === 2) {
    expect(r.stdout).toBe('');
    expect(r.stderr, naam).toContain(v.stderr!);
    expect(r.stderr.trim().split('\n').length, `${naam}: één regel`).toBe(1);
    return;
  }
  const j = JSON.parse(r.stdout);
  if (v.gemeente) expect(j.samenvatting.gemeente, naam).toBe(v.gemeente);
  if (v.code) {
    const m = j.meldingen.find((x: { code: string }) => x.code === v.code);
    expect(m, `${naam}: melding ${v.code} in ${JSON.stringify(j.meldingen.map((x: { code: string }) => x.code))}`).toBeTruthy();
    expect(m.niveau).toBe(v.niveau);
    for (const [k, w] of Object.entries(v.plaats ?? {})) expect(m[k], `${naam}: ${k}`).toBe(w);
    expect(m.bericht, naam).toContain(v.woorden!);
  }
}

describe('the corpus of bad input', () => {
  it('has at least 40 cases, each with its expectation', () => {
    const op = readdirSync(CORPUS).filter((f) => f !== 'verwacht.json');
    expect(op.sort()).toEqual(Object.keys(verwacht).sort());
    expect(op.length + 3).toBeGreaterThanOrEqual(40);
  });

  for (const [naam, v] of Object.entries(verwacht)) {
    it(`${naam}: exit ${v.exit}${v.code ? `, ${v.code}` : ''}`, () => controleer(naam, path.join(CORPUS, naam), v));
  }

  it('the large cases (a million characters, a million empty rows, a zip that claims 3 GB) in bounded time and memory', async () => {
    for (const g of await groot()) controleer(g.naam, g.pad, g.verwacht);
  }, 120_000);

  it('a document command on broken input writes nothing at all', () => {
    for (const [naam, v] of Object.entries(verwacht)) {
      if (v.exit === 0) continue;
      const uit = path.join(tijdelijkeMap(), 'uit');
      const r = vth(['uvp', path.join(CORPUS, naam), '-o', uit]);
      expect(r.code, naam).not.toBe(0);
      expect(r.stderr, naam).not.toMatch(STACK);
      expect(existsSync(uit) ? readdirSync(uit) : [], naam).toEqual([]);
    }
  }, 120_000);
});
