import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { codeSleutel } from '../src/compute/objectcodes.js';
import { objectSleutel } from '../src/compute/objectids.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { leesIntervalTekst } from '../src/model/interval.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { maakMap, ROOT, tijdelijkeMap, vth } from './helpers.js';

/**
 * The example werkmap's policy sheets as users change them (test/beleidsbladen/maak.py): each
 * variant gives the clean figures per code and risk class, or a finding that shows by default
 * (a warning or an error, never only a notice) at the right place.
 */
const MAP = path.join(ROOT, 'test/beleidsbladen');

interface Verwacht {
  hoe: string;
  figuren: null | { perCode?: Record<string, number>; protocol?: Record<string, string> | null; protocolAls?: string; saldo?: Record<string, string>; doelen?: Record<string, { tekst: string; vergelijker: string; waarde: string }> };
  meldingen: { code: string; niveau: 'fout' | 'waarschuwing'; plaats: Record<string, string | number>; bevat?: string }[];
  fouten: number;
  nooit: string[];
}

const verwacht = JSON.parse(readFileSync(path.join(MAP, 'verwacht.json'), 'utf8')) as Record<string, Verwacht>;

const werkmaps = new Map<string, ReturnType<typeof bouwWerkmap>>();
async function werkmap(naam: string) {
  if (!werkmaps.has(naam)) werkmaps.set(naam, bouwWerkmap(await leesWerkmap(path.join(MAP, naam))));
  return werkmaps.get(naam)!;
}

async function analyse(naam: string) {
  return analyseer(await werkmap(naam));
}

const protocolUren = (a: Awaited<ReturnType<typeof analyse>>) => Object.fromEntries((a.protocol?.klassen ?? []).map((k) => [k.klasse, k.uren.toDecimalString(2)]));

