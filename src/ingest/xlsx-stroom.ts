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
import { createInflateRaw } from 'node:zlib';
import { OnleesbaarFout } from './fout.js';
import { mbTekst } from './grenzen.js';
import { dataBegin, dubbeleNaam, dubbeleNaamReden, geenZipReden, isCompoundFile, leesCentraleMap, methodeFout, zoekEinde, type ZipDeel } from './zip.js';
import { bladLezer, celWaarde, gedeeldeTekstenLezer, leesRelaties, leesStijlen, leesWerkboekDeel } from './xlsx-xml.js';
import { XmlDecoder, XmlFout, XmlLezer, type XmlHandlers } from './xml.js';

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
    const kop = Buffer.alloc(Math.min(size, 8));
    await fh.read(kop, 0, kop.length, 0);
    if (isCompoundFile(kop)) {
      // Encrypted or an old .xls: the compound file's directory tells (read whole up to 256 MB).
      const heel = size <= 256 * MiB ? await fh.readFile() : kop;
      throw fout(geenZipReden(heel, size <= 256 * MiB).replace(/^is /, 'het bestand is '));
    }
    if (!einde) throw fout('geen zip-inhoudsopgave (beschadigd of afgebroken bestand)');
    if (einde.cdStart === 0xffffffff || einde.cdStart + einde.cdGrootte > size) throw fout('de zip-inhoudsopgave klopt niet (beschadigd bestand, of groter dan 4 GB)');
    if (einde.cdGrootte > 64 * MiB) throw fout(`de zip-inhoudsopgave is ${mbTekst(einde.cdGrootte)}; een werkmap heeft er een van enkele KB`);
    const cd = Buffer.alloc(einde.cdGrootte);
    await fh.read(cd, 0, cd.length, einde.cdStart);
    const inhoud = leesCentraleMap(cd, einde.aantal);
    if (!inhoud) throw fout('de zip-inhoudsopgave is beschadigd');
    const dubbel = dubbeleNaam(inhoud.namen);
    if (dubbel) throw fout(dubbeleNaamReden(dubbel));
    // By lower-case name: OPC compares part names without case.
    return new Map(inhoud.delen.map((d) => [d.naam.replace(/^\/+/, '').toLowerCase(), d]));
  } finally {
    await fh.close();
  }
}

/**
 * Streams one zip part's inflated bytes to `perStuk`, counting what is really inflated. The local
 * header is read for where the data starts; the sizes come from the central directory.
 */
async function stroomDeel(
  pad: string,
  deel: ZipDeel,
  g: XlsxGrenzen,
  fout: (s: string) => OnleesbaarFout,
  perStuk: (b: Buffer) => void,
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
      perStuk(stuk);
      voortgang?.(gelezen);
    }
  } catch (e) {
    bron.destroy();
    if (e instanceof OnleesbaarFout) throw e;
    if (e instanceof XmlFout) throw fout(`onderdeel ${deel.naam}: ${e.message}`);
    throw fout(`onderdeel ${deel.naam} kan niet worden uitgepakt: ${(e as Error).message}`);
  }
}

