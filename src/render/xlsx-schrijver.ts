// The workbook writer for vth's documents: the part of exceljs's Workbook API that the renderers use
// (addWorksheet, addRow, getRow, getCell, getColumn, value, numFmt, font, fill, alignment, views,
// autoFilter, pageSetup, headerFooter), written straight to SpreadsheetML. exceljs built an object
// per cell and one string of the whole sheet: a UVP of 100.000 lines took 110 s and 3,2 GB. Here a
// cell is a value and a style number, a row is serialised once, and the file is the same bytes for
// the same view (fixed dates, fixed order).
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { pak, zip, type Ingepakt } from './zip.js';

export interface Lettertype {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: { argb: string };
}
export interface Vulling {
  type: 'pattern';
  pattern: 'solid';
  fgColor: { argb: string };
}
export interface Uitlijning {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrapText?: boolean;
}
interface Stijl {
  numFmt?: string;
  font?: Lettertype;
  fill?: Vulling;
  alignment?: Uitlijning;
}

export type CelWaarde =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { richText: { text: string }[] }
  | { formula: string; result?: string | number | boolean | Date | null };

const GEEN: Stijl = {};
// Style objects are shared: setting numFmt '#,##0' on a hundred thousand cells makes one object, not
// a hundred thousand, so that the writer finds its style number by identity.
// Per style, per property, per value (a number format as itself, an object by its JSON): no key
// string is built for the number formats set on every cell of a long sheet.
const overgangen = new WeakMap<Stijl, Map<keyof Stijl, Map<string, Stijl>>>();
// A style value object's JSON, once per object: a renderer that reuses its fill or font for every
// row has it stringified once, not per cell.
const alsJson = new WeakMap<object, string>();
function jsonVan(v: object): string {
  let j = alsJson.get(v);
  if (j === undefined) alsJson.set(v, (j = JSON.stringify(v)));
  return j;
}
function metStijl<K extends keyof Stijl>(basis: Stijl, k: K, v: Stijl[K]): Stijl {
  let perEigenschap = overgangen.get(basis);
  if (!perEigenschap) overgangen.set(basis, (perEigenschap = new Map()));
  let m = perEigenschap.get(k);
  if (!m) perEigenschap.set(k, (m = new Map()));
  const sleutel = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? jsonVan(v) : JSON.stringify(v);
  let s = m.get(sleutel);
  if (!s) m.set(sleutel, (s = { ...basis, [k]: v }));
  return s;
}

export class Cel {
  private w: CelWaarde = null;
  /** Shared until a setter changes it: most cells have no style of their own. */
  stijl: Stijl = GEEN;
  /** Set once the cell's row is written: a change after that would be lost, so it is refused. */
  vast = false;
  constructor(
    readonly rij: number,
    readonly kolom: number,
  ) {}
  get value(): CelWaarde {
    return this.w;
  }
  set value(v: CelWaarde) {
    this.wijzigbaar();
    this.w = v;
  }
  private wijzigbaar(): void {
    if (this.vast) throw new Error(`cel ${kolomLetter(this.kolom)}${this.rij} is al geschreven`);
  }
  private zet<K extends keyof Stijl>(k: K, v: Stijl[K]): void {
    this.wijzigbaar();
    this.stijl = metStijl(this.stijl, k, v);
  }
  get numFmt(): string | undefined {
    return this.stijl.numFmt;
  }
  set numFmt(v: string | undefined) {
    this.zet('numFmt', v);
  }
  get font(): Lettertype | undefined {
    return this.stijl.font;
  }
  set font(v: Lettertype | undefined) {
    this.zet('font', v);
  }
  get fill(): Vulling | undefined {
    return this.stijl.fill;
  }
  set fill(v: Vulling | undefined) {
    this.zet('fill', v);
  }
  get alignment(): Uitlijning | undefined {
    return this.stijl.alignment;
  }
  set alignment(v: Uitlijning | undefined) {
    this.zet('alignment', v);
  }
}

