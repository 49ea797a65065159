/**
 * A streaming reader for the first worksheet of a large .xlsx (a case export): zip entries are
 * inflated as streams, rows are cut from the XML text as they arrive, and shared strings are kept as
 * one flat string with offsets. Memory stays flat in the number of rows, and every size is bounded
 * by what is really inflated, not by what the zip directory claims (a bomb is refused within seconds).
 * Values come out as exceljs gave them: numbers, strings, booleans, Dates for date-formatted cells,
 * `{ error }` and `{ formula }` objects.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { OnleesbaarFout } from './fout.js';

/** Bounds on what one export may unpack to; a real export stays far below each. */
export interface XlsxGrenzen {
  /** Inflated bytes of one part (the sheet, the shared strings). */
  maxDeelBytes: number;
  /** Inflated bytes per compressed byte, once past the first MiB: XML compresses 5–30×, a bomb 1000×. */
  maxVerhouding: number;
  /** Characters of all shared strings together. */
  maxTekstTekens: number;
  /** Characters of one XML element that must be held whole (a row, a shared string). */
  maxElementTekens: number;
}

export const STANDAARD_XLSX_GRENZEN: XlsxGrenzen = {
  maxDeelBytes: 4 * 1024 ** 3,
  maxVerhouding: 200,
  maxTekstTekens: 128 * 1024 ** 2,
  maxElementTekens: 16 * 1024 ** 2,
};

interface ZipDeel {
  naam: string;
  methode: number;
  gecomprimeerd: number;
  lokaleKop: number;
}

const MiB = 1024 * 1024;
const mb = (n: number) => `${Math.round(n / MiB).toLocaleString('nl-NL')} MB`;

