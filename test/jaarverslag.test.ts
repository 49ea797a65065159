import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { beoordeelDoelen } from '../src/compute/doelen.js';
import { vergelijkRealisatie } from '../src/compute/realisatie.js';
import { verwerkZaken } from '../src/laden/zaken.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { Rational } from '../src/model/rational.js';
import { BRONNEN, maakMap, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';

/**
 * Worked out by hand. 20 regular decisions in 2025: 18 within 8 weeks (56 days), one extended
 * (verdaagd, 98 days allowed) decided on day 90, one decided on day 57 without extension (late):
 * 19 of 20 in time = 95%. Besides: one open case received 01-03-2025 (past its term at year end),
 * one open case received 20-12-2025 (not yet), one decided in 2024 (not counted), one row with an
 * unreadable date (a finding on line 25, the run goes on), 10 periodic checks (A2.02), 3 re-checks
 * (A2.03), 1 enforcement check (A2.12).
 */
function handZaken(): string {
  const r: string[] = ['zaaknummer;productcode;ontvangen;besluit;procedure;verdaagd;status;uren;resultaat'];
  for (let i = 1; i <= 18; i++) r.push(`Z${i};A1.17.00;${String(i).padStart(2, '0')}-02-2025;${String(i).padStart(2, '0')}-03-2025;regulier;nee;afgehandeld;6;`);
  r.push('Z19;A1.17.00;2025-01-01;2025-04-01;regulier;ja;afgehandeld;6,5;'); // day 90, extended: in time
  r.push('Z20;A1.17.00;01-01-2025;27-02-2025;regulier;nee;afgehandeld;7;'); // day 57: late
  r.push('Z21;A1.17.00;01-03-2025;;regulier;nee;open;2;');
  r.push('Z22;A1.17.00;20-12-2025;;regulier;nee;open;1;');
  r.push('Z23;A1.17.00;01-10-2024;15-11-2024;regulier;nee;afgehandeld;6;');
  r.push('Z24;A1.17.00;31-02-2025;01-03-2025;regulier;nee;afgehandeld;6;'); // line 25: no such date
  for (let i = 0; i < 10; i++) r.push(`P${i};A2.02.00;01-05-2025;01-05-2025;;;afgehandeld;2;geen overtreding`);
  for (let i = 0; i < 3; i++) r.push(`H${i};A2.03.00;01-06-2025;01-06-2025;;;afgehandeld;1;overtreding`);
  r.push('E1;A2.12.00;01-07-2025;01-07-2025;;;afgehandeld;4;overtreding');
  return r.join('\r\n') + '\r\n';
}

describe('Zaken export: timeliness and compliance, by hand', () => {
  it('results as "overtreding ja/nee", and values it does not know counted apart, never guessed', async () => {
    const r = ['zaaknummer;productcode;besluit;overtreding'];
    r.push('1;A2.02.00;01-05-2025;ja', '2;A2.02.00;02-05-2025;nee', '3;A2.02.00;03-05-2025;nee', '4;A2.02.00;04-05-2025;misschien');
    const u = await verwerkZaken(path.join(maakMap({ 'zaken.csv': r.join('\n') + '\n' }), 'zaken.csv'), 2025);
    expect(u.resultaat.nalevingPerCode.map((n) => [n.code, n.gecontroleerd, n.overtredingen])).toEqual([['A2.02.00', 3, 1]]);
    expect(u.resultaat.onbekendeResultaten).toEqual([{ waarde: 'misschien', zaken: 1 }]);
    expect(u.meldingen.find((m) => m.code === 'resultaat-onbekend')!.bericht).toContain('"misschien" 1×');
  });

  it('more re-inspections than inspections: compliance is not computed and the finding says why (never −1.300%)', async () => {
    const r = ['zaaknummer;productcode;ontvangen;besluit;procedure;verdaagd;status;uren;resultaat'];
    r.push('P1;A2.02.00;01-05-2025;01-05-2025;;;afgehandeld;2;');
    for (let i = 0; i < 14; i++) r.push(`H${i};A2.03.00;01-06-2025;01-06-2025;;;afgehandeld;1;`);
    const u = await verwerkZaken(path.join(maakMap({ 'zaken.csv': r.join('\n') + '\n' }), 'zaken.csv'), 2025);
    expect(u.resultaat.naleving).toMatchObject({ periodiek: 1, hercontrole: 14 });
    expect(u.resultaat.naleving.spontaan).toBeUndefined();
    const m = u.meldingen.find((x) => x.code === 'naleving-onmogelijk')!;
    expect(m.plaats.bestand).toBe('zaken.csv');
    expect(m.bericht).toContain('meer hercontroles (14) dan periodieke controles (1)');
  });

  it('20 regular decisions, 19 in time → 95%; open past term counted; a bad row is a finding and the run goes on', async () => {
    const map = maakMap({ 'zaken.csv': handZaken() });
    const u = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    const reg = u.resultaat.perProcedure.find((p) => p.procedure === 'regulier')!;
    expect(reg).toMatchObject({ besloten: 20, binnenTermijn: 19, teLaat: 1, verdaagd: 1, open: 2, openOverTermijn: 1 });
    expect(reg.aandeelTijdig!.toString()).toBe('0.95');
    expect(u.meldingen).toHaveLength(1);
    expect(u.meldingen[0]).toMatchObject({ niveau: 'fout', code: 'zaak-onleesbaar', plaats: { bestand: 'zaken.csv', rij: 25, kolom: 'ontvangen' } });
    expect(u.gelezen).toBe(38);
    expect(u.overgeslagen).toBe(1);
    expect(u.resultaat.naleving).toMatchObject({ periodiek: 10, hercontrole: 3, handhavingscontrole: 1 });
    expect(u.resultaat.naleving.spontaan!.toString()).toBe('0.7');
    expect(u.resultaat.naleving.naHercontrole!.eq(Rational.of(2n, 3n))).toBe(true); // 1 − 1/3
    // Z23 was decided in 2024: counted apart, never realisation for 2025.
    const a1 = u.resultaat.perCode.find((c) => c.code === 'A1.17.00')!;
    expect(a1.aantal).toBe(22);
    expect(a1.uren.toString()).toBe('124.5'); // 18 × 6 + 6,5 + 7 + 2 + 1
    expect(u.resultaat.buitenJaar.map((b) => [b.jaar, b.zaken, b.uren.toString()])).toEqual([[2024, 1, '6']]);
    // Results: 10 inspections without violation, 3 re-inspections and 1 enforcement check with one.
    expect(u.resultaat.nalevingPerCode.map((n) => [n.code, n.gecontroleerd, n.overtredingen, n.naleving.toString()])).toEqual([
      ['A2.02.00', 10, 0, '1'],
      ['A2.03.00', 3, 3, '0'],
      ['A2.12.00', 1, 1, '0'],
    ]);
  });

  it('the same export as a streamed .xlsx gives the same figures', async () => {
    const map = maakMap({ 'zaken.csv': handZaken() });
    const csv = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(map, 'zaken.xlsx'), useSharedStrings: true });
    const ws = wb.addWorksheet('Zaken');
    for (const regel of handZaken().trim().split('\r\n')) {
      const cellen: unknown[] = regel.split(';');
      // Dates as real spreadsheet dates where the text is one, as a case system exports them.
      const echt = cellen.map((c, i) => {
        const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(String(c));
        return (i === 2 || i === 3) && m && !(m[1] === '31' && m[2] === '02') ? new Date(Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!)) : c;
      });
      ws.addRow(echt).commit();
    }
    ws.commit();
    await wb.commit();
    const xlsx = await verwerkZaken(path.join(map, 'zaken.xlsx'), 2025);
    expect(xlsx.resultaat).toEqual(csv.resultaat);
    expect(xlsx.meldingen.map((m) => m.plaats.rij)).toEqual([25]);
  });

  it('an export without a product code or product column is refused with its place', async () => {
    const map = maakMap({ 'zaken.csv': 'zaaknummer;ontvangen\n1;01-01-2025\n' });
    const u = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    expect(u.meldingen[0]).toMatchObject({ code: 'zaken-kolommen', plaats: { rij: 1 } });
    expect(u.onbruikbaar).toContain('geen kolom met de productcode of het product/zaaktype');
    expect(u.resultaat.zaken).toBe(0);
  });
});