export class Rij {
  readonly cellen: Cel[] = [];
  height?: number;
  private rijStijl: Stijl = GEEN;
  constructor(readonly number: number) {}
  vast = false;
  getCell(kolom: number): Cel {
    if (!Number.isInteger(kolom) || kolom < 1 || kolom > 16384) throw new Error(`kolom ${kolom} bestaat niet`);
    let c = this.cellen[kolom - 1];
    if (!c) {
      if (this.vast) throw new Error(`rij ${this.number} is al geschreven`);
      c = new Cel(this.number, kolom);
      c.stijl = this.rijStijl;
      this.cellen[kolom - 1] = c;
    }
    return c;
  }
  /** As in exceljs: a row style applies to the row's cells and to cells made later. */
  private zetAlle<K extends keyof Stijl>(k: K, v: Stijl[K]): void {
    if (this.vast) throw new Error(`rij ${this.number} is al geschreven`);
    this.rijStijl = metStijl(this.rijStijl, k, v);
    for (const c of this.cellen) if (c) c.stijl = metStijl(c.stijl, k, v);
  }
  set font(v: Lettertype) {
    this.zetAlle('font', v);
  }
  set fill(v: Vulling) {
    this.zetAlle('fill', v);
  }
}

export class Kolom {
  private w?: number;
  stijl: Stijl = GEEN;
  constructor(
    private readonly blad: Blad,
    readonly number: number,
  ) {}
  get letter(): string {
    return kolomLetter(this.number);
  }
  get width(): number | undefined {
    return this.w;
  }
  /** The width the content asks for, set while the sheet's start is written (no guard: that is now). */
  pasAan(w: number): void {
    this.w = w;
  }
  set width(v: number | undefined) {
    this.blad.nogNietBegonnen('een kolombreedte');
    this.w = v;
  }
  /** As in exceljs: sets the alignment of the column's cells that exist now, and of the empty ones. */
  set alignment(v: Uitlijning) {
    this.blad.nogNietBegonnen('een kolomopmaak');
    this.stijl = metStijl(this.stijl, 'alignment', v);
    this.blad.elkeRij((r) => {
      const c = r.cellen[this.number - 1];
      if (c) c.alignment = v;
    });
  }
}

export interface BladOpties {
  views?: { state: 'frozen'; ySplit?: number; xSplit?: number }[];
  /** Column widths from column A: given here, because a long sheet's start is written before its end is known. */
  breedtes?: number[];
}

/** Rows further back than this are written out and let go as new rows come: memory stays flat. */
const OPEN_RIJEN = 256;

