import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import type { Melding } from '../src/model/melding.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { ROOT } from './helpers.js';

/**
 * Werkmappen made the way users make them (test/werkmappen/maak.py: LibreOffice exports in nl and
 * en, openpyxl and pandas, Google Sheets-style CSV, title rows, subtotals, hidden copies, units):
 * each gives the same figures as the clean file, or the findings it must raise.
 */
const MAP = path.join(ROOT, 'test/werkmappen');

interface Verwacht {
  hoe: string;
  figuren: null | {
    perTaakveld?: Record<string, string>;
    klassen?: Record<string, number>;
    totaal?: string;
    afdelingen?: number;
  };
  meldingen: { code: string; niveau?: string; plaats?: Record<string, string | number> }[];
  geenFouten: boolean;
  fouten?: number;
  nooit: string[];
}

const verwacht = JSON.parse(readFileSync(path.join(MAP, 'verwacht.json'), 'utf8')) as Record<string, Verwacht>;

async function analyse(naam: string) {
  const wm = bouwWerkmap(await leesWerkmap(path.join(MAP, naam)));
  return { wm, a: analyseer(wm) };
}

function tel<T extends string>(xs: T[]): Record<string, number> {
  const r: Record<string, number> = {};
  for (const x of xs) r[x] = (r[x] ?? 0) + 1;
  return r;
}

describe('user-made werkmappen', () => {
  it('holds at least 30 werkmappen, each with its expectation', () => {
    expect(Object.keys(verwacht).length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(verwacht))('%s', async (naam, v) => {
    const { wm, a } = await analyse(naam);
    const meldingen: Melding[] = a.meldingen;
    const fouten = meldingen.filter((m) => m.niveau === 'fout');
    if (v.geenFouten) expect(fouten.map((m) => `${m.code}: ${m.bericht}`)).toEqual([]);
    if (v.fouten !== undefined) expect(fouten.map((m) => `${m.code} rij ${m.plaats.rij}: ${m.bericht}`)).toHaveLength(v.fouten);
    for (const e of v.meldingen) {
      const gevonden = meldingen.filter(
        (m) =>
          m.code === e.code &&
          (!e.niveau || m.niveau === e.niveau) &&
          Object.entries(e.plaats ?? {}).every(([k, w]) => (m.plaats as unknown as Record<string, unknown>)[k] === w),
      );
      expect(gevonden, `${e.code} ${JSON.stringify(e.plaats ?? {})} in ${meldingen.map((m) => `${m.code}@${m.plaats.rij}`).join(', ')}`).not.toHaveLength(0);
    }
    for (const code of v.nooit) expect(meldingen.filter((m) => m.code === code).map((m) => m.bericht)).toEqual([]);
    const f = v.figuren;
    if (!f) return;
    if (f.perTaakveld) {
      const per = Object.fromEntries(a.vraag.perTaakveld.map((t) => [t.naam, t.uren.toString()]));
      expect(per).toEqual(f.perTaakveld);
    }
    if (f.totaal) expect(a.vraag.totaalRegels.toString()).toBe(f.totaal);
    if (f.klassen) expect(tel(a.risico!.activiteiten.map((x) => x.klasse))).toEqual(f.klassen);
    if (f.afdelingen !== undefined) expect(wm.capaciteit).toHaveLength(f.afdelingen);
  });

  it('quotes a spreadsheet number in Dutch writing in its messages (2,166, never 2.166)', async () => {
    const { a } = await analyse('07-openpyxl.xlsx');
    const m = a.meldingen.find((x) => x.code === 'gedrukt-effect-afwijkend' && x.plaats.rij === 14)!;
    expect(m.bericht).toContain('het opgegeven effect 2,166 wijkt af van het berekende 2,167');
  });
});
