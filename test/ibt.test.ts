import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ibtInstellingen, totaalKleur } from '../src/compute/ibt.js';
import { PROFIELEN, profielUitJson } from '../src/compute/provincie.js';
import { blad, pakket } from './xlsx-pakket.js';
import { ROOT, tijdelijkeMap, vth } from './helpers.js';

const REGIO = path.join(ROOT, 'fixtures/regio-voorbeeld');

/** The colours expected from the fixture's design (fixtures/regio-voorbeeld/README.md). */
const VERWACHT: Record<string, string[]> = {
  // Criteria 1–9 and the total; criterion 9 (kwaliteitscriteria) is grijs for Openrade, which has none.
  Aaberg: ['groen', 'groen', 'groen', 'groen', 'groen', 'groen', 'groen', 'groen', 'groen', 'groen'],
  Beekdal: ['oranje', 'groen', 'groen', 'oranje', 'groen', 'oranje', 'groen', 'oranje', 'groen', 'oranje'],
  Doelwijk: ['rood', 'groen', 'oranje', 'rood', 'groen', 'rood', 'groen', 'groen', 'rood', 'rood'],
  Laatveen: ['groen', 'oranje', 'rood', 'groen', 'oranje', 'groen', 'oranje', 'groen', 'oranje', 'rood'],
  Openrade: ['groen', 'rood', 'groen', 'rood', 'rood', 'groen', 'rood', 'rood', 'grijs', 'rood'],
};

async function overzicht(pad: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pad);
  const ws = wb.getWorksheet('Overzicht')!;
  const rijen: Record<string, { kleuren: string[]; fills: string[]; opmerking: unknown }> = {};
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const kleuren = Array.from({ length: 10 }, (_, i) => String(row.getCell(i + 2).value ?? ''));
    const fills = Array.from({ length: 10 }, (_, i) => ((row.getCell(i + 2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? ''));
    rijen[String(row.getCell(1).value)] = { kleuren, fills, opmerking: row.getCell(20).value };
  });
  return rijen;
}

