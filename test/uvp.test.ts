import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdTekst } from '../src/render/markdown.js';
import { herberekendeFormules, soffice } from './libreoffice.js';
import { maakMap, ROOT, tijdelijkeMap, VOORBEELD, VOORBEELD_CSV, vth } from './helpers.js';

const md = new MarkdownIt({ html: true });

/** Every table row has as many cells as its header, according to a real Markdown parser. */
function tabelCellen(tekst: string): { kop: number; rijen: number[] }[] {
  const tokens = md.parse(tekst, {});
  const tabellen: { kop: number; rijen: number[] }[] = [];
  let huidig: { kop: number; rijen: number[] } | undefined;
  let inKop = false;
  let cellen = 0;
  for (const t of tokens) {
    if (t.type === 'table_open') huidig = { kop: 0, rijen: [] };
    if (t.type === 'thead_open') inKop = true;
    if (t.type === 'thead_close') inKop = false;
    if (t.type === 'tr_open') cellen = 0;
    if (t.type === 'th_open' || t.type === 'td_open') cellen++;
    if (t.type === 'tr_close' && huidig) {
      if (inKop) huidig.kop = cellen;
      else huidig.rijen.push(cellen);
    }
    if (t.type === 'table_close' && huidig) tabellen.push(huidig);
  }
  return tabellen;
}

function maakUvp(werkmap = VOORBEELD, extra: string[] = []) {
  const uit = path.join(tijdelijkeMap(), 'uit');
  const r = vth(['uvp', werkmap, '-o', uit, ...extra]);
  return { uit, r };
}

