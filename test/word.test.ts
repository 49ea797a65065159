import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { crc32, inflateSync } from 'node:zlib';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kolomBreedtes, markdownNaarDocx, tabelMaat, tekstTwips } from '../src/render/docx.js';
import { document as svgDocument, svgMaat } from '../src/render/svg.js';
import { svgNaarPng, svgNaarPngOpDraad } from '../src/render/png.js';
import { zoekWriter } from '../src/render/pdf.js';
import { leesZipInhoud } from '../src/ingest/zip.js';
import { docxDelen, invoertaal, ROOT, tijdelijkeMap, vth, VOORBEELD, VOORBEELD_CSV } from './helpers.js';

const HUISSTIJL = path.join(ROOT, 'fixtures/huisstijl/dinkelberg.docx');
const ZAKEN = path.join(path.dirname(VOORBEELD), 'zaken-2025.csv');

const delen = docxDelen;

const soffice = zoekWriter().writer;
const pdfinfo = !spawnSync('pdfinfo', ['-v']).error;

function maakWord(extra: string[] = [], werkmap = VOORBEELD) {
  const uit = path.join(tijdelijkeMap(), 'uit');
  const r = vth(['uvp', werkmap, '-o', uit, '--format', 'docx', ...extra]);
  return { uit, r, pad: path.join(uit, (existsSync(uit) ? readdirSync(uit) : []).find((f) => f.endsWith('.docx')) ?? 'geen.docx') };
}

