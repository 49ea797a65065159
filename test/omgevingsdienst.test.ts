import { existsSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { analyseerUvp } from '../src/compute/uvp.js';
import { analyseerOmgevingsdienst, grootsteRest, verdeelRegionaal } from '../src/compute/omgevingsdienst.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { Rational } from '../src/model/rational.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { invoertaal, maakMap, ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { herberekendeFormules, soffice } from './libreoffice.js';

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

const OD = path.join(ROOT, 'fixtures/omgevingsdienst-voorbeeld');

describe('the example omgevingsdienst (fixtures/omgevingsdienst-voorbeeld)', () => {
  it("Dinkelstad (12,02%, Enschede's key) gets 739 h of the 6.150 h of projects and 1.406 h of the 11.700 h of services; every column adds up", async () => {
    const wm = bouwWerkmap(await leesWerkmap(OD));
    expect(wm.meldingen.filter((m) => m.niveau !== 'melding')).toEqual([]);
    const od = analyseerOmgevingsdienst(wm);
    expect(od.delen.length).toBeGreaterThanOrEqual(4);
    const dinkelstad = od.delen.find((d) => d.deelnemer.naam === 'Dinkelstad')!;
    expect(dinkelstad.deelnemer.verdeelsleutel!.eq(r('12.02'))).toBe(true);
    expect(dinkelstad.werkmap.deel!.afgerondPerSoort.map((x) => [x.soort, x.uren.toNumber()])).toEqual([['project', 739], ['dienst', 1406]]);
    // Exactly 6150 × 12,02% and 11700 × 12,02%.
    const perSoort = dinkelstad.analyse.vraag.projectenPerSoort;
    expect(perSoort.map((p) => [p.soort, p.uren.toDecimalString(2), p.regionaal.toNumber()])).toEqual([['project', '739.23', 6150], ['dienst', '1406.34', 11700]]);
    // Its own products are Enschede's real A1 table: 5.369 hours (the table prints 5.569).
    expect(od.matrix.find((m) => m.deelnemer === 'Dinkelstad')!.perTaakveld[0]!.uren.toNumber()).toBe(5369);
    // Whole hours per kind over all deelnemers add up to the regional totals.
    const afgerond = (soort: string) => od.delen.reduce((t, d) => t + d.werkmap.deel!.afgerondPerSoort.find((x) => x.soort === soort)!.uren.toNumber(), 0);
    expect([afgerond('project'), afgerond('dienst')]).toEqual([6150, 11700]);
    // And per line.
    for (const rr of od.regionaal) if (rr.project.uren.soort === 'getal') expect(rr.aandelen.reduce((t, a) => t + a.afgerond!.toNumber(), 0)).toBe(rr.project.uren.waarde.toNumber());
    // The matrix is the sum of its parts, in every cell: hours and euros.
    od.taakvelden.forEach((_, j) => {
      expect(od.totaal.perTaakveld[j]!.uren.eq(Rational.sum(od.matrix.map((m) => m.perTaakveld[j]!.uren)))).toBe(true);
      expect(od.totaal.perTaakveld[j]!.bedrag!.eq(Rational.sum(od.matrix.map((m) => m.perTaakveld[j]!.bedrag!)))).toBe(true);
    });
    expect(od.totaal.totaal.eq(Rational.sum(od.delen.map((d) => d.analyse.vraag.totaal)))).toBe(true);
    expect(od.totaal.regionaal.eq(Rational.of(6150n + 11700n))).toBe(true);
    expect(od.totaal.bedrag!.eq(Rational.sum(od.delen.map((d) => d.analyse.kosten!.totaal.bedrag)))).toBe(true);
    // The uncut werkmap as one programme (vth uvp without --per-deelnemer) has the same hours and euros:
    // each line at its deelnemer's rate, each regional line at the rates weighted by the keys.
    const geheel = analyseerUvp(wm);
    expect(geheel.vraag.totaal.eq(od.totaal.totaal)).toBe(true);
    expect(geheel.kosten!.totaal.bedrag.eq(od.totaal.bedrag!)).toBe(true);
    expect(geheel.kosten!.totaal.zonderBedrag).toBe(0);
  });

  it('vth jaarverslag on an omgevingsdienst without --per-deelnemer: exit 2 with the way to do it, nothing written', () => {
    const uit = path.join(tijdelijkeMap(), 'uit');
    const res = vth(['jaarverslag', OD, '-o', uit]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('is de werkmap van een omgevingsdienst (blad Deelnemers): maak het jaarverslag met --per-deelnemer');
    expect(existsSync(uit)).toBe(false);
  });

  it('vth uvp --per-deelnemer writes every part and the whole; the whole prints the matrix of the parts', () => {
    const uit = tijdelijkeMap();
    const res = vth(['uvp', OD, '--per-deelnemer', '-o', uit]);
    expect(res.code, res.stderr).toBe(0);
    const bestanden = readdirSync(uit).sort();
    for (const d of ['dinkelstad', 'berkelmond', 'reggedal', 'vechtoever', 'provincie-oostmark']) {
      expect(bestanden).toContain(`uvp-2025-${d}.md`);
      expect(bestanden).toContain(`uvp-2025-${d}.xlsx`);
    }
    const deel = readFileSync(path.join(uit, 'uvp-2025-dinkelstad.md'), 'utf8');
    expect(deel).toContain('# Uitvoeringsprogramma VTH 2025 Omgevingsdienst Oostmark, deel Dinkelstad');
    expect(deel).toContain('| | Subtotaal projecten | | | | 6.150 | | 739 |');
    expect(deel).toContain('| | Subtotaal diensten | | | | 11.700 | | 1.406 |');
    expect(deel).toContain('methode van de grootste rest');
    expect(deel).toContain('Dit uitvoeringsprogramma is het deel van Dinkelstad in het programma 2025 van Omgevingsdienst Oostmark');
    expect(deel).toMatch(/De kosten zijn de uren maal het uurtarief van € 110,99, behalve voor 1 product met een vaste prijs/);
    const geheel = readFileSync(path.join(uit, 'uvp-2025-omgevingsdienst-oostmark-geheel.md'), 'utf8');
    expect(geheel).toContain('| [Dinkelstad](uvp-2025-dinkelstad.md) | 5.369 |');
    expect(geheel).toContain('| Provincie Oostmark | 15% | € 118,50 (eigen tarief) |');
    // The rule is stated once in the whole programme.
    expect(geheel.split('methode van de grootste rest').length).toBe(2);
    expect(geheel).toMatch(/\| \| \*\*Totaal projecten\*\* \| \| \| \*\*6\.150\*\* \| \*\*739\*\* \|/);
    // Every document for a college or a board speaks of the work, never of the input or the tool.
    for (const f of bestanden.filter((b) => b.endsWith('.md') && !b.endsWith('-verantwoording.md'))) {
      expect(invoertaal(readFileSync(path.join(uit, f), 'utf8')), f).toEqual([]);
    }
  });

  it('one deelnemer with bad data loses its part, not the batch; an unknown deelnemer stops only the whole', () => {
    const map = tijdelijkeMap();
    cpSync(OD, map, { recursive: true });
    const producten = readFileSync(path.join(map, 'producten.csv'), 'utf8').split('\n');
    const i = producten.findIndex((l) => l.startsWith('Berkelmond;'));
    producten[i] = producten[i]!.replace(/;(\d+);(\d+);ja;/, ';veel;$2;ja;');
    writeFileSync(path.join(map, 'producten.csv'), producten.join('\n'));
    const uit = tijdelijkeMap();
    const res = vth(['uvp', map, '--per-deelnemer', '-o', uit, '--format', 'md']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Deelnemer Berkelmond:`);
    expect(res.stderr).toContain(`rij ${i + 1}`);
    expect(res.stderr).toContain('voor Berkelmond is geen deel geschreven');
    expect(res.stderr).toContain('Het programma van Omgevingsdienst Oostmark als geheel is niet geschreven: 1 deelnemer heeft geen deel (Berkelmond)');
    const bestanden = readdirSync(uit);
    expect(bestanden).toContain('uvp-2025-dinkelstad.md');
    expect(bestanden.some((b) => b.includes('berkelmond'))).toBe(false);
    expect(bestanden.some((b) => b.includes('geheel'))).toBe(false);

    // An unknown deelnemer: an error at its row; every known part is written, the whole is not.
    producten[i] = producten[i]!.replace('Berkelmond;', 'Berkelmont;').replace(';veel;', ';3;');
    writeFileSync(path.join(map, 'producten.csv'), producten.join('\n'));
    const uit2 = tijdelijkeMap();
    const r2 = vth(['uvp', map, '--per-deelnemer', '-o', uit2, '--format', 'md']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(new RegExp(`rij ${i + 1}.*"Berkelmont", maar die staat niet in Deelnemers`));
    expect(readdirSync(uit2)).toContain('uvp-2025-berkelmond.md');
    expect(readdirSync(uit2).some((b) => b.includes('geheel'))).toBe(false);
  });

  it('--per-deelnemer on a municipality werkmap is a usage error', () => {
    const res = vth(['uvp', VOORBEELD, '--per-deelnemer', '-o', tijdelijkeMap()]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--per-deelnemer vraagt een blad Deelnemers');
  });

  it.runIf(soffice())(`PxQ and every total in the workbooks are formulas LibreOffice recomputes to vth's figures${soffice() ? '' : ' (OVERGESLAGEN: LibreOffice ontbreekt)'}`, async () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', OD, '--per-deelnemer', '-o', uit, '--format', 'xlsx']).code).toBe(0);
    for (const naam of ['uvp-2025-dinkelstad.xlsx', 'uvp-2025-omgevingsdienst-oostmark-geheel.xlsx']) {
      const cellen = await herberekendeFormules(soffice()!, path.join(uit, naam), { ookNullen: true });
      expect(cellen.length).toBeGreaterThan(20);
      for (const c of cellen) expect(c.libreoffice, `${naam} ${c.cel}`).toBeCloseTo(c.vth, 6);
    }
    // The price line: aantal × prijs (12 × € 1.850,00), and an hourly line: uren × € 110,99.
    const cellen = await herberekendeFormules(soffice()!, path.join(uit, 'uvp-2025-dinkelstad.xlsx'), { ookNullen: true });
    expect(cellen.some((c) => c.cel.startsWith('Programma!N') && c.libreoffice === 12 * 1850)).toBe(true);
    expect(cellen.some((c) => c.cel.startsWith('Programma!N') && Math.abs(c.libreoffice! - 80 * 110.99) < 1e-9)).toBe(true);
  });
});

describe('capacity of an omgevingsdienst', () => {
  it("sets all deelnemers' demand against its own formatie and defers per deelnemer, in proportion, from its own lines only", async () => {
    const wm = bouwWerkmap(await leesWerkmap(OD));
    const c = analyseer(wm).capaciteit!;
    // The whole demand is the sum of every deelnemer's, regional lines at 100%.
    expect(c.deelnemers!.map((d) => d.deelnemer)).toEqual(['Dinkelstad', 'Berkelmond', 'Reggedal', 'Vechtoever', 'Provincie Oostmark']);
    expect(c.totaal.benodigd.eq(Rational.sum(c.deelnemers!.map((d) => d.totaal)))).toBe(true);
    expect(c.deelnemers![0]!.regionaal.eq(r('2145.57'))).toBe(true);
    const t = c.tekorten.find((x) => x.afdeling === 'Toezicht')!;
    expect(t.tekort.toNumber()).toBe(552);
    // Shares in proportion to each deelnemer's own hours at Toezicht, exactly, adding up to the shortfall.
    const som = Rational.sum(t.perDeelnemer!.map((p) => p.benodigd));
    for (const p of t.perDeelnemer!) expect(p.tekort.eq(t.tekort.mul(p.benodigd).div(som))).toBe(true);
    expect(Rational.sum(t.perDeelnemer!.map((p) => p.tekort)).eq(t.tekort)).toBe(true);
    // Every deferred line is the deelnemer's own, never legally required, and covers its own share.
    for (const u of t.uitgesteld) {
      expect(u.regel.deelnemer).toBe(u.deelnemer);
      expect(u.regel.wettelijk).toBe(false);
    }
    for (const p of t.perDeelnemer!) {
      const eigen = Rational.sum(t.uitgesteld.filter((u) => u.deelnemer === p.deelnemer).map((u) => u.uren));
      expect(eigen.eq(p.uitgesteldUren)).toBe(true);
      expect(eigen.gte(p.tekort)).toBe(true);
    }
  });

  it("a deelnemer with only legal work keeps its share as its own shortfall: no other deelnemer defers for it", async () => {
    const wm = await laad({
      'instellingen.csv': OD_INSTELLINGEN,
      'deelnemers.csv': 'deelnemer;verdeelsleutel\nAadorp;50%\nBeedorp;50%\n',
      'producten.csv': 'deelnemer;taakveld;code;product;afdeling;aantal;kental;wettelijk;prioriteit\nAadorp;Toezicht;A2.01.00;Controle;Toezicht;100;6;nee;Laag\nBeedorp;Handhaving;A3.01.00;Handhavingsverzoek;Toezicht;100;6;ja;\n',
      'capaciteit.csv': 'afdeling;fte\nToezicht;0,5\n',
    });
    const c = analyseer(wm).capaciteit!;
    const t = c.tekorten[0]!;
    // 1.200 needed, 600 available: 600 short, 300 each.
    expect(t.tekort.toNumber()).toBe(600);
    const [a, b] = t.perDeelnemer!;
    expect([a!.tekort.toNumber(), a!.uitgesteldUren.toNumber(), a!.rest.toNumber()]).toEqual([300, 300, 0]);
    expect([b!.tekort.toNumber(), b!.uitgesteldUren.toNumber(), b!.rest.toNumber()]).toEqual([300, 0, 300]);
    expect(t.rest.toNumber()).toBe(300);
    expect(t.uitgesteld.every((u) => u.deelnemer === 'Aadorp')).toBe(true);
  });

  it('vth capaciteit shows each deelnemer, the rule of division, and the deferral per deelnemer; exit 1 when short', () => {
    const res = vth(['capaciteit', OD, '-q']);
    expect(res.code).toBe(1);
    // The regional share in the whole hours the documents print (largest remainder per kind: 739 + 1.406), not 2.145,57.
    expect(res.stdout).toMatch(/Dinkelstad\s+7\.706\s+2\.145\s+9\.852/);
    expect(res.stdout).not.toMatch(/\d,\d\d\s+\d/);
    expect(res.stdout).toContain('Een tekort bij een afdeling is over de deelnemers verdeeld naar verhouding van de uren van hun eigen producten bij die afdeling');
    expect(res.stdout).toMatch(/Toezicht: tekort 552 uur, verdeeld over de deelnemers \(in hele uren, afgerond met de grootste rest\):/);
    expect(res.stdout).toMatch(/Toezicht\s+Dinkelstad\s+A2\.12\.00\s+Toezicht grondverzet/);
    // The shortfall's division in whole hours that add up to it: 146 + 97 + 133 + 72 + 104 = 552.
    expect(res.stdout).toMatch(/Dinkelstad\s+1\.182\s+146\s+148\s+0/);
  });

  it('one figure, one value: the regional shares vth capaciteit prints are the documents\' whole hours; its JSON keeps them exact beside', async () => {
    const res = vth(['capaciteit', OD, '--format', 'json', '-q']);
    const json = JSON.parse(res.stdout);
    const d = json.deelnemers.find((x: { deelnemer: string }) => x.deelnemer === 'Dinkelstad');
    expect([d.regionaal, d.regionaalAfgerond, d.eigenProducten]).toEqual([2145.57, 2145, 7706]);
    const som = (k: string) => json.deelnemers.reduce((t: number, x: Record<string, number>) => t + x[k]!, 0);
    expect(som('regionaalAfgerond')).toBe(6150 + 11700);
    // The same whole hours as each part of vth uvp --per-deelnemer prints.
    const od = analyseerOmgevingsdienst(bouwWerkmap(await leesWerkmap(OD)));
    expect(json.deelnemers.map((x: { regionaalAfgerond: number }) => x.regionaalAfgerond)).toEqual(od.matrix.map((m) => m.regionaalAfgerond.toNumber()));
    const tekort = json.tekortPerDeelnemer.filter((t: { afdeling: string }) => t.afdeling === 'Toezicht');
    expect(tekort.map((t: { tekortAfgerond: number }) => t.tekortAfgerond)).toEqual([146, 97, 133, 72, 104]);
    expect(tekort.reduce((s: number, t: { tekort: number }) => s + t.tekort, 0)).toBeCloseTo(552, 9);
    // The markdown prints the same whole hours.
    const md = vth(['capaciteit', OD, '--format', 'md', '-q']).stdout;
    expect(md).toContain('| Dinkelstad | 7.706 | 2.145 | 9.852 |');
  });
});

describe('jaarverslag per deelnemer from one case export', () => {
  const EXPORT = [
    'zaaknummer;gemeente;productcode;ontvangen;besluit;procedure;uren',
    'Z1;Dinkelstad;A1.17.00;02-02-2025;20-02-2025;regulier;5',
    'Z2;Dinkelstad;A1.17.00;03-03-2025;10-03-2025;regulier;6',
    'Z3;dinkelstad;A1.17.00;04-04-2025;15-04-2025;regulier;7',
    'Z4;Berkelmond;A1.17.00;02-02-2025;20-02-2025;regulier;5',
    'Z5;Berkelmond;A1.17.00;05-05-2025;20-05-2025;regulier;5',
    'Z6;Onbekendorp;A1.17.00;02-02-2025;20-02-2025;regulier;5',
    'Z7;;A1.17.00;02-02-2025;20-02-2025;regulier;5',
  ].join('\n');

  it("each deelnemer's cases count on its own lines; unknown deelnemers are counted and named, never spread", () => {
    const map = maakMap({ 'zaken.csv': EXPORT });
    const uit = tijdelijkeMap();
    const res = vth(['jaarverslag', OD, '--zaken', path.join(map, 'zaken.csv'), '--per-deelnemer', '-o', uit, '--format', 'md,json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('2 zaken hebben een deelnemer die niet in Deelnemers staat ((leeg): 1, Onbekendorp: 1)');
    const regel = (d: string) => {
      const json = JSON.parse(readFileSync(path.join(uit, `jaarverslag-2025-${d}.json`), 'utf8'));
      return JSON.stringify(json).match(/\{[^{}]*"code":"A1\.17\.00"[^{}]*\}/)![0];
    };
    // Dinkelstad: its three cases (one written in lower case), 18 hours; Berkelmond its two, 10 hours.
    expect(regel('dinkelstad')).toMatch(/"aantal":3\b/);
    expect(regel('dinkelstad')).toMatch(/"uren":18\b/);
    expect(regel('berkelmond')).toMatch(/"aantal":2\b/);
    const geheel = readFileSync(path.join(uit, 'jaarverslag-2025-omgevingsdienst-oostmark-geheel.md'), 'utf8');
    expect(geheel).toMatch(/\| Dinkelstad \| 7\.706 \| 5\.369 \| 18 \|/);
    expect(geheel).toMatch(/\| Reggedal \| 7\.012 \| 0 \| onbekend \| onbekend \| 0 \| onbekend \|/);
    // The total is the sum of the parts: 18 + 10, the unknown deelnemers' 10 hours apart, and says what is unknown.
    expect(geheel).toContain('| **Totaal deelnemers** | **24.781** | **8.623** | **28** bekend, van 3 deelnemers onbekend |');
    expect(geheel).toContain('| (leeg) | 1 | 5,0 |');
    expect(geheel).toContain('| Onbekendorp | 1 | 5,0 |');
    for (const f of readdirSync(uit).filter((b) => b.endsWith('.md') && !b.endsWith('-verantwoording.md'))) {
      expect(invoertaal(readFileSync(path.join(uit, f), 'utf8'), [/\bexport\b/i, /zaken\.csv/i]), f).toEqual([]);
    }
  });

  it('an export without a column deelnemer is refused for --per-deelnemer: nothing written', () => {
    const map = maakMap({ 'zaken.csv': EXPORT.replace('gemeente;', 'x;') });
    const uit = tijdelijkeMap();
    const res = vth(['jaarverslag', OD, '--zaken', path.join(map, 'zaken.csv'), '--per-deelnemer', '-o', uit]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('de zakenexport heeft geen kolom deelnemer');
    expect(readdirSync(uit)).toEqual([]);
  });
});

describe('IBT per deelnemer', () => {
  it("vth ibt takes an omgevingsdienst's werkmap as a region: a report per deelnemer on its part, capacity the omgevingsdienst's", () => {
    const uit = tijdelijkeMap();
    const res = vth(['ibt', OD, '-o', uit, '-q']);
    expect(res.code, res.stderr).toBe(0);
    expect(readdirSync(uit).sort()).toEqual(
      ['berkelmond', 'dinkelstad', 'provincie-oostmark', 'reggedal', 'vechtoever'].flatMap((d) => [`ibt-2025-${d}.md`, `ibt-2025-${d}.xlsx`]).concat(['ibt-overzicht-2025.md', 'ibt-overzicht-2025.xlsx']).sort(),
    );
    const overzicht = readFileSync(path.join(uit, 'ibt-overzicht-2025.md'), 'utf8');
    // Each deelnemer's demand is its own part (9.852 for Dinkelstad), the formatie the omgevingsdienst's.
    expect(overzicht).toMatch(/\| Dinkelstad \|( \w+ \|){3} oranje \|.*\| 9\.852 \| 44\.850 \|/);
    const dinkelstad = readFileSync(path.join(uit, 'ibt-2025-dinkelstad.md'), 'utf8');
    expect(dinkelstad).toContain('- Toezicht: tekort 552 uur');
  });

  it("another deelnemer's bad row does not cost a deelnemer its judgement", () => {
    const map = tijdelijkeMap();
    cpSync(OD, map, { recursive: true });
    const producten = readFileSync(path.join(map, 'producten.csv'), 'utf8').split('\n');
    const i = producten.findIndex((l) => l.startsWith('Berkelmond;'));
    producten[i] = producten[i]!.replace(/;(\d+);(\d+);ja;/, ';veel;$2;ja;');
    writeFileSync(path.join(map, 'producten.csv'), producten.join('\n'));
    const uit = tijdelijkeMap();
    const res = vth(['ibt', map, '-o', uit, '-q']);
    expect(res.code).toBe(1);
    const overzicht = readFileSync(path.join(uit, 'ibt-overzicht-2025.md'), 'utf8');
    expect(overzicht).toMatch(/\| Berkelmond \|.*niet te beoordelen/);
    expect(overzicht).toMatch(/\| Dinkelstad \|( \w+ \|){3} oranje \|/);
  });
});