async function leesDelen(pad: string, fout: (s: string) => OnleesbaarFout): Promise<Map<string, ZipDeel>> {
  const fh = await open(pad, 'r');
  try {
    const { size } = await fh.stat();
    const staart = Math.min(size, 65_557);
    const buf = Buffer.alloc(staart);
    await fh.read(buf, 0, staart, size - staart);
    let eocd = -1;
    for (let i = buf.length - 22; i >= 0; i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw fout('geen zip-inhoudsopgave (beschadigd of afgebroken bestand)');
    const aantal = buf.readUInt16LE(eocd + 10);
    const cdGrootte = buf.readUInt32LE(eocd + 12);
    const cdStart = buf.readUInt32LE(eocd + 16);
    if (cdStart === 0xffffffff || cdStart + cdGrootte > size) throw fout('de zip-inhoudsopgave klopt niet (beschadigd bestand, of groter dan 4 GB)');
    if (cdGrootte > 64 * MiB) throw fout(`de zip-inhoudsopgave is ${mb(cdGrootte)}; een werkmap heeft er een van enkele KB`);
    const cd = Buffer.alloc(cdGrootte);
    await fh.read(cd, 0, cdGrootte, cdStart);
    const delen = new Map<string, ZipDeel>();
    let p = 0;
    for (let n = 0; n < aantal; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw fout('de zip-inhoudsopgave is beschadigd');
      const methode = cd.readUInt16LE(p + 10);
      const gecomprimeerd = cd.readUInt32LE(p + 20);
      const naamLengte = cd.readUInt16LE(p + 28);
      const extra = cd.readUInt16LE(p + 30);
      const commentaar = cd.readUInt16LE(p + 32);
      const lokaleKop = cd.readUInt32LE(p + 42);
      const naam = cd.toString('utf8', p + 46, p + 46 + naamLengte);
      delen.set(naam.replace(/^\/+/, ''), { naam, methode, gecomprimeerd, lokaleKop });
      p += 46 + naamLengte + extra + commentaar;
    }
    return delen;
  } finally {
    await fh.close();
  }
}

/**
 * Streams one zip part as text to `perStuk`, counting what is really inflated. The local header is
 * read for where the data starts; the sizes come from the central directory.
 */
async function stroomDeel(
  pad: string,
  deel: ZipDeel,
  g: XlsxGrenzen,
  fout: (s: string) => OnleesbaarFout,
  perStuk: (tekst: string) => void,
  voortgang?: (gelezen: number) => void,
): Promise<void> {
  const fh = await open(pad, 'r');
  let start: number;
  try {
    const kop = Buffer.alloc(30);
    await fh.read(kop, 0, 30, deel.lokaleKop);
    if (kop.readUInt32LE(0) !== 0x04034b50) throw fout(`onderdeel ${deel.naam} is beschadigd`);
    start = deel.lokaleKop + 30 + kop.readUInt16LE(26) + kop.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (deel.methode !== 0 && deel.methode !== 8) throw fout(`onderdeel ${deel.naam} is gecomprimeerd op een manier die Excel niet gebruikt (methode ${deel.methode})`);
  if (deel.gecomprimeerd === 0) return;
  const bron = createReadStream(pad, { start, end: start + deel.gecomprimeerd - 1, highWaterMark: 64 * 1024 });
  const decoder = new StringDecoder('utf8');
  let uit = 0;
  let gelezen = 0;
  bron.on('data', (b) => (gelezen += (b as Buffer).length));
  const stroom = deel.methode === 8 ? bron.pipe(createInflateRaw({ chunkSize: 32 * 1024 })) : bron;
  try {
    for await (const stuk of stroom as AsyncIterable<Buffer>) {
      uit += stuk.length;
      if (uit > g.maxDeelBytes) throw fout(`onderdeel ${deel.naam} pakt uit tot meer dan ${mb(g.maxDeelBytes)} (grens)`);
      if (uit > MiB && uit > gelezen * g.maxVerhouding) {
        throw fout(`onderdeel ${deel.naam} pakt ${Math.round(uit / Math.max(1, gelezen))} keer zo groot uit als het is: een zip-bom, geen export (grens ${g.maxVerhouding}×)`);
      }
      perStuk(decoder.write(stuk));
      voortgang?.(gelezen);
    }
    perStuk(decoder.end());
  } catch (e) {
    bron.destroy();
    if (e instanceof OnleesbaarFout) throw e;
    throw fout(`onderdeel ${deel.naam} kan niet worden uitgepakt: ${(e as Error).message}`);
  }
}

/**
 * Removes a namespace prefix from element names (`<x:row>` → `<row>`), as the OpenXML SDK writes
 * them; the prefix is read from the part's root element. A tag split over two chunks is held back
 * until the next one (`eind` flushes it).
 */
function prefixWisser(): (tekst: string, eind?: boolean) => string {
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

/**
 * Cuts complete elements `<tag …>…</tag>` from streamed text and hands them on in batches. Each
 * chunk is searched once (with the few characters before it, for a closing tag split over two), and
 * what is held between chunks is bounded, so one endless element costs neither time nor memory.
 * `eind` hands on what is left (self-closing elements after the last closing tag).
 */
function snijder(tag: string, max: number, fout: (s: string) => OnleesbaarFout, perStuk: (xml: string) => void): { voeg: (tekst: string) => void; eind: () => void } {
  const sluit = `</${tag}>`;
  const wis = prefixWisser();
  let delen: string[] = [];
  let lengte = 0;
  let staart = '';
  const teLang = () => fout(`een <${tag}>-element is langer dan ${mb(max)} tekens (grens)`);
  const voeg = (ruw: string) => {
    const tekst = wis(ruw);
    if (!tekst) return;
    const i = (staart + tekst).lastIndexOf(sluit);
    if (i < 0) {
      delen.push(tekst);
      lengte += tekst.length;
      if (lengte > max) throw teLang();
      staart = (staart + tekst).slice(-(sluit.length - 1));
      return;
    }
    // The closing tag ends inside this chunk: the staart is shorter than the tag.
    const knip = i + sluit.length - staart.length;
    const compleet = delen.length ? delen.join('') + tekst.slice(0, knip) : tekst.slice(0, knip);
    const rest = tekst.slice(knip);
    delen = rest ? [rest] : [];
    lengte = rest.length;
    staart = (tekst.length >= sluit.length ? tekst : staart + tekst).slice(-(sluit.length - 1));
    if (lengte > max) throw teLang();
    perStuk(compleet);
  };
  return {
    voeg,
    eind() {
      voeg(wis('', true));
      if (delen.length) perStuk(delen.join(''));
      delen = [];
    },
  };
}

const ENTITEIT = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlTekst(s: string): string {
  if (s.includes('&')) {
    s = s.replace(ENTITEIT, (_, naam: string | undefined, dec: string | undefined, hex: string | undefined) =>
      naam ? NAMED[naam]! : String.fromCodePoint(Number.parseInt(dec ?? hex!, dec ? 10 : 16)),
    );
  }
  // OOXML escapes characters XML cannot carry as _xHHHH_.
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : s;
}

/** The text of an `<si>` or `<is>`: its `<t>` runs, without phonetic guides (`<rPh>`). */
function runTekst(xml: string): string {
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

/** Which cell styles (`s`) show dates. */
function datumStijlen(xml: string): boolean[] {
  const eigen = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) eigen.set(Number(m[1]), xmlTekst(m[2]!));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    const code = eigen.get(id);
    return code !== undefined ? isDatumFormaat(code) : DATUM_FORMATEN.has(id);
  });
}

function kolomIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const RIJ = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CEL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const attr = (s: string, naam: string) => new RegExp(`\\s${naam}="([^"]*)"`).exec(s)?.[1];

/** Streams the rows of the first worksheet (in the workbook's tab order) to `perRij`. */
export async function xlsxStroomRijen(
  pad: string,
  perRij: (waarden: unknown[], rij: number) => void,
  opties: { grenzen?: XlsxGrenzen; voortgang?: (gelezen: number, totaal: number) => void; grootte?: number } = {},
): Promise<void> {
  const g = opties.grenzen ?? STANDAARD_XLSX_GRENZEN;
  const bestand = path.basename(pad);
  const fout = (s: string) => new OnleesbaarFout(`${bestand} kan niet als Excel-werkmap worden gelezen: ${s}`, { bestand });
  const delen = await leesDelen(pad, fout);
  const heel = async (naam: string): Promise<string | undefined> => {
    const d = delen.get(naam);
    if (!d) return undefined;
    const stukken: string[] = [];
    await stroomDeel(pad, d, { ...g, maxDeelBytes: Math.min(g.maxDeelBytes, g.maxElementTekens) }, fout, (t) => stukken.push(t));
    return prefixWisser()(stukken.join(''), true);
  };

  // Without a workbook part (some generators), the first worksheet by name is the export.
  const workbook = (await heel('xl/workbook.xml')) ?? '';
  const eersteBlad = /<sheet\b[^>]*?\sr:id="([^"]+)"/.exec(workbook)?.[1] ?? /<sheet\b[^>]*?\s(?:\w+:)?id="([^"]+)"/.exec(workbook)?.[1];
  const rels = (await heel('xl/_rels/workbook.xml.rels')) ?? '';
  let doel: string | undefined;
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) if (attr(m[1]!, 'Id') === eersteBlad) doel = attr(m[1]!, 'Target');
  const bladNaam = doel ? (doel.startsWith('/') ? doel.slice(1) : path.posix.normalize(`xl/${doel}`)) : [...delen.keys()].filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k)).sort()[0];
  if (!bladNaam || !delen.has(bladNaam)) throw fout('er is geen werkblad');
  const datum1904 = /<workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbook);
  const stijlen = datumStijlen((await heel('xl/styles.xml')) ?? '');

  // Shared strings: one flat string and where each one starts.
  let gedeeld = '';
  let begin: Uint32Array = new Uint32Array(0);
  const ssNaam = [...delen.keys()].find((k) => /^xl\/sharedstrings\.xml$/i.test(k));
  if (ssNaam) {
    const teksten: string[] = [];
    const starts: number[] = [0];
    let tekens = 0;
    const ss = snijder('si', g.maxElementTekens, fout, (xml) => {
      for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
        const t = m[1] === undefined ? '' : runTekst(m[1]);
        tekens += t.length;
        if (tekens > g.maxTekstTekens) throw fout(`de gedeelde teksten zijn samen langer dan ${mb(g.maxTekstTekens)} tekens (grens)`);
        teksten.push(t);
        starts.push(tekens);
      }
    });
    await stroomDeel(pad, delen.get(ssNaam)!, g, fout, ss.voeg);
    ss.eind();
    gedeeld = teksten.join('');
    begin = Uint32Array.from(starts);
  }
  const gedeeldeTekst = (i: number): string | { error: string } => (i >= 0 && i + 1 < begin.length ? gedeeld.slice(begin[i], begin[i + 1]) : { error: '#REF!' });
  const alsDatum = (v: number) => new Date(Math.round((v - (datum1904 ? 24107 : 25569)) * 86_400_000));

  const blad = delen.get(bladNaam)!;
  let volgendeRij = 1;
  const perRijXml = (xml: string) => {
    for (const r of xml.matchAll(RIJ)) {
      const nr = Number(attr(r[1]!, 'r') ?? volgendeRij);
      volgendeRij = nr + 1;
      const waarden: unknown[] = [];
      if (r[2]) {
        let kol = 0;
        for (const c of r[2].matchAll(CEL)) {
          const a = c[1]!;
          const ref = attr(a, 'r');
          if (ref) kol = kolomIndex(ref);
          const binnen = c[2] ?? '';
          const t = attr(a, 't') ?? 'n';
          const vRuw = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(binnen)?.[1];
          let w: unknown;
          if (t === 'inlineStr') w = runTekst(/<is>([\s\S]*?)<\/is>/.exec(binnen)?.[1] ?? '');
          else if (vRuw === undefined) {
            const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(binnen)?.[1];
            w = f !== undefined ? { formula: xmlTekst(f) } : undefined;
          } else if (t === 's') w = gedeeldeTekst(Number(vRuw));
          else if (t === 'str') w = xmlTekst(vRuw);
          else if (t === 'b') w = vRuw === '1' || vRuw === 'true';
          else if (t === 'e') w = { error: xmlTekst(vRuw) };
          else if (t === 'd') w = new Date(vRuw);
          else {
            const n = Number(vRuw);
            w = stijlen[Number(attr(a, 's') ?? 0)] && Number.isFinite(n) ? alsDatum(n) : n;
          }
          // An empty string is an empty cell, as exceljs gave it.
          if (w !== undefined && w !== '') waarden[kol] = w;
          kol++;
        }
      }
      perRij(waarden, nr);
    }
  };
  const totaal = opties.grootte ?? blad.lokaleKop + blad.gecomprimeerd;
  const rijen = snijder('row', g.maxElementTekens, fout, perRijXml);
  await stroomDeel(pad, blad, g, fout, rijen.voeg, (gelezen) => opties.voortgang?.(Math.min(totaal, blad.lokaleKop + gelezen), totaal));
  rijen.eind();
}
