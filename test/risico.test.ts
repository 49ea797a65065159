import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { berekenRisico, hogeZonderRegel, klasseVoor } from '../src/compute/risico.js';
import { analyseer, controleer } from '../src/compute/controle.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { Rational } from '../src/model/rational.js';
import type { Risicomodel } from '../src/model/types.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { BRONNEN, INSTELLINGEN_CSV, maakMap, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';

const MODEL1 = 'soort;naam;waarde\n' + ['Veiligheid', 'Duurzaamheid', 'Gezondheid', 'Leefbaarheid', 'Financieel', 'Bestuurlijk'].map((d) => `dimensie;${d};1`).join('\n') + '\nfactor;;1\nklasse;Laag;0\nklasse;Midden;>4\nklasse;Hoog;7\ndecimalen;effect;3\ndecimalen;risico;3\n';

const MODEL2 =
  'soort;naam;waarde\n' +
  ['Veilig', 'Gezond', 'Leefbaar', 'Duurzaam', 'Natuur', 'Cultuur'].map((d) => `dimensie;${d};1`).join('\n') +
  '\ndimensie;Financieel;0,5\ndimensie;Bestuurlijk;0,5\nfactor;;2\nklasse;laag;0\nklasse;gemiddeld;9\nklasse;hoog;>14\nklasse;erg hoog;>20\ndecimalen;effect;1\ndecimalen;risico;0\n';

async function laad(bestanden: Record<string, string | Uint8Array>) {
  const wm = bouwWerkmap(await leesWerkmap(maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, ...bestanden })));
  return { wm, meldingen: controleer(wm) };
}

