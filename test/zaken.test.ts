import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeKoppeling } from '../src/compute/koppeling.js';
import { naleefGroepen } from '../src/compute/zaken.js';
import { verwerkZaken, type ZakenUitkomst } from '../src/laden/zaken.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import type { ZaakVeld } from '../src/model/zaken.js';
import { ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';

/**
 * One set of cases in the forms case systems and people export them (test/zaken/maak.py): each gives
 * the same analysis as the clean export, or the refusal it must give. Realisation is never a guess.
 */
const MAP = path.join(ROOT, 'test/zaken');

interface Verwacht {
  hoe: string;
  gelijk: boolean;
  weigering?: string;
  keuzes?: Partial<Record<ZaakVeld, string>>;
  werkmap?: string;
  ongekoppeld?: number;
  /** The werkmap's `schrijfwijze getallen`. */
  notatie?: 'nl' | 'en';
  /** Finding codes the export must raise, and ones it must not. */
  meldingen?: string[];
  nooit?: string[];
}

const verwacht = JSON.parse(readFileSync(path.join(MAP, 'verwacht.json'), 'utf8')) as Record<string, Verwacht>;

async function analyse(bestand: string, v: Pick<Verwacht, 'keuzes' | 'werkmap' | 'notatie'> = {}): Promise<ZakenUitkomst> {
  const wm = bouwWerkmap(await leesWerkmap(v.werkmap ? path.join(MAP, v.werkmap) : VOORBEELD));
  const koppeling = new CodeKoppeling(wm.producten?.regels ?? [], wm.zaaktypen);
  return verwerkZaken(path.join(MAP, bestand), wm.instellingen.jaar!, undefined, naleefGroepen(wm.instellingen), {
    koppeling,
    keuzes: v.keuzes,
    getalnotatie: v.notatie ?? wm.instellingen.getalnotatie,
  });
}

/** The analysis as plain data: what the jaarverslag and IBT read from an export. */
function kern(u: ZakenUitkomst) {
  const r = u.resultaat;
  return {
    perCode: r.perCode.map((c) => [c.code, c.aantal, c.uren.toString()]),
    perProcedure: r.perProcedure.map((p) => ({ ...p, aandeelTijdig: p.aandeelTijdig?.toString() })),
    totaalTijdig: r.totaalTijdig?.toString(),
    naleving: { ...r.naleving, spontaan: r.naleving.spontaan?.toString(), naHercontrole: r.naleving.naHercontrole?.toString() },
    inJaar: r.inJaar,
    gekoppeld: r.koppeling.gekoppeld.zaken,
  };
}

describe('case exports as they come', () => {
  it('holds at least 12 forms of one set of cases', () => {
    expect(Object.keys(verwacht).length).toBeGreaterThanOrEqual(12);
  });

  it.each(Object.entries(verwacht))('%s', async (sleutel, v) => {
    const bestand = sleutel.split('#')[0]!;
    const u = await analyse(bestand, v);
    const fouten = u.meldingen.filter((m) => m.niveau === 'fout');
    if (v.weigering) {
      expect(u.onbruikbaar, `${v.hoe}: moet geweigerd worden`).toBeDefined();
      expect(fouten.map((m) => m.code)).toContain(v.weigering);
      return;
    }
    expect(fouten.map((m) => `${m.code} rij ${m.plaats.rij}: ${m.bericht}`)).toEqual([]);
    expect(u.onbruikbaar).toBeUndefined();
    for (const code of v.meldingen ?? []) expect(u.meldingen.map((m) => m.code)).toContain(code);
    for (const code of v.nooit ?? []) expect(u.meldingen.map((m) => m.code)).not.toContain(code);
    const schoon = kern(await analyse('01-schoon.csv'));
    if (v.gelijk) {
      expect(kern(u)).toEqual(schoon);
    } else if (v.ongekoppeld !== undefined) {
      expect(u.resultaat.koppeling.ongekoppeld.zaken).toBe(v.ongekoppeld);
      expect(u.resultaat.koppeling.ongekoppeld.meest[0]).toMatchObject({ waarde: 'Z9.99.99', zaken: v.ongekoppeld, reden: 'code niet in het programma' });
      expect(u.resultaat.koppeling.gekoppeld.zaken + v.ongekoppeld).toBe(schoon.gekoppeld);
    }
  });

  it('the clean export matches every case, in the programme year', async () => {
    const u = await analyse('01-schoon.csv');
    expect(u.resultaat.koppeling.ongekoppeld.zaken).toBe(0);
    expect(u.resultaat.inJaar).toBe(u.gelezen);
    expect(u.resultaat.perCode.length).toBeGreaterThan(30);
  });

  it('says how slash dates were read, and refuses the ones nothing settles', async () => {
    const us = await analyse('07-amerikaanse-datums.csv');
    expect(us.meldingen.find((m) => m.code === 'datumvolgorde')!.bericht).toContain('maand/dag/jaar (Amerikaans)');
    const dubbel = await analyse('16-dubbelzinnige-datums.csv');
    const m = dubbel.meldingen.find((x) => x.code === 'datum-dubbelzinnig')!;
    expect(m.plaats.kolom).toBe('ontvangen');
    expect(m.bericht).toContain('20 zaken hebben een datum als "1/1/2025"');
  });

  it('names both candidate columns and how to choose', async () => {
    const u = await analyse('13-twee-datumkolommen.csv');
    expect(u.onbruikbaar).toBe(
      'de kolommen "ontvangen" en "Registratiedatum" kunnen allebei de ontvangstdatum zijn; kies er één met --kolom ontvangen="Registratiedatum", of zet in Instellingen "zaken kolom ontvangen" met de kop',
    );
  });

  it('a last-year export for this year is refused, naming the years it holds', async () => {
    const u = await analyse('14-vorig-jaar.csv');
    expect(u.onbruikbaar).toBe('geen enkele zaak valt in 2025: de zaken zijn van 2024. Is dit de export van het goede jaar?');
    expect(u.resultaat.perCode).toEqual([]);
  });
});

describe('vth jaarverslag with case exports as they come (end to end)', () => {
  it('an unusable export: exit 1, the reason, nothing written', () => {
    const uit = tijdelijkeMap();
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', path.join(MAP, '15-zonder-code.csv'), '-o', uit]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('De zakenexport is niet bruikbaar: er is geen kolom met de productcode of het product/zaaktype');
    expect(readdirSync(uit)).toEqual([]);
  });

  it('two candidate columns: refused, then chosen with --kolom', () => {
    const uit = tijdelijkeMap();
    const export13 = path.join(MAP, '13-twee-datumkolommen.csv');
    expect(vth(['jaarverslag', VOORBEELD, '--zaken', export13, '-o', uit]).code).toBe(1);
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', export13, '-o', uit, '--kolom', 'ontvangen=Registratiedatum']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/gekoppeld aan het programma: [\d.]+ van [\d.]+ zaken \(100%\)/);
    expect(vth(['jaarverslag', VOORBEELD, '--zaken', export13, '-o', uit, '--kolom', 'datum=x']).code).toBe(2);
  });

  it('prints the match rate and the most frequent unmatched values, and the verantwoording file accounts for them (not the college document)', () => {
    const uit = tijdelijkeMap();
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', path.join(MAP, '17-onbekende-codes.csv'), '-o', uit, '-q', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/niet gekoppeld: \d+ zaken, [\d.,]+ uur; meest: "Z9\.99\.99" \d+× \(code niet in het programma\)/);
    const doc = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.md'), 'utf8');
    expect(doc).not.toMatch(/zakenexport|17-onbekende-codes|Z9\.99\.99|gekoppeld/);
    const md = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg-verantwoording.md'), 'utf8');
    expect(md).toContain('## De zakenexport');
    expect(md).toMatch(/Aan het programma gekoppeld: \d+ zaken \(89,8%\)/);
    expect(md).toMatch(/\| Z9\.99\.99 \| 40 \| [\d.,]+ \| code niet in het programma \|/);
    expect(md).toContain('| Taakveld | Geplande uren | Zaken in de export | Gedekt |');
  });
});

describe('vth jaarverslag --format json', () => {
  it('holds the whole analysis, from the same view as the documents', () => {
    const uit = tijdelijkeMap();
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv'), '-o', uit, '--format', 'json,md', '-q']);
    expect(r.code).toBe(0);
    expect(readdirSync(uit).filter((f) => !f.includes('-realisatie-')).sort()).toEqual(['jaarverslag-2025-dinkelberg-realisatie.svg', 'jaarverslag-2025-dinkelberg-verantwoording.md', 'jaarverslag-2025-dinkelberg.json', 'jaarverslag-2025-dinkelberg.md']);
    const j = JSON.parse(readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.json'), 'utf8'));
    expect(Object.keys(j)).toEqual(['gemeente', 'jaar', 'vastgesteldOp', 'samenvatting', 'realisatie', 'zakenexport', 'tijdigheid', 'naleving', 'nalevingUitResultaten', 'projecten', 'uitstel', 'doelen', 'verbeterpunten', 'kwaliteitscriteria', 'vooruitblik', 'meldingen']);
    expect(j).toMatchObject({ gemeente: 'Dinkelberg', jaar: 2025, vastgesteldOp: '2026-04-15' });
    expect(j.zakenexport).toMatchObject({ zaken: 2740, inJaar: 2740, gekoppeld: 2740, ongekoppeld: 0, gekoppeldProcent: 100 });
    expect(j.realisatie.dekking.every((d: { gedekt: boolean }) => d.gedekt === true)).toBe(true);
    const a1 = j.realisatie.regels.find((x: { code: string }) => x.code === 'A1.35.03');
    expect(a1).toMatchObject({ planUren: 1410, aantal: 512, uren: 1536, bron: 'beide' });
    // The verantwoording file accounts for the export; the college document names no file.
    const md = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg-verantwoording.md'), 'utf8');
    expect(md).toContain(`Uit zaken-2025.csv: 2.740 zaken, waarvan 2.740 in 2025`);
    expect(readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.md'), 'utf8')).not.toContain('zaken-2025.csv');
    expect(vth(['jaarverslag', VOORBEELD, '-o', tijdelijkeMap(), '--format', 'odt']).code).toBe(2);
  });
});