export class Blad {
  /** Rows not yet written; `rijen[0]` is row `eersteOpen`. */
  private rijen: Rij[] = [];
  private eersteOpen = 1;
  /**
   * A long sheet is deflated while it is made: its start (views, columns) once the first rows are
   * written, then every block of rows. Each block is its own deflate segment ending in a sync flush,
   * so that the segments one after another are one valid stream (RFC 1951 allows it); nothing of the
   * written rows stays in memory but their compressed bytes.
   */
  private stroom?: { uit: Buffer[]; crc: number; grootte: number };
  private readonly kolommen: Kolom[] = [];
  autoFilter?: { from: { row: number; column: number }; to: { row: number; column: number } };
  /**
   * Every document sheet prints on A4, fitted to the page width: a college reads it on paper. Without
   * an orientation of its own a sheet prints landscape when its columns are wider than a portrait page.
   */
  readonly pageSetup: { orientation?: 'landscape' | 'portrait'; fitToPage: boolean; fitToWidth: number; fitToHeight: number; paperSize: number } = { fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  /** Without one of its own, the workbook's koptekst with the sheet's name, and page numbers below. */
  headerFooter: { oddHeader?: string; oddFooter?: string } = {};
  constructor(
    readonly name: string,
    readonly id: number,
    readonly opties: BladOpties,
    private readonly werkboek: { stijlen: Stijlen; teksten: Teksten; koptekst?: string },
  ) {
    opties.breedtes?.forEach((w, i) => (this.getColumn(i + 1).width = w));
  }
  /** What sits before the rows cannot change once rows are written. */
  nogNietBegonnen(wat: string): void {
    if (this.stroom) throw new Error(`blad "${this.name}": ${wat} moet er zijn voordat de rijen geschreven worden (geef ze bij addWorksheet)`);
  }
  get rowCount(): number {
    return this.eersteOpen - 1 + this.rijen.length;
  }
  getRow(n: number): Rij {
    if (n < this.eersteOpen) throw new Error(`rij ${n} van blad "${this.name}" is al geschreven`);
    for (let i = this.rowCount; i < n; i++) this.rijen.push(new Rij(i + 1));
    return this.rijen[n - this.eersteOpen]!;
  }
  addRow(waarden: CelWaarde[]): Rij {
    if (this.rijen.length >= 2 * OPEN_RIJEN) this.schrijfTot(this.rowCount - OPEN_RIJEN);
    const r = this.getRow(this.rowCount + 1);
    waarden.forEach((w, i) => {
      if (w !== null && w !== undefined) r.getCell(i + 1).value = w;
    });
    return r;
  }
  /** Every row not yet written (a column style applies to those; the written ones are final). */
  elkeRij(f: (r: Rij) => void): void {
    this.rijen.forEach(f);
  }
  private schrijf(data: string, laatste = false): void {
    const s = this.stroom!;
    const buf = Buffer.from(data, 'utf8');
    s.crc = crc32(buf, s.crc);
    s.grootte += buf.length;
    s.uit.push(deflateRawSync(buf, { level: 1, finishFlush: laatste ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
  }
  /** Writes rows up to and including `tot` into the compressed stream and lets them go. */
  private schrijfTot(tot: number): void {
    const { stijlen, teksten } = this.werkboek;
    if (!this.stroom) {
      this.stroom = { uit: [], crc: 0, grootte: 0 };
      pasBreedtesAan(this, this.rijen);
      this.schrijf(bladBegin(this, stijlen));
    }
    const klaar = this.rijen.splice(0, tot - this.eersteOpen + 1);
    let stuk = '';
    for (const r of klaar) {
      r.vast = true;
      for (const c of r.cellen) if (c) c.vast = true;
      stuk += rijXml(r, stijlen, teksten);
    }
    this.schrijf(stuk);
    this.eersteOpen = tot + 1;
  }
  /** The sheet's part, compressed: a short sheet at once, a long one by finishing its segments. */
  inpakken(): Ingepakt {
    const { stijlen, teksten } = this.werkboek;
    if (!this.stroom) {
      pasBreedtesAan(this, this.rijen);
      let rijen = '';
      for (const r of this.rijen) rijen += rijXml(r, stijlen, teksten);
      return pak(bladBegin(this, stijlen) + rijen + bladEinde(this, this.werkboek.koptekst));
    }
    if (this.rijen.length) this.schrijfTot(this.rowCount);
    this.schrijf(bladEinde(this, this.werkboek.koptekst), true);
    const s = this.stroom;
    return { ingepakt: Buffer.concat(s.uit), crc: s.crc, grootte: s.grootte };
  }
  getColumn(n: number): Kolom {
    let k = this.kolommen[n - 1];
    if (!k) this.kolommen[n - 1] = k = new Kolom(this, n);
    return k;
  }
  get kolomLijst(): Kolom[] {
    return this.kolommen.filter(Boolean);
  }
}

export function kolomLetter(n: number): string {
  // Every cell's reference names its column: the letters of the first columns are made once.
  if (n < LETTERS.length) return (LETTERS[n] ??= kolomLetterVolledig(n));
  return kolomLetterVolledig(n);
}
const LETTERS: string[] = new Array(256);
function kolomLetterVolledig(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const XML_BIJZONDER = /[&<>"_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/**
 * Text for XML. Characters XML 1.0 cannot carry become Excel's _xHHHH_ escape, and a literal
 * "_x0041_" keeps its underscore escaped (_x005F_), so that no text changes on its way to the reader.
 */
function xml(s: string): string {
  if (!XML_BIJZONDER.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/**
 * Excel's serial day number (1900 system) of a date's UTC day and time. Before 1 March 1900 one less:
 * Excel counts a 29 February 1900 that did not exist (serial 1 is 1 January 1900).
 */
function serieel(d: Date): number {
  const s = d.getTime() / 86_400_000 + 25_569;
  return s >= 2 && s < 61 ? s - 1 : s;
}

const INGEBOUWD: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, 'mm-dd-yy': 14 };

/** Styles, deduplicated by content: the workbook holds each combination once. */
class Stijlen {
  private readonly xfs = new Map<string, number>([['{}', 0]]);
  private readonly xfLijst: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts = new Map<string, number>([['{}', 0]]);
  private readonly fontLijst: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills = new Map<string, number>();
  private readonly fillLijst: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly numFmts = new Map<string, number>();
  private readonly perObject = new WeakMap<Stijl, number>();

  id(s: Stijl, datum: boolean): number {
    if (s === GEEN && !datum) return 0;
    const bekend = datum ? undefined : this.perObject.get(s);
    if (bekend !== undefined) return bekend;
    const numFmt = s.numFmt ?? (datum ? 'mm-dd-yy' : undefined);
    const sleutel = JSON.stringify([numFmt, s.font, s.fill, s.alignment]);
    let id = this.xfs.get(sleutel);
    if (id === undefined) {
      const fmtId = numFmt === undefined ? 0 : this.numFmtId(numFmt);
      const fontId = s.font ? this.fontId(s.font) : 0;
      const fillId = s.fill ? this.fillId(s.fill) : 0;
      const a = s.alignment;
      const attrs = [`numFmtId="${fmtId}"`, `fontId="${fontId}"`, `fillId="${fillId}"`, 'borderId="0"', 'xfId="0"'];
      if (fmtId) attrs.push('applyNumberFormat="1"');
      if (fontId) attrs.push('applyFont="1"');
      if (fillId) attrs.push('applyFill="1"');
      let binnen = '';
      if (a && (a.horizontal || a.vertical || a.wrapText)) {
        attrs.push('applyAlignment="1"');
        const v = a.vertical === 'middle' ? 'center' : a.vertical;
        binnen = `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${v ? ` vertical="${v}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`;
      }
      id = this.xfLijst.length;
      this.xfLijst.push(binnen ? `<xf ${attrs.join(' ')}>${binnen}</xf>` : `<xf ${attrs.join(' ')}/>`);
      this.xfs.set(sleutel, id);
    }
    if (!datum) this.perObject.set(s, id);
    return id;
  }
  private numFmtId(f: string): number {
    if (f in INGEBOUWD) return INGEBOUWD[f]!;
    let id = this.numFmts.get(f);
    if (id === undefined) this.numFmts.set(f, (id = 164 + this.numFmts.size));
    return id;
  }
  private fontId(f: Lettertype): number {
    const sleutel = JSON.stringify([f.bold, f.italic, f.size, f.color?.argb]);
    let id = this.fonts.get(sleutel);
    if (id === undefined) {
      id = this.fontLijst.length;
      this.fonts.set(sleutel, id);
      this.fontLijst.push(
        `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? 11}"/>${f.color ? `<color rgb="${xml(f.color.argb)}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`,
      );
    }
    return id;
  }
  private fillId(f: Vulling): number {
    const sleutel = f.fgColor.argb;
    let id = this.fills.get(sleutel);
    if (id === undefined) {
      id = this.fillLijst.length;
      this.fills.set(sleutel, id);
      this.fillLijst.push(`<fill><patternFill patternType="solid"><fgColor rgb="${xml(sleutel)}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    return id;
  }
  xml(): string {
    const fmts = [...this.numFmts].map(([f, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(f)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '') +
      `<fonts count="${this.fontLijst.length}">${this.fontLijst.join('')}</fonts>` +
      `<fills count="${this.fillLijst.length}">${this.fillLijst.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfLijst.length}">${this.xfLijst.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/** Shared strings: each text once. */
class Teksten {
  private readonly index = new Map<string, number>();
  private readonly stukken: string[] = [];
  private totaal = 0;
  id(s: string, rijk: boolean): number {
    this.totaal++;
    const sleutel = rijk ? `\u0000${s}` : s;
    let id = this.index.get(sleutel);
    if (id === undefined) {
      id = this.stukken.length;
      this.index.set(sleutel, id);
      const t = `<t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${xml(s)}</t>`;
      this.stukken.push(rijk ? `<si><r>${t}</r></si>` : `<si>${t}</si>`);
    }
    return id;
  }
  xml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.totaal}" uniqueCount="${this.stukken.length}">${this.stukken.join('')}</sst>`;
  }
}

/**
 * Text is written in its cell (no lookup table to build: 100.000 lines 1,5 s faster), except text
 * that needs Excel's _xHHHH_ escape (control characters, or a literal "_x0041_"): that goes to the
 * shared strings, where every reader decodes the escape (exceljs does not in a cell).
 */
const GEDEELD = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

function tTag(s: string): string {
  return `<t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${xml(s)}</t>`;
}

function getal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`geen eindig getal voor een cel: ${x}`);
  return String(x);
}

function celXml(c: Cel, stijlen: Stijlen, teksten: Teksten): string {
  const v = c.value;
  const ref = `${kolomLetter(c.kolom)}${c.rij}`;
  const isDatum = v instanceof Date || (typeof v === 'object' && v !== null && 'formula' in v && v.result instanceof Date);
  const s = stijlen.id(c.stijl, isDatum);
  const sa = s ? ` s="${s}"` : '';
  if (v === null || v === undefined) return s ? `<c r="${ref}"${sa}/>` : '';
  if (typeof v === 'string') return GEDEELD.test(v) ? `<c r="${ref}"${sa} t="s"><v>${teksten.id(v, false)}</v></c>` : `<c r="${ref}"${sa} t="inlineStr"><is>${tTag(v)}</is></c>`;
  if (typeof v === 'number') return `<c r="${ref}"${sa}><v>${getal(v)}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${sa}><v>${getal(serieel(v))}</v></c>`;
  if ('richText' in v) {
    const t = v.richText.map((r) => r.text).join('');
    return GEDEELD.test(t) ? `<c r="${ref}"${sa} t="s"><v>${teksten.id(t, true)}</v></c>` : `<c r="${ref}"${sa} t="inlineStr"><is><r>${tTag(t)}</r></is></c>`;
  }
  const f = `<f>${xml(v.formula)}</f>`;
  const r = v.result;
  if (r === null || r === undefined) return `<c r="${ref}"${sa}>${f}</c>`;
  if (typeof r === 'number') return `<c r="${ref}"${sa}>${f}<v>${getal(r)}</v></c>`;
  if (typeof r === 'boolean') return `<c r="${ref}"${sa} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
  if (r instanceof Date) return `<c r="${ref}"${sa}>${f}<v>${getal(serieel(r))}</v></c>`;
  return `<c r="${ref}"${sa} t="str">${f}<v>${xml(r)}</v></c>`;
}

function rijXml(r: Rij, stijlen: Stijlen, teksten: Teksten): string {
  let cellen = '';
  for (const c of r.cellen) if (c) cellen += celXml(c, stijlen, teksten);
  const ht = r.height !== undefined ? ` ht="${r.height}" customHeight="1"` : '';
  return cellen || ht ? `<row r="${r.number}"${ht}>${cellen}</row>` : '';
}

/** The sheet up to its first row: what the rows cannot change. */
function bladBegin(b: Blad, stijlen: Stijlen): string {
  const delen: string[] = [];
  delen.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
  if (b.pageSetup.fitToPage) delen.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const view = b.opties.views?.[0];
  if (view && (view.ySplit || view.xSplit)) {
    const x = view.xSplit ?? 0;
    const y = view.ySplit ?? 0;
    const paneel = x && y ? 'bottomRight' : y ? 'bottomLeft' : 'topRight';
    const links = `${kolomLetter(x + 1)}${y + 1}`;
    delen.push(
      `<sheetViews><sheetView workbookViewId="0"${b.id === 1 ? ' tabSelected="1"' : ''}><pane${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''} topLeftCell="${links}" activePane="${paneel}" state="frozen"/><selection pane="${paneel}" activeCell="${links}" sqref="${links}"/></sheetView></sheetViews>`,
    );
  } else delen.push(`<sheetViews><sheetView workbookViewId="0"${b.id === 1 ? ' tabSelected="1"' : ''}/></sheetViews>`);
  delen.push('<sheetFormatPr defaultRowHeight="15"/>');
  const kolommen = b.kolomLijst.filter((k) => k.width !== undefined || k.stijl !== GEEN);
  if (kolommen.length) {
    delen.push('<cols>');
    for (const k of kolommen) {
      const s = stijlen.id(k.stijl, false);
      delen.push(`<col min="${k.number}" max="${k.number}" width="${k.width ?? 9.140625}"${k.width !== undefined ? ' customWidth="1"' : ''}${s ? ` style="${s}"` : ''}/>`);
    }
    delen.push('</cols>');
  }
  delen.push('<sheetData>');
  return delen.join('');
}

/** Characters a column may hold at most when the renderer gave no width: longer text wraps or runs on. */
const MAX_BREEDTE = 50;
/** Wider than this (in characters at the default font) does not fit a portrait A4 page legibly. */
const STAAND_MAX = 100;

/** How many characters wide a cell's shown value is, roughly: what Excel's column width counts. */
function tekenBreedte(c: Cel): number {
  let v = c.value;
  if (v && typeof v === 'object' && 'formula' in v) v = v.result ?? '';
  let n: number;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') n = c.alignment?.wrapText ? Math.max(...v.split(/\s+/).map((w) => w.length)) : Math.max(...v.split('\n').map((l) => l.length));
  else if (typeof v === 'object' && 'richText' in v) n = v.richText.map((t) => t.text).join('').length;
  else if (v instanceof Date) n = 10;
  else if (typeof v === 'boolean') n = 5;
  else {
    const fmt = c.numFmt ?? '';
    const waarde = fmt.endsWith('%') ? v * 100 : v;
    const dec = /\.(0+)/.exec(fmt)?.[1]?.length ?? (Number.isInteger(waarde) ? 0 : 2);
    const heel = Math.trunc(Math.abs(waarde)).toString().length;
    n = heel + (fmt.includes(',') ? Math.floor((heel - 1) / 3) : 0) + (dec ? dec + 1 : 0) + (waarde < 0 ? 1 : 0) + (fmt.endsWith('%') ? 1 : 0);
  }
  return c.font?.bold ? Math.ceil(n * 1.1) : n;
}

/**
 * Column widths from the content of the rows still in memory (a short sheet: all of them; a long one:
 * its first rows), never wider than a width the renderer gave, which is the cap for long text. A
 * wrapped header row gets the height its longest header needs, so that no header is cut off.
 */
function pasBreedtesAan(b: Blad, rijen: readonly Rij[]): void {
  const nodig: number[] = [];
  // A wrapped cell (a header) breaks between words, never inside one: its longest word sets a minimum above the cap.
  const minimum: number[] = [];
  for (const r of rijen) {
    r.cellen.forEach((c, i) => {
      if (!c) return;
      const n = tekenBreedte(c);
      nodig[i] = Math.max(nodig[i] ?? 0, n);
      if (c.alignment?.wrapText) minimum[i] = Math.max(minimum[i] ?? 0, n + 1);
    });
  }
  for (let i = 0; i < nodig.length; i++) {
    if (!nodig[i]) continue;
    const k = b.getColumn(i + 1);
    k.pasAan(Math.max(minimum[i] ?? 0, Math.min(k.width ?? MAX_BREEDTE, Math.max(6, nodig[i]! + 2))));
  }
  for (const r of rijen) {
    if (r.height !== undefined) continue;
    let regels = 1;
    r.cellen.forEach((c, i) => {
      if (!c?.alignment?.wrapText || typeof c.value !== 'string') return;
      const w = Math.max(1, (b.getColumn(i + 1).width ?? 9) - 1);
      // Greedy word wrap, as the spreadsheet does it.
      let n = 1;
      let regel = 0;
      for (const woord of c.value.split(/\s+/)) {
        if (regel && regel + 1 + woord.length > w) {
          n++;
          regel = woord.length;
        } else regel += (regel ? 1 : 0) + woord.length;
      }
      regels = Math.max(regels, n);
    });
    if (regels > 1) r.height = 15 * regels;
  }
}

/** Text for a header or footer: `&` is a code there and is written `&&`. */
const kopVoet = (s: string) => s.replace(/&/g, '&&');

/** The sheet after its last row: filter, print settings, header and footer. */
function bladEinde(b: Blad, koptekst?: string): string {
  const delen: string[] = ['</sheetData>'];
  const ps = b.pageSetup;
  const breedte = b.kolomLijst.reduce((som, k) => som + (k.width ?? 9.140625), 0);
  const orientatie = ps.orientation ?? (breedte > STAAND_MAX ? 'landscape' : 'portrait');
  if (b.autoFilter) {
    const { from, to } = b.autoFilter;
    delen.push(`<autoFilter ref="${kolomLetter(from.column)}${from.row}:${kolomLetter(to.column)}${to.row}"/>`);
  }
  delen.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  delen.push(`<pageSetup paperSize="${ps.paperSize}" fitToWidth="${ps.fitToWidth}" fitToHeight="${ps.fitToHeight}" orientation="${orientatie}"/>`);
  const hf = {
    oddHeader: b.headerFooter.oddHeader ?? (koptekst ? `&L${kopVoet(koptekst)}&R${kopVoet(b.name)}` : undefined),
    oddFooter: b.headerFooter.oddFooter ?? (koptekst ? '&RPagina &P van &N' : undefined),
  };
  if (hf.oddHeader || hf.oddFooter) {
    delen.push(`<headerFooter>${hf.oddHeader ? `<oddHeader>${xml(hf.oddHeader)}</oddHeader>` : ''}${hf.oddFooter ? `<oddFooter>${xml(hf.oddFooter)}</oddFooter>` : ''}</headerFooter>`);
  }
  delen.push('</worksheet>');
  return delen.join('');
}

const VASTE_DATUM = '2000-01-01T00:00:00Z';

export class Werkboek {
  readonly worksheets: Blad[] = [];
  title = '';
  /** Printed at the top left of every page (the municipality and the document), the sheet's name at the right. */
  koptekst?: string;
  readonly stijlen = new Stijlen();
  readonly teksten = new Teksten();
  addWorksheet(naam: string, opties: BladOpties = {}): Blad {
    if (!naam || naam.length > 31 || /[\\/?*[\]:]/.test(naam)) throw new Error(`ongeldige bladnaam "${naam}"`);
    if (this.worksheets.some((b) => b.name.toLowerCase() === naam.toLowerCase())) throw new Error(`blad "${naam}" bestaat al`);
    const b = new Blad(naam, this.worksheets.length + 1, opties, this);
    this.worksheets.push(b);
    return b;
  }

  /** The .xlsx file: every part deflated, fixed dates, so that the same workbook gives the same bytes. */
  async bytes(): Promise<Uint8Array> {
    const { stijlen, teksten } = this;
    const delen: [string, string | Uint8Array | Ingepakt][] = [];
    const bladen: [string, Ingepakt][] = [];
    for (const b of this.worksheets) bladen.push([`xl/worksheets/sheet${b.id}.xml`, b.inpakken()]);
    const filters = this.worksheets
      .filter((b) => b.autoFilter)
      .map((b) => {
        const { from, to } = b.autoFilter!;
        const naam = `'${b.name.replace(/'/g, "''")}'`;
        return `<definedName name="_xlnm._FilterDatabase" localSheetId="${b.id - 1}" hidden="1">${xml(`${naam}!$${kolomLetter(from.column)}$${from.row}:$${kolomLetter(to.column)}$${to.row}`)}</definedName>`;
      });
    // A frozen header prints again at the top of every page.
    const titels = this.worksheets
      .filter((b) => b.opties.views?.[0]?.ySplit)
      .map((b) => `<definedName name="_xlnm.Print_Titles" localSheetId="${b.id - 1}">${xml(`'${b.name.replace(/'/g, "''")}'!$1:$${b.opties.views![0]!.ySplit}`)}</definedName>`);
    const namen = [...filters, ...titels];
    delen.push([
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        this.worksheets.map((b) => `<Override PartName="/xl/worksheets/sheet${b.id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ]);
    delen.push([
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
    ]);
    delen.push([
      'docProps/app.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>vth</Application></Properties>',
    ]);
    delen.push([
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${this.title ? `<dc:title>${xml(this.title)}</dc:title>` : ''}<dc:creator>vth</dc:creator><cp:lastModifiedBy>vth</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${VASTE_DATUM}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${VASTE_DATUM}</dcterms:modified></cp:coreProperties>`,
    ]);
    delen.push([
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>' +
        this.worksheets.map((b) => `<sheet name="${xml(b.name)}" sheetId="${b.id}" r:id="rId${b.id}"/>`).join('') +
        '</sheets>' +
        (namen.length ? `<definedNames>${namen.join('')}</definedNames>` : '') +
        '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>',
    ]);
    const n = this.worksheets.length;
    delen.push([
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        this.worksheets.map((b) => `<Relationship Id="rId${b.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${b.id}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ]);
    delen.push(...bladen);
    delen.push(['xl/styles.xml', stijlen.xml()]);
    delen.push(['xl/sharedStrings.xml', teksten.xml()]);
    return zip(delen);
  }
}