describe('vth uvp --format docx', () => {
  it('a Word document: title page, a table of contents field, real headings, tables with a repeated header row, charts as PNG with their SVG, page numbers', () => {
    const { r, pad } = maakWord();
    expect(r.code, r.stderr).toBe(0);
    const d = delen(pad);
    const doc = d.get('word/document.xml')!.toString('utf8');
    // Title page: the title and the adoption date in words.
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Uitvoeringsprogramma VTH 2025, gemeente Dinkelberg<\/w:t>/);
    expect(doc).toContain('Vastgesteld door het college van burgemeester en wethouders op 28 januari 2025');
    // The table of contents is a TOC field Word updates on opening.
    expect(doc).toContain('<w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText>');
    expect(d.get('word/settings.xml')!.toString('utf8')).toContain('<w:updateFields w:val="true"/>');
    // Chapters as Heading1, sections as Heading2, in document order.
    const koppen = [...doc.matchAll(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(koppen).toEqual(['1. Samenvatting', '2. Inleiding', '3. Risicoanalyse en prioriteiten', '4. Strategie en kwaliteit', '5. Terugblik en ontwikkelingen', '6. Doelen en indicatoren', '7. Programma', '8. Ketenpartners, projecten en diensten', '9. Capaciteit', '10. Monitoring en verantwoording', "11. Afwijkingen en risico's", '12. Verbeterpunten van de provincie', 'Bijlagen', 'Afkortingen']);
    expect(doc).toContain('<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Wat we niet doen</w:t>');
    // Tables: every row kept together, the header row repeated; numbers right-aligned in Dutch notation; totals bold.
    const tabellen = doc.match(/<w:tbl>/g)!.length;
    expect(tabellen).toBeGreaterThan(15);
    expect(doc.match(/<w:tblHeader\/>/g)!.length).toBe(tabellen);
    expect(doc).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">18\.633<\/w:t>/);
    expect(doc).toMatch(/<w:r><w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">Subtotaal Advies<\/w:t><\/w:r>/);
    expect(doc).not.toMatch(/<w:trPr>(?!<w:cantSplit\/>)/);
    // Two charts: PNG and SVG in the package, the SVG as Word's svgBlip beside the PNG, with a caption.
    expect([...d.keys()].filter((k) => k.startsWith('word/media/')).sort()).toEqual(['word/media/grafiek1.png', 'word/media/grafiek1.svg', 'word/media/grafiek2.png', 'word/media/grafiek2.svg']);
    expect(d.get('word/media/grafiek1.png')!.subarray(1, 4).toString()).toBe('PNG');
    expect(d.get('word/media/grafiek1.svg')!.toString('utf8')).toContain('Risicoanalyse Dinkelberg 2025');
    expect(doc.match(/<asvg:svgBlip /g)).toHaveLength(2);
    expect(doc).toContain('Figuur 1. Activiteiten naar kans en effect, gekleurd naar klasse');
    // Page numbers in the footer; the title page without header and footer.
    expect(d.get('word/footer1.xml')!.toString('utf8')).toMatch(/Pagina .*PAGE .*van .*NUMPAGES/);
    expect(doc).toContain('<w:titlePg/>');
    // Markdown from Teksten became Word formatting, not asterisks.
    expect(doc).toMatch(/ Op <\/w:t><\/w:r><w:r><w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">kritieke massa<\/w:t>/);
    expect(doc).not.toContain('<w:t xml:space="preserve"></w:t>');
    expect(doc).not.toContain('**');
  });

  it('is deterministic: two runs give the same bytes', () => {
    const a = maakWord();
    const b = maakWord();
    expect(readFileSync(a.pad).equals(readFileSync(b.pad))).toBe(true);
  });

  it('takes the house style of a Dutch reference document: its style ids (Kop1), numbering, header with logo and margins', () => {
    const { r, pad } = maakWord(['--huisstijl', HUISSTIJL]);
    expect(r.code, r.stderr).toBe(0);
    const d = delen(pad);
    const doc = d.get('word/document.xml')!.toString('utf8');
    // Headings by the reference's own ids; its heading style numbers them, so the text does not.
    expect(doc).toMatch(/<w:pStyle w:val="Kop1"\/>(<w:ind w:left="\d+" w:hanging="\d+"\/>)?<\/w:pPr><w:r><w:t xml:space="preserve">Samenvatting<\/w:t>/);
    expect(doc).not.toContain('w:val="Heading1"');
    // Annexes and the abbreviations are no numbered chapters: the house style's numbering is switched off there.
    for (const kop of ['Bijlagen', 'A. Risicoanalyse', 'Afkortingen']) {
      expect(doc, kop).toMatch(new RegExp(`<w:pStyle w:val="Kop[12]"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${kop.replace('.', '\\.')}</w:t>`));
    }
    expect(doc).toContain('<w:pStyle w:val="Titel"/>');
    expect(doc).toContain('<w:tblStyle w:val="Tabelraster"/>');
    const styles = d.get('word/styles.xml')!.toString('utf8');
    expect(styles).toContain('w:styleId="Kop1"><w:name w:val="heading 1"/>');
    // What the reference lacks is added under ids it does not use.
    expect(styles).toContain('w:styleId="TOCHeading"');
    // Its numbering stays (the headings' numbers), ours is added under new ids: no stray bullets.
    const numbering = d.get('word/numbering.xml')!.toString('utf8');
    expect(numbering).toContain('<w:abstractNum w:abstractNumId="0">');
    expect(numbering).toMatch(/<w:abstractNum w:abstractNumId="1">.*<w:numFmt w:val="bullet"\/>/);
    expect(numbering.indexOf('<w:num ')).toBeGreaterThan(numbering.lastIndexOf('<w:abstractNum '));
    expect(doc).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="2"\/><\/w:numPr>/);
    // Header with the municipality's name and its logo; the margins of 2 cm.
    expect(d.get('word/header1.xml')!.toString('utf8')).toContain('Gemeente Dinkelberg');
    // The logo under a name of vth's own (never colliding with the charts' media/grafiekN.png).
    expect(d.get('word/_rels/header1.xml.rels')!.toString('utf8')).toContain('Target="media/huisstijl-koptekst-1.png"');
    expect(d.get('word/media/huisstijl-koptekst-1.png')!.subarray(1, 4).toString()).toBe('PNG');
    expect(doc).toContain('<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"');
  });

  it('the setting huisstijl in Instellingen, relative to the werkmap; a reference that is no Word document: exit 2, nothing written', () => {
    const map = tijdelijkeMap();
    cpSync(VOORBEELD_CSV, map, { recursive: true });
    cpSync(HUISSTIJL, path.join(map, 'sjabloon.docx'));
    const inst = path.join(map, 'instellingen.csv');
    writeFileSync(inst, readFileSync(inst, 'latin1') + 'huisstijl;sjabloon.docx\r\n', 'latin1');
    const { r, pad } = maakWord([], map);
    expect(r.code, r.stderr).toBe(0);
    expect(delen(pad).get('word/document.xml')!.toString('utf8')).toContain('w:val="Kop1"');
    const kapot = path.join(map, 'kapot.docx');
    writeFileSync(kapot, 'geen zip');
    const fout = maakWord(['--huisstijl', kapot]);
    expect(fout.r.code).toBe(2);
    expect(fout.r.stderr).toContain('huisstijl kapot.docx is geen .docx-bestand');
    expect(existsSync(fout.uit)).toBe(false);
  });

  it('--format pdf without LibreOffice: a clear message and exit 2, the other formats still written', () => {
    const uit = path.join(tijdelijkeMap(), 'uit');
    const r = vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md,docx,pdf', '-q'], { env: { VTH_SOFFICE: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format pdf heeft LibreOffice nodig');
    expect(readdirSync(uit).sort()).toEqual(['uvp-2025-dinkelberg-capaciteit.svg', 'uvp-2025-dinkelberg-risico.svg', 'uvp-2025-dinkelberg-verantwoording.md', 'uvp-2025-dinkelberg.docx', 'uvp-2025-dinkelberg.md']);
  });

  it.runIf(soffice && pdfinfo)(
    `LibreOffice reads the .docx and makes a PDF whose table of contents has page numbers and whose text holds every chapter${soffice && pdfinfo ? '' : ' (OVERGESLAGEN: LibreOffice Writer of poppler-utils ontbreekt)'}`,
    () => {
      const uit = path.join(tijdelijkeMap(), 'uit');
      for (const args of [
        ['uvp', VOORBEELD, '-o', uit, '--format', 'md,pdf', '--huisstijl', HUISSTIJL],
        ['jaarverslag', VOORBEELD, '--zaken', ZAKEN, '-o', uit, '--format', 'md,pdf', '--huisstijl', HUISSTIJL],
      ]) {
        const r = vth(args);
        expect(r.code, r.stderr).toBe(0);
      }
      const info = (f: string) => spawnSync('pdfinfo', [path.join(uit, f)], { encoding: 'utf8' }).stdout;
      const tekst = (f: string) => spawnSync('pdftotext', ['-layout', path.join(uit, f), '-'], { encoding: 'utf8' }).stdout;
      const uvp = tekst('uvp-2025-dinkelberg.pdf');
      expect(Number(/Pages:\s+(\d+)/.exec(info('uvp-2025-dinkelberg.pdf'))![1])).toBeGreaterThanOrEqual(12);
      for (const h of ['Samenvatting', 'Strategie en kwaliteit', 'Ketenpartners, projecten en diensten', 'Verbeterpunten van de provincie']) expect(uvp).toContain(h);
      // The house style numbers its headings in an indent of 1 cm; "10." in its heading type needs more,
      // and gets it: a space between number and title, never "10.Monitoring".
      expect(uvp).toMatch(/^\s*10\. Monitoring en verantwoording$/m);
      expect(uvp).not.toMatch(/\d\.[A-Z][a-z]/);
      // The table of contents was updated before the export: entries with page numbers.
      expect(uvp).toMatch(/Samenvatting\s*\.{5,}\s*\d+/);
      expect(uvp).toMatch(/Verbeterpunten van de provincie\s*\.{5,}\s*\d+/);
      expect(uvp).toContain('Gemeente Dinkelberg');
      const jv = tekst('jaarverslag-2025-dinkelberg.pdf');
      for (const h of ['Regionale projecten en diensten', 'Uitgesteld werk', 'Vooruitblik']) expect(jv).toMatch(new RegExp(`${h}\\s*\\.{5,}\\s*\\d+`));
      expect(jv).toMatch(/Pagina \d+ van \d+/);
      // Accessible as a public body must publish: tagged, with a structure tree of headings, tables with
      // header cells and figures with their alternative text (what the chart shows), the municipality as author.
      for (const f of ['uvp-2025-dinkelberg.pdf', 'jaarverslag-2025-dinkelberg.pdf']) {
        expect(info(f)).toMatch(/Tagged:\s+yes/);
        expect(info(f)).toMatch(/Author:\s+Gemeente Dinkelberg/);
        const structuur = spawnSync('pdfinfo', ['-struct', path.join(uit, f)], { encoding: 'utf8' }).stdout;
        for (const rol of ['H1', 'H2', 'Table', 'TH', 'Figure']) expect(structuur, `${f} ${rol}`).toMatch(new RegExp(`^\\s*${rol}\\b`, 'm'));
      }
      // Print-perfect tables: every code, id and figure in a table, and every word of a table header,
      // appears whole in the PDF as often as in the document's text (a column too narrow for "10.179" or
      // "Gereserveerd" breaks it into two pieces, and then it is missing). Long text in a text column may
      // wrap between words, or inside a compound that is longer than any column could hold.
      for (const stam of ['uvp-2025-dinkelberg', 'jaarverslag-2025-dinkelberg']) {
        const md = readFileSync(path.join(uit, `${stam}.md`), 'utf8');
        const pdf = tekst(`${stam}.pdf`);
        const inPdf = new Map<string, number>();
        for (const w of pdf.split(/\s+/)) inPdf.set(w, (inPdf.get(w) ?? 0) + 1);
        const nodig = new Map<string, number>();
        const tabellen: string[][] = [];
        let vorige = false;
        for (const r of md.split('\n')) {
          const rij = r.startsWith('|');
          if (rij && !vorige) tabellen.push([]);
          if (rij && !/^\|[-:| ]+\|$/.test(r)) tabellen[tabellen.length - 1]!.push(r);
          vorige = rij;
        }
        for (const regels of tabellen) {
          regels.forEach((regel, i) => {
            for (const cel of regel.replace(/^\||\|$/g, '').split('|')) {
              for (const w of cel.replace(/\*\*/g, '').trim().split(/\s+/)) {
                const code = /^(?:[A-Z]{1,4}\d*(?:\.\d+)*|[A-Z]+\d+|-?[\d.,]+%?)$/.test(w) && /\d/.test(w);
                if (w && (code || (i === 0 && w.length <= 18))) nodig.set(w, (nodig.get(w) ?? 0) + 1);
              }
            }
          });
        }
        expect(nodig.size, stam).toBeGreaterThan(100);
        const gebroken = [...nodig].filter(([w, n]) => (inPdf.get(w) ?? 0) < n).map(([w]) => w);
        expect(gebroken, `${stam}: in de PDF niet heel`).toEqual([]);
        // The college's document speaks of the municipality's work, never of the tool or its input.
        expect(invoertaal(pdf), stam).toEqual([]);
        // Which fonts the PDF was set in instead of the house style's is said to the author, not the college.
        expect(readFileSync(path.join(uit, `${stam}-verantwoording.md`), 'utf8')).toContain('## Lettertypen in de PDF');
      }
      const alt = /\/Alt\s*<FEFF([0-9A-F]+)>/.exec(readFileSync(path.join(uit, 'uvp-2025-dinkelberg.pdf'), 'latin1'));
      expect(alt).not.toBeNull();
      const altTekst = Buffer.from(alt![1]!, 'hex').swap16().toString('utf16le');
      expect(altTekst).toMatch(/^Risicoanalyse Dinkelberg 2025: 41 activiteiten naar kans en effect; 19 Hoog/);
    },
  );
  if (!soffice || !pdfinfo) console.warn('OVERGESLAGEN: LibreOffice of poppler-utils ontbreekt (apt-get install -y libreoffice-writer-nogui python3-uno poppler-utils); de PDF is niet gecontroleerd.');
});

describe('charts drawn on libuv\'s threads', () => {
  it('give the bytes and size of the direct drawing, for every chart of the example\'s UVP', async () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
    const svgs = readdirSync(uit).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBe(2);
    for (const f of svgs) {
      const svg = readFileSync(path.join(uit, f), 'utf8');
      const direct = svgNaarPng(svg);
      const opDraad = await svgNaarPngOpDraad(svg);
      expect(Buffer.from(opDraad.png).equals(Buffer.from(direct.png)), f).toBe(true);
      expect([opDraad.breedte, opDraad.hoogte], f).toEqual([direct.breedte, direct.hoogte]);
    }
  });

  it('are PNGs that hold exactly the pixels resvg drew, as its own encoder\'s PNG does', async () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
    const require = createRequire(import.meta.url);
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const fonts = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) => path.join(ROOT, 'fonts', f));
    for (const f of readdirSync(uit).filter((n) => n.endsWith('.svg'))) {
      const svg = readFileSync(path.join(uit, f), 'utf8');
      const beeld = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' }, background: 'white' }).render();
      const eigen = leesPng(svgNaarPng(svg).png);
      const vanResvg = leesPng(beeld.asPng());
      expect([eigen.breedte, eigen.hoogte], f).toEqual([beeld.width, beeld.height]);
      expect(eigen.pixels.equals(vanResvg.pixels), f).toBe(true);
      expect(eigen.pixels.equals(beeld.pixels), f).toBe(true);
    }
  });
});