describe('goals against the real quality goals', () => {
  it('behaald / niet behaald / onbekend, 33,3% and all', async () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Losser\njaar;2025\n',
      'doelen.csv': readFileSync(path.join(BRONNEN, 'losser-kwaliteitsdoelen-2025.csv')),
      'indicatoren.csv': 'id;waarde\nKD1;100%\nKD3;93,5%\nKD4;33,3%\nKD5;0%\nKD6;24,9%\nKD8;n.t.b.\n',
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    const { doelen } = beoordeelDoelen(wm.doelen!, wm.indicatoren!);
    const uit = Object.fromEntries(doelen.map((d) => [d.doel.id, d.uitkomst]));
    expect(uit).toEqual({
      KD1: 'behaald',
      KD2: 'onbekend',
      KD3: 'niet behaald',
      KD4: 'behaald',
      KD5: 'behaald',
      KD6: 'niet behaald',
      KD7: 'onbekend',
      KD8: 'onbekend',
      KD9: 'onbekend',
      KD10: 'onbekend',
    });
    expect(doelen.find((d) => d.doel.id === 'KD3')!.reden).toBe('gerealiseerd 93,5%, streefwaarde ten minste 95%');
  });

  it('a goal can take timeliness straight from the export', async () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;X\njaar;2025\n',
      'doelen.csv': 'id;doel;indicator;streefwaarde\nD1;Tijdig;aandeel binnen termijn;minimaal 95%\nD2;Tijdig streng;aandeel;> 95%\n',
      'indicatoren.csv': 'id;waarde;bron\nD1;;tijdigheid\nD2;;tijdigheid regulier\n',
      'zaken.csv': handZaken(),
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    const z = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    const { doelen } = beoordeelDoelen(wm.doelen!, wm.indicatoren!, z.resultaat);
    // 19 of the 20 decisions in time is 95%, but Z21 (received 1 March) was still open at year end, past
    // its term: it is late whatever happens, so the goals are judged on 19 of 21.
    expect(z.resultaat.totaalTijdig!.toNumber()).toBe(0.95);
    expect(z.resultaat.openOverTermijn).toBe(1);
    expect(doelen.map((d) => [d.uitkomst, d.waardeTekst])).toEqual([
      ['niet behaald', '90,5%'],
      ['niet behaald', '90,5%'],
    ]);
  });

  it('a goal on the outcome of the follow-up inspections themselves: the share of them without a violation', async () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;X\njaar;2025\n',
      'doelen.csv': 'id;doel;indicator;streefwaarde\nD1;Overtreding beëindigd;hercontroles zonder overtreding;minimaal 25%\nD2;Naleving;na hercontrole;minimaal 25%\n',
      'indicatoren.csv': 'id;waarde;bron\nD1;;hercontroles zonder overtreding\nD2;;naleving na hercontrole\n',
      'zaken.csv': handZaken(),
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    const z = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    const { doelen } = beoordeelDoelen(wm.doelen!, wm.indicatoren!, z.resultaat);
    // The three follow-ups (A2.03.00) all still found a violation: 0%; the formula 1 − 1/3 says 66,7%.
    expect(doelen.map((d) => [d.uitkomst, d.waardeTekst])).toEqual([
      ['niet behaald', '0%'],
      ['behaald', '66,7%'],
    ]);
  });

  it('without cases open past their term, the goal is judged on the decisions alone', async () => {
    const zonderOpen = handZaken().split('\r\n').filter((r) => !r.startsWith('Z21;')).join('\r\n');
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;X\njaar;2025\n',
      'doelen.csv': 'id;doel;indicator;streefwaarde\nD1;Tijdig;aandeel binnen termijn;minimaal 95%\n',
      'indicatoren.csv': 'id;waarde;bron\nD1;;tijdigheid\n',
      'zaken.csv': zonderOpen,
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    const z = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    expect(z.resultaat.openOverTermijn).toBe(0);
    const { doelen } = beoordeelDoelen(wm.doelen!, wm.indicatoren!, z.resultaat);
    expect(doelen.map((d) => [d.uitkomst, d.waardeTekst])).toEqual([['behaald', '95%']]);
  });
});

