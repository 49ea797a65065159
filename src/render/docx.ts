// The UVP and jaarverslag as Word documents. The text is the document's Markdown, rendered by the same
// templates from the same view as the .md file; here it becomes WordprocessingML: a title page, a table
// of contents field, headings as real Word headings (the house style's own, found by name), paragraphs,
// lists, tables with a repeated header row and rows that do not split, charts as PNG with the SVG
// beside it, page numbers in the footer. Written by hand, as the workbooks are: the same Markdown gives
// the same bytes (fixed dates, ids counted from 1).
import { celMaat, emNaarTwips, TABEL_PUNT, tekstTwips } from './tekstmaat.js';
import { kopInspringing } from './kopnummers.js';
import { MarkdownIt } from './markdown-it.js';
import type Token from 'markdown-it/lib/token.mjs';
import { aaneen, pakDelen, pakDelenMetPauzes, zip, type Ingepakt } from './zip.js';
import { metW, stijlIdsUit, voegStijlenToe, type AanvulDeel, type Huisstijl, type StijlIds } from './huisstijl.js';

// Shared with the tests and the heading numbers, which measure text the same way.
export { tekstTwips };

export interface DocxAfbeelding {
  svg: string;
  /** The size it is shown at, in CSS pixels (the SVG's own). */
  breedte: number;
  hoogte: number;
  /** The PNG, or its drawing under way: awaited only when the document is zipped. */
  png: Uint8Array | Promise<Uint8Array>;
}