describe('a Word document is built while its charts are drawn', () => {
  const md = '# Titel\n\n## 1. Hoofdstuk\n\n![Risico](r.svg)\n\nTekst.\n';
  const svg = () => svgDocument(320.5, 200, 'Risico', 'Bron: werkmap', ['<rect x="20" y="40" width="100" height="80" fill="#336699"/>'], 'een balk');

  it('every chart of the example declares the size it is drawn at, and Word shows it at that size', async () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
    for (const f of readdirSync(uit).filter((n) => n.endsWith('.svg'))) {
      const s = readFileSync(path.join(uit, f), 'utf8');
      const beeld = await svgNaarPngOpDraad(s);
      const maat = svgMaat(s)!;
      expect(maat, f).toBeDefined();
      // The PNG is drawn at twice the declared size, to the whole pixel.
      expect(Math.abs(beeld.breedte - maat.breedte), f).toBeLessThan(1);
      expect(Math.abs(beeld.hoogte - maat.hoogte), f).toBeLessThan(1);
    }
    expect(svgMaat('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>')).toBeUndefined();
  });

  it('a PNG still being drawn (a promise) gives the same document as a finished one; the PNG is stored as it is', async () => {
    const s = svgMaat(svg())!;
    const beeld = await svgNaarPngOpDraad(svg());
    const klaar = await markdownNaarDocx(md, 'Titel', { titelpagina: [], afbeeldingen: new Map([['r.svg', { svg: svg(), ...s, png: beeld.png }]]) });
    let getekend = false;
    const later = new Promise<Uint8Array>((ok) => setTimeout(() => ((getekend = true), ok(beeld.png)), 30));
    const metWachten = await markdownNaarDocx(md, 'Titel', { titelpagina: [], afbeeldingen: new Map([['r.svg', { svg: svg(), ...s, png: later }]]) });
    expect(getekend).toBe(true);
    expect(Buffer.from(metWachten).equals(Buffer.from(klaar))).toBe(true);
    const pad = path.join(tijdelijkeMap(), 'd.docx');
    writeFileSync(pad, klaar);
    // docxDelen reads a stored part as it is and inflates a deflated one: the PNG is in it byte for byte.
    expect(docxDelen(pad).get('word/media/grafiek1.png')!.equals(Buffer.from(beeld.png))).toBe(true);
    const methoden = new Map(leesZipInhoud(Buffer.from(klaar))!.delen.map((d) => [d.naam, d.methode]));
    expect(methoden.get('word/media/grafiek1.png')).toBe(0);
    expect(methoden.get('word/document.xml')).toBe(8);
  });

  it('a chart that cannot be drawn fails the document, with its own error and nothing unhandled', async () => {
    const s = svgMaat(svg())!;
    const mislukt = Promise.reject(new Error('tekenen mislukt'));
    await expect(markdownNaarDocx(md, 'Titel', { titelpagina: [], afbeeldingen: new Map([['r.svg', { svg: svg(), ...s, png: mislukt }]]) })).rejects.toThrow('tekenen mislukt');
  });
});

