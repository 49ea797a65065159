// An omgevingsdienst's Objecten, Realisatie and printed shares per deelnemer, in the files
// test/omgevingsdienst/maak.py makes as users do: openpyxl (a title row, "Bevoegd gezag", "Gemeente",
// "Uren Dinkelstad") and LibreOffice's own CSV export of it in a Dutch and an English locale.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { analyseerOmgevingsdienst, realisatieZonderDeelnemer } from '../src/compute/omgevingsdienst.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { Rational } from '../src/model/rational.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { maakMap, ROOT, tijdelijkeMap, vth } from './helpers.js';

const MAP = path.join(ROOT, 'test/omgevingsdienst');
const laad = async (naam: string) => bouwWerkmap(await leesWerkmap(path.join(MAP, naam)));
const r = (s: string) => Rational.fromDecimalString(s)!;
const getal = (w: { soort: string; waarde?: Rational }) => (w.soort === 'getal' ? w.waarde!.toDecimalString(2) : w.soort);

describe.each(['01-openpyxl.xlsx', '02-libreoffice-nl', '03-libreoffice-en'])('an omgevingsdienst with Objecten and Realisatie per deelnemer (%s)', (naam) => {
  it('the whole plans each deelnemer\'s objects on its own line of the code, never on another\'s', async () => {
    const wm = await laad(naam);
    expect(wm.meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    const a = analyseer(wm);
    const aantal = (d: string) => a.vraag.regels.find((x) => x.regel.deelnemer === d && x.regel.code === 'A2.01.00')!.regel.aantal;
    // Dinkelstad: 2 + 2 + 1 controls; Berkelmond (one written "berkelmond"): 2 + 2; the others keep their typed counts.
    expect(['Dinkelstad', 'Berkelmond', 'Reggedal', 'Vechtoever', 'Provincie Oostmark'].map((d) => getal(aantal(d)))).toEqual(['5', '4', '66', '36', '90']);
    // The province's object under a code only others plan: said at its cell, counted on no line.
    const m = a.meldingen.find((x) => x.code === 'object-code-deelnemer')!;
    expect([m.niveau, m.plaats.rij, m.plaats.kolom]).toEqual(['waarschuwing', 8, 'Productcode']);
    expect(m.bericht).toContain('Provincie Oostmark heeft geen regel A2.09.00 in Producten');
    // Dinkelstad's printed shares per line and its totals (739 and 1.406) agree with its exact shares: no finding.
    expect(a.meldingen.filter((x) => x.code === 'aandeel-afwijkend' || x.code === 'subtotaal-afwijkend')).toEqual([]);
  });

  it('each part has only its own objects and realisation; the region\'s hours on a regional line are divided by its key', async () => {
    const wm = await laad(naam);
    const od = analyseerOmgevingsdienst(wm);
    const deel = (d: string) => od.delen.find((x) => x.deelnemer.naam === d)!;
    expect(deel('Dinkelstad').werkmap.objecten!.map((o) => o.object)).toEqual(['OBJ-001', 'OBJ-002', 'OBJ-003']);
    expect(deel('Berkelmond').werkmap.objecten!.map((o) => o.object)).toEqual(['OBJ-004', 'OBJ-005']);
    // A deelnemer without objects in the register has no register chapter, not an empty one.
    expect(deel('Reggedal').werkmap.objecten).toBeUndefined();
    expect(deel('Reggedal').analyse.frequenties).toBeUndefined();
    expect(deel('Dinkelstad').analyse.frequenties!.perCode.map((c) => [c.code, c.aantal])).toEqual([['A2.01.00', 5]]);
    const realisatie = (d: string) => deel(d).werkmap.realisatie!.map((x) => [x.code, getal(x.aantal), getal(x.uren)]);
    // OD1's 1.400 regional hours × 12,02% = 168,28 and × 23,45% = 328,30; OD2 only where Dinkelstad reports its own.
    expect(realisatie('Dinkelstad')).toEqual([['A1.17.00', '45', '260'], ['OD2', 'leeg', '70'], ['OD1', 'leeg', '168.28']]);
    expect(realisatie('Berkelmond')).toEqual([['A1.17.00', '30', '170'], ['OD1', 'leeg', '328.3']]);
    // The row without a deelnemer on a product line: one warning, counted and named, in no part.
    const z = realisatieZonderDeelnemer(wm);
    expect(z.map((m) => [m.niveau, m.code, m.plaats.rij])).toEqual([['waarschuwing', 'realisatie-zonder-deelnemer', 6], ['melding', 'realisatie-regionaal-verdeeld', 4]]);
    expect(z[0]!.bericht).toContain('1 regel in Realisatie noemt geen deelnemer (rij 6: A1.05.00)');
    for (const d of od.delen) expect(d.werkmap.realisatie!.some((x) => x.code === 'A1.05.00')).toBe(false);
  });
});

describe('an omgevingsdienst\'s rows with a deelnemer that is wrong or missing', () => {
  it('an unknown deelnemer in Objecten and Realisatie is an error at its row and column', async () => {
    const wm = await laad('04-onbekende-deelnemer.xlsx');
    const fouten = wm.meldingen.filter((m) => m.niveau === 'fout');
    expect(fouten.map((m) => [m.code, m.plaats.blad, m.plaats.rij, m.plaats.kolom])).toEqual([
      ['deelnemer-onbekend', 'Objecten', 7, 'Bevoegd gezag'],
      ['deelnemer-onbekend', 'Realisatie', 3, 'Gemeente'],
    ]);
    expect(fouten[0]!.bericht).toContain('object OBJ-005 is van deelnemer "Berkelmont", maar die staat niet in Deelnemers (Dinkelstad, Berkelmond');
  });

  it('an object without a deelnemer costs the whole, not the parts: every part is written, the whole is not (exit 1)', () => {
    const uit = tijdelijkeMap();
    const res = vth(['uvp', path.join(MAP, '06-object-zonder-deelnemer.xlsx'), '--per-deelnemer', '-o', uit, '--format', 'md']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/FOUT rij 6, kolom "Bevoegd gezag": object OBJ-004 noemt geen deelnemer/);
    expect(res.stderr).toContain('1 fout op regels zonder bekende deelnemer');
    const bestanden = readdirSync(uit);
    for (const d of ['dinkelstad', 'berkelmond', 'reggedal', 'vechtoever', 'provincie-oostmark']) expect(bestanden).toContain(`uvp-2025-${d}.md`);
    expect(bestanden.some((b) => b.includes('geheel'))).toBe(false);
  });

  it('a werkmap without Deelnemers reads a column gemeente in Objecten and Realisatie as today, said once per sheet', async () => {
    const basis = {
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\n',
      'producten.csv': 'code;product;aantal;kental\nA2.01.00;Controle;10;6\n',
      'frequenties.csv': 'klasse;interval (maanden)\nHoog;6\n',
    };
    const zonder = bouwWerkmap(await leesWerkmap(maakMap({ ...basis, 'objecten.csv': 'object;klasse;productcode\nO1;Hoog;A2.01.00\nO2;Hoog;A2.01.00\n', 'realisatie.csv': 'code;aantal\nA2.01.00;3\n' })));
    const met = bouwWerkmap(await leesWerkmap(maakMap({ ...basis, 'objecten.csv': 'object;gemeente;klasse;productcode\nO1;Testdorp;Hoog;A2.01.00\nO2;Elders;Hoog;A2.01.00\n', 'realisatie.csv': 'code;gemeente;aantal\nA2.01.00;Testdorp;3\n' })));
    const aantal = (wm: typeof met) => getal(analyseer(wm).vraag.regels[0]!.regel.aantal);
    expect(aantal(zonder)).toBe('4');
    expect(aantal(met)).toBe('4');
    expect(met.meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    expect(met.meldingen.filter((m) => m.code === 'deelnemer-zonder-blad').map((m) => [m.plaats.bestand, m.plaats.kolom])).toEqual([
      ['objecten.csv', 'gemeente'],
      ['realisatie.csv', 'gemeente'],
    ]);
  });
});

describe('a printed share total per deelnemer (Enschede\'s 739) is checked like every printed total', () => {
  it('749 printed where the shares add up to 739,23: a warning at its cell with both figures, in the whole and in that part', async () => {
    const wm = await laad('05-afwijkend-aandeel.xlsx');
    const a = analyseer(wm);
    const m = a.meldingen.filter((x) => x.code === 'subtotaal-afwijkend');
    expect(m.map((x) => [x.niveau, x.plaats.blad, x.plaats.rij, x.plaats.kolom])).toEqual([['waarschuwing', 'Projecten', 14, 'Uren Dinkelstad']]);
    expect(m[0]!.bericht).toBe('"Totaal projecten": het opgegeven aandeel van Dinkelstad 749 uur wijkt af van de som van de aandelen, 739,23 uur (verschil 9,77); het opgegeven totaal wordt niet gebruikt');
    const od = analyseerOmgevingsdienst(wm);
    const deel = (d: string) => od.delen.find((x) => x.deelnemer.naam === d)!.analyse;
    expect(deel('Dinkelstad').vraag.afwijkendeTotalen.map((t) => [t.omschrijving, t.opgegeven.toNumber(), t.berekend.toDecimalString(2)])).toEqual([['Totaal projecten (aandeel van Dinkelstad)', 749, '739.23']]);
    expect(deel('Berkelmond').vraag.afwijkendeTotalen).toEqual([]);
    // The figure every total uses stays the exact share.
    expect(deel('Dinkelstad').vraag.projectenPerSoort.find((p) => p.soort === 'project')!.uren.eq(r('739.23'))).toBe(true);
  });

  it('vth uvp --per-deelnemer prints the finding, and names it in Dinkelstad\'s verantwoording only (never in a college document)', () => {
    const uit = tijdelijkeMap();
    const res = vth(['uvp', path.join(MAP, '05-afwijkend-aandeel.xlsx'), '--per-deelnemer', '-o', uit, '--format', 'md']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/WAARSCHUWING rij 14, kolom "Uren Dinkelstad": "Totaal projecten": het opgegeven aandeel van Dinkelstad 749 uur/);
    expect(readFileSync(path.join(uit, 'uvp-2025-dinkelstad-verantwoording.md'), 'utf8')).toMatch(/het opgegeven aandeel van Dinkelstad 749 uur wijkt af van de som van de aandelen, 739,23 uur/);
    expect(readFileSync(path.join(uit, 'uvp-2025-dinkelstad.md'), 'utf8')).not.toContain('749');
    expect(readFileSync(path.join(uit, 'uvp-2025-berkelmond-verantwoording.md'), 'utf8')).not.toContain('749');
  });
});

describe('jaarverslag per deelnemer with Realisatie per deelnemer (LibreOffice CSV, nl)', () => {
  it('each part reports its own realised figures, never another deelnemer\'s', () => {
    const zaken = path.join(maakMap({ 'zaken.csv': 'zaaknummer;gemeente;productcode;ontvangen;besluit;procedure;uren\nZ1;Dinkelstad;A1.17.00;02-02-2025;20-02-2025;regulier;5\nZ2;Berkelmond;A1.17.00;02-02-2025;20-02-2025;regulier;5\n' }), 'zaken.csv');
    const uit = tijdelijkeMap();
    const res = vth(['jaarverslag', path.join(MAP, '02-libreoffice-nl'), '--zaken', zaken, '--per-deelnemer', '-o', uit, '--format', 'json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/WAARSCHUWING rij 6, kolom "Gemeente": 1 regel in Realisatie noemt geen deelnemer \(rij 6: A1\.05\.00\); die realisatie telt in het deel van geen enkele deelnemer/);
    const json = (d: string) => JSON.stringify(JSON.parse(readFileSync(path.join(uit, `jaarverslag-2025-${d}.json`), 'utf8')));
    const regel = (d: string, code: string) => json(d).match(new RegExp(`\\{[^{}]*"code":"${code.replace(/\./g, '\\.')}"[^{}]*\\}`))![0];
    // Realisatie wins over the export; before, Berkelmond's part took Dinkelstad's row (45 and 260).
    expect(regel('dinkelstad', 'A1.17.00')).toMatch(/"aantal":45,"uren":260,/);
    expect(regel('berkelmond', 'A1.17.00')).toMatch(/"aantal":30,"uren":170,/);
    // The region's 1.400 hours on OD1 by each key, not 1.400 in every part.
    expect(regel('dinkelstad', 'OD1')).toMatch(/"planUren":180\.3,.*"uren":168\.28,/);
    expect(regel('berkelmond', 'OD1')).toMatch(/"planUren":351\.75,.*"uren":328\.3,/);
    expect(regel('dinkelstad', 'OD2')).toMatch(/"uren":70,/);
    expect(regel('berkelmond', 'OD2')).not.toContain('"uren"');
  });
});

describe('jaarverslag per deelnemer: a bad Realisatie row costs its own deelnemer\'s part, not the batch', () => {
  const zaken = () => path.join(maakMap({ 'zaken.csv': 'zaaknummer;gemeente;productcode;ontvangen;besluit;procedure;uren\nZ1;Dinkelstad;A1.17.00;02-02-2025;20-02-2025;regulier;5\n' }), 'zaken.csv');

  it('an unreadable figure on Berkelmond\'s row: no part for Berkelmond and no whole, the others written (exit 1)', () => {
    const map = tijdelijkeMap();
    cpSync(path.join(MAP, '02-libreoffice-nl'), map, { recursive: true });
    const f = path.join(map, 'realisatie.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace('A1.17.00;Berkelmond;30;170;', 'A1.17.00;Berkelmond;30;veel;'));
    const uit = tijdelijkeMap();
    const res = vth(['jaarverslag', map, '--zaken', zaken(), '--per-deelnemer', '-o', uit, '--format', 'md']);
    expect(res.code).toBe(1);
    // Shown under Berkelmond's name, with its place.
    expect(res.stderr).toMatch(/Deelnemer Berkelmond:\n(?:(?!Deelnemer ).*\n)*\s+FOUT rij 3, kolom "Geboekte uren": "veel" is geen getal/);
    expect(res.stderr).toContain('voor Berkelmond is geen jaarverslag geschreven');
    const bestanden = readdirSync(uit);
    expect(bestanden).toContain('jaarverslag-2025-dinkelstad.md');
    expect(bestanden.some((b) => b.includes('berkelmond') || b.includes('geheel'))).toBe(false);
  });

  it('a row of an unknown deelnemer: every part written, the whole not (exit 1)', () => {
    const uit = tijdelijkeMap();
    const res = vth(['jaarverslag', path.join(MAP, '04-onbekende-deelnemer.xlsx'), '--zaken', zaken(), '--per-deelnemer', '-o', uit, '--format', 'md']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/rij 3, kolom "Gemeente": realisatie van A1\.17\.00 is voor deelnemer "Berkelmont"/);
    expect(res.stderr).toContain('als geheel is niet geschreven: er zijn fouten op regels zonder bekende deelnemer');
    const bestanden = readdirSync(uit);
    for (const d of ['dinkelstad', 'berkelmond', 'reggedal', 'vechtoever', 'provincie-oostmark']) expect(bestanden).toContain(`jaarverslag-2025-${d}.md`);
    expect(bestanden.some((b) => b.includes('geheel'))).toBe(false);
  });
});
