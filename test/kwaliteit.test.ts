import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { beoordeelKwaliteit, kcSleutel } from '../src/compute/kwaliteit.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import type { Melding } from '../src/model/melding.js';
import { Rational } from '../src/model/rational.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { nieuweWerkmap } from '../src/report/nieuwe-werkmap.js';
import { INSTELLINGEN_CSV, maakMap, ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { herberekendeFormules, soffice } from './libreoffice.js';

const KC = [
  'gebied;aantal;frequentie;werkervaring;opleiding;belegd bij;motivering',
  'Casemanagement;2;500;2;hbo;eigen organisatie;',
  'VV/T&H bouwen;2;1000;3;hbo bouwkunde;;',
  'Juridisch;2;500;2;wo rechten;;Tweede jurist in 2026 geworven; tot dan borgt de buurgemeente',
  'VV/T&H milieu;3;1000;3;;Omgevingsdienst Twente;',
  'Constructieve veiligheid;1;;2;;;',
  'Brandveiligheid;n.t.b.;500;2;;;',
].join('\n');

async function laad(kc: string | undefined, mw: string | undefined, extra: Record<string, string> = {}) {
  const bestanden: Record<string, string> = { 'instellingen.csv': INSTELLINGEN_CSV, ...extra };
  if (kc !== undefined) bestanden['kwaliteitscriteria.csv'] = kc;
  if (mw !== undefined) bestanden['medewerkers.csv'] = mw;
  return bouwWerkmap(await leesWerkmap(maakMap(bestanden)));
}
const met = (ms: Melding[], code: string) => ms.filter((m) => m.code === code);

describe('sheets Kwaliteitscriteria and Medewerkers', () => {
  it('reads the norms as the adopted table gives them: n.v.t. is no requirement, empty and n.t.b. unknown', async () => {
    const wm = await laad(KC + '\nToezicht sloop;n.v.t.;n.v.t.;n.v.t.;;;', 'medewerker;gebied\nA;Casemanagement\n');
    expect(wm.meldingen.filter((m) => m.niveau !== 'melding')).toEqual([]);
    const n = wm.kwaliteitscriteria!;
    expect(n.map((x) => x.gebied)).toEqual(['Casemanagement', 'VV/T&H bouwen', 'Juridisch', 'VV/T&H milieu', 'Constructieve veiligheid', 'Brandveiligheid', 'Toezicht sloop']);
    expect(n[0]!.aantal).toEqual({ soort: 'getal', waarde: Rational.of(2n) });
    expect(n[4]!.frequentie).toEqual({ soort: 'onbekend' });
    expect(n[5]!.aantal).toEqual({ soort: 'onbekend', woord: 'n.t.b.' });
    expect(n[6]!.aantal).toEqual({ soort: 'geen' });
    expect(n[3]!.belegdBij).toBe('Omgevingsdienst Twente');
    expect(n[2]!.motivering).toContain('Tweede jurist');
  });

  it('finds the sheets and columns by their aliases', async () => {
    const wm = await laad(
      'Deskundigheidsgebied;Minimum aantal;Vlieguren;Jaren werkervaring;Opleidingseis;Uitgevoerd door;Toelichting\nJuridisch;2;500;2;wo;;\n',
      'Naam;Team;Formatie;Deskundigheidsgebied;Diploma;Ervaring;Uren in het gebied\nP. de Boer;Juridische zaken;0,8;Juridisch;EVC;4;600\n',
    );
    expect(wm.meldingen.filter((m) => m.niveau !== 'melding')).toEqual([]);
    expect(wm.medewerkers![0]).toMatchObject({ medewerker: 'P. de Boer', afdeling: 'Juridische zaken', gebied: 'Juridisch', opleiding: 'EVC' });
    expect(wm.medewerkers![0]!.uren!.toString()).toBe('600');
    expect(wm.medewerkers![0]!.fte!.toString()).toBe('0.8');
  });

  it('an area not in Kwaliteitscriteria is a warning at its cell with "bedoelt u"', async () => {
    const wm = await laad(KC, 'medewerker;gebied;opleiding\nA. Smit;Casemanagment;ja\nB. Bos;Vergunningen algemeen;ja\n');
    const w = met(wm.meldingen, 'gebied-onbekend');
    expect(w).toHaveLength(2);
    expect(w[0]).toMatchObject({ niveau: 'waarschuwing', plaats: { bestand: 'medewerkers.csv', rij: 2, kolom: 'gebied' } });
    expect(w[0]!.bericht).toContain('bedoelt u "Casemanagement"?');
    expect(w[1]!.bericht).not.toContain('bedoelt u');
  });

  it('hours over 2.000, fte above 1,5 and werkervaring above 50 are warnings at their cells; a person twice in one area is an error', async () => {
    const wm = await laad(
      KC,
      [
        'medewerker;fte;gebied;opleiding;werkervaring;uren',
        'A. Smit;1,6;Casemanagement;ja;5;2.100',
        'B. Bos;1;Juridisch;ja;55;800',
        'B. Bos;1;Casemanagement;ja;5;200',
        'A. Smit;1;Casemanagement;nee;3;100',
        'C. Kok;1;Juridisch;misschien;3;100',
      ].join('\n'),
    );
    const plaats = (code: string) => met(wm.meldingen, code).map((m) => [m.niveau, m.plaats.rij, m.plaats.kolom]);
    expect(plaats('uren-hoog')).toEqual([['waarschuwing', 2, 'uren']]);
    expect(plaats('fte-hoog')).toEqual([['waarschuwing', 2, 'fte']]);
    expect(plaats('werkervaring-hoog')).toEqual([['waarschuwing', 3, 'werkervaring']]);
    expect(plaats('medewerker-dubbel')).toEqual([['fout', 5, 'medewerker']]);
    expect(met(wm.meldingen, 'medewerker-dubbel')[0]!.bericht).toContain('ook op rij 2');
    expect(met(wm.meldingen, 'waarde-onleesbaar').map((m) => [m.plaats.rij, m.plaats.kolom, m.bericht])).toEqual([[6, 'opleiding', 'opleiding "misschien" moet ja, nee, EVC of in opleiding zijn']]);
    // The same person in another area is no duplicate; the duplicate row is left out.
    expect(wm.medewerkers!.map((m) => `${m.medewerker}/${m.gebied}`)).toEqual(['A. Smit/Casemanagement', 'B. Bos/Juridisch', 'B. Bos/Casemanagement', 'C. Kok/Juridisch']);
  });

  it('vth init writes both sheets with every column explained and no norm of its own', () => {
    const bladen = nieuweWerkmap('Testdorp', 2026);
    const kc = bladen.find((b) => b.naam === 'Kwaliteitscriteria')!;
    const mw = bladen.find((b) => b.naam === 'Medewerkers')!;
    expect(kc.koppen).toEqual(['gebied', 'aantal', 'frequentie', 'werkervaring', 'opleiding', 'aanvullende kennis', 'belegd bij', 'motivering']);
    expect(mw.koppen).toEqual(['medewerker', 'afdeling', 'fte', 'gebied', 'opleiding', 'werkervaring', 'uren']);
    for (const b of [kc, mw]) for (const k of b.koppen) expect(b.uitleg, `${b.naam}: ${k}`).toContain(`${k}:`);
    // The municipality's adopted table counts: vth writes the areas, never a number for them.
    expect(kc.rijen.flatMap((r) => r.slice(1, 4)).every((c) => c === null)).toBe(true);
    expect(bladen.find((b) => b.naam === 'Instellingen')!.rijen.map((r) => r[0])).toContain('kwaliteitscriteria versie');
  });

  it('an area twice in Kwaliteitscriteria is an error', async () => {
    const wm = await laad(KC + '\ncasemanagement;3;500;2;;;', undefined);
    expect(met(wm.meldingen, 'gebied-dubbel').map((m) => [m.niveau, m.plaats.rij])).toEqual([['fout', 8]]);
  });
});

const MW = [
  'medewerker;gebied;opleiding;werkervaring;uren',
  // Casemanagement, norm 2 × (500 h, 2 years): two qualified, one short on each reason.
  'A. Smit;Casemanagement;ja;5;600',
  'B. Bos;Casemanagement;EVC;2;500',
  'C. Kok;Casemanagement;nee;9;900',
  'D. Vos;Casemanagement;ja;1;900',
  'E. Mol;Casemanagement;ja;8;499',
  // VV/T&H bouwen, norm 2 × (1000 h, 3 years): one qualified, one in opleiding: short, no motivation.
  'F. Wit;VV/T&H bouwen;ja;10;1200',
  'G. Lam;VV/T&H bouwen;in opleiding;1;1100',
  // Juridisch, norm 2: one qualified, motivated.
  'H. Das;Juridisch;ja;4;800',
  // Constructieve veiligheid, frequentie unknown: the one person cannot be judged.
  'I. Ros;Constructieve veiligheid;ja;6;300',
].join('\n');

describe('the judgement per area', () => {
  it('gives every oordeel from known facts, with who falls short on what', async () => {
    const wm = await laad(KC, MW);
    const r = beoordeelKwaliteit(wm)!;
    const per = Object.fromEntries(r.gebieden.map((g) => [g.gebied, g]));
    expect(r.gebieden.map((g) => [g.gebied, g.oordeel, g.gekwalificeerd, g.nodig])).toEqual([
      ['Casemanagement', 'voldoet', 2, 2],
      ['VV/T&H bouwen', 'voldoet niet', 1, 2],
      ['Juridisch', 'gemotiveerd afgeweken', 1, 2],
      ['VV/T&H milieu', 'elders belegd', 0, 3],
      ['Constructieve veiligheid', 'niet te beoordelen', 0, 1],
      ['Brandveiligheid', 'niet te beoordelen', 0, undefined],
    ]);
    expect(r.telling).toEqual({ voldoet: 1, 'voldoet niet': 1, 'gemotiveerd afgeweken': 1, 'elders belegd': 1, 'niet te beoordelen': 2 });
    const cm = per['Casemanagement']!;
    expect(cm.personen.filter((p) => p.status === 'gekwalificeerd').map((p) => p.medewerker)).toEqual(['A. Smit', 'B. Bos']);
    expect(cm.personen.filter((p) => p.status === 'tekort').map((p) => [p.medewerker, p.tekort.map((t) => t.reden)])).toEqual([
      ['C. Kok', ['opleiding']],
      ['D. Vos', ['ervaring']],
      ['E. Mol', ['uren']],
    ]);
    expect(cm.personen.find((p) => p.medewerker === 'E. Mol')!.tekort[0]!.tekst).toBe('499 uur in het gebied, de norm is 500');
    expect(per['VV/T&H bouwen']!.personen[1]!.tekort.map((t) => t.tekst)).toEqual(['is nog in opleiding', '1 jaar werkervaring, de norm is 3']);
    expect(per['VV/T&H bouwen']!.reden).toBe('1 medewerker voldoet aan de eisen; de norm is 2, er ontbreekt 1.');
    expect(per['Juridisch']!.motivering).toContain('Tweede jurist');
    expect(per['VV/T&H milieu']!.reden).toContain('Omgevingsdienst Twente');
    expect(per['Constructieve veiligheid']!.ontbreekt).toEqual(['de norm voor uren in het gebied']);
    expect(per['Constructieve veiligheid']!.personen[0]!.ontbreekt).toEqual(['de norm voor uren in het gebied']);
    expect(per['Brandveiligheid']!.ontbreekt).toEqual(['het minimum aantal gekwalificeerde medewerkers']);
  });

  it('never counts unknown as qualified nor as 0: an empty education or hours leaves the area open, unless the known ones already meet the norm', async () => {
    const kc = 'gebied;aantal;frequentie;werkervaring\nToezicht;2;500;2\n';
    const open = beoordeelKwaliteit(await laad(kc, 'medewerker;gebied;opleiding;werkervaring;uren\nA;Toezicht;ja;3;600\nB;Toezicht;;3;600\nC;Toezicht;ja;3;\n'))!;
    expect(open.gebieden[0]).toMatchObject({ oordeel: 'niet te beoordelen', gekwalificeerd: 1, ontbreekt: ['opleiding van 1 medewerker', 'uren in het gebied van 1 medewerker'] });
    expect(open.gebieden[0]!.personen.map((p) => p.ontbreekt)).toEqual([[], ['opleiding'], ['uren in het gebied']]);
    const genoeg = beoordeelKwaliteit(await laad(kc, 'medewerker;gebied;opleiding;werkervaring;uren\nA;Toezicht;ja;3;600\nB;Toezicht;ja;3;600\nC;Toezicht;;;\n'))!;
    expect(genoeg.gebieden[0]).toMatchObject({ oordeel: 'voldoet', gekwalificeerd: 2 });
    // A known shortfall outweighs an unknown: one unknown cannot fill a gap of two.
    const kort = beoordeelKwaliteit(await laad('gebied;aantal;frequentie;werkervaring\nToezicht;3;500;2\n', 'medewerker;gebied;opleiding;werkervaring;uren\nA;Toezicht;ja;3;600\nB;Toezicht;;3;600\nC;Toezicht;nee;;\n'))!;
    expect(kort.gebieden[0]).toMatchObject({ oordeel: 'voldoet niet', gekwalificeerd: 1 });
    expect(kort.gebieden[0]!.personen[2]).toMatchObject({ status: 'tekort', ontbreekt: [] });
  });

  it('without sheet Medewerkers every own area is niet te beoordelen; without Kwaliteitscriteria there is nothing to judge', async () => {
    const r = beoordeelKwaliteit(await laad(KC, undefined))!;
    expect(r.gebieden.map((g) => g.oordeel)).toEqual(['niet te beoordelen', 'niet te beoordelen', 'niet te beoordelen', 'elders belegd', 'niet te beoordelen', 'niet te beoordelen']);
    expect(r.gebieden[0]!.ontbreekt).toEqual(['de medewerkers in dit gebied met hun opleiding, werkervaring en uren']);
    expect(beoordeelKwaliteit(await laad(undefined, MW))).toBeUndefined();
  });

  it('an area nobody works in falls short; the municipality itself by name is its own organisation', async () => {
    const r = beoordeelKwaliteit(await laad('gebied;aantal;belegd bij\nBodem;1;Gemeente Testdorp\nAsbest;n.v.t.;\n', 'medewerker;gebied\nA;Asbest\n'))!;
    expect(r.gebieden.map((g) => [g.oordeel, g.reden])).toEqual([
      ['voldoet niet', 'Er werkt niemand in dit gebied; de norm is 1, er ontbreekt 1.'],
      ['voldoet', 'Er is geen eis aan het aantal medewerkers.'],
    ]);
  });

  it('hours from the case export count instead of the typed ones; a typed figure beyond the afwijkingsdrempel is a warning at its cell', async () => {
    const wm = await laad(KC, MW);
    const uren = new Map([
      [kcSleutel('A. Smit', 'Casemanagement'), Rational.of(450n)],
      [kcSleutel('B. Bos', 'Casemanagement'), Rational.of(520n)],
    ]);
    const r = beoordeelKwaliteit(wm, { uren, bron: 'zaken.csv' })!;
    const cm = r.gebieden[0]!;
    expect(cm.personen[0]).toMatchObject({ medewerker: 'A. Smit', urenBron: 'export', status: 'tekort' });
    expect(cm.personen[0]!.urenGetypt!.toString()).toBe('600');
    expect(cm.oordeel).toBe('voldoet niet');
    const w = r.meldingen.filter((m) => m.code === 'uren-wijkt-af-van-export');
    // 600 typed against 450 (33,3%) is beyond 10%; 500 against 520 (3,8%) is not.
    expect(w.map((m) => [m.plaats.rij, m.plaats.kolom])).toEqual([[2, 'uren']]);
    expect(w[0]!.bericht).toContain('opgegeven 600 uur, de zakenexport geeft 450 uur (33,3% verschil, drempel 10%)');
  });
});

describe('vth kwaliteit', () => {
  it('the example: one area of each oordeel, exit 1 for the area short without motivation and the one not to judge', () => {
    const r = vth(['kwaliteit', VOORBEELD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Kwaliteitscriteria VTH 2025, gemeente Dinkelberg (KC 3.0)');
    expect(r.stdout).toContain('voldoet: 1   voldoet niet: 1   gemotiveerd afgeweken: 1   elders belegd: 1   niet te beoordelen: 1');
    expect(r.stdout).toContain('D. Pierik: heeft de vereiste opleiding niet');
    expect(r.stdout).toContain('K. Meijerink: onbekend: uren in het gebied');
    const j = JSON.parse(vth(['kwaliteit', VOORBEELD, '--format', 'json', '-q']).stdout);
    expect(j.gebieden.map((g: { gebied: string; oordeel: string; gekwalificeerd: number }) => [g.gebied, g.oordeel, g.gekwalificeerd])).toEqual([
      ['Casemanagement', 'voldoet', 2],
      ['VV/T&H bouwen', 'gemotiveerd afgeweken', 1],
      ['T&H bouwen', 'voldoet niet', 1],
      ['Juridisch', 'niet te beoordelen', 1],
      ['VV/T&H milieu', 'elders belegd', 0],
    ]);
    expect(j.gebieden[0].norm).toEqual({ aantal: 2, frequentie: 500, werkervaring: 2, opleiding: 'hbo' });
    expect(j.gebieden[0].tekst).toBeUndefined();
    expect(j.gebieden[0].tekort).toEqual([
      { medewerker: 'S. Oude Luttikhuis', redenen: ['opleiding', 'ervaring', 'uren'], toelichting: 'is nog in opleiding; 1 jaar werkervaring, de norm is 2; 300 uur in het gebied, de norm is 500' },
    ]);
    expect(j.gebieden[1].motivering).toContain('buurgemeente');
    expect(j.gebieden[3].ontbreekt).toEqual(['uren in het gebied van 1 medewerker']);
    expect(j.versie).toBe('KC 3.0');
    expect(j.inBeeld).toBe(false);
  });

  it('exit 0 when every area complies, is motivated or carried elsewhere; exit 1 and nothing without the sheets', () => {
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'kwaliteitscriteria.csv': 'gebied;aantal;frequentie;werkervaring;belegd bij;motivering\nCasemanagement;1;500;2;;\nJuridisch;2;500;2;;Tweede jurist volgt in 2026\nMilieu;3;1000;3;Omgevingsdienst;\n',
      'medewerkers.csv': 'medewerker;gebied;opleiding;werkervaring;uren\nA;Casemanagement;ja;3;600\nB;Juridisch;EVC;3;600\n',
    });
    const r = vth(['kwaliteit', map, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(vth(['kwaliteit', map, '--format', 'json', '-q']).stdout).inBeeld).toBe(true);
    const leeg = vth(['kwaliteit', maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, 'kwaliteitscriteria.csv': 'gebied;aantal\n', 'medewerkers.csv': 'medewerker;gebied\n' }), '-q']);
    expect(leeg.code).toBe(1);
    expect(leeg.stderr).toContain('heeft geen deskundigheidsgebieden: er is niets te beoordelen');
    const zonder = vth(['kwaliteit', maakMap({ 'instellingen.csv': INSTELLINGEN_CSV })]);
    expect(zonder.code).toBe(1);
    expect(zonder.stderr).toContain('blad Kwaliteitscriteria ontbreekt');
    expect(zonder.stdout).toBe('');
  });

  it('an error in Medewerkers stops it with the place; nothing is written', () => {
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'kwaliteitscriteria.csv': 'gebied;aantal\nJuridisch;1\n',
      'medewerkers.csv': 'medewerker;gebied;opleiding\nA;Juridisch;ja\nA;Juridisch;nee\n',
    });
    const uit = path.join(tijdelijkeMap(), 'kc.json');
    const r = vth(['kwaliteit', map, '-o', uit]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/medewerkers\.csv.*\n.*FOUT rij 3, kolom "medewerker": medewerker "A" staat voor gebied "Juridisch" ook op rij 2/);
    expect(existsSync(uit)).toBe(false);
  });

  it('md and xlsx: the table, and the qualified count as a COUNTIFS over the people whose cached value is the tool\'s', async () => {
    const map = tijdelijkeMap();
    const md = vth(['kwaliteit', VOORBEELD, '-o', path.join(map, 'kc.md'), '-q']);
    expect(md.code).toBe(1);
    const tekst = readFileSync(path.join(map, 'kc.md'), 'utf8');
    expect(tekst).toContain('| VV/T&H milieu | 3 personen, 1.000 uur per persoon, 3 jaar ervaring | Omgevingsdienst Twente | elders belegd |');
    expect(tekst).toContain('| T&H bouwen | 2 personen, 1.000 uur per persoon, 3 jaar ervaring | 1 van 2 | voldoet niet |');
    expect(tekst).toContain('| D. Pierik | Toezicht en handhaving | nee | 9 | 1.100 | opgegeven | nee | heeft de vereiste opleiding niet |');
    vth(['kwaliteit', VOORBEELD, '-o', path.join(map, 'kc.xlsx'), '-q']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(map, 'kc.xlsx'));
    const ws = wb.getWorksheet('Kwaliteitscriteria')!;
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['Casemanagement', 2, 500, 2, 'hbo', 'eigen organisatie']));
    const h = ws.getCell('H2').value as { formula: string; result: number };
    expect(h.formula).toBe('COUNTIFS(Medewerkers!$A$2:$A$10,A2,Medewerkers!$H$2:$H$10,"ja")');
    expect(h.result).toBe(2);
    expect(ws.getCell('I5').value).toBe('niet te beoordelen');
    const mw = wb.getWorksheet('Medewerkers')!;
    expect(mw.rowCount).toBe(10);
    expect(mw.getCell('F10').value).toBe('onbekend');
  });
});