describe('plan against realisation', () => {
  it('the sheet wins over the export, the difference is reported; deviations beyond the threshold listed', async () => {
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;X\njaar;2025\nafwijkingsdrempel;10\n',
      'producten.csv': 'code;product;taakveld;aantal;kental\nA1.17.00;Melding;Vergunningen;20;6\nA2.02.00;Controle;Toezicht;10;2\nA2.03.00;Hercontrole;Toezicht;5;1\n',
      'realisatie.csv': 'code;aantal;uren;toelichting\nA1.17.00;22;130;\nA2.02.00;9;;Minder bedrijven\nX9;1;1;\n',
      'zaken.csv': handZaken(),
    });
    const wm = bouwWerkmap(await leesWerkmap(map));
    const a = analyseer(wm);
    const z = await verwerkZaken(path.join(map, 'zaken.csv'), 2025);
    const r = vergelijkRealisatie(wm, a.vraag, z.resultaat);
    const a1 = r.regels[0]!;
    expect(a1).toMatchObject({ bron: 'beide' });
    expect([a1.aantal!.toString(), a1.uren!.toString(), a1.procentUren!.toDecimalString(4)]).toEqual(['22', '130', '108.3333']);
    // 22 of the export's 23 A1.17.00 cases fall in 2025 (one was decided in 2024): only the hours differ.
    expect(r.meldingen.find((m) => m.code === 'realisatie-verschil')!.bericht).toContain('(uren 130 tegen 124,5)');
    // A2.02: 9 from the sheet, hours from the export (10 × 2 = 20 of 20 planned): 100%, no deviation.
    expect(r.regels[1]).toMatchObject({ afwijking: false, toelichting: 'Minder bedrijven' });
    expect(r.regels[1]!.uren!.toString()).toBe('20');
    // A2.03: only the export, 3 cases of 5 planned, 3 hours of 5: 60%, beyond 10%, no explanation.
    expect(r.afwijkingen.map((x) => [x.code, x.procentUren!.toString(), x.toelichting ?? null])).toEqual([['A2.03.00', '60', null]]);
    expect(r.nietGepland.map((x) => x.code)).toEqual(['X9', 'A2.12.00']);
    expect(r.meldingen.find((m) => m.code === 'realisatie-niet-gepland')!.plaats.rij).toBe(4);
  });
});