describe('model 1 on the real 41-row table', () => {
  it('gives 19 hoog, 15 midden, 7 laag; R = 7 is Hoog and R = 4 is Laag; reports the mistyped value', async () => {
    const { wm, meldingen } = await laad({ 'risicomodel.csv': MODEL1, 'risicoanalyse.csv': readFileSync(path.join(BRONNEN, 'maashorst-risicoanalyse-2024.csv')) });
    expect(meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    const r = berekenRisico(wm.risicomodel!, wm.risicoanalyse!);
    expect(r.activiteiten).toHaveLength(41);
    expect(Object.fromEntries(r.perKlasse.map((p) => [p.klasse, p.aantal]))).toEqual({ Hoog: 19, Midden: 15, Laag: 7 });
    const asbest = r.activiteiten.find((a) => a.activiteit.activiteit === 'illegaal sloop met asbest')!;
    expect(asbest.risico.toString()).toBe('7');
    expect(asbest.klasse).toBe('Hoog');
    const vier = r.activiteiten.filter((a) => a.risico.eq(Rational.of(4n)));
    expect(vier.length).toBeGreaterThan(0);
    expect(vier.every((a) => a.klasse === 'Laag')).toBe(true);
    const gedrukt = meldingen.filter((m) => m.code === 'gedrukt-risico-afwijkend');
    expect(gedrukt).toHaveLength(1);
    expect(gedrukt[0]!.bericht).toContain('9,330');
    expect(gedrukt[0]!.bericht).toContain('9,333');
    expect(gedrukt[0]!.plaats).toMatchObject({ rij: 4, kolom: 'Risico' });
    // The printed classes (rows 2–22) all agree with the computed ones.
    expect(meldingen.filter((m) => m.code === 'gedrukte-klasse-afwijkend')).toEqual([]);
  });

  it('ranks on the exact score, ties in input order', async () => {
    const { wm } = await laad({ 'risicomodel.csv': MODEL1, 'risicoanalyse.csv': readFileSync(path.join(BRONNEN, 'maashorst-risicoanalyse-2024.csv')) });
    const r = berekenRisico(wm.risicomodel!, wm.risicoanalyse!);
    for (let i = 1; i < r.activiteiten.length; i++) expect(r.activiteiten[i - 1]!.risico.gte(r.activiteiten[i]!.risico)).toBe(true);
    const gelijk = r.activiteiten.filter((a) => a.risico.eq(Rational.of(38n, 3n))).map((a) => a.activiteit.activiteit);
    expect(gelijk).toEqual(['overlast jongeren', 'woonoverlast (burenruzies)']);
  });
});

describe('model 2: eight dimensions, two at half weight, factor 2, bounds 9 / >14 / >20', () => {
  const kop = 'activiteit;Veilig;Gezond;Leefbaar;Duurzaam;Natuur;Cultuur;Financieel;Bestuurlijk;kans;effect;risico;klasse\n';
  const rijen = [
    'a;5;1;5;1;0;1;3;5;2;2,4;10;gemiddeld',
    'b;3;3;3;1;3;1;1;1;2;2,1;9;laag',
    'c;5;3;3;1;3;1;5;5;4;3,0;24;erg hoog',
    'd;1;3;3;1;1;1;3;1;4;1,7;14;gemiddeld',
  ];
  it('needs nothing but its Risicomodel sheet and reproduces the printed rows', async () => {
    const { wm, meldingen } = await laad({ 'risicomodel.csv': MODEL2, 'risicoanalyse.csv': kop + rijen.join('\n') + '\n' });
    expect(meldingen.filter((m) => m.niveau !== 'melding')).toEqual([]);
    const r = berekenRisico(wm.risicomodel!, wm.risicoanalyse!);
    const per = Object.fromEntries(r.activiteiten.map((a) => [a.activiteit.activiteit, a]));
    expect(per.a!.effect.round(1).toString()).toBe('2.4');
    expect(per.a!.risico.eq(Rational.of(68n, 7n))).toBe(true); // printed 10
    expect(per.a!.risico.round(0).toString()).toBe('10');
    expect(per.a!.klasse).toBe('gemiddeld');
    // Printed 9, yet laag: the exact score is 8,571.
    expect(per.b!.risico.eq(Rational.of(60n, 7n))).toBe(true);
    expect(per.b!.klasse).toBe('laag');
    expect(per.c!.risico.toString()).toBe('24');
    expect(per.c!.klasse).toBe('erg hoog');
    expect(per.d!.risico.round(0).toString()).toBe('14');
    expect(per.d!.klasse).toBe('gemiddeld');
  });
});

describe('model validation', () => {
  const ra = 'activiteit;Veiligheid;kans\nx;3;2\n';
  it.each([
    ['no dimensions', 'soort;naam;waarde\nklasse;Laag;0\n', 'model-geen-dimensies'],
    ['a weight ≤ 0', 'soort;naam;waarde\ndimensie;Veiligheid;0\nklasse;Laag;0\n', 'model-gewicht'],
    ['bounds not increasing', 'soort;naam;waarde\ndimensie;Veiligheid;1\nklasse;Laag;0\nklasse;Hoog;7\nklasse;Midden;4\n', 'model-grenzen'],
  ])('%s is an error with its place', async (_, model, code) => {
    const { meldingen } = await laad({ 'risicomodel.csv': model, 'risicoanalyse.csv': ra });
    const m = meldingen.find((x) => x.code === code)!;
    expect(m.niveau).toBe('fout');
    expect(m.plaats.bestand).toBe('risicomodel.csv');
  });

  it('a dimension with no column in Risicoanalyse', async () => {
    const { meldingen } = await laad({ 'risicomodel.csv': 'soort;naam;waarde\ndimensie;Veiligheid;1\ndimensie;Natuur;1\nklasse;Laag;0\n', 'risicoanalyse.csv': ra });
    const m = meldingen.find((x) => x.code === 'kolom-ontbreekt')!;
    expect(m.bericht).toContain('"Natuur"');
    expect(m.plaats).toMatchObject({ bestand: 'risicoanalyse.csv', rij: 1 });
  });

  it('an override needs a motivation and a known class; empty scores are reported, not guessed', async () => {
    const { wm, meldingen } = await laad({
      'risicomodel.csv': 'soort;naam;waarde\ndimensie;Veiligheid;1\nklasse;Laag;0\nklasse;Hoog;5\n',
      'risicoanalyse.csv': 'activiteit;Veiligheid;kans;bijgestelde klasse;motivatie\nx;3;2;Hoog;\ny;;2;;\nz;1;1;Laag;besluit college\n',
    });
    expect(meldingen.find((m) => m.code === 'motivatie-ontbreekt')!.plaats).toMatchObject({ rij: 2, kolom: 'bijgestelde klasse' });
    expect(meldingen.find((m) => m.code === 'score-ontbreekt')!.plaats).toMatchObject({ rij: 3, kolom: 'Veiligheid' });
    const r = berekenRisico(wm.risicomodel!, wm.risicoanalyse!);
    expect(r.zonderScore.map((a) => a.activiteit)).toEqual(['y']);
  });

  it('an empty kans uses the standaard kans when the model has one', async () => {
    const { wm, meldingen } = await laad({
      'risicomodel.csv': 'soort;naam;waarde\ndimensie;Veiligheid;1\nklasse;Laag;0\nklasse;Hoog;9\nstandaard kans;;3\n',
      'risicoanalyse.csv': 'activiteit;Veiligheid;kans\nx;3;\n',
    });
    expect(meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    expect(berekenRisico(wm.risicomodel!, wm.risicoanalyse!).activiteiten[0]!.klasse).toBe('Hoog');
  });
});

describe('properties', () => {
  const model: Risicomodel = {
    dimensies: [
      { naam: 'a', gewicht: Rational.ONE, plaats: { bestand: 'x' } },
      { naam: 'b', gewicht: Rational.of(1n, 2n), plaats: { bestand: 'x' } },
      { naam: 'c', gewicht: Rational.of(3n), plaats: { bestand: 'x' } },
    ],
    factor: Rational.of(2n),
    klassen: [
      { naam: 'laag', grens: Rational.ZERO, strikt: false, plaats: { bestand: 'x' } },
      { naam: 'midden', grens: Rational.of(9n), strikt: false, plaats: { bestand: 'x' } },
      { naam: 'hoog', grens: Rational.of(14n), strikt: true, plaats: { bestand: 'x' } },
    ],
    decimalen: { effect: 1, risico: 0 },
    plaats: { bestand: 'x' },
  };
  const act = (s: number[], kans: number) => ({
    plaats: { bestand: 'x' },
    activiteit: 'x',
    scores: new Map(['a', 'b', 'c'].map((n, i) => [n, Rational.of(BigInt(s[i]!))])),
    kans: Rational.of(BigInt(kans)),
    gedrukt: {},
    kolomPlaatsen: {},
  });
  const uit = (s: number[], k: number) => berekenRisico(model, [act(s, k)]).activiteiten[0]!;
  const niveau = (k: string) => model.klassen.findIndex((x) => x.naam === k);

  it('raising any score or the kans never lowers R or the class', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), (s, k, welke) => {
        const voor = uit(s, k);
        const s2 = [...s];
        let k2 = k;
        if (welke < 3) s2[welke] = Math.min(5, s2[welke]! + 1);
        else k2 = Math.min(5, k + 1);
        const na = uit(s2, k2);
        return na.risico.gte(voor.risico) && niveau(na.klasse) >= niveau(voor.klasse);
      }),
    );
  });

  it('R exactly at a ≥ bound takes the upper class, at a > bound the lower', () => {
    expect(klasseVoor(model.klassen, Rational.of(9n)).naam).toBe('midden');
    expect(klasseVoor(model.klassen, Rational.of(9n).sub(Rational.of(1n, 10n ** 30n))).naam).toBe('laag');
    expect(klasseVoor(model.klassen, Rational.of(14n)).naam).toBe('midden');
    expect(klasseVoor(model.klassen, Rational.of(14n).add(Rational.of(1n, 10n ** 30n))).naam).toBe('hoog');
  });
});

