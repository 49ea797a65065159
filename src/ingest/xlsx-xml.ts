/**
 * The XML of an .xlsx as vth reads it without a workbook library: entities and OOXML escapes, rich
 * text runs, number formats (dates, percentages), cell references and cell values. Shared by the
 * streaming export reader and the werkmap reader.
 */

/**
 * Removes a namespace prefix from element names (`<x:row>` → `<row>`), as the OpenXML SDK writes
 * them; the prefix is read from the part's root element. A tag split over two chunks is held back
 * until the next one (`eind` flushes it).
 */
export function prefixWisser(): (tekst: string, eind?: boolean) => string {
  let re: RegExp | null | undefined;
  let rest = '';
  return (tekst, eind = false) => {
    let t = rest + tekst;
    rest = '';
    if (re === undefined) {
      const m = /<([A-Za-z_][\w.-]*):(?:worksheet|sst|workbook|styleSheet)\b/.exec(t);
      if (m) re = new RegExp(`<(/?)${m[1]}:`, 'g');
      else if (/<(?:worksheet|sst|workbook|styleSheet)\b/.test(t)) re = null;
    }
    if (!re) return t;
    const lt = t.lastIndexOf('<');
    if (!eind && lt >= 0 && t.length - lt < 64 && t.indexOf('>', lt) < 0) {
      rest = t.slice(lt);
      t = t.slice(0, lt);
    }
    return t.replace(re, '<$1');
  };
}

const ENTITEIT = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlTekst(s: string): string {
  if (s.includes('&')) {
    s = s.replace(ENTITEIT, (_, naam: string | undefined, dec: string | undefined, hex: string | undefined) =>
      naam ? NAMED[naam]! : String.fromCodePoint(Number.parseInt(dec ?? hex!, dec ? 10 : 16)),
    );
  }
  // OOXML escapes characters XML cannot carry as _xHHHH_.
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : s;
}

/** The text of an `<si>` or `<is>`: its `<t>` runs, without phonetic guides (`<rPh>`). */
export function runTekst(xml: string): string {
  if (xml.includes('<rPh')) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let uit = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) uit += m[1];
  return xmlTekst(uit);
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30). */
const DATUM_FORMATEN = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDatumFormaat(code: string): boolean {
  const kaal = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(kaal) && !/^general$/i.test(kaal.trim());
}

/** Built-in number formats with a percent sign (ECMA-376 18.8.30). */
const PROCENT_FORMATEN: Record<number, string> = { 9: '0%', 10: '0.00%' };

/** Per cell style (`s`): whether it shows a date, and its number format (for the percent sign). */
export function stijlInfo(xml: string): { datum: boolean; numFmt: string }[] {
  const eigen = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) eigen.set(Number(m[1]), xmlTekst(m[2]!));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    const code = eigen.get(id);
    return code !== undefined ? { datum: isDatumFormaat(code), numFmt: code } : { datum: DATUM_FORMATEN.has(id), numFmt: PROCENT_FORMATEN[id] ?? '' };
  });
}

/** Which cell styles show dates. */
export function datumStijlen(xml: string): boolean[] {
  return stijlInfo(xml).map((s) => s.datum);
}

export function kolomIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export const RIJ = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
export const CEL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
export const attr = (s: string, naam: string) => new RegExp(`\\s${naam}="([^"]*)"`).exec(s)?.[1];


/**
 * A cell's own value from its type (`t`), its `<v>` and its inside, as exceljs gave it: text, number
 * (a Date where the style shows a date), boolean, `{ error }`; undefined when it holds none (a formula
 * without a cached result: `<v></v>` as openpyxl writes it, or no `<v>` at all).
 */
export function celWaardeXml(t: string, binnen: string, gedeeld: (i: number) => unknown, datum: boolean, alsDatum: (n: number) => Date): unknown {
  if (t === 'inlineStr') return runTekst(/<is>([\s\S]*?)<\/is>/.exec(binnen)?.[1] ?? '');
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(binnen)?.[1] || undefined;
  if (v === undefined) return undefined;
  if (t === 's') return gedeeld(Number(v));
  if (t === 'str') return xmlTekst(v);
  if (t === 'b') return v === '1' || v === 'true';
  if (t === 'e') return { error: xmlTekst(v) };
  if (t === 'd') return new Date(v);
  const n = Number(v);
  return datum && Number.isFinite(n) ? alsDatum(n) : n;
}
