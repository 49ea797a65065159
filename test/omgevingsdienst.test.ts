import { describe, expect, it } from 'vitest';
import { analyseerOmgevingsdienst, grootsteRest, verdeelRegionaal } from '../src/compute/omgevingsdienst.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { Rational } from '../src/model/rational.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { maakMap } from './helpers.js';

const r = (s: string) => Rational.fromDecimalString(s)!;

async function laad(bestanden: Record<string, string>) {
  return bouwWerkmap(await leesWerkmap(maakMap(bestanden)));
}

const OD_INSTELLINGEN = 'instelling;waarde\nomgevingsdienst;OD Proef\njaar;2025\nproductieve uren per fte;1200\n';

describe('grootsteRest', () => {
  it('three deelnemers of a third of 100 hours: 34, 33, 33, adding up to 100', () => {
    const derde = Rational.of(100n, 3n);
    expect(grootsteRest([derde, derde, derde], Rational.of(100n)).map((x) => x.toNumber())).toEqual([34, 33, 33]);
  });
  it('gives the left-over hours to the largest remainders, not to the first', () => {
    // 10 hours by 15/35/50 %: 1,5 / 3,5 / 5 → floors 1, 3, 5 (9); one hour left: the tie 0,5/0,5 goes to the first.
    expect(grootsteRest([r('1.5'), r('3.5'), r('5')], Rational.of(10n)).map((x) => x.toNumber())).toEqual([2, 3, 5]);
    // 7 hours by 0,2 / 2,9 / 3,9: the two largest remainders (0,9 and 0,9) get them, the 0,2 does not.
    expect(grootsteRest([r('0.2'), r('2.9'), r('3.9')], Rational.of(7n)).map((x) => x.toNumber())).toEqual([0, 3, 4]);
  });
  it('always adds up to the rounded total, for any split (property over many splits)', () => {
    for (let n = 1; n <= 7; n++) {
      for (const totaal of [1n, 7n, 100n, 6150n, 11700n, 333n]) {
        const delen = Array.from({ length: n }, (_, i) => Rational.of(totaal * BigInt(i + 1), BigInt((n * (n + 1)) / 2)));
        const uit = grootsteRest(delen, Rational.of(totaal));
        expect(Rational.sum(uit).eq(Rational.of(totaal))).toBe(true);
        uit.forEach((u, i) => expect(Math.abs(u.sub(delen[i]!).toNumber())).toBeLessThan(1));
      }
    }
  });
});

const DRIE = {
  'instellingen.csv': OD_INSTELLINGEN,
  'deelnemers.csv': 'deelnemer;verdeelsleutel;inwoners\nAadorp;33,3333333333%;100\nBeedorp;33,3333333333%;200\nCeedorp;33,3333333334%;700\n',
};