describe('vth risico (end to end)', () => {
  it('prints the ranked table with counts per class', () => {
    const r = vth(['risico', VOORBEELD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ 1 {2}R34 {2}crossen/m);
    expect(r.stdout).toContain('Hoog: 19   Midden: 16   Laag: 6   (totaal 41)');
    expect(r.stdout).toContain('Midden (berekend: Laag)');
    expect(r.stderr).toContain('9,330');
  });

  it('json has the documented shape with unrounded figures', () => {
    const r = vth(['risico', VOORBEELD, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.perKlasse).toEqual({ Laag: 6, Midden: 16, Hoog: 19 });
    const brand = j.activiteiten.find((a: { activiteit: string }) => a.activiteit === 'brandveiligheid');
    expect(brand).toMatchObject({ id: 'R03', klasse: 'Hoog', klasseBerekend: 'Hoog', motivatie: null });
    expect(brand.risico).toBeCloseTo(28 / 3, 12);
    const markt = j.activiteiten.find((a: { activiteit: string }) => a.activiteit === 'markten en standplaatsen');
    expect(markt).toMatchObject({ klasse: 'Midden', klasseBerekend: 'Laag' });
    expect(markt.motivatie).toContain('Raadsmotie');
  });

  it('md writes the fragment and the chart next to it; twice gives the same bytes; existing output needs --force', () => {
    const map = tijdelijkeMap();
    const md = path.join(map, 'risico.md');
    expect(vth(['risico', VOORBEELD, '--format', 'md', '-o', md]).code).toBe(0);
    const tekst = readFileSync(md, 'utf8');
    expect(tekst).toContain('![Activiteiten naar kans en effect, gekleurd naar klasse](risico-kans-effect.svg)');
    const svg = readFileSync(path.join(map, 'risico-kans-effect.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('#c62828');
    const nogmaals = vth(['risico', VOORBEELD, '--format', 'md', '-o', md]);
    expect(nogmaals.code).toBe(2);
    expect(vth(['risico', VOORBEELD, '--format', 'md', '-o', md, '--force']).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toBe(tekst);
    expect(readFileSync(path.join(map, 'risico-kans-effect.svg'), 'utf8')).toBe(svg);
  });

  it('xlsx holds live formulas whose cached values are the exact figures', async () => {
    const pad = path.join(tijdelijkeMap(), 'risico.xlsx');
    expect(vth(['risico', VOORBEELD, '--format', 'xlsx', '-o', pad]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pad);
    const ws = wb.getWorksheet('Risicoanalyse')!;
    const kop = (ws.getRow(1).values as unknown[]).slice(1);
    const e = kop.indexOf('Effect') + 1;
    const r = kop.indexOf('Risico') + 1;
    const rij = ws.getRow(2);
    expect(rij.getCell(3).value).toMatch(/^crossen/);
    expect(rij.getCell(e).value).toMatchObject({ formula: '(1*E2+1*F2+1*G2+1*H2+1*I2+1*J2)/6', result: 3 });
    expect(rij.getCell(r).value).toMatchObject({ formula: '1*K2*L2', result: 15 });
    expect(vth(['risico', VOORBEELD, '--format', 'xlsx']).code).toBe(2);
  });

  it('stops with exit 1 and writes nothing when the model has errors', () => {
    const map = maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, 'risicomodel.csv': 'soort;naam;waarde\ndimensie;V;-1\nklasse;Laag;0\n', 'risicoanalyse.csv': 'activiteit;V;kans\nx;1;1\n' });
    const uit = path.join(tijdelijkeMap(), 'r.md');
    const r = vth(['risico', map, '--format', 'md', '-o', uit]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('er is niets geschreven');
    expect(() => readFileSync(uit)).toThrow();
  });
});

describe('priority without work', () => {
  it('lists the Hoog activities that no programme line names: 14 of 19 in the example', async () => {
    const a = analyseer(bouwWerkmap(await leesWerkmap(VOORBEELD)));
    const prioriteiten = a.vraag.regels.map((r) => r.regel.prioriteit);
    const zonder = hogeZonderRegel(a.risico!, prioriteiten);
    expect(zonder).toHaveLength(14);
    expect(zonder.every((u) => u.klasse === 'Hoog')).toBe(true);
    // Naming one of them (by its activity, case and spaces ignored) in a line takes it off the list.
    const eerste = zonder[0]!.activiteit.activiteit;
    expect(hogeZonderRegel(a.risico!, [...prioriteiten, `  ${eerste.toUpperCase()} `])).toHaveLength(13);
  });
});
