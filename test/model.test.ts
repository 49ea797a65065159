import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { controleer } from '../src/compute/controle.js';
import { berekenVraag } from '../src/compute/vraag.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import type { Melding } from '../src/model/melding.js';
import { parseProductcode } from '../src/model/productcode.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { parseStreefwaarde } from '../src/model/doelen.js';
import { Rational } from '../src/model/rational.js';
import { BRONNEN, INSTELLINGEN_CSV, maakMap, VOORBEELD } from './helpers.js';

const bron = (f: string) => readFileSync(path.join(BRONNEN, f), 'utf8');

async function laad(bestanden: Record<string, string | Uint8Array>) {
  const wm = bouwWerkmap(await leesWerkmap(maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, ...bestanden })));
  return { wm, meldingen: controleer(wm) };
}
const met = (ms: Melding[], code: string) => ms.filter((m) => m.code === code);

describe('Producten from the real omgevingsdienst tables', () => {
  it('reports the printed A1 total 5569 against the computed 5369, naming the row', async () => {
    const { wm, meldingen } = await laad({ 'producten.csv': bron('odt-enschede-uvp2025-a1-vergunningen.csv') });
    expect(wm.producten!.regels).toHaveLength(31);
    expect(berekenVraag(wm).totaal.toString()).toBe('5369');
    const sub = met(meldingen, 'subtotaal-afwijkend');
    expect(sub).toHaveLength(1);
    expect(sub[0]!.plaats).toMatchObject({ bestand: 'producten.csv', rij: 33, kolom: 'Totaal (uren)' });
    expect(sub[0]!.bericht).toContain('5.569');
    expect(sub[0]!.bericht).toContain('5.369');
    expect(meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
  });

  it('accepts the A4 table: its printed total 1155 is right and A4.19 is a two-segment code', async () => {
    const { wm, meldingen } = await laad({ 'producten.csv': bron('odt-enschede-uvp2025-a4-advies.csv') });
    expect(berekenVraag(wm).totaal.toString()).toBe('1155');
    expect(met(meldingen, 'subtotaal-afwijkend')).toEqual([]);
    expect(met(meldingen, 'code-onjuist')).toEqual([]);
    const a419 = wm.producten!.regels.find((r) => r.code === 'A4.19')!;
    expect(a419.productcode).toEqual({ code: 'A4.19', taakveld: 'A4', groep: 'A4.19', product: 'A4.19' });
    expect(a419.taakveld).toBe('Advies');
  });

  it('checks both tables in one sheet, each total against its own rows', async () => {
    const a1 = bron('odt-enschede-uvp2025-a1-vergunningen.csv');
    const a4 = bron('odt-enschede-uvp2025-a4-advies.csv').split('\n').slice(1).join('\n');
    const { meldingen } = await laad({ 'producten.csv': a1 + a4 });
    const sub = met(meldingen, 'subtotaal-afwijkend');
    expect(sub).toHaveLength(1);
    expect(sub[0]!.plaats.rij).toBe(33);
  });
});

describe('total rows in a long list', () => {
  it('a total under each of 900 groups and a grand total: each checked against its own lines, one wrong one found by its group', async () => {
    const regels = ['code;product;taakveld;afdeling;aantal;kental;uren'];
    let alles = 0;
    for (let g = 1; g <= 900; g++) {
      const groep = `A2.${String(g).padStart(3, '0')}`;
      let som = 0;
      for (let i = 1; i <= 5; i++) {
        regels.push(`${groep}.0${i};Product ${g}.${i};Toezicht;Toezicht;${i};${g % 7 + 1};`);
        som += i * (g % 7 + 1);
      }
      alles += som;
      regels.push(`${groep};Subtotaal ${groep};;;;;${g === 450 ? som + 1 : som}`);
    }
    regels.push(`;Totaal;;;;;${alles}`);
    const { wm, meldingen } = await laad({ 'producten.csv': regels.join('\n') + '\n', 'capaciteit.csv': 'afdeling;fte\nToezicht;3\n' });
    expect(wm.producten!.regels).toHaveLength(4500);
    expect(wm.producten!.subtotalen).toHaveLength(901);
    const sub = met(meldingen, 'subtotaal-afwijkend');
    expect(sub).toHaveLength(1);
    expect(sub[0]!.bericht).toContain('met code A2.450.');
    expect(berekenVraag(wm).totaal.toString()).toBe(String(alles));
  });
});

describe('findings on broken variants', () => {
  const kop = 'code;product;taakveld;afdeling;aantal;kental;uren\n';
  const cap = { 'capaciteit.csv': 'afdeling;fte\nToezicht;3\n' };

  it('negative count and kental, empty required cell, unreadable value', async () => {
    const { meldingen } = await laad({
      ...cap,
      'producten.csv': kop + 'A2.02.00;Controle;Toezicht;Toezicht;-4;8;\nA2.03.00;Hercontrole;Toezicht;Toezicht;4;-1;\nA2.04.00;;Toezicht;Toezicht;4;1;\nA2.05.00;X;Toezicht;Toezicht;1,5 uur;2;\n',
    });
    const neg = met(meldingen, 'waarde-negatief');
    expect(neg.map((m) => [m.plaats.rij, m.plaats.kolom])).toEqual([
      [2, 'aantal'],
      [3, 'kental'],
    ]);
    expect(met(meldingen, 'waarde-leeg')[0]!.plaats).toMatchObject({ rij: 4, kolom: 'product' });
    const onl = met(meldingen, 'waarde-onleesbaar')[0]!;
    expect(onl.plaats).toMatchObject({ bestand: 'producten.csv', blad: 'producten', rij: 5, kolom: 'aantal' });
    expect(onl.bericht).toBe('"1,5 uur" is een tijdsduur; in de kolom aantal hoort een aantal keer (uren horen in kental of uren)');
  });

  it('duplicate code, taakveld disagreeing with the code, malformed code', async () => {
    const { wm, meldingen } = await laad({
      ...cap,
      'producten.csv':
        kop +
        'A3.01.00;Handhavingscontrole;Toezicht;Toezicht;10;4;\nA2.02.00;Controle;Toezicht;Toezicht;5;4;\nA2.02.00;Controle bis;Toezicht;Toezicht;5;4;\nA2.02.;Kapot;Toezicht;Toezicht;1;1;\n',
    });
    const tv = met(meldingen, 'code-taakveld');
    expect(tv).toHaveLength(1);
    expect(tv[0]!.plaats.rij).toBe(2);
    // The line stays where the user put it: under Toezicht.
    expect(wm.producten!.regels[0]!.taakveld).toBe('Toezicht');
    expect(berekenVraag(wm).perTaakveld).toEqual([expect.objectContaining({ naam: 'Toezicht' })]);
    expect(met(meldingen, 'code-dubbel')[0]!.plaats.rij).toBe(4);
    expect(met(meldingen, 'code-onjuist')[0]!.plaats).toMatchObject({ rij: 5, kolom: 'code' });
  });

  it('printed line total differs from aantal × kental, both values in the message', async () => {
    const { meldingen } = await laad({ ...cap, 'producten.csv': kop + 'A2.02.00;Controle;Toezicht;Toezicht;5;4;21\n' });
    const m = met(meldingen, 'regeltotaal-afwijkend')[0]!;
    expect(m.bericht).toContain('21');
    expect(m.bericht).toContain('5 × 4 = 20');
    expect(m.plaats).toMatchObject({ rij: 2, kolom: 'uren' });
  });

  it('an afdeling that Capaciteit does not know', async () => {
    const { meldingen } = await laad({ ...cap, 'producten.csv': kop + 'A2.02.00;Controle;Toezicht;Toezcht;5;4;\n' });
    const m = met(meldingen, 'afdeling-onbekend')[0]!;
    expect(m.niveau).toBe('fout');
    expect(m.bericht).toContain('"Toezcht"');
    expect(m.plaats).toMatchObject({ rij: 2, kolom: 'afdeling' });
  });

  it('missing required sheet and column, unknown column as a notice', async () => {
    const map = maakMap({ 'producten.csv': 'code;omschrijving;kleur\nA1.05.00;Toets;rood\n' });
    const wm = bouwWerkmap(await leesWerkmap(map));
    expect(met(wm.meldingen, 'blad-ontbreekt')[0]!.niveau).toBe('fout');
    expect(met(wm.meldingen, 'kolom-onbekend')[0]).toMatchObject({ niveau: 'melding', plaats: { kolom: 'kleur', rij: 1 } });
    const { meldingen } = await laad({ 'producten.csv': 'code;aantal\nA1.05.00;4\n' });
    expect(met(meldingen, 'kolom-ontbreekt')[0]!.bericht).toContain('"product"');
  });

  it('keeps no-value lines out of the sum and lists them', async () => {
    const { wm, meldingen } = await laad({ ...cap, 'producten.csv': kop + 'A2.02.00;Controle;Toezicht;Toezicht;PM;4;\nA2.03.00;Hercontrole;Toezicht;Toezicht;2;4;\n' });
    const v = berekenVraag(wm);
    expect(v.totaal.toString()).toBe('8');
    expect(v.zonderWaarde.map((r) => r.woord)).toEqual(['PM']);
    expect(meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
  });

  it('headers match case-insensitively, ignoring accents, spacing and units; columns by header not position', async () => {
    const { wm } = await laad({ 'programma.csv': ' KENTAL  (uren) ;Aantal;Omschrijving;Códe\n20;4;Toets;A1.05.00\n' });
    const r = wm.producten!.regels[0]!;
    expect(r.code).toBe('A1.05.00');
    expect(berekenVraag(wm).totaal.toString()).toBe('80');
  });
});

describe('regional projects and goals from the real tables', () => {
  it('projects 6150 × 12,02% = 739,23 and services 11700 × 12,02% = 1406,34, n.v.t. kept', async () => {
    // The example werkmap holds the real project and service tables with the member's share.
    const wm = bouwWerkmap(await leesWerkmap(VOORBEELD));
    const v = berekenVraag(wm);
    const som = (soort: string) =>
      v.projecten.filter((p) => p.project.soort === soort && p.uren).reduce((a, p) => a.add(p.uren!), Rational.ZERO);
    expect(som('project').toString()).toBe('739.23');
    expect(som('dienst').toString()).toBe('1406.34');
    expect(v.totaalProjecten.toString()).toBe('2145.57');
    expect(v.projecten.filter((p) => p.woord === 'n.v.t.').map((p) => p.project.code)).toEqual(['OD3', 'OD12', 'D4']);
  });

  it('reads the real quality goals with their comparator column, 33,3% included', async () => {
    const { wm, meldingen } = await laad({ 'doelen.csv': bron('losser-kwaliteitsdoelen-2025.csv') });
    expect(wm.doelen).toHaveLength(10);
    const kd4 = wm.doelen!.find((d) => d.id === 'KD4')!;
    expect(kd4.streefwaarde).toMatchObject({ vergelijker: '<=', procent: true });
    expect(kd4.streefwaarde!.waarde.toString()).toBe('33.3');
    expect(meldingen.filter((m) => m.niveau !== 'melding')).toEqual([]);
  });

  it('parses target values in words and symbols', () => {
    expect(parseStreefwaarde('minimaal 95%')).toMatchObject({ vergelijker: '>=', procent: true });
    expect(parseStreefwaarde('maximaal 33,3%')!.waarde.toString()).toBe('33.3');
    expect(parseStreefwaarde('≥ 95%')!.vergelijker).toBe('>=');
    expect(parseStreefwaarde('0%')!.vergelijker).toBe('=');
    expect(parseStreefwaarde('veel')).toBeNull();
  });
});

describe('percentages written as fractions', () => {
  it('0,1 in a percentage column is read as written, with a warning that names 10%', async () => {
    const { wm, meldingen } = await laad({
      'capaciteit.csv': 'afdeling;fte\nToezicht;2\n',
      'reserveringen.csv': 'afdeling;omschrijving;percentage\nToezicht;binnenvliegers;0,1\nToezicht;overleg;5%\n',
    });
    expect(wm.reserveringen!.map((r) => r.percentage!.toString())).toEqual(['0.1', '5']);
    const m = meldingen.filter((x) => x.code === 'percentage-als-breuk');
    expect(m).toHaveLength(1);
    expect(m[0]!.bericht).toContain('bedoelt u 10%?');
    expect(m[0]!.plaats).toMatchObject({ bestand: 'reserveringen.csv', rij: 2, kolom: 'percentage' });
  });
});

describe('product codes', () => {
  it.each([
    ['A2.09.08', { taakveld: 'A2', groep: 'A2.09', product: 'A2.09.08' }],
    ['A4.19', { taakveld: 'A4', groep: 'A4.19', product: 'A4.19' }],
  ])('%s', (code, verwacht) => {
    expect(parseProductcode(code)).toMatchObject(verwacht);
  });
  it('rejects malformed codes', () => {
    for (const c of ['A2.', 'A2.09.', '2.09.08', 'A2..09']) expect(parseProductcode(c)).toBeNull();
  });
});