describe('an omgevingsdienst with three deelnemers of a third', () => {
  it('keys of a third in percent miss 100%; a key column a line names must exist', async () => {
    // Exactly a third each: the keys as fractions of 100.
    const wm = await laad({
      'instellingen.csv': OD_INSTELLINGEN,
      'deelnemers.csv': 'deelnemer;verdeelsleutel;inwoners\nAadorp;1;100\nBeedorp;1;200\nCeedorp;1;700\n'.replace(/;1;/g, ';33,33333333333333333333%;'),
      'producten.csv': 'deelnemer;code;product;aantal;kental\nAadorp;A1.01.00;Omgevingsvergunning bouwen;10;8\nBeedorp;A1.01.00;Omgevingsvergunning bouwen;5;8\nCeedorp;A2.01.00;Toezicht bouw;4;6\n',
      'projecten.csv': 'code;project;soort;uren;sleutel\nOD1;Omgevingswet;project;100;\nOD2;Bodem;dienst;1000;inwoners\nOD3;Energie;project;n.v.t.;\n',
    });
    // 3 × 33,333…% is not 100%: an error that names the sum.
    expect(wm.meldingen.find((m) => m.code === 'verdeelsleutel-som')?.bericht).toMatch(/tellen op tot 99,99999999999999999999%, niet tot 100% \(verschil -0,00000000000000000001 procentpunt\)/);
    const goed = await laad({
      'instellingen.csv': OD_INSTELLINGEN,
      'deelnemers.csv': 'deelnemer;verdeelsleutel;inwoners\nAadorp;40%;100\nBeedorp;30%;200\nCeedorp;30%;700\n',
      'producten.csv': 'deelnemer;code;product;aantal;kental\nAadorp;A1.01.00;Omgevingsvergunning bouwen;10;8\nBeedorp;A1.01.00;Omgevingsvergunning bouwen;5;8\nCeedorp;A2.01.00;Toezicht bouw;4;6\n',
      'projecten.csv': 'code;project;soort;uren;sleutel\nOD1;Omgevingswet;project;100;\nOD2;Bodem;dienst;100;inwoners\nOD3;Energie;project;n.v.t.;\nOD4;Derde;project;10;gelijk\n',
    });
    expect(goed.meldingen.filter((m) => m.niveau === 'fout').map((m) => m.bericht)).toEqual([expect.stringMatching(/"Derde" wordt verdeeld naar "gelijk", maar Deelnemers heeft geen kolom/)]);
  });

  it('a third each of 100 hours: 33⅓ exactly, 34 + 33 + 33 printed', async () => {
    const wm = await laad({
      'instellingen.csv': OD_INSTELLINGEN,
      'deelnemers.csv': 'deelnemer;verdeelsleutel;gelijk\nAadorp;50%;1\nBeedorp;25%;1\nCeedorp;25%;1\n',
      'producten.csv': 'deelnemer;taakveld;code;product;aantal;kental\nAadorp;Vergunningverlening;A1.01.00;Omgevingsvergunning bouwen;10;8\nBeedorp;Vergunningverlening;A1.01.00;Omgevingsvergunning bouwen;5;8\nCeedorp;Toezicht;A2.01.00;Toezicht bouw;4;6\n',
      'projecten.csv': 'code;project;soort;uren;sleutel\nOD1;Omgevingswet;project;100;gelijk\nOD2;Bodem;dienst;1001;\nOD3;Energie;project;n.v.t.;\n',
    });
    expect(wm.meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
    const [od1, od2, od3] = verdeelRegionaal(wm);
    expect(od1!.aandelen.map((a) => a.uren!.eq(Rational.of(100n, 3n)))).toEqual([true, true, true]);
    expect(od1!.aandelen.map((a) => a.afgerond!.toNumber())).toEqual([34, 33, 33]);
    expect(od1!.sleutel).toBe('gelijk');
    // 1001 by 50/25/25: 500,5 / 250,25 / 250,25 → 501, 250, 250.
    expect(od2!.aandelen.map((a) => a.afgerond!.toNumber())).toEqual([501, 250, 250]);
    expect(od3!.aandelen.every((a) => a.uren === undefined)).toBe(true);
    const od = analyseerOmgevingsdienst(wm);
    // Each part is the municipality analysis of its own lines and shares.
    expect(od.delen.map((d) => d.analyse.vraag.totaalRegels.toNumber())).toEqual([80, 40, 24]);
    expect(od.delen[0]!.analyse.vraag.totaalProjecten.eq(Rational.of(100n, 3n).add(r('500.5')))).toBe(true);
    // The matrix is the sum of its parts, cell by cell, and the regional column adds up to the regional total.
    expect(od.totaal.totaal.eq(Rational.sum(od.delen.map((d) => d.analyse.vraag.totaal)))).toBe(true);
    expect(od.totaal.totaal.toNumber()).toBe(80 + 40 + 24 + 100 + 1001);
    expect(od.totaal.regionaalAfgerond.toNumber()).toBe(1101);
    expect(od.taakvelden).toEqual(['Vergunningverlening', 'Toezicht']);
    expect(od.totaal.perTaakveld.map((t) => t.uren.toNumber())).toEqual([120, 24]);
  });

  it('an unknown deelnemer is an error at its row, a line without one too', async () => {
    const wm = await laad({
      ...DRIE,
      'deelnemers.csv': 'deelnemer;verdeelsleutel\nAadorp;50%\nBeedorp;50%\n',
      'producten.csv': 'gemeente;code;product;aantal;kental\nAadorp;A1.01.00;Bouwen;10;8\nZeedorp;A1.01.00;Bouwen;5;8\n;A2.01.00;Toezicht;4;6\n',
    });
    const fouten = wm.meldingen.filter((m) => m.niveau === 'fout');
    expect(fouten.map((m) => [m.code, m.plaats.rij, m.plaats.kolom])).toEqual([
      ['deelnemer-onbekend', 3, 'gemeente'],
      ['deelnemer-leeg', 4, 'gemeente'],
    ]);
    expect(fouten[0]!.bericht).toContain('"Zeedorp", maar die staat niet in Deelnemers (Aadorp, Beedorp)');
  });

  it('keys that do not add up to 100% are an error with the sum', async () => {
    const wm = await laad({
      'instellingen.csv': OD_INSTELLINGEN,
      'deelnemers.csv': 'deelnemer;verdeelsleutel\nAadorp;12,02%\nBeedorp;50%\nCeedorp;37,97%\n',
    });
    const m = wm.meldingen.find((x) => x.code === 'verdeelsleutel-som')!;
    expect(m.niveau).toBe('fout');
    expect(m.bericht).toContain('tellen op tot 99,99%');
    expect(m.bericht).toContain('verschil -0,01 procentpunt');
  });

  it('a werkmap without Deelnemers ignores nothing and shares nothing: a column gemeente is said once', async () => {
    const wm = await laad({
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\n',
      'producten.csv': 'gemeente;code;product;aantal;kental\nTestdorp;A1.01.00;Bouwen;10;8\n',
    });
    expect(wm.deelnemers).toBeUndefined();
    expect(wm.meldingen.filter((m) => m.code === 'deelnemer-zonder-blad').length).toBe(1);
  });
});