export interface DocxOpties {
  /** Lines under the title on the title page (municipality, year, status). */
  titelpagina: string[];
  /** The charts the Markdown links to, by file name. */
  afbeeldingen: Map<string, DocxAfbeelding>;
  huisstijl?: Huisstijl;
  /** The document's author in its properties: the municipality, never the tool. */
  auteur?: string;
  /** The adoption date, as the document's date; without one the properties carry no date (no clock in the output). */
  datum?: Date;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;
const XML_KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A4 with margins of 2,5 cm, in twips, unless the house style says otherwise. */
const STANDAARD_SECTIE = { breedte: 11906, hoogte: 16838, links: 1418, rechts: 1418, boven: 1418, onder: 1418 };
const EMU_PER_PX = 9525;
const EMU_PER_TWIP = 635;

/** Every character x() changes; most text has none, and is returned as it is. */
const XML_TEKEN = /[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

function x(s: string): string {
  if (!XML_TEKEN.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');
}

interface Opmaak {
  vet?: boolean;
  cursief?: boolean;
  code?: boolean;
  /** Font size in half-points, when a table must be set smaller than its style. */
  grootte?: number;
}

function run(tekst: string, o: Opmaak): string {
  if (tekst === '') return '';
  // In the schema's order: rFonts before b and i (Word refuses a file with its run properties out of order).
  const rpr = [
    o.code ? '<w:rFonts w:ascii="Liberation Mono" w:hAnsi="Liberation Mono" w:cs="Liberation Mono"/>' : '',
    o.vet ? '<w:b/>' : '',
    o.cursief ? '<w:i/>' : '',
    o.grootte ? `<w:sz w:val="${o.grootte}"/><w:szCs w:val="${o.grootte}"/>` : '',
  ].join('');
  // A hyphen between digits (a date as 1-2-2024, a range as 2025-2028) is a non-breaking one: a date
  // never ends a line half-way.
  const t = tekst.includes('-') ? x(tekst).replace(/(?<=\d)-(?=\d)/g, '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">') : x(tekst);
  return `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
}

/** The document being built: its parts, relationships and counters. */
class Bouw {
  readonly rels: string[] = [];
  readonly media: [string, Uint8Array | string | Promise<Uint8Array>][] = [];
  private relNr = 10;
  private figuurNr = 0;
  private tekenNr = 0;
  readonly koppen: { niveau: number; tekst: string }[] = [];
  /** Per heading level, an indent of its own where the house style's numbering is too narrow for its numbers (kopnummers.ts). */
  kopInspringing: (string | undefined)[] = [];
  constructor(
    readonly ids: StijlIds,
    readonly tekstBreedte: number,
    readonly tekstHoogte: number,
    readonly afbeeldingen: Map<string, DocxAfbeelding>,
    readonly lijstNum: number,
    /** How much wider than Arial the body font sets a character (the house style's font, or its substitute). */
    readonly letterbreedte = 1,
  ) {}
  rel(type: string, doel: string, extern = false): string {
    const id = `rId${++this.relNr}`;
    this.rels.push(`<Relationship Id="${id}" Type="${R}/${type}" Target="${x(doel)}"${extern ? ' TargetMode="External"' : ''}/>`);
    return id;
  }

  /** Inline tokens as runs; `<br>` (a line break in a table cell) as a break. */
  inline(tokens: Token[] | null, basis: Opmaak = {}): string {
    let uit = '';
    const o: Opmaak = { ...basis };
    let link: { id: string; runs: string } | undefined;
    const voeg = (s: string) => {
      if (link) link.runs += s;
      else uit += s;
    };
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'text':
          voeg(run(t.content, o));
          break;
        case 'strong_open':
          o.vet = true;
          break;
        case 'strong_close':
          o.vet = basis.vet;
          break;
        case 'em_open':
          o.cursief = true;
          break;
        case 'em_close':
          o.cursief = basis.cursief;
          break;
        case 'code_inline':
          voeg(run(t.content, { ...o, code: true }));
          break;
        case 'softbreak':
          voeg(run(' ', o));
          break;
        case 'hardbreak':
          voeg('<w:r><w:br/></w:r>');
          break;
        case 'html_inline':
          voeg(/^<br\s*\/?>$/i.test(t.content) ? '<w:r><w:br/></w:r>' : run(t.content, o));
          break;
        case 'link_open': {
          const href = t.attrGet('href') ?? '';
          link = { id: /^(https?:|mailto:)/i.test(href) ? this.rel('hyperlink', href, true) : '', runs: '' };
          break;
        }
        case 'link_close':
          if (link) {
            const runs = link.runs.replace(/<w:r>(<w:rPr>)?/g, (_, p) => `<w:r><w:rPr><w:rStyle w:val="${this.ids.hyperlink}"/>${p ? '' : '</w:rPr>'}`);
            uit += link.id ? `<w:hyperlink r:id="${link.id}">${runs}</w:hyperlink>` : link.runs;
            link = undefined;
          }
          break;
        case 'image':
          voeg(this.afbeelding(t.attrGet('src') ?? '', t.content).run);
          break;
        default:
          if (t.content) voeg(run(t.content, o));
      }
    }
    return uit;
  }

  /** A chart as an inline picture: the PNG, with the SVG beside it for Word versions that show SVG. */
  afbeelding(src: string, alt: string): { run: string; bijschrift?: string } {
    const a = this.afbeeldingen.get(src);
    if (!a) return { run: run(`[afbeelding ${src}]`, {}) };
    const n = ++this.tekenNr;
    const png = this.rel('image', `media/grafiek${n}.png`);
    const svg = this.rel('image', `media/grafiek${n}.svg`);
    this.media.push([`word/media/grafiek${n}.png`, a.png], [`word/media/grafiek${n}.svg`, a.svg]);
    // Within the text width, and within the page height less room for the caption.
    const schaal = Math.min(1, (this.tekstBreedte * EMU_PER_TWIP) / (a.breedte * EMU_PER_PX), ((this.tekstHoogte - 1400) * EMU_PER_TWIP) / (a.hoogte * EMU_PER_PX));
    const cx = Math.round(a.breedte * EMU_PER_PX * schaal);
    const cy = Math.round(a.hoogte * EMU_PER_PX * schaal);
    // The alternative text says what the chart shows (its figures, from the SVG's description), not its caption again.
    const beschrijving = /<desc>([^<]*)<\/desc>/.exec(a.svg)?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') ?? alt;
    const r =
      `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${n}" name="Grafiek ${n}" descr="${x(beschrijving)}"/>` +
      `<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>` +
      `<pic:nvPicPr><pic:cNvPr id="${n}" name="grafiek${n}.png" descr="${x(beschrijving)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${png}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${svg}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    return { run: r, bijschrift: `Figuur ${++this.figuurNr}. ${alt}` };
  }

  alinea(inhoud: string, stijl?: string, extra = ''): string {
    const ppr = `${stijl ? `<w:pStyle w:val="${stijl}"/>` : ''}${extra}`;
    return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${inhoud}</w:p>`;
  }

  /** A table found by markdown-it inside a larger block. */
  tabel(tokens: Token[], begin: number): { xml: string; einde: number } {
    const rijen: { kop: boolean; cellen: { inline: Token[] | null; rechts: boolean }[] }[] = [];
    let i = begin + 1;
    let inKop = false;
    for (; tokens[i]!.type !== 'table_close'; i++) {
      const t = tokens[i]!;
      if (t.type === 'thead_open') inKop = true;
      else if (t.type === 'thead_close') inKop = false;
      else if (t.type === 'tr_open') rijen.push({ kop: inKop, cellen: [] });
      else if (t.type === 'th_open' || t.type === 'td_open') {
        const inline = tokens[i + 1]!.type === 'inline' ? tokens[i + 1]!.children : null;
        rijen[rijen.length - 1]!.cellen.push({ inline, rechts: /text-align:\s*right/.test(t.attrGet('style') ?? '') });
      }
    }
    const teksten = rijen.map((r) => r.cellen.map((c) => (c.inline ?? []).map((t) => t.content).join('')));
    const kolommen = Math.max(0, ...teksten.map((r) => r.length));
    const maat = tabelMaat(() => teksten, kolommen, this.tekstBreedte, this.letterbreedte);
    const xml = [
      ...this.tabelXml(
        kolommen,
        maat.breedtes,
        rijen.map((r) => ({ kop: r.kop, cellen: r.cellen.map((c) => ({ runs: this.inline(c.inline, { vet: r.kop || undefined, grootte: maat.grootte }), rechts: c.rechts })) })),
      ),
    ].join('');
    return { xml, einde: i };
  }

  /**
   * One table cell's Markdown as runs. Most cells of a large table are plain text (a code, a name, a
   * figure): without a character any inline rule of markdown-it starts on, its parse is one text token
   * of the whole cell, so the run is written directly; the parser is kept for the rest. At 100.000
   * lines this skips about a million parses. `test/word.test.ts` checks both routes give the same XML.
   */
  cel(c: string, parser: MarkdownIt, basis: Opmaak, altijdParser = false): string {
    if (!altijdParser && !INLINE_TEKEN.test(c)) return run(c, basis);
    return this.inline(parser.parseInline(c, {})[0]?.children ?? null, basis);
  }

  /**
   * A block that is one pipe table, read row by row without markdown-it's block parser: a programme of
   * 100.000 lines is one table, and its tokens all at once took hundreds of MB. Each cell's text still
   * goes through markdown-it's inline parser, so escapes and emphasis read as in the .md file. Two
   * passes over the lines: the column widths from every cell's plain text, then the rows' XML one at a
   * time as the zip writer asks for it, so that neither the cells nor the rows are held all at once.
   */
  *pijpTabel(regels: string[], parser: MarkdownIt): Generator<string> {
    const uitlijning = pijpCellen(regels[1]!).map((c) => /-\s*:$/.test(c) && !/^:/.test(c));
    // A table of a document's usual size is split into cells once and kept for the three passes; only
    // a long one (a programme of 100.000 lines) is split again in each pass rather than held.
    const gesplitst = regels.length <= KLEINE_TABEL ? regels.map((r, i) => (i === 1 ? undefined : { kop: i === 0, cellen: pijpCellen(r) })) : undefined;
    function* rijen() {
      if (gesplitst) {
        for (const r of gesplitst) if (r) yield r;
        return;
      }
      for (let i = 0; i < regels.length; i++) if (i !== 1) yield { kop: i === 0, cellen: pijpCellen(regels[i]!) };
    }
    let kolommen = 0;
    for (const r of rijen()) kolommen = Math.max(kolommen, r.cellen.length);
    const maat = tabelMaat(
      function* () {
        for (const r of rijen()) yield r.cellen.map((c) => (/[\\*<]/.test(c) ? c.replace(/\\(.)/g, '$1').replace(/\*\*/g, '').replace(/<br>/g, ' ') : c));
      },
      kolommen,
      this.tekstBreedte,
      this.letterbreedte,
    );
    yield* this.tabelXml(
      kolommen,
      maat.breedtes,
      (function* (b: Bouw) {
        for (const r of rijen()) yield { kop: r.kop, cellen: r.cellen.map((c, k) => ({ runs: b.cel(c, parser, { vet: r.kop || undefined, grootte: maat.grootte }), rechts: !!uitlijning[k] })) };
      })(this),
    );
  }

  /**
   * Header row repeated on every page, no row split over two pages, widths by content (from the cells'
   * plain text). In parts, one per row, made as they are asked for: a table of 100.000 rows is never
   * one string, nor a list of them.
   */
  private *tabelXml(kolommen: number, breedtes: number[], rijen: Iterable<{ kop: boolean; cellen: { runs: string; rechts: boolean }[] }>): Generator<string> {
    const grid = `<w:tblGrid>${breedtes.map((b) => `<w:gridCol w:w="${b}"/>`).join('')}</w:tblGrid>`;
    const tblPr = `<w:tblPr><w:tblStyle w:val="${this.ids.tabel}"/><w:tblW w:w="${breedtes.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`;
    yield `<w:tbl>${tblPr}${grid}`;
    // The header row keeps with the first row, and the last three rows keep together: a total (or two,
    // "Totaal" and "Van het plan gerealiseerd") never stands alone at the top of a page. Three rows are
    // held back to know which are the last.
    const rij = (r: { kop: boolean; cellen: { runs: string; rechts: boolean }[] }, houdBij: boolean) => {
      const trPr = `<w:trPr><w:cantSplit/>${r.kop ? '<w:tblHeader/>' : ''}</w:trPr>`;
      const bij = houdBij ? '<w:keepNext/>' : '';
      let cellen = '';
      for (let k = 0; k < kolommen; k++) {
        const c = r.cellen[k];
        const jc = c?.rechts ? '<w:jc w:val="right"/>' : '';
        const schaduw = r.kop ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : '';
        cellen += `<w:tc><w:tcPr><w:tcW w:w="${breedtes[k]}" w:type="dxa"/>${schaduw}</w:tcPr><w:p><w:pPr><w:pStyle w:val="${this.ids.tabeltekst}"/>${bij}${jc}</w:pPr>${c?.runs ?? ''}</w:p></w:tc>`;
      }
      return `<w:tr>${trPr}${cellen}</w:tr>`;
    };
    const wacht: { kop: boolean; cellen: { runs: string; rechts: boolean }[] }[] = [];
    let n = 0;
    for (const r of rijen) {
      wacht.push(r);
      if (wacht.length > 3) {
        const eerste = wacht.shift()!;
        yield rij(eerste, eerste.kop);
      }
      n++;
    }
    // The last rows: every one but the last keeps with the next.
    for (let i = 0; i < wacht.length; i++) yield rij(wacht[i]!, i < wacht.length - 1);
    // An empty paragraph after a table keeps two tables from merging and gives air before the text.
    yield `</w:tbl>${this.alinea('')}`;
  }

  /** The body from the Markdown's block tokens; the first heading (the title) and its status line are left to the title page. */
  lichaam(tokens: Token[]): string {
    const delen: string[] = [];
    let lijstDiepte = 0;
    // Per open list: its kind, and for a numbered list the number of the current item (a bullet would lose it).
    const lijsten: { genummerd: boolean; nummer?: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      switch (t.type) {
        case 'heading_open': {
          const niveau = Number(t.tag.slice(1));
          const inline = tokens[i + 1]!;
          i += 2;
          if (niveau === 1) continue;
          const n = Math.min(niveau - 1, 4);
          const kinderen = inline.children ?? [];
          // A house style whose heading style numbers itself: the chapter number of the text would come
          // twice. (These tokens are this parse's own, so changing one changes nothing else.)
          // A heading the document does not number itself ("Bijlagen", "A. Risicoanalyse", "Afkortingen")
          // is not numbered by the house style either: annexes are no chapter 13 and no "13.1 A.".
          const ongenummerd = this.ids.kopGenummerd[n - 1] && kinderen[0]?.type === 'text' && !/^\d+(\.\d+)*\.?\s/.test(kinderen[0].content);
          if (this.ids.kopGenummerd[n - 1] && kinderen[0]?.type === 'text') kinderen[0].content = kinderen[0].content.replace(/^\d+\.\s+/, '');
          this.koppen.push({ niveau: n, tekst: kinderen.map((c) => c.content).join('') });
          delen.push(this.alinea(this.inline(kinderen), this.ids.kop[n - 1], ongenummerd ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>' : this.ids.kopGenummerd[n - 1] ? (this.kopInspringing[n - 1] ?? '') : ''));
          break;
        }
        case 'paragraph_open': {
          const inline = tokens[i + 1]!;
          i += 2;
          const kinderen = inline.children ?? [];
          const beeld = kinderen.filter((c) => c.type !== 'softbreak' && !(c.type === 'text' && !c.content.trim()));
          if (beeld.length === 1 && beeld[0]!.type === 'image') {
            const a = this.afbeelding(beeld[0]!.attrGet('src') ?? '', beeld[0]!.content);
            delen.push(this.alinea(a.run, undefined, '<w:keepNext/><w:jc w:val="center"/>'));
            if (a.bijschrift) delen.push(this.alinea(run(a.bijschrift, {}), this.ids.bijschrift));
            break;
          }
          const lijst = lijsten[lijsten.length - 1];
          if (lijst?.genummerd) {
            // The writer's own number, as text with a hanging indent: the item's first paragraph only.
            const nummer = lijst.nummer;
            lijst.nummer = undefined;
            const inspringen = 360 * lijstDiepte + 360;
            delen.push(this.alinea((nummer !== undefined ? `<w:r><w:t xml:space="preserve">${x(`${nummer}.`)}</w:t><w:tab/></w:r>` : '') + this.inline(kinderen), this.ids.lijst, `<w:tabs><w:tab w:val="left" w:pos="${inspringen}"/></w:tabs><w:ind w:left="${inspringen}" w:hanging="360"/>`));
            break;
          }
          delen.push(
            lijstDiepte > 0
              ? this.alinea(this.inline(kinderen), this.ids.lijst, `<w:numPr><w:ilvl w:val="${lijstDiepte - 1}"/><w:numId w:val="${this.lijstNum}"/></w:numPr>`)
              : this.alinea(this.inline(kinderen)),
          );
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          lijstDiepte++;
          lijsten.push({ genummerd: t.type === 'ordered_list_open' });
          break;
        case 'list_item_open': {
          const lijst = lijsten[lijsten.length - 1];
          if (lijst?.genummerd) lijst.nummer = t.info || undefined;
          break;
        }
        case 'bullet_list_close':
        case 'ordered_list_close':
          lijstDiepte--;
          lijsten.pop();
          break;
        case 'table_open': {
          const { xml, einde } = this.tabel(tokens, i);
          delen.push(xml);
          i = einde;
          break;
        }
        case 'html_block':
        case 'code_block':
        case 'fence':
          delen.push(this.alinea(run(t.content.trim(), { code: t.type !== 'html_block' })));
          break;
        default:
          break;
      }
    }
    return delen.join('');
  }
}

/**
 * The characters on which one of markdown-it's inline rules (escape, code, emphasis, strikethrough,
 * link, image, autolink and HTML, entity, line break) or its input normalisation (CR, NUL) can act.
 * Linkify and the typographer are off. Text without any of them parses to one text token.
 */
const INLINE_TEKEN = /[\\`*_~[\]!<&\n\r\0]/;

/** One table cell as runs, directly or always through markdown-it: for the test that both agree. */
export function tabelCelRuns(c: string, kop: boolean, altijdParser: boolean): string {
  const b = new Bouw(stijlIdsUit(undefined).ids, 9000, 13000, new Map(), 1);
  return b.cel(c, new MarkdownIt({ html: true, linkify: false }), kop ? { vet: true } : {}, altijdParser);
}

/** White space as String.prototype.trim removes it. */
function isWit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * A pipe table row's cells, split on the pipes that are not escaped (the escape stays for the inline
 * parser). A row without a backslash is cut by position, each cell one slice of the line (a table of
 * 100.000 rows is read three times); `pijpCellenVolledig` is the route it stands in for.
 */
export function pijpCellen(regel: string): string[] {
  let b = 0;
  let e = regel.length;
  while (b < e && isWit(regel.charCodeAt(b))) b++;
  while (e > b && isWit(regel.charCodeAt(e - 1))) e--;
  if (regel.indexOf('\\', b) >= 0) return pijpCellenVolledig(regel);
  if (b < e && regel.charCodeAt(b) === 124) b++;
  if (e > b && regel.charCodeAt(e - 1) === 124) e--;
  const uit: string[] = [];
  let start = b;
  for (let i = b; i <= e; i++) {
    if (i < e && regel.charCodeAt(i) !== 124) continue;
    let cb = start;
    let ce = i;
    while (cb < ce && isWit(regel.charCodeAt(cb))) cb++;
    while (ce > cb && isWit(regel.charCodeAt(ce - 1))) ce--;
    uit.push(regel.slice(cb, ce));
    start = i + 1;
  }
  return uit;
}

/** pijpCellen without its shortcut. */
export function pijpCellenVolledig(regel: string): string[] {
  let r = regel.trim();
  if (r.startsWith('|')) r = r.slice(1);
  if (r.endsWith('|') && !r.endsWith('\\|')) r = r.slice(0, -1);
  // Without a backslash no pipe is escaped: the cells are the pieces between the pipes.
  if (!r.includes('\\')) return r.split('|').map((c) => c.trim());
  const uit: string[] = [];
  let huidig = '';
  for (let i = 0; i < r.length; i++) {
    if (r[i] === '\\' && i + 1 < r.length) {
      huidig += r[i]! + r[i + 1]!;
      i++;
    } else if (r[i] === '|') {
      uit.push(huidig.trim());
      huidig = '';
    } else huidig += r[i];
  }
  uit.push(huidig.trim());
  return uit;
}

/** A block that is a pipe table and nothing else: a header line, a delimiter line, rows that all start with a pipe. */
function isPijpTabel(regels: string[]): boolean {
  return regels.length >= 2 && /^\|/.test(regels[0]!) && /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(regels[1]!) && regels.every((r) => r.startsWith('|'));
}

/** The most lines a table may have to be split into cells once for its three passes (`pijpTabel`). */
const KLEINE_TABEL = 5000;

/** Twips per cell for its margins (the table style's 108 left and right, and the borders). */
const CELMARGE = 230;
/** The least a printed table may be set in (pt). */
const MINSTE_PUNT = 8;
/**
 * Column widths that fit the content: every column at least as wide as its longest word or number (a
 * figure never breaks), the rest of the page width to the columns with longer text, in proportion to
 * how much more they would take.
 */
export function kolomBreedtes(rijen: Iterable<string[]>, kolommen: number, totaal: number, letterbreedte = 1, punt = TABEL_PUNT): number[] {
  return verdeelBreedtes(meetKolommen(rijen, kolommen), totaal, letterbreedte, punt);
}

/** Per column, its longest word and longest text in thousandths of an em (bold Arial): one pass over the cells. */
function meetKolommen(rijen: Iterable<string[]>, kolommen: number): { woord: number[]; tekst: number[] } {
  const woord = Array<number>(kolommen).fill(0);
  const tekst = Array<number>(kolommen).fill(0);
  for (const r of rijen) {
    for (let k = 0; k < kolommen; k++) {
      const m = celMaat(r[k] ?? '');
      if (m.woord > woord[k]!) woord[k] = m.woord;
      if (m.tekst > tekst[k]!) tekst[k] = m.tekst;
    }
  }
  return { woord, tekst };
}

function verdeelBreedtes(maat: { woord: number[]; tekst: number[] }, totaal: number, letterbreedte: number, punt: number): number[] {
  const minimum = maat.woord.map((w) => emNaarTwips(w, punt, letterbreedte) + CELMARGE);
  const gewenst = maat.tekst.map((w) => emNaarTwips(w, punt, letterbreedte) + CELMARGE);
  const som = (a: number[]) => a.reduce((x, y) => x + y, 0);
  let uit: number[];
  if (som(gewenst) <= totaal) {
    // Everything fits on one line: the spare width in proportion to the content.
    uit = gewenst.map((g) => g + ((totaal - som(gewenst)) * g) / som(gewenst));
  } else if (som(minimum) <= totaal) {
    const extra = gewenst.map((g, k) => g - minimum[k]!);
    uit = minimum.map((m, k) => m + ((totaal - som(minimum)) * extra[k]!) / som(extra));
  } else {
    // Not even every longest word fits. Codes, figures and short words (the narrow columns) keep their
    // width, so that no code or number ever breaks; the columns with the longest words share what is
    // left, in proportion to their need, and only their words may break.
    uit = [...minimum];
    const volgorde = minimum.map((m, k) => ({ m, k })).sort((x, y) => x.m - y.m);
    let rest = totaal;
    let open = volgorde.length;
    for (const { m, k } of volgorde) {
      const eerlijk = rest / open;
      if (m <= eerlijk) {
        uit[k] = m;
        rest -= m;
        open--;
        continue;
      }
      // From here on every column wants more than an equal share: divide the rest by their need.
      const overig = volgorde.filter((x) => x.m >= m).map((x) => x.k);
      const nodig = som(overig.map((j) => minimum[j]!));
      for (const j of overig) uit[j] = (rest * minimum[j]!) / nodig;
      break;
    }
  }
  return uit.map((w) => Math.floor(w));
}

/**
 * Column widths, and a smaller font when even the longest word of every column does not fit the page
 * at the table style's size: a typesetter sets such a table a point smaller rather than break
 * "Gereserveerd" over two lines. Never below 8 pt; past that the widest columns' words still break.
 * `grootte` is in half-points, undefined when the table keeps its style's size.
 */
export function tabelMaat(rijen: () => Iterable<string[]>, kolommen: number, totaal: number, letterbreedte = 1): { breedtes: number[]; grootte?: number } {
  // One pass over the cells at the style's size; a text's width scales with the size, the cell
  // margins do not.
  const maat = meetKolommen(rijen(), kolommen);
  const woorden = maat.woord.reduce((a, w) => a + emNaarTwips(w, TABEL_PUNT, letterbreedte), 0);
  const ruimte = totaal - kolommen * CELMARGE;
  if (woorden <= ruimte || ruimte <= 0) return { breedtes: verdeelBreedtes(maat, totaal, letterbreedte, TABEL_PUNT) };
  const punt = Math.max(MINSTE_PUNT, Math.floor(TABEL_PUNT * (ruimte / woorden) * 2) / 2);
  return { breedtes: verdeelBreedtes(maat, totaal, letterbreedte, punt), grootte: Math.round(punt * 2) };
}

/**
 * The width of the house style's body font against Arial's, for the column widths: a table sized for
 * Arial breaks its words in Verdana (or DejaVu Sans, which LibreOffice puts in its place). From the
 * font the default paragraph style or the document defaults name (`Huisstijl.letter`, read from
 * styles.xml as XML); unknown fonts count as Arial.
 */
export function letterbreedte(letter: string | undefined): number {
  if (!letter) return 1;
  if (/verdana|tahoma|dejavu|segoe|trebuchet/i.test(letter)) return 1.22;
  if (/georgia|cambria|bookman|century/i.test(letter)) return 1.1;
  if (/calibri|times|garamond|candara/i.test(letter)) return 0.92;
  return 1;
}

/** The table of contents: a TOC field Word fills on opening (updateFields), pre-filled with the headings. */
function inhoudsopgave(b: Bouw): string {
  const ids = b.ids;
  const begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>';
  const eind = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  const regels = b.koppen.filter((k) => k.niveau <= 2);
  // Never numbered and never in the contents itself, whatever the house style's TOC heading is based on:
  // a house style that numbers Heading 1 would otherwise make "Inhoud" chapter 1, and every "zie
  // hoofdstuk 7" in the text one off from Word's numbering.
  const kop = b.alinea(run('Inhoud', {}), ids.inhoudKop, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="9"/>');
  if (!regels.length) return kop + b.alinea(begin + eind);
  return (
    kop +
    regels
      .map((k, i) => b.alinea((i === 0 ? begin : '') + run(k.tekst, {}) + (i === regels.length - 1 ? eind : ''), ids.inhoud[k.niveau - 1]))
      .join('')
  );
}

const paginaVeld = (veld: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${veld} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/**
 * A Word document from a document's Markdown. The first `# heading` is the title (on the title page
 * with `titelpagina`'s lines); `##` are chapters (Kop 1), `###` Kop 2, `####` Kop 3. The whole text is
 * built before a chart's PNG is awaited: the charts are drawn on libuv's threads meanwhile.
 */
export async function markdownNaarDocx(md: string, titel: string, o: DocxOpties): Promise<Uint8Array> {
  const hs = o.huisstijl;
  const ids = stijlIdsUit(hs);
  const sectie = hs?.sectie ?? STANDAARD_SECTIE;
  const tekstBreedte = sectie.breedte - sectie.links - sectie.rechts;
  const lijstNum = (hs?.hoogsteNumId ?? 0) + 1;
  const b = new Bouw(ids.ids, tekstBreedte, sectie.hoogte - sectie.boven - sectie.onder, o.afbeeldingen, lijstNum, letterbreedte(hs?.letter));
  // The highest chapter and section number the document has, for the room its heading numbers need.
  const hoogste = [/^## (\d+)\./gm, /^### (\d+)\.(\d+)/gm].map((re, k) => Math.max(0, ...[...md.matchAll(re)].map((m) => Number(m[k + 1]))));
  if (hs) b.kopInspringing = kopInspringing(hs.stijlen.xml, hs.nummering?.xml, ids.ids.kop, hoogste);
  // Parsed block by block (a table is one block: it has no blank line): a programme of 100.000 lines
  // would otherwise hold millions of tokens at once. The document's Markdown has no reference links or
  // fenced code that a blank line could split.
  const parser = new MarkdownIt({ html: true, linkify: false });
  const blokken = md.split(/\n[ \t]*\n/);
  // The title is on the title page, and so is the status line right under it.
  let begin = 0;
  if (/^# /.test(blokken[0] ?? '')) begin = /^[^#|\-\s!]/.test(blokken[1] ?? '') ? 2 : 1;
  // The body first, deflated as its parts are made (a table row at a time); the title page and the
  // table of contents that stand before it are known only once its headings have been seen.
  function* lichaam(): Generator<string> {
    for (let i = begin; i < blokken.length; i++) {
      const blok = blokken[i]!.replace(/^\n+|\n+$/g, '');
      if (!blok.trim()) continue;
      const regels = blok.split('\n');
      if (isPijpTabel(regels)) yield* b.pijpTabel(regels, parser);
      else {
        const xml = b.lichaam(parser.parse(blok, {}));
        // A plain paragraph that introduces a table or a list ("… laat zien:") stays on its page.
        const volgende = blokken[i + 1]?.replace(/^\n+/, '').split('\n') ?? [];
        const inleiding = isPijpTabel(volgende) || /:\s*$/.test(blok);
        yield xml.startsWith('<w:p><w:r>') && xml.indexOf('<w:p>', 1) < 0 && inleiding ? `<w:p><w:pPr><w:keepNext/></w:pPr>${xml.slice(5)}` : xml;
      }
    }
  }
  // With pauses while a chart is still being drawn: its PNG, drawn on libuv's threads, is then also
  // deflated there while the body is made, not after it.
  let tekenen = 0;
  for (const a of o.afbeeldingen.values()) {
    if (!(a.png instanceof Promise)) continue;
    tekenen++;
    a.png.then(
      () => tekenen--,
      () => tekenen--,
    );
  }
  const romp = await pakDelenMetPauzes(lichaam(), false, () => tekenen > 0);

  const titelpagina =
    b.alinea(run(titel, {}), ids.ids.titel) +
    o.titelpagina.map((r) => b.alinea(run(r, {}), ids.ids.ondertitel)).join('') +
    b.alinea('<w:r><w:br w:type="page"/></w:r>');
  const inhoud = inhoudsopgave(b) + b.alinea('<w:r><w:br w:type="page"/></w:r>');

  // Header and footer: the house style's own where it has them, else the title and the page number.
  const kopRel = b.rel('header', 'header1.xml');
  const voetRel = b.rel('footer', 'footer1.xml');
  const koptekst =
    hs?.koptekst?.xml ?? `${XML_KOP}<w:hdr ${NS}>${b.alinea(run(titel, {}), ids.ids.koptekst, '<w:jc w:val="right"/>')}</w:hdr>`;
  const voettekst =
    hs?.voettekst?.xml ?? `${XML_KOP}<w:ftr ${NS}>${b.alinea(run('Pagina ', {}) + paginaVeld('PAGE') + run(' van ', {}) + paginaVeld('NUMPAGES'), ids.ids.voettekst, '<w:jc w:val="center"/>')}</w:ftr>`;
  const sectPr =
    `<w:sectPr><w:headerReference w:type="default" r:id="${kopRel}"/><w:footerReference w:type="default" r:id="${voetRel}"/>` +
    `<w:pgSz w:w="${sectie.breedte}" w:h="${sectie.hoogte}"/><w:pgMar w:top="${sectie.boven}" w:right="${sectie.rechts}" w:bottom="${sectie.onder}" w:left="${sectie.links}" w:header="709" w:footer="709" w:gutter="0"/><w:titlePg/></w:sectPr>`;
  // Deflated part by part: the body of a large programme is never one string.
  const document = aaneen([pakDelen([`${XML_KOP}<w:document ${NS}><w:body>${titelpagina}${inhoud}`], false), romp, pakDelen([`${sectPr}</w:body></w:document>`])]);

  const stijlen = voegStijlenToe(hs?.stijlen, ids.ontbreekt);
  const nummering = lijstNummering(hs?.nummering, lijstNum, (hs?.hoogsteAbstractId ?? 0) + 1);
  const delen: [string, string | Uint8Array | Ingepakt | Promise<Uint8Array>][] = [
    ['[Content_Types].xml', contentTypes(hs)],
    ['_rels/.rels', `${XML_KOP}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`],
    ['docProps/core.xml', `${XML_KOP}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${x(titel)}</dc:title><dc:language>nl-NL</dc:language>${o.auteur ? `<dc:creator>${x(o.auteur)}</dc:creator><cp:lastModifiedBy>${x(o.auteur)}</cp:lastModifiedBy>` : ''}${o.datum ? `<dcterms:created xsi:type="dcterms:W3CDTF">${o.datum.toISOString().slice(0, 10)}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${o.datum.toISOString().slice(0, 10)}T00:00:00Z</dcterms:modified>` : ''}</cp:coreProperties>`],
    ['docProps/app.xml', `${XML_KOP}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>vth</Application></Properties>`],
    ['word/document.xml', document],
    ['word/styles.xml', stijlen],
    ['word/numbering.xml', nummering],
    ['word/settings.xml', `${XML_KOP}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`],
    ['word/header1.xml', koptekst],
    ['word/footer1.xml', voettekst],
    ...b.media,
  ];
  const vasteRels = [
    `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>`,
    `<Relationship Id="rId3" Type="${R}/settings" Target="settings.xml"/>`,
  ];
  if (hs?.thema) {
    vasteRels.push(`<Relationship Id="rId4" Type="${R}/theme" Target="theme/theme1.xml"/>`);
    delen.push(['word/theme/theme1.xml', hs.thema]);
  }
  if (hs?.lettertypen) {
    vasteRels.push(`<Relationship Id="rId5" Type="${R}/fontTable" Target="fontTable.xml"/>`);
    delen.push(['word/fontTable.xml', hs.lettertypen.xml]);
  }
  // The house style's header and footer keep their own pictures (a logo), the font table its embedded
  // fonts, each with the relationships to them and nothing else.
  for (const [deel, naam] of [[hs?.koptekst, 'header1.xml'], [hs?.voettekst, 'footer1.xml'], [hs?.lettertypen, 'fontTable.xml']] as const) {
    if (!deel) continue;
    if (deel.rels) delen.push([`word/_rels/${naam}.rels`, deel.rels]);
    for (const [pad, inhoud] of deel.media) delen.push([`word/${pad}`, inhoud]);
  }
  delen.push(['word/_rels/document.xml.rels', `${XML_KOP}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${vasteRels.join('')}${b.rels.join('')}</Relationships>`]);
  return zip(await Promise.all(delen.map(async ([pad, inhoud]): Promise<[string, string | Uint8Array | Ingepakt]> => [pad, await inhoud])));
}

function contentTypes(hs: Huisstijl | undefined): string {
  const extra = new Set<string>();
  for (const deel of [hs?.koptekst, hs?.voettekst, hs?.lettertypen]) for (const [pad] of deel?.media ?? []) extra.add(pad.split('.').pop()!.toLowerCase());
  const mime: Record<string, string> = { odttf: 'application/vnd.openxmlformats-officedocument.obfuscatedFont', png: 'image/png', svg: 'image/svg+xml', jpeg: 'image/jpeg', jpg: 'image/jpeg', gif: 'image/gif', emf: 'image/x-emf', wmf: 'image/x-wmf', bmp: 'image/bmp', tiff: 'image/tiff' };
  const defaults = ['png', 'svg', ...[...extra].filter((e) => e !== 'png' && e !== 'svg' && mime[e])].map((e) => `<Default Extension="${e}" ContentType="${mime[e]}"/>`).join('');
  const o = (naam: string, type: string) => `<Override PartName="/${naam}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  return (
    `${XML_KOP}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${defaults}` +
    o('word/document.xml', 'wordprocessingml.document.main+xml') +
    o('word/styles.xml', 'wordprocessingml.styles+xml') +
    o('word/numbering.xml', 'wordprocessingml.numbering+xml') +
    o('word/settings.xml', 'wordprocessingml.settings+xml') +
    o('word/header1.xml', 'wordprocessingml.header+xml') +
    o('word/footer1.xml', 'wordprocessingml.footer+xml') +
    (hs?.thema ? o('word/theme/theme1.xml', 'theme+xml') : '') +
    (hs?.lettertypen ? o('word/fontTable.xml', 'wordprocessingml.fontTable+xml') : '') +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
  );
}

/**
 * numbering.xml: the house style's own (its headings may be numbered through it; dropping it would turn
 * that numbering into stray bullets or nothing), with one bullet list of ours under new ids.
 */
function lijstNummering(eigen: AanvulDeel | undefined, numId: number, abstractId: number): string {
  const niveaus = [0, 1, 2]
    .map((l) => `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${['•', '◦', '▪'][l]}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${360 * (l + 1) + 360}" w:hanging="360"/></w:pPr></w:lvl>`)
    .join('');
  const abstract = `<w:abstractNum w:abstractNumId="${abstractId}"><w:multiLevelType w:val="hybridMultilevel"/>${niveaus}</w:abstractNum>`;
  const num = `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/></w:num>`;
  if (!eigen) return `${XML_KOP}<w:numbering xmlns:w="${W}">${abstract}${num}</w:numbering>`;
  // Every abstractNum comes before every num, every num before numIdMacAtCleanup: at the places the
  // reading marked (huisstijl.ts leesNummering).
  const [a, n] = metW(eigen, [abstract, num]);
  const numPlek = eigen.numPlek ?? eigen.plek;
  return eigen.xml.slice(0, eigen.plek) + a + eigen.xml.slice(eigen.plek, numPlek) + n + eigen.xml.slice(numPlek);
}