describe('vth ibt on the region fixture', () => {
  it('gives the expected colour for every municipality and criterion; the broken file gets its row and exit 1', async () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    const r = vth(['ibt', REGIO, '-o', uit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('IBT 2025: 6 gemeenten: 1 groen, 1 oranje, 3 rood, 1 niet te beoordelen.');
    expect(r.stdout).toMatch(/niet te beoordelen: kapotwoude \(kapotwoude\.xlsx\): kapotwoude\.xlsx kan niet als Excel-werkmap worden gelezen/);
    const rijen = await overzicht(path.join(uit, 'ibt-overzicht-2025.xlsx'));
    for (const [gemeente, kleuren] of Object.entries(VERWACHT)) {
      expect(rijen[gemeente]!.kleuren, gemeente).toEqual(kleuren);
      expect(rijen[gemeente]!.fills.map((f) => ({ FF2E7D32: 'groen', FFEF6C00: 'oranje', FFC62828: 'rood', FF757575: 'grijs' })[f])).toEqual(kleuren);
    }
    expect(rijen.kapotwoude!.kleuren[9]).toBe('niet te beoordelen');
    expect(String(rijen.kapotwoude!.opmerking)).toContain('kan niet als Excel-werkmap worden gelezen');
    expect(readdirSync(uit).sort()).toEqual([
      'ibt-2025-aaberg.md', 'ibt-2025-aaberg.xlsx', 'ibt-2025-beekdal.md', 'ibt-2025-beekdal.xlsx', 'ibt-2025-doelwijk.md', 'ibt-2025-doelwijk.xlsx',
      'ibt-2025-laatveen.md', 'ibt-2025-laatveen.xlsx', 'ibt-2025-openrade.md', 'ibt-2025-openrade.xlsx', 'ibt-overzicht-2025.md', 'ibt-overzicht-2025.xlsx',
    ]);
    const beekdal = readFileSync(path.join(uit, 'ibt-2025-beekdal.md'), 'utf8');
    expect(beekdal).toContain('**Totaaloordeel: oranje (voldoet deels).**');
    expect(beekdal).toMatch(/\| 4 \| Capaciteit in beeld en toereikend \| voldoet deels \| oranje \| Er is een tekort aan capaciteit; het programma zegt welk werk wordt uitgesteld\. \|/);
    expect(beekdal).toContain('- UVP vastgesteld op 15-02-2025 (uiterlijk vóór 01-02-2025)');
  });

  it('parallel and serial runs give the same bytes', async () => {
    const a = path.join(tijdelijkeMap(), 'a');
    const b = path.join(tijdelijkeMap(), 'b');
    vth(['ibt', REGIO, '-o', a, '--werkers', '2', '--format', 'md']);
    vth(['ibt', REGIO, '-o', b, '--werkers', '1', '--format', 'md']);
    const fa = readdirSync(a).sort();
    expect(fa).toEqual(readdirSync(b).sort());
    for (const f of fa) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
  });

  it('a municipality named ../../etc writes inside -o only; clashing names stay apart', async () => {
    const regio = tijdelijkeMap();
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'een'), { recursive: true });
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'twee'), { recursive: true });
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'drie'), { recursive: true });
    // Rename the municipality inside the werkmap.
    for (const [map, naam] of [['een', '../../etc'], ['twee', '..etc'], ['drie', 'A/B: C*?']] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(regio, map, 'werkmap.xlsx'));
      wb.getWorksheet('Instellingen')!.getCell('B2').value = naam;
      await wb.xlsx.writeFile(path.join(regio, map, 'werkmap.xlsx'));
    }
    const uit = path.join(tijdelijkeMap(), 'diep', 'uit');
    const r = vth(['ibt', regio, '-o', uit, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(readdirSync(uit).sort()).toEqual(['ibt-2025-a-b-c.md', 'ibt-2025-etc-2.md', 'ibt-2025-etc.md', 'ibt-overzicht-2025.md']);
    expect(existsSync(path.join(uit, '..', '..', 'etc'))).toBe(false);
    expect(readdirSync(path.dirname(uit))).toEqual(['uit']);
  });

  it('the per-municipality workbook names the municipality and the year, on screen and in its page header', async () => {
    const regio = tijdelijkeMap();
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'aaberg'), { recursive: true });
    const uit = path.join(tijdelijkeMap(), 'ibt');
    expect(vth(['ibt', regio, '-o', uit, '--format', 'xlsx']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(uit, 'ibt-2025-aaberg.xlsx'));
    const k = wb.getWorksheet('Kerncijfers')!;
    expect([k.getCell('A1').value, k.getCell('B1').value, k.getCell('A2').value, k.getCell('B2').value]).toEqual(['Gemeente', 'Aaberg', 'Jaar', 2025]);
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader).toBe('&LIBT-beoordeling VTH 2025, gemeente Aaberg');
  });

  it('--format json: per municipality its criteria, and the overview, from the same judgement as the documents', () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    expect(vth(['ibt', REGIO, '-o', uit, '--format', 'json,md', '-q']).code).toBe(1);
    const a = JSON.parse(readFileSync(path.join(uit, 'ibt-2025-beekdal.json'), 'utf8'));
    expect(Object.keys(a)).toEqual(['gemeente', 'jaar', 'profiel', 'totaal', 'totaalOordeel', 'bevindingen', 'criteria', 'kerncijfers', 'verbeterpunten']);
    expect(a.criteria.map((c: { kleur: string }) => c.kleur)).toEqual(VERWACHT.Beekdal!.slice(0, 9));
    const md = readFileSync(path.join(uit, 'ibt-2025-beekdal.md'), 'utf8');
    for (const c of a.criteria) expect(md).toContain(`### ${c.nr}. ${c.naam}: ${c.kleur}`);
    const o = JSON.parse(readFileSync(path.join(uit, 'ibt-overzicht-2025.json'), 'utf8'));
    expect(o).toMatchObject({ jaar: 2025, aantal: 6, beoordeeld: 5, nietBeoordeeld: 1 });
    expect(o.gemeenten.map((g: { gemeente: string; totaal: string }) => [g.gemeente, g.totaal])).toContainEqual(['kapotwoude', 'niet te beoordelen']);
  });

  it('two folders with the same municipality: neither is judged, each names the other', () => {
    const regio = tijdelijkeMap();
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'aaberg'), { recursive: true });
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'aaberg-kopie'), { recursive: true });
    cpSync(path.join(REGIO, 'beekdal'), path.join(regio, 'beekdal'), { recursive: true });
    const uit = path.join(tijdelijkeMap(), 'ibt');
    const r = vth(['ibt', regio, '-o', uit, '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('niet te beoordelen: Aaberg (aaberg): gemeente "Aaberg" staat ook in aaberg-kopie');
    expect(r.stdout).toContain('niet te beoordelen: Aaberg (aaberg-kopie): gemeente "Aaberg" staat ook in aaberg');
    expect(readdirSync(uit).sort()).toEqual(['ibt-2025-beekdal.md', 'ibt-overzicht-2025.md']);
  });

  it('thresholds are settings: a stricter realisation norm turns Aaberg\'s criterion 6 oranje', async () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    expect(vth(['ibt', REGIO, '-o', uit, '--realisatie-groen', '99', '--format', 'xlsx']).code).toBe(1);
    const rijen = await overzicht(path.join(uit, 'ibt-overzicht-2025.xlsx'));
    expect(rijen.Aaberg!.kleuren[5]).toBe('oranje');
    expect(rijen.Aaberg!.kleuren[9]).toBe('oranje');
    const r = vth(['ibt', REGIO, '-o', tijdelijkeMap(), '--uvp-uiterlijk', '31-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--uvp-uiterlijk "31-02" is geen dag en maand');
  });

  it('refuses a region that is not a folder, and an existing output without --force', () => {
    expect(vth(['ibt', '/bestaat/niet', '-o', tijdelijkeMap()]).code).toBe(2);
    const uit = tijdelijkeMap();
    expect(vth(['ibt', REGIO, '-o', uit, '--format', 'md']).code).toBe(1);
    const r = vth(['ibt', REGIO, '-o', uit, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bestaat al');
  });
});