/** Parses a streamed part: its bytes decoded by BOM and declaration, every element to `h`. */
function xmlStroom(h: XmlHandlers, maxTekens: number): { voeg: (b: Buffer) => void; eind: () => void } {
  const decoder = new XmlDecoder();
  const lezer = new XmlLezer(h, { maxTekens });
  return {
    voeg: (b) => lezer.schrijf(decoder.write(b)),
    eind() {
      lezer.schrijf(decoder.end());
      lezer.sluit();
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
  /** A small part whole (bounded by the element bound), read by `lees`; an XML error names the part. */
  const heel = async <T>(naam: string, lees: (b: Buffer) => T): Promise<T | undefined> => {
    const d = delen.get(naam.toLowerCase());
    if (!d) return undefined;
    const stukken: Buffer[] = [];
    await stroomDeel(pad, d, { ...g, maxDeelBytes: Math.min(g.maxDeelBytes, g.maxElementTekens) }, fout, (b) => stukken.push(b));
    try {
      return lees(Buffer.concat(stukken));
    } catch (e) {
      if (e instanceof XmlFout) throw fout(`onderdeel ${naam}: ${e.message}`);
      throw e;
    }
  };
  /** A large part streamed through `h`. */
  const stroom = async (naam: string, h: XmlHandlers, voortgang?: (gelezen: number) => void) => {
    const x = xmlStroom(h, g.maxElementTekens);
    const deel = delen.get(naam.toLowerCase())!;
    await stroomDeel(pad, deel, g, fout, x.voeg, voortgang);
    try {
      x.eind();
    } catch (e) {
      if (e instanceof XmlFout) throw fout(`onderdeel ${naam}: ${e.message}`);
      throw e;
    }
  };

  // Without a workbook part (some generators), the first worksheet by name is the export.
  const workbook = (await heel('xl/workbook.xml', (b) => leesWerkboekDeel(b))) ?? { bladen: [], datum1904: false };
  const eersteBlad = workbook.bladen[0]?.id;
  const rels = (await heel('xl/_rels/workbook.xml.rels', (b) => leesRelaties(b, 'xl/workbook.xml'))) ?? new Map<string, string>();
  const doel = eersteBlad === undefined ? undefined : rels.get(eersteBlad);
  const bladNaam = doel?.toLowerCase() ?? [...delen.keys()].filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k)).sort()[0];
  if (!bladNaam || !delen.has(bladNaam)) throw fout('er is geen werkblad');
  const { datum1904 } = workbook;
  const stijlen = ((await heel('xl/styles.xml', (b) => leesStijlen(b))) ?? []).map((s) => s.datum);

  // Shared strings: one flat string and where each one starts.
  let gedeeld = '';
  let begin: Uint32Array = new Uint32Array(0);
  const ssNaam = [...delen.keys()].find((k) => /^xl\/sharedstrings\.xml$/i.test(k));
  if (ssNaam) {
    const teksten: string[] = [];
    const starts: number[] = [0];
    let tekens = 0;
    await stroom(
      ssNaam,
      gedeeldeTekstenLezer((t) => {
        if (t.length > g.maxElementTekens) throw fout(`een <si>-element is langer dan ${mbTekst(g.maxElementTekens)} tekens (grens)`);
        tekens += t.length;
        if (tekens > g.maxTekstTekens) throw fout(`de gedeelde teksten zijn samen langer dan ${mbTekst(g.maxTekstTekens)} tekens (grens)`);
        teksten.push(t);
        starts.push(tekens);
      }),
    );
    gedeeld = teksten.join('');
    begin = Uint32Array.from(starts);
  }
  const gedeeldeTekst = (i: number): string | { error: string } => (i >= 0 && i + 1 < begin.length ? gedeeld.slice(begin[i], begin[i + 1]) : { error: '#REF!' });

  const blad = delen.get(bladNaam)!;
  const lezer = bladLezer(
    (nr, cellen) => {
      const waarden: unknown[] = [];
      for (const c of cellen) {
        let w = celWaarde(c, gedeeldeTekst, stijlen[c.s] === true, datum1904);
        if (w === undefined && c.t !== 'inlineStr' && c.f && (c.f.tekst !== '' || c.f.si === undefined)) w = { formula: c.f.tekst };
        // An empty string is an empty cell, as exceljs gave it.
        if (w !== undefined && w !== '') waarden[c.kol] = w;
      }
      perRij(waarden, nr);
    },
    { maxRijTekens: g.maxElementTekens },
  );
  const totaal = opties.grootte ?? blad.lokaleKop + blad.gecomprimeerd;
  await stroom(bladNaam, lezer, (gelezen) => opties.voortgang?.(Math.min(totaal, blad.lokaleKop + gelezen), totaal));
}