describe('the workbook recalculated', () => {
  it.runIf(soffice())(`the counts per area are formulas that LibreOffice recalculates to vth's figures${soffice() ? '' : ' (OVERGESLAGEN: LibreOffice ontbreekt)'}`, async () => {
    const uit = path.join(tijdelijkeMap(), 'kc.xlsx');
    expect(vth(['kwaliteit', VOORBEELD, '-o', uit, '-q']).code).toBe(1);
    const cellen = await herberekendeFormules(soffice()!, uit, { ookNullen: true });
    // Two formulas per area: the people and the qualified among them.
    expect(cellen.length).toBe(2 * 5);
    for (const c of cellen) expect(c.libreoffice, c.cel).toBe(c.vth);
  });
});

describe('in the documents', () => {
  it('the jaarverslag: a section Kwaliteitscriteria in Kwaliteit en IBT, comply or explain in plain Dutch; what to fill in goes to the verantwoording', async () => {
    const uit = tijdelijkeMap();
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv'), '-o', uit, '--format', 'md,xlsx,json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.md'), 'utf8');
    const hoofdstuk = md.slice(md.indexOf('## 10. Kwaliteit en IBT'), md.indexOf('## 11.'));
    const sectie = hoofdstuk.slice(hoofdstuk.indexOf('### Kwaliteitscriteria'));
    expect(sectie).toContain('Getoetst is aan de kwaliteitscriteria KC 3.0 zoals het college die heeft vastgesteld. Van de 5 deskundigheidsgebieden voldoet er 1 aan de kritieke massa; 1 gebied is belegd bij een andere organisatie (VV/T&H milieu: Omgevingsdienst Twente)');
    expect(sectie).toContain('VV/T&H bouwen: 1 medewerker voldoet aan de eisen; de norm is 2, er ontbreekt 1. De gemeente wijkt hier gemotiveerd af. De tweede vergunningverlener bouwen');
    expect(sectie).toContain('T&H bouwen: 1 medewerker voldoet aan de eisen; de norm is 2, er ontbreekt 1. Nog niet vastgelegd is waarom de norm niet wordt gehaald en wat de gemeente eraan doet.');
    expect(sectie).toContain('Juridisch: of aan de kritieke massa wordt voldaan, is niet vast te stellen. Nog niet bekend: uren in het gebied van 1 medewerker.');
    expect(sectie).toContain('| Juridisch | 2 personen, 500 uur per persoon, 2 jaar ervaring | 1 van 2 | niet te beoordelen |');
    // For a college: no sheet, column or row, and no person by name.
    expect(sectie).not.toMatch(/\bblad\b|\bkolom\b|\brij\b|Medewerkers|Pierik|Meijerink/);
    const verantwoording = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg-verantwoording.md'), 'utf8');
    expect(verantwoording).toContain('gebied "T&H bouwen" voldoet niet aan de kritieke massa (1 van 2 gekwalificeerd) en heeft geen motivering');
    expect(verantwoording).toContain('werkmap.xlsx, Kwaliteitscriteria, rij 4, kolom "gebied"');
    // The workbook and the JSON carry the same areas, without anyone's name.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(uit, 'jaarverslag-2025-dinkelberg.xlsx'));
    const ws = wb.getWorksheet('Kwaliteitscriteria')!;
    expect([ws.getCell('A4').value, ws.getCell('H4').value, ws.getCell('I4').value]).toEqual(['T&H bouwen', 1, 'voldoet niet']);
    expect(wb.getWorksheet('Medewerkers')).toBeUndefined();
    const j = JSON.parse(readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.json'), 'utf8'));
    expect(j.kwaliteitscriteria.gebieden.map((g: { oordeel: string }) => g.oordeel)).toEqual(['voldoet', 'gemotiveerd afgeweken', 'voldoet niet', 'niet te beoordelen', 'elders belegd']);
    expect(JSON.stringify(j.kwaliteitscriteria)).not.toMatch(/Pierik|Meijerink/);
  });

  it('the jaarverslag and the UVP without the sheets, or with a sheet without areas, have no such paragraph', () => {
    const basis = { 'instellingen.csv': INSTELLINGEN_CSV, 'producten.csv': 'code;product;aantal;kental\nA1.01;Vergunning;10;5\n', 'realisatie.csv': 'code;aantal;uren\nA1.01;10;50\n' };
    for (const map of [maakMap(basis), maakMap({ ...basis, 'kwaliteitscriteria.csv': 'gebied;aantal;frequentie\n' })]) {
      const uit = tijdelijkeMap();
      expect(vth(['jaarverslag', map, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
      expect(readFileSync(path.join(uit, 'jaarverslag-2025-testdorp.md'), 'utf8')).not.toContain('Kwaliteitscriteria');
      expect(vth(['uvp', map, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
      expect(readFileSync(path.join(uit, 'uvp-2025-testdorp.md'), 'utf8')).not.toContain('De gemeente toetst haar deskundigheid');
    }
  });

  it('the UVP strategy chapter names the KC version and the areas not yet in order, with what is planned', () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
    const md = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8');
    const h = md.slice(md.indexOf('## 4. Strategie en kwaliteit'), md.indexOf('## 5.'));
    expect(h).toContain('De gemeente toetst haar deskundigheid aan de kwaliteitscriteria KC 3.0 zoals het college die heeft vastgesteld. Nog niet in orde zijn:');
    expect(h).toContain('- VV/T&H bouwen (gemotiveerd afgeweken): 1 medewerker voldoet aan de eisen; de norm is 2, er ontbreekt 1. Wat eraan gebeurt: de tweede vergunningverlener bouwen');
    expect(h).toContain('- T&H bouwen (voldoet niet): 1 medewerker voldoet aan de eisen; de norm is 2, er ontbreekt 1. Wat eraan gebeurt, is nog niet vastgelegd.');
    expect(h).not.toContain('Casemanagement');
    expect(h).not.toContain('VV/T&H milieu');
  });

  it('IBT criterion 9 "Kwaliteitscriteria in beeld": groen when every area is judged and each short one motivated, rood for a short one without, oranje for one not judged, grijs without the sheets', () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    vth(['ibt', path.join(ROOT, 'fixtures/regio-voorbeeld'), '-o', uit, '--format', 'json', '-q']);
    const c9 = (g: string) => JSON.parse(readFileSync(path.join(uit, `ibt-2025-${g}.json`), 'utf8')).criteria[8];
    expect(c9('aaberg')).toMatchObject({ nr: 9, naam: 'Kwaliteitscriteria in beeld', kleur: 'groen' });
    expect(c9('aaberg').bewijs).toEqual(['2 deskundigheidsgebieden: 1 voldoet, 0 gemotiveerd afgeweken, 1 elders belegd, 0 voldoet niet, 0 niet te beoordelen']);
    expect(c9('beekdal')).toMatchObject({ kleur: 'groen', reden: 'Elk deskundigheidsgebied is beoordeeld; waar de kritieke massa niet wordt gehaald, is gemotiveerd afgeweken.' });
    expect(c9('doelwijk')).toMatchObject({ kleur: 'rood', reden: '1 deskundigheidsgebied voldoet niet aan de kritieke massa, zonder motivering.' });
    expect(c9('doelwijk').bewijs).toContain('voldoet niet zonder motivering: Casemanagement');
    expect(c9('laatveen')).toMatchObject({ kleur: 'oranje', status: 'voldoet deels' });
    expect(c9('openrade')).toMatchObject({ kleur: 'grijs', status: 'niet te beoordelen' });
  });
});

describe('hours from the case export', () => {
  const werkmap = (extra: Record<string, string> = {}) =>
    maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': 'code;product;aantal;kental;gebied\nA1.01;Omgevingsvergunning bouwen;100;8;VV/T&H bouwen\nA2.01;Controle bouw;50;6;T&H bouwen\nA3.01;Handhavingszaak;10;10;\n',
      'kwaliteitscriteria.csv': 'gebied;aantal;frequentie;werkervaring\nVV/T&H bouwen;1;20;2\nT&H bouwen;1;20;2\nBodem;1;20;2\n',
      'medewerkers.csv': 'medewerker;gebied;opleiding;werkervaring;uren\nA. Smit;VV/T&H bouwen;ja;5;100\nB. Bos;T&H bouwen;ja;5;\nC. Kok;Bodem;ja;5;30\n',
      ...extra,
    });
  const ZAKEN = [
    'zaaknummer;productcode;ontvangen;besluit;uren;behandelaar',
    'Z1;A1.01;02-01-2025;20-01-2025;12,5;A. Smit',
    'Z2;A1.01;02-02-2025;20-02-2025;10;A. Smit',
    'Z3;A2.01;02-03-2025;03-03-2025;15;B. Bos',
    'Z4;A2.01;02-03-2025;03-03-2025;6;b. bos',
    'Z5;A3.01;02-03-2025;03-03-2025;40;B. Bos',
    'Z6;A1.01;02-03-2024;03-03-2024;99;A. Smit',
  ].join('\n');

  it('counts the hours of the year per person per area through the column gebied; typed hours that differ beyond the drempel are a warning; the export fills unknown hours', () => {
    const map = werkmap();
    const zaken = path.join(maakMap({ 'zaken.csv': ZAKEN }), 'zaken.csv');
    const r = vth(['kwaliteit', map, '--zaken', zaken, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    // A. Smit: 22,5 h from the 2025 cases (the 2024 case does not count), typed 100: the export's count.
    expect(r.stderr).toMatch(/medewerkers\.csv[\s\S]*WAARSCHUWING rij 2, kolom "uren": medewerker "A\. Smit", gebied "VV\/T&H bouwen": opgegeven 100 uur, de zakenexport geeft 22,5 uur \(344,4% verschil, drempel 10%\); de uren uit de export tellen/);
    expect(r.stderr).toContain('zakenexport zaken.csv: uren van 2 medewerkers in 2025; 40 uur op codes zonder gebied tellen bij geen gebied');
    expect(j.gebieden.map((g: { oordeel: string }) => g.oordeel)).toEqual(['voldoet', 'voldoet', 'voldoet']);
    // B. Bos had no typed hours: 21 from the export (one name in two spellings) make the area judged.
    expect(j.gebieden[1].gekwalificeerd).toBe(1);
    // C. Kok has no cases in the export: the typed 30 hours stay, never 0.
    expect(j.gebieden[2].gekwalificeerd).toBe(1);
    expect(j.meldingen.map((m: { code: string }) => m.code)).toContain('uren-niet-in-export');
    const md = vth(['kwaliteit', map, '--zaken', zaken, '--format', 'md', '-q']).stdout;
    expect(md).toContain('| A. Smit |  | ja | 5 | 22,5 | zakenexport | ja |  |');
  });

  it('refuses the export without a mapping to areas or without a column medewerker, with exit 2', () => {
    const zonderKoppeling = maakMap({ 'instellingen.csv': INSTELLINGEN_CSV, 'producten.csv': 'code;product;aantal;kental\nA1.01;Vergunning;1;1\n', 'kwaliteitscriteria.csv': 'gebied;aantal\nBouwen;1\n', 'medewerkers.csv': 'medewerker;gebied\nA;Bouwen\n' });
    const zaken = path.join(maakMap({ 'zaken.csv': ZAKEN }), 'zaken.csv');
    const a = vth(['kwaliteit', zonderKoppeling, '--zaken', zaken]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Producten en Zaaktypen hebben geen kolom gebied');
    const zonderKolom = path.join(maakMap({ 'zaken.csv': ZAKEN.replace('behandelaar', 'opmerking') }), 'zaken.csv');
    const b = vth(['kwaliteit', werkmap(), '--zaken', zonderKolom]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('heeft geen kolom medewerker');
  });

  it('the mapping may also come from Zaaktypen (an export without product codes)', async () => {
    const map = werkmap({ 'zaaktypen.csv': 'zaaktype;code;gebied\nBodemonderzoek;A3.01;Bodem\n' });
    const zaken = path.join(maakMap({ 'zaken.csv': 'zaaknummer;zaaktype;besluit;uren;medewerker\nZ1;Bodemonderzoek;10-05-2025;12;C. Kok\n' }), 'zaken.csv');
    const j = JSON.parse(vth(['kwaliteit', map, '--zaken', zaken, '--format', 'json', '-q']).stdout);
    // 12 export hours against the norm of 20: C. Kok now falls short on hours.
    expect(j.gebieden[2]).toMatchObject({ gebied: 'Bodem', oordeel: 'voldoet niet', gekwalificeerd: 0 });
    expect(j.gebieden[2].tekort[0].toelichting).toBe('12 uur in het gebied (zakenexport), de norm is 20');
  });
});

describe('the example through its case export', () => {
  it('the hours of T&H bouwen and Juridisch come from the export: the unknown becomes known, typed hours beyond 10% are warnings', () => {
    const r = vth(['kwaliteit', VOORBEELD, '--zaken', path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.gebieden.map((g: { oordeel: string }) => g.oordeel)).toEqual(['voldoet', 'gemotiveerd afgeweken', 'voldoet niet', 'voldoet niet', 'elders belegd']);
    expect(j.gebieden[3].tekort).toEqual([{ medewerker: 'K. Meijerink', redenen: ['uren'], toelichting: '160,8 uur in het gebied (zakenexport), de norm is 500' }]);
    expect(r.stderr).toContain('medewerker "H. Wolters", gebied "T&H bouwen": opgegeven 1.040 uur, de zakenexport geeft 847,9 uur (22,7% verschil, drempel 10%)');
    expect(r.stderr).toContain('zakenexport zaken-2025.csv: uren van 6 medewerkers in 2025');
  });
});

describe('the sheets as users make them (test/kwaliteit/maak.py)', () => {
  const VERWACHT = [
    ['Casemanagement', 'voldoet', 2],
    ['Juridisch', 'gemotiveerd afgeweken', 1],
    ['Toezicht bouwen', 'voldoet niet', 0],
    ['Bodem', 'niet te beoordelen', 0],
    ['Milieu', 'elders belegd', 0],
    ['Asbest', 'voldoet', 0],
  ];
  it.each(['01-openpyxl.xlsx', '02-pandas.xlsx', '03-libreoffice-nl', '04-libreoffice-en'])('%s: the same verdicts, every guess said', (naam) => {
    const pad = path.join(ROOT, 'test/kwaliteit', naam);
    const j = JSON.parse(vth(['kwaliteit', pad, '--format', 'json', '-q']).stdout);
    expect(j.versie).toBe('KC 3.0');
    expect(j.gebieden.map((g: { gebied: string; oordeel: string; gekwalificeerd: number }) => [g.gebied, g.oordeel, g.gekwalificeerd])).toEqual(VERWACHT);
    // 1100,5 / 1100.5 hours read as written in each locale; the empty hours of E. Smit stay unknown (never 0).
    expect(j.gebieden[3].ontbreekt).toEqual(['uren in het gebied van 1 medewerker']);
    const c = JSON.parse(vth(['controleer', pad, '--json', '--alle']).stdout);
    expect(c.samenvatting).toMatchObject({ fouten: 0, waarschuwingen: 0 });
    const codes = c.meldingen.map((m: { code: string }) => m.code);
    if (naam !== '02-pandas.xlsx') {
      expect(codes).toContain('titelrijen');
      expect(codes).toContain('blad-overgeslagen');
    }
    if (naam.startsWith('03') || naam.startsWith('04')) expect(codes).toContain('getallen-schrijfwijze');
  });
});