describe('overall colour rule', () => {
  it('rood when any criterion is rood, else oranje when any is oranje, else groen', () => {
    expect(totaalKleur(['groen', 'groen'])).toBe('groen');
    expect(totaalKleur(['groen', 'oranje'])).toBe('oranje');
    expect(totaalKleur(['oranje', 'rood', 'groen'])).toBe('rood');
  });
});


describe('vth ibt with an unusable case export', () => {
  it('judges the criteria that need the export "niet te beoordelen" (grijs) with the reason, never rood or groen', async () => {
    const regio = tijdelijkeMap();
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'aaberg'), { recursive: true });
    // The same cases without their code column: nothing can be matched to the programme.
    const zaken = readFileSync(path.join(REGIO, 'aaberg', 'zaken-2025.csv'), 'utf8')
      .split(/\r?\n/)
      .map((r) => r.split(';').filter((_, i) => i !== 1).join(';'))
      .join('\n');
    writeFileSync(path.join(regio, 'aaberg', 'zaken-2025.csv'), zaken);
    const uit = path.join(tijdelijkeMap(), 'ibt');
    const r = vth(['ibt', regio, '-o', uit, '--format', 'md']);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(uit, 'ibt-2025-aaberg.md'), 'utf8');
    expect(md).toContain('### 7. Tijdigheid volgens de streefwaarde: grijs');
    expect(md).toContain('De zakenexport is niet bruikbaar: er is geen kolom met de productcode of het product/zaaktype');
    // Aaberg is groen on every other criterion: what is not known is never groen.
    expect(totaalKleur(['groen', 'grijs'])).toBe('oranje');
    expect(r.stdout).toContain('IBT 2025: 1 gemeente: 0 groen, 1 oranje, 0 rood, 0 niet te beoordelen.');
  });

  it('an export with only its header is unusable, not a year without cases: criterion 7 grijs, and the jaarverslag refuses it', async () => {
    const regio = tijdelijkeMap();
    cpSync(path.join(REGIO, 'aaberg'), path.join(regio, 'aaberg'), { recursive: true });
    const kop = readFileSync(path.join(REGIO, 'aaberg', 'zaken-2025.csv'), 'utf8').split(/\r?\n/)[0]!;
    writeFileSync(path.join(regio, 'aaberg', 'zaken-2025.csv'), `${kop}\n`);
    const uit = path.join(tijdelijkeMap(), 'ibt');
    const r = vth(['ibt', regio, '-o', uit, '--format', 'md']);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(uit, 'ibt-2025-aaberg.md'), 'utf8');
    expect(md).toContain('### 7. Tijdigheid volgens de streefwaarde: grijs');
    expect(md).toContain('De zakenexport is niet bruikbaar: er staat geen enkele zaak in (alleen een kopregel)');
    expect(md).not.toContain('### 7. Tijdigheid volgens de streefwaarde: rood');
    // The jaarverslag: exit 1, nothing written; the same for an .xlsx export with only its header.
    const kopXlsx = path.join(tijdelijkeMap(), 'zaken.xlsx');
    const cellen = kop.split(';').map((k, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${k}</t></is></c>`).join('');
    writeFileSync(kopXlsx, pakket({ sheet: blad(`<row r="1">${cellen}</row>`) }));
    for (const zaken of [path.join(regio, 'aaberg', 'zaken-2025.csv'), kopXlsx]) {
      const jv = path.join(tijdelijkeMap(), 'jv');
      const j = vth(['jaarverslag', path.join(regio, 'aaberg'), '--zaken', zaken, '-o', jv, '--format', 'md']);
      expect(j.code, zaken).toBe(1);
      expect(j.stderr).toContain('De zakenexport is niet bruikbaar: er staat geen enkele zaak in (alleen een kopregel). Er is niets geschreven.');
      expect(existsSync(jv)).toBe(false);
    }
  });
});


/** A copy of one region municipality with extra Instellingen rows, e.g. the date of last year's jaarverslag. */
async function gemeenteMet(naam: string, extra: [string, string][]): Promise<string> {
  const regio = tijdelijkeMap();
  cpSync(path.join(REGIO, naam), path.join(regio, naam), { recursive: true });
  const pad = path.join(regio, naam, 'werkmap.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pad);
  const ws = wb.getWorksheet('Instellingen')!;
  for (const [k, v] of extra) {
    const bestaand = ws.getRows(1, ws.rowCount)!.find((r) => String(r.getCell(1).value).toLowerCase() === k);
    if (bestaand) bestaand.getCell(2).value = v;
    else ws.addRow([k, v]);
  }
  await wb.xlsx.writeFile(pad);
  return regio;
}

function criteria(md: string): Record<number, string> {
  return Object.fromEntries([...md.matchAll(/^\| (\d) \| [^|]+ \| ([^|]+) \| (\w+) \|/gm)].map((m) => [Number(m[1]), `${m[2]!.trim()}/${m[3]}`]));
}

describe('vth ibt province profiles', () => {
  it('standaard: the werkmap names a province vth has no profile for, and the report says which profile judged it', () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    vth(['ibt', REGIO, '-o', uit, '--format', 'md', '-q']);
    const md = readFileSync(path.join(uit, 'ibt-2025-aaberg.md'), 'utf8');
    expect(md).toContain('Beoordeeld met het provincieprofiel standaard:');
    expect(md).toContain('vth heeft geen profiel voor provincie "Gelderland" (blad Instellingen); het standaardprofiel geldt.');
  });

  it('noord-brabant: the UVP of N is judged with the jaarverslag over N−1 (its own Instellingen row), deadlines 1 February and 1 May', async () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    // Without last year's date: criterion 5 cannot be met, and says which setting is missing.
    vth(['ibt', REGIO, '-o', uit, '--format', 'md', '-q', '--provincie', 'noord-brabant']);
    let md = readFileSync(path.join(uit, 'ibt-2025-aaberg.md'), 'utf8');
    expect(md).toContain('Beoordeeld met het provincieprofiel Noord-Brabant:');
    expect(criteria(md)[5]).toBe('voldoet niet/rood');
    expect(md).toContain('vaststellingsdatum jaarverslag over 2024 onbekend (instelling "jaarverslag vorig jaar vastgesteld op")');
    expect(criteria(md)[1]).toBe('voldoet/groen');

    const regio = await gemeenteMet('aaberg', [['jaarverslag vorig jaar vastgesteld op', '10-04-2025'], ['provincie', 'Provincie Noord-Brabant']]);
    const uit2 = path.join(tijdelijkeMap(), 'ibt');
    // The werkmap's province chooses the profile: no --provincie needed.
    expect(vth(['ibt', regio, '-o', uit2, '--format', 'md', '-q']).code).toBe(0);
    md = readFileSync(path.join(uit2, 'ibt-2025-aaberg.md'), 'utf8');
    expect(md).toContain('Beoordeeld met het provincieprofiel Noord-Brabant:');
    expect(criteria(md)[5]).toBe('voldoet/groen');
    expect(md).toContain('Het jaarverslag over 2024 is vóór 01-05-2025 vastgesteld.');
    expect(md).toContain('de inhoud van het jaarverslag over 2024 staat niet in deze werkmap en is niet getoetst');
  });

  it('noord-holland: its own scale (adequaat, redelijk adequaat, niet adequaat) and no deadline it does not publish', () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    vth(['ibt', REGIO, '-o', uit, '--format', 'md,json', '-q', '--provincie', 'Noord-Holland']);
    const md = readFileSync(path.join(uit, 'ibt-2025-beekdal.md'), 'utf8');
    // Beekdal's UVP of 15-02-2025 is late only against a deadline this profile does not have.
    expect(criteria(md)[1]).toBe('adequaat/groen');
    expect(md).toContain('UVP vastgesteld op 15-02-2025 (profiel Noord-Holland noemt geen termijn)');
    expect(criteria(md)[4]).toBe('redelijk adequaat/oranje');
    expect(md).toContain('**Totaaloordeel: oranje (redelijk adequaat).**');
    const openrade = JSON.parse(readFileSync(path.join(uit, 'ibt-2025-openrade.json'), 'utf8'));
    expect(openrade.criteria[1]).toMatchObject({ status: 'voldoet niet', oordeel: 'niet adequaat', kleur: 'rood' });
    expect(openrade.profiel.naam).toBe('Noord-Holland');
  });

  it('a user\'s own profile file: its deadlines and words, every field checked', () => {
    const map = tijdelijkeMap();
    const profiel = path.join(map, 'gelderland.json');
    writeFileSync(profiel, JSON.stringify({ naam: 'Gelderland (eigen)', bron: 'brief GS', uvpUiterlijk: '01-03', jaarverslagUiterlijk: '01-07', schaal: { 'voldoet deels': 'deels' } }));
    const uit = path.join(map, 'ibt');
    vth(['ibt', REGIO, '-o', uit, '--format', 'md', '-q', '--provincie', profiel]);
    const md = readFileSync(path.join(uit, 'ibt-2025-beekdal.md'), 'utf8');
    expect(md).toContain('Beoordeeld met het provincieprofiel Gelderland (eigen): brief GS.');
    expect(md).toContain('UVP vastgesteld op 15-02-2025 (uiterlijk vóór 01-03-2025)');
    expect(criteria(md)[1]).toBe('voldoet/groen');
    expect(criteria(md)[4]).toBe('deels/oranje');
    // Laatveen's jaarverslag of 20-06-2026 is on time before 1 July; it stays deels for lacking goals.
    const laatveen = readFileSync(path.join(uit, 'ibt-2025-laatveen.md'), 'utf8');
    expect(laatveen).toContain('- jaarverslag over 2025 vastgesteld op 20-06-2026 (uiterlijk vóór 01-07-2026)');
    expect(laatveen).toContain('| 5 | Jaarverslag op tijd en over realisatie en doelen | deels | oranje | Het jaarverslag rapporteert niet over zowel realisatie als doelen. |');

    writeFileSync(profiel, JSON.stringify({ naam: 'x', uvpUiterljik: '01-03' }));
    let r = vth(['ibt', REGIO, '-o', path.join(map, 'b'), '--provincie', profiel]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('veld "uvpUiterljik": onbekend veld');
    writeFileSync(profiel, '{"naam": "x", "jaarverslagOver": "N-2"}');
    r = vth(['ibt', REGIO, '-o', path.join(map, 'b'), '--provincie', profiel]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('veld "jaarverslagOver": "N-2" moet N of N-1 zijn');
    // Saved as users save it: UTF-16 with BOM from Notepad reads the same; a trailing comma is named by line.
    writeFileSync(profiel, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ naam: 'Gelderland (eigen)', uvpUiterlijk: '01-03' }), 'utf16le')]));
    const utf16 = path.join(map, 'c');
    expect(vth(['ibt', REGIO, '-o', utf16, '--format', 'md', '-q', '--provincie', profiel]).code).toBe(1);
    expect(readFileSync(path.join(utf16, 'ibt-2025-beekdal.md'), 'utf8')).toContain('UVP vastgesteld op 15-02-2025 (uiterlijk vóór 01-03-2025)');
    writeFileSync(profiel, '{\n  "naam": "x",\n}\n');
    r = vth(['ibt', REGIO, '-o', path.join(map, 'b'), '--provincie', profiel]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is geen geldige JSON (regel 3, teken 1): controleer de aanhalingstekens');
    r = vth(['ibt', REGIO, '-o', path.join(map, 'b'), '--provincie', 'Limburg']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('provincie "Limburg" heeft geen ingebouwd profiel (bekend: standaard, noord-brabant, noord-holland)');
    expect(existsSync(path.join(map, 'b'))).toBe(false);
  });

  it('a peildatum: later adoption dates do not count and are findings; a year not yet over is not judged on realisation', () => {
    const uit = path.join(tijdelijkeMap(), 'ibt');
    vth(['ibt', REGIO, '-o', uit, '--format', 'md', '-q', '--peildatum', '01-07-2025']);
    const md = readFileSync(path.join(uit, 'ibt-2025-aaberg.md'), 'utf8');
    const c = criteria(md);
    expect(c[1]).toBe('voldoet/groen');
    expect([c[5], c[6], c[7]]).toEqual(['niet te beoordelen/grijs', 'niet te beoordelen/grijs', 'niet te beoordelen/grijs']);
    expect(md).toContain('Peildatum 01-07-2025.');
    expect(md).toMatch(/- het jaarverslag over 2025 is volgens de werkmap vastgesteld op \d\d-\d\d-2026, na de peildatum 01-07-2025: telt niet als vastgesteld\./);
    expect(md).toContain('Op de peildatum 01-07-2025 is 2025 nog niet voorbij; de realisatie is nog niet compleet.');
    expect(vth(['ibt', REGIO, '-o', tijdelijkeMap(), '--peildatum', '31-06-2025']).stderr).toContain('--peildatum "31-06-2025" is geen datum');
    // The same day written the ISO way gives the same report.
    const iso = path.join(tijdelijkeMap(), 'iso');
    vth(['ibt', REGIO, '-o', iso, '--format', 'md', '-q', '--peildatum', '2025-07-01']);
    expect(readFileSync(path.join(iso, 'ibt-2025-aaberg.md'), 'utf8')).toBe(md);
  });

  it('resolves the profile from the werkmap, lets options override its deadlines, and never counts a date yet to come', () => {
    expect(ibtInstellingen({}, undefined, 'Provincie Noord-Brabant').profiel.naam).toBe('Noord-Brabant');
    expect(ibtInstellingen({}, undefined, 'noord holland').profiel.schaal.voldoet).toBe('adequaat');
    expect(ibtInstellingen({}, undefined, 'Overijssel').profielOpmerking).toContain('geen profiel voor provincie "Overijssel"');
    expect(ibtInstellingen({ uvpUiterlijk: '15-03' }, PROFIELEN['noord-brabant']).profiel).toMatchObject({ naam: 'Noord-Brabant', uvpUiterlijk: { dag: 15, maand: 3 }, jaarverslagOver: 'N-1' });
    expect(() => profielUitJson('{"naam": "x", "peildatumJaar": "N"}', 'p.json')).toThrow('veld "peildatumJaar": staat er zonder peildatum');
    expect(profielUitJson('{"naam": "x", "peildatum": "01-09", "peildatumJaar": "N+1"}', 'p.json').peildatum).toEqual({ dag: 1, maand: 9, jaar: 1 });
  });
});
