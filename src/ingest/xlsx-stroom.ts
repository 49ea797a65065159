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
import { mbTekst } from './grenzen.js';
import { dataBegin, leesCentraleMap, methodeFout, zoekEinde, type ZipDeel } from './zip.js';
import { attr, CEL, celWaardeXml, datumStijlen, kolomIndex, prefixWisser, RIJ, runTekst, xmlTekst } from './xlsx-xml.js';

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

const MiB = 1024 * 1024;

/** The directory of a zip on disk: only its end and its central directory are read. */
async function leesDelen(pad: string, fout: (s: string) => OnleesbaarFout): Promise<Map<string, ZipDeel>> {
  const fh = await open(pad, 'r');
  try {
    const { size } = await fh.stat();
    const staart = Buffer.alloc(Math.min(size, 65_557));
    await fh.read(staart, 0, staart.length, size - staart.length);
    const einde = zoekEinde(staart);
    if (!einde) throw fout('geen zip-inhoudsopgave (beschadigd of afgebroken bestand)');
    if (einde.cdStart === 0xffffffff || einde.cdStart + einde.cdGrootte > size) throw fout('de zip-inhoudsopgave klopt niet (beschadigd bestand, of groter dan 4 GB)');
    if (einde.cdGrootte > 64 * MiB) throw fout(`de zip-inhoudsopgave is ${mbTekst(einde.cdGrootte)}; een werkmap heeft er een van enkele KB`);
    const cd = Buffer.alloc(einde.cdGrootte);
    await fh.read(cd, 0, cd.length, einde.cdStart);
    const inhoud = leesCentraleMap(cd, einde.aantal);
    if (!inhoud) throw fout('de zip-inhoudsopgave is beschadigd');
    return new Map(inhoud.delen.map((d) => [d.naam.replace(/^\/+/, ''), d]));
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
  let start: number | null;
  try {
    const kop = Buffer.alloc(30);
    await fh.read(kop, 0, 30, deel.lokaleKop);
    start = dataBegin(kop, deel);
  } finally {
    await fh.close();
  }
  if (start === null) throw fout(`onderdeel ${deel.naam} is beschadigd`);
  const methode = methodeFout(deel);
  if (methode) throw fout(methode);
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
      if (uit > g.maxDeelBytes) throw fout(`onderdeel ${deel.naam} pakt uit tot meer dan ${mbTekst(g.maxDeelBytes)} (grens)`);
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
  const teLang = () => fout(`een <${tag}>-element is langer dan ${mbTekst(max)} tekens (grens)`);
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
        if (tekens > g.maxTekstTekens) throw fout(`de gedeelde teksten zijn samen langer dan ${mbTekst(g.maxTekstTekens)} tekens (grens)`);
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
          let w = celWaardeXml(t, binnen, gedeeldeTekst, stijlen[Number(attr(a, 's') ?? 0)] === true, alsDatum);
          if (w === undefined && t !== 'inlineStr') {
            const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(binnen)?.[1];
            if (f !== undefined) w = { formula: xmlTekst(f) };
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