/** A PNG of 8-bit RGBA read back: its chunks' CRCs checked, its rows unfiltered (all five filters). */
function leesPng(bytes: Uint8Array): { breedte: number; hoogte: number; pixels: Buffer } {
  const b = Buffer.from(bytes);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let breedte = 0;
  let hoogte = 0;
  const idat: Buffer[] = [];
  for (let p = 8; p < b.length; ) {
    const lengte = b.readUInt32BE(p);
    const soort = b.toString('latin1', p + 4, p + 8);
    const data = b.subarray(p + 8, p + 8 + lengte);
    expect(b.readUInt32BE(p + 8 + lengte), soort).toBe(crc32(b.subarray(p + 4, p + 8 + lengte)));
    if (soort === 'IHDR') {
      breedte = data.readUInt32BE(0);
      hoogte = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (soort === 'IDAT') idat.push(data);
    p += 12 + lengte;
  }
  const rauw = inflateSync(Buffer.concat(idat));
  const rij = breedte * 4;
  const pixels = Buffer.alloc(rij * hoogte);
  for (let y = 0; y < hoogte; y++) {
    const filter = rauw[y * (rij + 1)]!;
    for (let x = 0; x < rij; x++) {
      const v = rauw[y * (rij + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * rij + x - 4]! : 0;
      const c = y > 0 ? pixels[(y - 1) * rij + x]! : 0;
      const ac = x >= 4 && y > 0 ? pixels[(y - 1) * rij + x - 4]! : 0;
      const paeth = () => {
        const p = a + c - ac;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - c), Math.abs(p - ac)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? c : ac;
      };
      const voorspeld = [0, a, c, (a + c) >> 1, filter === 4 ? paeth() : 0][filter]!;
      pixels[y * rij + x] = (v + voorspeld) & 0xff;
    }
  }
  return { breedte, hoogte, pixels };
}

describe('column widths of a Word table', () => {
  it('every column fits its longest word or number; the rest of the width goes to the long text', () => {
    const rijen = [
      ['Code', 'Product', 'Aantal', 'Uren'],
      ['A1.05.00', 'Toets actualisatie vergunningen met een heel lange omschrijving die moet afbreken', '4', '1.410'],
    ];
    const b = kolomBreedtes(rijen, 4, 9000);
    expect(b.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(9000);
    expect(b.reduce((x, y) => x + y, 0)).toBeGreaterThan(8990);
    // "A1.05.00" and "Aantal" whole; the product column takes the rest.
    expect(b[0]).toBeGreaterThanOrEqual(Math.floor(tekstTwips('A1.05.00') + 230));
    expect(b[2]).toBeGreaterThanOrEqual(Math.floor(tekstTwips('Aantal') + 230));
    expect(b[1]).toBeGreaterThan(b[0]! + b[2]! + b[3]!);
    // Narrow content fills the width in proportion.
    const smal = kolomBreedtes([['a', 'bb']], 2, 1000);
    expect(smal[1]).toBeGreaterThan(smal[0]!);
  });

  it('when not every longest word fits, codes and figures keep their width and only the long words give', () => {
    // Nine columns as the capacity table: the short ones (figures) whole, the long header words share the rest.
    const rijen = [
      ['Afdeling', 'Fte', 'Productieve uren per fte', 'Bruto uren', 'Gereserveerd', 'Beschikbaar', 'Benodigd (bekende uren)', 'Saldo (uren)', 'Saldo (fte)'],
      ['Omgevingsdienst Twente', '4,40', '1.200', '5.280', '100', '5.180', '4.810', '-161', '-0,13'],
    ];
    const totaal = 9000;
    const b = kolomBreedtes(rijen, 9, totaal);
    expect(b.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(totaal);
    // "Fte", "4,40", "5.280", "-161": whole, at their own minimum.
    for (const k of [1, 3, 7, 8]) expect(b[k], rijen[0]![k]).toBeGreaterThanOrEqual(Math.floor(Math.max(...rijen.flatMap((r) => r[k]!.split(/\s+/).map((w) => tekstTwips(w)))) + 230));
    // Before, every column was scaled down alike, so "5.280" broke.
  });

  it('the fast measure of a cell (one pass) gives the same widths as measuring word by word', async () => {
    const { celMaat, emNaarTwips } = await import('../src/render/tekstmaat.js');
    const tekens = ['a', 'M', 'i', ' ', '1', '.', '€', 'é', '–', '☃', '𝔸', '\u00a0', 'W', ','];
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let i = 0, l = (n * 7) % 23; i < l; i++) s += tekens[(n * 31 + i * 17) % tekens.length];
      const m = celMaat(s);
      expect(emNaarTwips(m.tekst)).toBeCloseTo(tekstTwips(s.replace(/\u00a0/g, ' ')), 6);
      expect(emNaarTwips(m.woord)).toBeCloseTo(Math.max(0, ...s.split(/[ \u00a0]+/).map((w) => tekstTwips(w))), 6);
    }
  });

  it('words are measured per character, not by their length', () => {
    expect(tekstTwips('MMMMMM')).toBeGreaterThan(1.5 * tekstTwips('iiiiii'));
    expect(tekstTwips('10.179')).toBeLessThan(tekstTwips('Gereserveerd'));
    // A character outside the table is never measured narrower than a capital M.
    expect(tekstTwips('☃')).toBe(tekstTwips('M'));
  });

  it('a table whose longest words do not fit at 9 pt is set smaller, never below 8 pt, and then every word fits', () => {
    const rijen = [
      ['Afdeling', 'Fte', 'Uren per fte', 'Bruto uren', 'Gereserveerd', 'Beschikbaar', 'Benodigd (bekende uren)', 'Saldo (uren)', 'Saldo (fte)'],
      ['Vergunningen', '4,40', '1.200', '5.280', '100', '5.180', '4.810', '370', '0,31'],
    ];
    const totaal = 9638; // A4 with margins of 2 cm
    const m = tabelMaat(() => rijen, 9, totaal, 1.22);
    expect(m.grootte).toBe(16);
    const punt = m.grootte! / 2;
    for (let k = 0; k < 9; k++) {
      const woord = Math.max(...rijen.flatMap((r) => r[k]!.split(/\s+/).map((w) => tekstTwips(w, punt, 1.22))));
      expect(m.breedtes[k], rijen[0]![k]).toBeGreaterThanOrEqual(Math.floor(woord + 230));
    }
    // A table that fits keeps its style's size.
    expect(tabelMaat(() => [['Code', 'Uren'], ['A1', '10']], 2, totaal).grootte).toBeUndefined();
    // One that cannot fit even at 8 pt stays at 8 pt (its widest words break).
    expect(tabelMaat(() => [Array(12).fill('Omgevingsvergunningen')], 12, totaal).grootte).toBe(16);
  });
});

describe('Markdown to Word', () => {
  it('links become hyperlinks, nested lists get their level, code its font, in the schema order of run properties', async () => {
    const { markdownNaarDocx } = await import('../src/render/docx.js');
    const pad = path.join(tijdelijkeMap(), 'proef.docx');
    writeFileSync(pad, await markdownNaarDocx('# Titel\n\nStatus.\n\n## 1. Hoofdstuk\n\nZie [de site](https://example.org/a?b=1&c=2) en **`code` vet**.\n\n- een\n  - twee\n- drie\n', 'Titel', { titelpagina: ['Gemeente X'], afbeeldingen: new Map() }));
    const d = delen(pad);
    const doc = d.get('word/document.xml')!.toString('utf8');
    const rels = d.get('word/_rels/document.xml.rels')!.toString('utf8');
    const id = /<w:hyperlink r:id="(rId\d+)">/.exec(doc)![1];
    expect(rels).toContain(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"/>`);
    expect(doc).toContain('<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">de site</w:t></w:r>');
    expect(doc).toContain('<w:rPr><w:rFonts w:ascii="Liberation Mono" w:hAnsi="Liberation Mono" w:cs="Liberation Mono"/><w:b/></w:rPr><w:t xml:space="preserve">code</w:t>');
    expect([...doc.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="1"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">(\w+)<\/w:t>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['0', 'een'],
      ['1', 'twee'],
      ['0', 'drie'],
    ]);
    // The status line under the title is on the title page's place, not repeated in the body.
    expect(doc).not.toContain('Status.');
    // Styles: name, basedOn, next, qFormat, pPr, rPr, in that order (Word refuses another).
    const kop1 = /<w:style w:type="paragraph" w:styleId="Heading1">.*?<\/w:style>/.exec(d.get('word/styles.xml')!.toString('utf8'))![0];
    const volgorde = ['w:name', 'w:basedOn', 'w:next', 'w:qFormat', 'w:pPr', 'w:rPr'].map((e) => kop1.indexOf(`<${e}`));
    expect(volgorde).toEqual([...volgorde].sort((a, b) => a - b));
    expect(volgorde.every((i) => i > 0)).toBe(true);
  });
});

describe('column widths in the house style font', () => {
  it('a house style whose body font is Verdana gets wider columns than Arial, so its words do not break', async () => {
    const { letterbreedte } = await import('../src/render/docx.js');
    expect(letterbreedte('Verdana')).toBeGreaterThan(1.2);
    expect(letterbreedte('Calibri')).toBeLessThan(1);
    expect(letterbreedte(undefined)).toBe(1);
    const rijen = [['Code', 'Uren'], ['A1.05.00', '10.179']];
    const [arial, verdana] = [kolomBreedtes(rijen, 2, 1e6, 1), kolomBreedtes(rijen, 2, 3000, 1.22)];
    expect(arial[1]).toBeGreaterThan(0);
    // In Verdana "10.179" needs its Arial width × 1,22 plus the cell margins.
    expect(verdana[1]).toBeGreaterThanOrEqual(Math.floor(tekstTwips('10.179', 9, 1.22) + 230));
  });
});

describe('fonts of the house style that this machine lacks', () => {
  it('are read from the styles and the theme, and named with their substitute; unknown without fontconfig', async () => {
    const { huisstijlLettertypen, ontbrekendeLettertypen } = await import('../src/render/lettertypen.js');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const stijlen = `<w:styles xmlns:w="${W}"><!-- <w:rFonts w:ascii="Commentaar"/> --><w:style><w:rPr><w:rFonts w:ascii='Verdana' w:hAnsi="Verdana"/></w:rPr></w:style><x:style xmlns:x="${W}"><x:rPr><x:rFonts x:ascii="Georgia"/></x:rPr></x:style></w:styles>`;
    const thema = '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:fontScheme><a:majorFont><a:latin typeface="Georgia"/></a:majorFont><a:minorFont><a:latin typeface="Arial"/></a:minorFont></a:fontScheme></a:theme>';
    const namen = huisstijlLettertypen({ stijlen, thema });
    // A comment names no font; a prefix bound to the same namespace does; each name once.
    expect(namen).toEqual(['Verdana', 'Georgia', 'Arial']);
    const machine: Record<string, string> = { Verdana: 'DejaVu Sans', Georgia: 'DejaVu Serif', Arial: 'Arial' };
    expect(ontbrekendeLettertypen(namen, (n) => machine[n])).toEqual([
      { naam: 'Verdana', vervanging: 'DejaVu Sans' },
      { naam: 'Georgia', vervanging: 'DejaVu Serif' },
    ]);
    expect(ontbrekendeLettertypen(namen, () => undefined)).toBeUndefined();
  });
});

describe('heading numbers of a house style', () => {
  it('an indent too narrow for the widest chapter number gets one wide enough, for every heading of that level', async () => {
    const { kopInspringing } = await import('../src/render/kopnummers.js');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const stijlen = `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Kop1"><w:rPr><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Kop2"><w:basedOn w:val="Kop1"/><w:rPr><w:sz w:val="26"/></w:rPr></w:style></w:styles>`;
    // Level 0 through pStyle; level 1 through the style's numPr, with a prefix other than w: for the same namespace.
    const nummering = `<n:numbering xmlns:n="${W}"><n:abstractNum n:abstractNumId="0"><n:lvl n:ilvl="0"><n:lvlText n:val="%1."/><n:pStyle n:val="Kop1"/><n:pPr><n:ind n:left="567" n:hanging="567"/></n:pPr></n:lvl><n:lvl n:ilvl="1"><n:lvlText n:val="%1.%2"/><n:pPr><n:ind n:left="1134" n:hanging="1134"/></n:pPr></n:lvl></n:abstractNum><n:num n:numId="3"><n:abstractNumId n:val="0"/></n:num></n:numbering>`;
    const metNumPr = stijlen.replace('<w:basedOn w:val="Kop1"/>', '<w:basedOn w:val="Kop1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>');
    const [twaalf, sectie] = kopInspringing(metNumPr, nummering, ['Kop1', 'Kop2', 'Kop3', 'Kop4'], [12, 3]);
    const m = /^<w:ind w:left="(\d+)" w:hanging="(\d+)"\/>$/.exec(twaalf!);
    expect(m).not.toBeNull();
    // The number keeps its place (left − hanging = 0) and the indent holds "88." in 16 pt with a gap.
    expect(Number(m![1])).toBe(Number(m![2]));
    expect(Number(m![2])).toBeGreaterThan(567);
    // "8.3" in 13 pt fits 2 cm: no indent of its own.
    expect(sectie).toBeUndefined();
    // Nine chapters: "8." fits 1 cm, the house style's own indent stays.
    expect(kopInspringing(stijlen, nummering, ['Kop1'], [9])).toEqual([undefined]);
    // No numbering at all: nothing to correct.
    expect(kopInspringing(stijlen, undefined, ['Kop1'], [12])).toEqual([undefined]);
  });
});

describe('table cells of a large table', () => {
  it('a cell written directly (no character an inline rule acts on) gives the same runs as through markdown-it', async () => {
    const fc = await import('fast-check');
    const { tabelCelRuns } = await import('../src/render/docx.js');
    // Letters, digits, spaces, Dutch punctuation and every character markdown-it's inline rules start on.
    const teken = fc.constantFrom(...'aZ09 ,.;:-+=%€()/\'"#{}^$@|éë\u00a0\t\\`*_~[]!<>&\n\r\u0000'.split(''));
    fc.assert(
      fc.property(fc.array(teken, { maxLength: 24 }), fc.boolean(), (tekens, kop) => {
        const c = tekens.join('').trim();
        expect(tabelCelRuns(c, kop, false)).toBe(tabelCelRuns(c, kop, true));
      }),
      { numRuns: 3000 },
    );
    for (const c of ['Activiteit 12 bouwen en ruimte', '1.234,56', 'GT-08.00', 'a & b', '&amp;', '**vet**', '_x_', '~~weg~~', '`c`', '[a](https://x.nl)', '![b](c.svg)', 'a\\|b', 'a<br>b', 'R000012', '']) expect(tabelCelRuns(c, false, false), c).toBe(tabelCelRuns(c, false, true));
  });
});

describe('tables across a page break', () => {
  it('the header keeps with the first row and the last three rows keep together: a total never stands alone', async () => {
    const { markdownNaarDocx } = await import('../src/render/docx.js');
    const pad = path.join(tijdelijkeMap(), 'tabel.docx');
    const rijen = ['| Code | Uren |', '|---|---:|', '| A | 1 |', '| B | 2 |', '| C | 3 |', '| D | 4 |', '| **Totaal** | **10** |', '| **Gerealiseerd** | **9** |'];
    writeFileSync(pad, await markdownNaarDocx(`# Titel\n\n## 1. Hoofdstuk\n\n${rijen.join('\n')}\n`, 'Titel', { titelpagina: [], afbeeldingen: new Map() }));
    const doc = delen(pad).get('word/document.xml')!.toString('utf8');
    const tr = [...doc.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    expect(tr).toHaveLength(7);
    expect(tr.map((r) => r.includes('<w:keepNext/>'))).toEqual([true, false, false, false, true, true, false]);
  });

  it('a plain paragraph that introduces a table stays on the table\'s page; one before other text does not', async () => {
    const { markdownNaarDocx } = await import('../src/render/docx.js');
    const pad = path.join(tijdelijkeMap(), 'inleiding.docx');
    writeFileSync(pad, await markdownNaarDocx('# Titel\n\n## 1. Hoofdstuk\n\nDe tabel laat zien:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nGewone tekst.\n\nNog meer tekst.\n', 'Titel', { titelpagina: [], afbeeldingen: new Map() }));
    const doc = delen(pad).get('word/document.xml')!.toString('utf8');
    expect(doc).toContain('<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">De tabel laat zien:</w:t>');
    expect(doc).toContain('<w:p><w:r><w:t xml:space="preserve">Gewone tekst.</w:t>');
  });
});

describe('chart colours from the house style', () => {
  it('the theme accents as XML (a comment is no colour), darkened to 3:1 on white; none from a broken theme', async () => {
    const { themaAccenten, grafiekPalet, contrastOpWit } = await import('../src/render/thema.js');
    const thema = `<t:theme xmlns:t="http://schemas.openxmlformats.org/drawingml/2006/main"><t:themeElements><t:clrScheme name="x"><!-- <t:accent1><t:srgbClr val="FF0000"/></t:accent1> --><t:accent1><t:srgbClr val='2E6B30'/></t:accent1><t:accent2><t:sysClr val="window" lastClr="FFFF00"/></t:accent2></t:clrScheme></t:themeElements></t:theme>`;
    expect(themaAccenten(thema)).toEqual(['#2e6b30', '#ffff00']);
    const palet = grafiekPalet(thema)!;
    expect(palet.vulling[0]).toBe('#2e6b30');
    // Yellow on white is unreadable: darkened until it holds 3:1.
    expect(contrastOpWit(palet.vulling[1]!)).toBeGreaterThanOrEqual(3);
    expect(themaAccenten('<a:theme')).toEqual([]);
    expect(grafiekPalet(undefined)).toBeUndefined();
  });
});

describe('a pipe table in Word', () => {
  it('a long table (split again in each pass) gives the rows a short one (split once and kept) gives', async () => {
    const tabel = (n: number) => ['| Code | Product | Uren |', '|---|---|---:|', ...Array.from({ length: n }, () => '| 1.2 | Toezicht \\| bouw | 1.250,5 |')].join('\n');
    const rijen = async (n: number) => {
      const pad = path.join(tijdelijkeMap(), 'tabel.docx');
      writeFileSync(pad, await markdownNaarDocx(`# Titel\n\n## 1. Hoofdstuk\n\n${tabel(n)}\n`, 'Titel', { titelpagina: [], afbeeldingen: new Map() }));
      const xml = docxDelen(pad).get('word/document.xml')!.toString('utf8');
      return [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    };
    // Both sides of the 5.000 lines up to which a table is split once (docx.ts, KLEINE_TABEL).
    const kort = await rijen(10);
    const lang = await rijen(6000);
    expect(lang.length).toBe(6001);
    // The header, a row in the middle, and the last rows that keep together, alike.
    expect(lang[0]).toBe(kort[0]);
    expect(lang[3000]).toBe(kort[5]);
    expect(lang.slice(-4)).toEqual(kort.slice(-4));
    expect(kort[5]).toContain('Toezicht | bouw');
  });
});