describe('policy sheets as users make them', () => {
  it('holds at least 25 variants, each with what it must give', () => {
    expect(Object.keys(verwacht).length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(verwacht))('%s', async (naam, v) => {
    const a = await analyse(naam);
    const fouten = a.meldingen.filter((m) => m.niveau === 'fout');
    expect(fouten.map((m) => `${m.code} ${m.plaats.blad} rij ${m.plaats.rij}: ${m.bericht}`), v.hoe).toHaveLength(v.fouten);
    for (const e of v.meldingen) {
      const gevonden = a.meldingen.filter(
        (m) =>
          m.code === e.code &&
          m.niveau === e.niveau &&
          Object.entries(e.plaats).every(([k, w]) => (m.plaats as unknown as Record<string, unknown>)[k] === w) &&
          (!e.bevat || m.bericht.includes(e.bevat)),
      );
      expect(gevonden, `${e.code} ${JSON.stringify(e)} in:\n${a.meldingen.filter((m) => m.niveau !== 'melding').map((m) => `${m.niveau} ${m.code} ${m.plaats.blad}@${m.plaats.rij}/${m.plaats.kolom}: ${m.bericht}`).join('\n')}`).not.toHaveLength(0);
    }
    for (const code of v.nooit) expect(a.meldingen.filter((m) => m.code === code).map((m) => m.bericht)).toEqual([]);
    const f = v.figuren;
    if (!f) return;
    // Clean figures come with no finding shown by default about a figure being guessed.
    expect(a.meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    if (f.perCode) expect(Object.fromEntries((a.frequenties?.perCode ?? []).map((c) => [c.code, c.aantal]))).toEqual(f.perCode);
    if (f.protocol) expect(protocolUren(a)).toEqual(f.protocol);
    // The same times written another way (hours in a `tijd (uur)` column) give the same hours per class.
    if (f.protocolAls) expect(protocolUren(a)).toEqual(protocolUren(await analyse(f.protocolAls)));
    if (f.doelen) {
      const wm = await werkmap(naam);
      for (const [id, d] of Object.entries(f.doelen)) {
        const sw = wm.doelen!.find((x) => x.id === id)!.streefwaarde!;
        expect({ tekst: sw.tekst, vergelijker: sw.vergelijker, waarde: sw.waarde.toString() }, id).toEqual(d);
      }
    }
    if (f.saldo) {
      const saldo = Object.fromEntries((a.capaciteit?.afdelingen ?? []).map((x) => [x.afdeling, x.saldo?.toDecimalString(0)]));
      for (const [afd, s] of Object.entries(f.saldo)) expect(saldo[afd], afd).toBe(s);
    }
  });
});

describe('an interval as people write it', () => {
  it.each([
    ['12 maanden', '12'],
    ['6 mnd', '6'],
    ['1 jaar', '12'],
    ['1,5 jaar', '18'],
    ['jaarlijks', '12'],
    ['Halfjaarlijks', '6'],
    ['2x per jaar', '6'],
    ['3 keer per jaar', '4'],
    ['1x per 2 jaar', '24'],
    ['elk kwartaal', '3'],
    ['5x per jaar', '2.4'],
  ])('%s is %s months', (tekst, maanden) => {
    const l = leesIntervalTekst(tekst);
    expect(l.soort).toBe('maanden');
    expect(l.soort === 'maanden' && l.maanden.toString()).toBe(maanden);
  });

  it.each(['1x', '2 x', '3 keer'])('"%s" names no period: refused', (tekst) => {
    expect(leesIntervalTekst(tekst).soort).toBe('fout');
  });

  it.each(['12', '7,5', 'ongeveer'])('"%s" is left to the number reader', (tekst) => {
    expect(leesIntervalTekst(tekst).soort).toBe('getal');
  });
});

describe('vth frequentie --zaken: export ids matched to the register as people write them', () => {
  it('OB-001 and "ob 001" are OB001, 000007 is 7; how many matched is said, the rest a warning; a newer control in the export is the last control', () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\nnaleefgedrag uit controles;2\n',
      'objecten.csv': 'object;naam;klasse;naleefgedrag;laatste controle;productcode\nOB001;School;Hoog;goed;01-03-2023;GT.03\nOB002;Hotel;Hoog;goed;01-06-2024;GT.03\n7;Kerk;Hoog;goed;01-01-2024;GT.03\n',
      'frequenties.csv': 'klasse;naleefgedrag;interval\nHoog;;12\nHoog;goed;24\nHoog;slecht;6\n',
    });
    const zaken = path.join(map, 'zaken.csv');
    writeFileSync(
      zaken,
      'zaaknummer;productcode;ontvangen;besluit;object;resultaat\nZ1;GT.03;05-05-2024;05-05-2024;OB-001;conform\nZ2;GT.03;01-03-2023;01-03-2023;ob 001;conform\nZ3;GT.03;01-06-2024;01-06-2024;000007;overtreding\nZ4;GT.03;01-02-2024;01-02-2024;7;overtreding\nZ5;GT.03;01-02-2024;01-02-2024;OB999;conform\n',
    );
    const uit = path.join(tijdelijkeMap(), 'f.json');
    const r = vth(['frequentie', map, '--zaken', zaken, '--format', 'json', '-o', uit]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('controles met een resultaat bij 5 objecten, waarvan 4 in het objectenregister gevonden');
    // Shown by default: a warning that names the one not found and how the others were matched.
    expect(r.stderr).toContain('WAARSCHUWING');
    expect(r.stderr).toContain('4 van 5 objecten met controles gevonden in het objectenregister; 3 daarvan na gelijkmaken');
    expect(r.stderr).toContain('niet gevonden: "OB999"');
    const j = JSON.parse(readFileSync(uit, 'utf8'));
    const o = (id: string) => j.objecten.find((x: { object: string }) => x.object === id);
    // OB001: the register says 1-3-2023 (due 1-3-2025), the export 5-5-2024: the next is 5-5-2026, none in 2025.
    expect(o('OB001')).toMatchObject({ naleefgedrag: 'goed', interval: 24, aantal: 0, volgende: '2026-05-05' });
    expect(o('OB001').reden).toContain('laatste controle 05-05-2024 (uit de zakenexport)');
    // 7: goed in the register, two violations under "000007" and "7": slecht, every 6 months from 1-6-2024.
    expect(o('7')).toMatchObject({ naleefgedrag: 'slecht', interval: 6, aantal: 2 });
  });

  it('warns when fewer than half of the export objects are in the register', () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\nnaleefgedrag uit controles;1\n',
      'objecten.csv': 'object;klasse;productcode\nA-1;Hoog;GT.03\n',
      'frequenties.csv': 'klasse;interval\nHoog;12\n',
    });
    const zaken = path.join(map, 'zaken.csv');
    writeFileSync(zaken, 'zaaknummer;productcode;besluit;object;resultaat\nZ1;GT.03;01-02-2024;X1;conform\nZ2;GT.03;01-02-2024;X2;conform\nZ3;GT.03;01-02-2024;A1;conform\n');
    const r = vth(['frequentie', map, '--zaken', zaken]);
    expect(r.stderr).toContain('1 van 3 objecten met controles gevonden');
    expect(r.stderr).toContain('minder dan de helft');
  });

  it('reduces ids only where that is unambiguous', () => {
    expect(objectSleutel('OB-001')).toBe(objectSleutel('OB001'));
    expect(objectSleutel('000001')).toBe('1');
    expect(objectSleutel('OB 10')).not.toBe(objectSleutel('OB1'));
    expect(codeSleutel('GT 08')).toBe(codeSleutel('GT.08'));
    expect(codeSleutel('GT.8')).toBe(codeSleutel('GT.08'));
    expect(codeSleutel('GT,08')).toBe(codeSleutel('GT.08'));
    expect(codeSleutel('GT.08.00')).toBe(codeSleutel('GT.08'));
    expect(codeSleutel('GT.80')).not.toBe(codeSleutel('GT.08'));
  });
});

describe('goals compare as written, in the documents too', () => {
  it('vth jaarverslag: KD4 "≤ 0,333" as typed, its reason with every decimal, the percent warning on stderr', () => {
    const uit = path.join(tijdelijkeMap(), 'jv');
    const r = vth(['jaarverslag', path.join(MAP, 'd1-doelen-breuk.xlsx'), '--zaken', path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv'), '-o', uit, '--format', 'json,md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('bedoelt u 33,3%?');
    const j = JSON.parse(readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.json'), 'utf8'));
    const kd4 = (j.doelen.doelen ?? j.doelen).find((d: { id: string }) => d.id === 'KD4');
    expect(kd4.streefwaarde).toBe('≤ 0,333');
    expect(kd4.reden).toContain('streefwaarde ten hoogste 0,333%');
    const md = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.md'), 'utf8');
    expect(md).toContain('| ≤ 0,333 |');
    expect(md).not.toMatch(/\| 0\.333 \|/);
  });
});