describe('vth jaarverslag (end to end)', () => {
  it('writes the example municipality\'s report with every chapter, twice the same bytes', () => {
    const run = () => {
      const uit = path.join(tijdelijkeMap(), 'uit');
      const r = vth(['jaarverslag', VOORBEELD, '--zaken', path.join(path.dirname(VOORBEELD), 'zaken-2025.csv'), '-o', uit]);
      expect(r.code).toBe(0);
      return uit;
    };
    const a = run();
    const taakvelden = ['advies', 'handhaving', 'juridisch', 'toezicht', 'vergunningen'];
    expect(readdirSync(a).sort()).toEqual([
      ...taakvelden.map((t) => `jaarverslag-2025-dinkelberg-realisatie-${t}.svg`),
      'jaarverslag-2025-dinkelberg-realisatie.svg',
      'jaarverslag-2025-dinkelberg-verantwoording.md',
      'jaarverslag-2025-dinkelberg.md',
      'jaarverslag-2025-dinkelberg.xlsx',
    ]);
    const md = readFileSync(path.join(a, 'jaarverslag-2025-dinkelberg.md'), 'utf8');
    const koppen = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(koppen).toEqual([
      '1. Samenvatting',
      '2. Inleiding',
      '3. Realisatie van het programma',
      '4. Regionale projecten en diensten',
      '5. Uitgesteld werk',
      '6. Doelen en indicatoren',
      '7. Tijdigheid',
      '8. Naleefgedrag',
      '9. Capaciteit',
      '10. Kwaliteit en IBT',
      '11. Vooruitblik',
      'Bijlagen',
      'Afkortingen',
    ]);
    expect(md).toContain('Vastgesteld door het college van burgemeester en wethouders op 15-04-2026.');
    expect(md).toMatch(/\| GT\.01 \| Toezicht op bouwen \(illegale bouw\) \| 1\.200 \| 960 \| 80% \| Een toezichthouder was vier maanden afwezig; meldingen over illegale bouw zijn wel alle opgepakt \|/);
    expect(md).toContain('Minder aanvragen dan verwacht');
    expect(md).toMatch(/\| regulier \| 8 weken, verdaging 6 weken \| [\d.]+ \| [\d.]+ \| \d+ \| \d+(,\d)?% \|/);
    expect(md).toContain('| Hercontroles (GT.11) | 60 |');
    // The jaarverslag's own texts (past tense), not the UVP's.
    expect(md).toContain('en met een tijdelijke inhuur van 0,2 fte vanaf september');
    expect(md).not.toContain('zet Dinkelberg in op toezicht');
    // Regional work: the planned share (2.145,57 h) and the reported hours, 171,5 + 48 + 210,35 + 180,3.
    expect(md).toContain('gepland 2.146 uur, zoals in het uitvoeringsprogramma (afgerond op hele uren); van de projecten met een gemelde realisatie is 610,15 van 631 uur besteed (96,7%)');
    expect(md).toContain('| OD2 | Stikstof: Lbv en Lbv+ | project | 60 | 48 | 79,9% | Minder uren: de landelijke regeling is later opengesteld |');
    // The deferrals the capacity check proposed, followed up against the export's realisation.
    expect(md).toMatch(/\| GT\.06 \| Toezicht kleinschalige evenementen \| Midden \| 35 \| 27 \| \d+ \| toch uitgevoerd: gerealiseerd \d+ van 35; het uitgestelde werk is alsnog gedaan \|/);
    // Every chart of a taakveld is linked; no raw findings in the college document.
    for (const t of taakvelden) expect(md).toContain(`(jaarverslag-2025-dinkelberg-realisatie-${t}.svg)`);
    // The chart of one taakveld: its title, each line's full label and both values (GT.01: 1.200 planned, 960 realised).
    const toezicht = readFileSync(path.join(a, 'jaarverslag-2025-dinkelberg-realisatie-toezicht.svg'), 'utf8');
    const teksten = [...toezicht.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(teksten).toContain('Gepland en gerealiseerd: Toezicht, Dinkelberg 2025');
    for (const getal of ['1.200', '960', '48']) expect(teksten).toContain(getal);
    // A long label wraps onto a second line at a space (the chart is drawn at the page's width): whole, in order.
    const alles = teksten.join(' ');
    for (const label of ['GT.01 Toezicht op bouwen (illegale bouw)', 'GT.09 Toezicht markten en standplaatsen']) expect(alles).toContain(label);
    expect(teksten.filter((t) => /^GT\.\d\d /.test(t!))).toHaveLength(10);
    expect(md).not.toMatch(/Bevindingen bij de controle|WAARSCHUWING|waarschuwing \|/);
    const verantwoording = readFileSync(path.join(a, 'jaarverslag-2025-dinkelberg-verantwoording.md'), 'utf8');
    expect(verantwoording).toContain('| waarschuwing | "Totaal benodigde capaciteit": het opgegeven totaal 5.569 uur wijkt af');
    expect(verantwoording).toContain('Elk hoofdstuk heeft een eigen tekst.');
    const b = run();
    for (const f of ['jaarverslag-2025-dinkelberg.md', 'jaarverslag-2025-dinkelberg-verantwoording.md', 'jaarverslag-2025-dinkelberg-realisatie.svg', 'jaarverslag-2025-dinkelberg-realisatie-toezicht.svg']) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))).toBe(true);
  });

  it('without a case export the report says so; a missing export is exit 2', () => {
    const uit = path.join(tijdelijkeMap(), 'uit');
    expect(vth(['jaarverslag', VOORBEELD, '-o', uit, '--format', 'md']).code).toBe(0);
    expect(readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.md'), 'utf8')).toContain('De tijdigheid is niet berekend: er was geen registratie uit het zaaksysteem beschikbaar.');
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', '/bestaat/niet.csv', '-o', path.join(tijdelijkeMap(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zakenexport "/bestaat/niet.csv" bestaat niet');
  });
});