describe('vth uvp on the example municipality', () => {
  it('writes Markdown, Excel and both charts, with every chapter and the figures', () => {
    const { uit, r } = maakUvp();
    expect(r.code).toBe(0);
    expect(readdirSync(uit).sort()).toEqual(['uvp-2025-dinkelberg-capaciteit.svg', 'uvp-2025-dinkelberg-risico.svg', 'uvp-2025-dinkelberg-verantwoording.md', 'uvp-2025-dinkelberg.md', 'uvp-2025-dinkelberg.xlsx']);
    const tekst = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8');
    expect(tekst.startsWith('# Uitvoeringsprogramma VTH 2025, gemeente Dinkelberg\n')).toBe(true);
    expect([...tekst.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([
      '1. Samenvatting',
      '2. Inleiding',
      '3. Risicoanalyse en prioriteiten',
      '4. Strategie en kwaliteit',
      '5. Terugblik en ontwikkelingen',
      '6. Doelen en indicatoren',
      '7. Programma',
      '8. Ketenpartners, projecten en diensten',
      '9. Capaciteit',
      '10. Monitoring en verantwoording',
      "11. Afwijkingen en risico's",
      '12. Verbeterpunten van de provincie',
      'Bijlagen',
      'Afkortingen',
    ]);
    // Priority made visible: class per line, hours per class, the gap, the reservations, what we do not do.
    expect(tekst).toContain('| GT.02 | Toezicht op slopen met asbest | Toezicht en handhaving | Hoog (R01) | 40 | 6 | 240 |');
    expect(tekst).toContain('| Hoog | 5 | 2.530 | 15,3% |');
    expect(tekst).toContain('| wettelijk, zonder prioriteit | 42 | 11.919 | 72,3% |');
    expect(tekst).toContain('| R34 | crossen met m.n.motoren en in natuurgebieden, individueel en in groepsverband | Hoog | 15,000 |');
    expect([...tekst.matchAll(/^\| R\d\d \| .* \| Hoog \| [\d,]+ \|$/gm)]).toHaveLength(14);
    expect(tekst).toContain('| Toezicht en handhaving | Ketensamenwerking en binnenvliegers | 10% | 480 |');
    expect(tekst).toContain('### Wat we niet doen');
    // Goals with the activities that serve them and their departments.
    expect(tekst).toContain('| KD6 | GT.11 Hercontroles; GH.02 Lopende handhavingszaken; GH.03 Handhavingscontroles na een last onder dwangsom | Toezicht en handhaving | 720 |');
    expect(tekst).toContain('(KD5, KD10)');
    expect(tekst).toContain('| Omgevingsdienst Twente | 8.700 | 8.670 | 30 |');
    expect(tekst).toContain('vast te stellen vóór 1 mei 2026');
    expect(tekst).toContain('| 2 | Toon hoe de activiteiten bijdragen aan de doelen | in uitvoering |');
    expect(tekst).toContain('- 14 activiteiten met een hoge prioriteit hebben geen werk in het programma');
    // Markdown from Teksten stays Markdown.
    expect(tekst).toContain('Op **kritieke massa** voldoet de gemeente');
    // The college document holds no raw findings; they are in the verantwoording file.
    expect(tekst).not.toMatch(/Bevindingen bij de controle|\| waarschuwing \|/);
    const verantwoording = readFileSync(path.join(uit, 'uvp-2025-dinkelberg-verantwoording.md'), 'utf8');
    expect(verantwoording).toContain('# Verantwoording bij: Uitvoeringsprogramma VTH 2025, gemeente Dinkelberg');
    expect(verantwoording).toMatch(/\| waarschuwing \| 14 activiteiten met een hoge prioriteit hebben geen programmaregel .* \| werkmap\.xlsx, Risicoanalyse \|/);
    expect(verantwoording).toContain('Elk hoofdstuk heeft een eigen tekst.');
    expect(tekst).toContain('Vastgesteld door het college van burgemeester en wethouders op 28-01-2025.');
    expect(tekst).toContain('| Benodigde uren (programma en regionale taken, voor zover bekend) | 18.633 |');
    expect(tekst).toContain('artikel 13.8');
    expect(tekst).toContain('de gemeenteraad en de provincie Overijssel ontvangen');
    expect(tekst).toContain('| Hoog | risico vanaf 7 | 19 |');
    expect(tekst).toContain('- Voor KD11 zijn nog geen indicator en streefwaarde vastgesteld.');
    expect(tekst).toContain('| | **Subtotaal Advies** | | | | | **1.155** |');
    // Shares as the source prints them (whole hours) beside the regional hours; the workbook keeps the exact 180,3.
    expect(tekst).toContain('| OD1 | Omgevingswet | project | 1.500 | 12,02% | 180 |');
    expect(tekst).toContain('| | Subtotaal projecten | | 6.150 | | 739 |');
    expect(tekst).toContain('| | Subtotaal diensten | | 11.700 | | 1.406 |');
    expect(tekst).toContain('| | **Subtotaal regionaal** | | **17.850** | | **2.146** |');
    expect(tekst).toContain('- GT.11 Hercontroles: PM');
    // A printed total that differs is a finding for the author (verantwoording), not a paragraph for the college.
    expect(tekst).not.toContain('5.569');
    expect(verantwoording).toContain('het opgegeven totaal 5.569 uur wijkt af van de som van de regels');
    expect(tekst).not.toMatch(/\brij(en)? \d/);
    expect(tekst).toContain('![Activiteiten naar kans en effect, gekleurd naar klasse](uvp-2025-dinkelberg-risico.svg)');
    expect(tekst).toContain('![Benodigde en beschikbare uren per afdeling](uvp-2025-dinkelberg-capaciteit.svg)');
    expect(tekst).toMatch(/\| Toezicht en handhaving \| GT\.06 \| Toezicht kleinschalige evenementen \| 27 van 35 \| 162 \|/);
    // User text from Teksten lands in its chapter.
    expect(tekst).toContain('Veilig & leefbaar Dinkelberg');
    expect(tekst).not.toContain('&amp;');
    for (const t of tabelCellen(tekst)) for (const n of t.rijen) expect(n).toBe(t.kop);
  });

  it('two runs give identical Markdown and SVG bytes, and the same workbook content', async () => {
    const a = maakUvp().uit;
    const b = maakUvp().uit;
    for (const f of ['uvp-2025-dinkelberg.md', 'uvp-2025-dinkelberg-risico.svg', 'uvp-2025-dinkelberg-capaciteit.svg']) {
      expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))).toBe(true);
    }
    const inhoud = async (p: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(p);
      return wb.worksheets.map((ws) => ({ naam: ws.name, rijen: ws.getSheetValues() }));
    };
    expect(await inhoud(path.join(a, 'uvp-2025-dinkelberg.xlsx'))).toEqual(await inhoud(path.join(b, 'uvp-2025-dinkelberg.xlsx')));
  });

  it('existing output needs --force; nothing is half written', () => {
    const { uit } = maakUvp();
    const voor = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'));
    const r = vth(['uvp', VOORBEELD, '-o', uit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bestaat al');
    expect(readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md')).equals(voor)).toBe(true);
    expect(readdirSync(uit).filter((f) => f.startsWith('.vth-tmp'))).toEqual([]);
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--force']).code).toBe(0);
  });
});

describe('the UVP workbook', () => {
  it('prints as a document: every sheet on A4 to the width, header rows repeated, title and sheet in the header, page numbers, no header cut off', async () => {
    const { uit } = maakUvp();
    expect(vth(['jaarverslag', VOORBEELD, '-o', uit, '--format', 'xlsx']).code).toBe(0);
    for (const [bestand, titel] of [
      ['uvp-2025-dinkelberg.xlsx', 'Uitvoeringsprogramma VTH 2025, gemeente Dinkelberg'],
      ['jaarverslag-2025-dinkelberg.xlsx', 'Jaarverslag VTH 2025, gemeente Dinkelberg'],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(uit, bestand));
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        const breedte = ws.columns.reduce((som, k) => som + (k.width ?? 9.14), 0);
        expect(ws.pageSetup.orientation, ws.name).toBe(breedte > 100 ? 'landscape' : 'portrait');
        expect(ws.headerFooter.oddHeader, ws.name).toBe(`&L${titel}&R${ws.name}`);
        expect(ws.headerFooter.oddFooter, ws.name).toBe('&RPagina &P van &N');
        if (ws.name === 'Samenvatting') continue;
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
        // Each header word fits its column: the header wraps, never cuts a word.
        ws.getRow(1).eachCell((c, k) => {
          const langste = Math.max(...String(c.value).split(/\s+/).map((w) => w.length));
          expect(ws.getColumn(k).width!, `${ws.name} ${c.value}`).toBeGreaterThanOrEqual(Math.min(langste, 50));
        });
      }
    }
    const [uvp, jv] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await uvp.xlsx.readFile(path.join(uit, 'uvp-2025-dinkelberg.xlsx'));
    await jv.xlsx.readFile(path.join(uit, 'jaarverslag-2025-dinkelberg.xlsx'));
    expect(uvp.getWorksheet('Programma')!.pageSetup.orientation).toBe('landscape');
    expect(jv.getWorksheet('Samenvatting')!.pageSetup.orientation).toBe('portrait');
    // Ten columns since the realisation on lines without a plan has its own: wider than a portrait page.
    expect(jv.getWorksheet('Taakvelden')!.pageSetup.orientation).toBe('landscape');
  });

  it('derived cells are formulas whose cached values equal the tool\'s JSON figures', async () => {
    const { uit } = maakUvp();
    const cap = JSON.parse(vth(['capaciteit', VOORBEELD, '--format', 'json']).stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(uit, 'uvp-2025-dinkelberg.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Risicoanalyse', 'Doelen', 'Programma', 'Prioriteiten', 'Capaciteit', 'Uitstel', 'Verbeterpunten', 'Verantwoording']);
    const c = wb.getWorksheet('Capaciteit')!;
    cap.afdelingen.forEach((a: Record<string, number | string>, i: number) => {
      const r = c.getRow(i + 2);
      expect(r.getCell(1).value).toBe(a.afdeling);
      // exceljs reads a cached <v>0</v> back as no result; the file itself holds the 0.
      const f = (k: number) => {
        const v = r.getCell(k).value as { formula: string; result?: number };
        return { formula: v.formula, result: v.result ?? 0 };
      };
      expect(f(4).formula).toBe(`B${i + 2}*C${i + 2}`);
      expect(f(4).result).toBe(a.bruto);
      expect(f(7).result).toBe(a.gereserveerd);
      expect(f(8).result).toBe(a.beschikbaar);
      expect(f(9).formula).toBe(`SUMIF(Programma!D:D,"=${a.afdeling}",Programma!G:G)`);
      expect(f(9).result).toBe(a.benodigd);
      expect(f(10).result).toBe(a.saldo);
    });
    const p = wb.getWorksheet('Programma')!;
    const rij = p.getRow(2);
    expect(rij.getCell(2).value).toBe('A1.05.00');
    expect(rij.getCell(7).value).toEqual({ formula: 'E2*F2', result: 80 });
    let totaal: unknown;
    p.eachRow((r) => {
      if (r.getCell(3).value === 'Totaal benodigd') totaal = r.getCell(7).value;
    });
    expect((totaal as { result: number }).result).toBeCloseTo(18632.57, 9);
    expect(p.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(p.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(p.autoFilter).toBeTruthy();
  });

  const lo = soffice();
  /** Strips every cached result, lets LibreOffice compute each formula, and compares with vth's. */
  async function vergelijkNaHerberekening(bron: string): Promise<number> {
    const cellen = await herberekendeFormules(lo!, bron);
    for (const c of cellen) expect(c.libreoffice, c.cel).toBeCloseTo(c.vth, 6);
    return cellen.length;
  }

  it.runIf(lo)(`LibreOffice recalculates the workbook from its formulas to the same numbers${lo ? '' : ' (OVERGESLAGEN: LibreOffice niet geïnstalleerd)'}`, async () => {
    const { uit } = maakUvp();
    expect(await vergelijkNaHerberekening(path.join(uit, 'uvp-2025-dinkelberg.xlsx'))).toBeGreaterThan(100);
  });

  it.runIf(lo)(`LibreOffice recalculates the jaarverslag workbook (percentages of lines, taakvelden and projects) to the same numbers${lo ? '' : ' (OVERGESLAGEN: LibreOffice niet geïnstalleerd)'}`, async () => {
    const uit = path.join(tijdelijkeMap(), 'jv');
    expect(vth(['jaarverslag', VOORBEELD, '--zaken', path.join(path.dirname(VOORBEELD), 'zaken-2025.csv'), '-o', uit, '--format', 'xlsx']).code).toBe(0);
    expect(await vergelijkNaHerberekening(path.join(uit, 'jaarverslag-2025-dinkelberg.xlsx'))).toBeGreaterThan(100);
  });

  it.runIf(lo)(`an afdeling named with a wildcard (Toezicht*) sums only their own lines after recalculation${lo ? '' : ' (OVERGESLAGEN: LibreOffice niet geïnstalleerd)'}`, async () => {
    const map = tijdelijkeMap();
    cpSync(VOORBEELD_CSV, map, { recursive: true });
    // "Toezicht*" would also sum "Toezicht en handhaving" as a SUMIF wildcard.
    for (const f of ['capaciteit.csv', 'producten.csv', 'reserveringen.csv']) {
      const pad = path.join(map, f);
      writeFileSync(pad, readFileSync(pad, 'utf8').replaceAll('Juridische zaken', 'Toezicht*'));
    }
    const cap = path.join(map, 'capaciteit.csv');
    expect(readFileSync(cap, 'utf8')).toContain('Toezicht*;0,6');
    const { uit, r } = maakUvp(map);
    expect(r.code).toBe(0);
    const naam = readdirSync(uit).find((n) => n.endsWith('.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(uit, naam));
    const formules: string[] = [];
    wb.getWorksheet('Capaciteit')!.eachRow((row) => row.eachCell((c) => {
      const f = (c.value as { formula?: string } | null)?.formula;
      if (f?.startsWith('SUMIF')) formules.push(f);
    }));
    expect(formules).toContain('SUMIF(Programma!D:D,"=Toezicht~*",Programma!G:G)');
    await vergelijkNaHerberekening(path.join(uit, naam));
  });
  if (!lo) {
    console.warn('OVERGESLAGEN: LibreOffice is niet geïnstalleerd (apt-get install -y libreoffice-calc-nogui); de herberekening van de UVP-werkmap is niet gecontroleerd.');
  }
});

describe('user text cannot break the documents', () => {
  const gevaarlijk = ['Bouwen & slopen | deel 2', '<b>vet</b> en {{x}}', '=HYPERLINK("x")', '# geen kop', 'regel 1\nregel 2', '+31 telefoon', '@gebruiker', '- geen lijst'];

  it('Markdown escaping never changes a table\'s cell count', () => {
    for (const s of gevaarlijk) {
      const tabel = `| a | b |\n|---|---|\n| ${mdTekst(s)} | x |\n`;
      expect(tabelCellen(tabel)).toEqual([{ kop: 2, rijen: [2] }]);
      const html = md.render(tabel);
      expect(html).not.toContain('<b>vet');
      expect(html).not.toContain('<a href');
      expect(html).not.toContain('<h1');
    }
  });

  it('in the whole UVP, as Markdown and as Excel text', async () => {
    const producten =
      'code;product;taakveld;afdeling;aantal;kental\n' + gevaarlijk.map((g, i) => `X.0${i};"${g.replace(/"/g, '""')}";Toezicht;Team;1;2`).join('\n') + '\n';
    const map = maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Test & Co\njaar;2026\nproductieve uren per fte;1200\n',
      'producten.csv': producten,
      'capaciteit.csv': 'afdeling;fte\nTeam;1\n',
    });
    const { uit, r } = maakUvp(map);
    expect(r.stderr).not.toContain('interne fout');
    expect(r.code).toBe(0);
    const tekst = readFileSync(path.join(uit, 'uvp-2026-test-co.md'), 'utf8');
    for (const t of tabelCellen(tekst)) for (const n of t.rijen) expect(n).toBe(t.kop);
    const html = md.render(tekst);
    expect(html).toContain('Bouwen &amp; slopen | deel 2');
    expect(html).toContain('&lt;b&gt;vet&lt;/b&gt; en {{x}}');
    expect(html).toContain('regel 1<br>regel 2');
    expect(html).not.toMatch(/<h1>geen kop/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(uit, 'uvp-2026-test-co.xlsx'));
    const p = wb.getWorksheet('Programma')!;
    const waarden: unknown[] = [];
    p.eachRow((row) => waarden.push(row.getCell(3).value));
    expect(waarden).toContainEqual({ richText: [{ text: '=HYPERLINK("x")' }] });
    expect(waarden).toContainEqual({ richText: [{ text: '+31 telefoon' }] });
    expect(waarden).toContainEqual({ richText: [{ text: '@gebruiker' }] });
    p.eachRow((row) => row.eachCell((c) => expect(JSON.stringify(c.value ?? '')).not.toContain('HYPERLINK("x")"formula')));
  });
});

describe('own templates', () => {
  it('the built-in templates, compiled at build time, give exactly what compiling them at run time gives', () => {
    for (const [opdracht, extra] of [['uvp', []], ['jaarverslag', ['--zaken', path.join(path.dirname(VOORBEELD), 'zaken-2025.csv')]]] as const) {
      // A template folder outside templates/ is always compiled at run time.
      const eigen = tijdelijkeMap();
      for (const map of ['gedeeld', opdracht]) cpSync(path.join(ROOT, 'templates', map), eigen, { recursive: true });
      const a = path.join(tijdelijkeMap(), 'a');
      const b = path.join(tijdelijkeMap(), 'b');
      expect(vth([opdracht, VOORBEELD, '-o', a, '--format', 'md', ...extra]).code).toBe(0);
      expect(vth([opdracht, VOORBEELD, '-o', b, '--format', 'md', '--templates', eigen, ...extra]).code).toBe(0);
      const naam = `${opdracht}-2025-dinkelberg.md`;
      expect(readFileSync(path.join(a, naam), 'utf8').length).toBeGreaterThan(5000);
      expect(readFileSync(path.join(a, naam), 'utf8'), opdracht).toBe(readFileSync(path.join(b, naam), 'utf8'));
    }
  });

  it('a built-in template edited after the build is used as edited, never the compiled copy', () => {
    const kopie = tijdelijkeMap('vth-kopie-');
    for (const d of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(ROOT, d), path.join(kopie, d), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(kopie, 'node_modules'));
    const titel = path.join(kopie, 'templates/uvp/uvp-titel.md.hbs');
    writeFileSync(titel, readFileSync(titel, 'utf8').replace(/^# .*$/m, '# Bewerkt na de build: {{gemeente}}'));
    const uit = path.join(tijdelijkeMap(), 'uit');
    const r = spawnSync(process.execPath, [path.join(kopie, 'bin/vth.js'), 'uvp', VOORBEELD, '-o', uit, '--format', 'md'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8')).toMatch(/^# Bewerkt na de build: Dinkelberg$/m);
  });

  it('override one partial by file name; the rest falls back to the built-in ones', () => {
    const eigen = tijdelijkeMap();
    writeFileSync(path.join(eigen, 'uvp-inleiding.md.hbs'), '## 2. Inleiding (eigen)\n\nOns eigen verhaal voor {{gemeente}}.\n');
    const { uit, r } = maakUvp(VOORBEELD, ['--templates', eigen, '--format', 'md']);
    expect(r.code).toBe(0);
    const tekst = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8');
    expect(tekst).toContain('Ons eigen verhaal voor Dinkelberg.');
    expect(tekst).not.toContain('artikel 13.8');
    expect(tekst).toContain('## 7. Programma');
    expect(existsSync(path.join(uit, 'uvp-2025-dinkelberg.xlsx'))).toBe(false);
  });

  it('an error in a user template names the file and the line, and nothing is written', () => {
    const eigen = tijdelijkeMap();
    mkdirSync(eigen, { recursive: true });
    writeFileSync(path.join(eigen, 'uvp-doelen.md.hbs'), '## 4. Doelen\n\n{{#each doelen.rijen}}\n{{id}}\n{{/if}}\n');
    const { uit, r } = maakUvp(VOORBEELD, ['--templates', eigen]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(eigen, 'uvp-doelen.md.hbs'));
    // Handlebars names the line of the block that is not closed properly.
    expect(r.stderr).toContain('uvp-doelen.md.hbs, regel 3: {{/if}} sluit {{#each}} niet af');
    expect(existsSync(uit)).toBe(false);
  });

  it('an error while filling a user\'s partial names that file, not the built-in main template, in Dutch', () => {
    const eigen = tijdelijkeMap();
    const gevallen: [string, string][] = [
      ['# {{onbekend 3}}\n', 'onbekende helper "onbekend" (vth kent getal, bekend, uren, procent, datum, eq, gt, nietNul en md)'],
      ['# {{#if}}x{{/if}}\n', '#if heeft precies één waarde nodig'],
      ['# {{> bestaatniet}}\n', 'het deel (partial) "bestaatniet" bestaat niet'],
    ];
    for (const [bron, bericht] of gevallen) {
      writeFileSync(path.join(eigen, 'uvp-titel.md.hbs'), bron);
      const { uit, r } = maakUvp(VOORBEELD, ['--templates', eigen, '--format', 'md']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`vth: fout bij het invullen van ${path.join(eigen, 'uvp-titel.md.hbs')}: ${bericht}`);
      expect(existsSync(uit)).toBe(false);
    }
  });
});
