import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { decodeer1252, papaparse, snuffelScheidingsteken } from './csv.js';
import { OnleesbaarFout } from './fout.js';
import { isCompoundFile } from './zip.js';

/** Called for every raw row of a large export: CSV gives strings, .xlsx exceljs cell values. */
export type PerRij = (waarden: unknown[], rij: number) => void;

export interface StroomOpties {
  /** Called now and then with bytes read so far and the file size. */
  voortgang?: (gelezen: number, totaal: number) => void;
  /** Told the CSV's sniffed separator before the first row (a `;` file comes from a decimal-comma locale). */
  scheidingsteken?: (s: string) => void;
  /**
   * A consumer that splits plain lines itself: a CSV line of text without quotes comes here as the
   * block's text and the line's bounds (its line end left out), instead of as an array of cells
   * through `perRij`. A reader that needs eight columns of a row need not build strings for all of
   * them. Lines of text with quotes, and every `.xlsx` row, still go to `perRij`.
   */
  perRegel?: PerRegel;
}

/** A plain CSV line: `tekst.slice(begin, eind)` split by the separator is the row `perRij` would get. */
export type PerRegel = (tekst: string, begin: number, eind: number, rij: number) => void;

/** Whether every CR in the text is the first half of a CRLF: then lines can be cut at LF and a CR before it dropped. */
function alleenCrlf(tekst: string): boolean {
  for (let i = tekst.indexOf('\r'); i >= 0; i = tekst.indexOf('\r', i + 2)) if (tekst.charCodeAt(i + 1) !== 10) return false;
  return true;
}

async function eersteBytes(pad: string, n: number): Promise<Buffer> {
  const delen: Buffer[] = [];
  for await (const stuk of createReadStream(pad, { start: 0, end: n - 1 })) delen.push(stuk as Buffer);
  return Buffer.concat(delen);
}

/**
 * Decodes bytes to text chunk by chunk; a character split over two chunks is kept whole. UTF-8 that
 * is plain ASCII (most exports, block by block) is taken as it is: twice as fast as decoding it.
 */
function decodeerStroom(codering: 'utf-8' | 'utf-16be' | 'windows-1252'): Transform {
  const decoder = codering === 'windows-1252' ? undefined : new TextDecoder(codering);
  return new Transform({
    readableObjectMode: true,
    transform(stuk: Buffer, _enc, klaar) {
      if (codering === 'utf-8' && isAscii(stuk)) klaar(null, stuk.toString('latin1'));
      else klaar(null, decoder ? decoder.decode(stuk, { stream: true }) : decodeer1252(stuk));
    },
    flush(klaar) {
      const rest = decoder?.decode() ?? '';
      if (rest) this.push(rest);
      klaar();
    },
  });
}

/**
 * A CSV export read block by block (1 MB): each block cut at its last record end, plain text split
 * directly, text with quotes parsed by papaparse (the project's one CSV layer). Encoding and
 * delimiter are judged on the first 64 KB, as for small files.
 */
async function csvRijen(pad: string, perRij: PerRij, opties: StroomOpties): Promise<void> {
  const kop = await eersteBytes(pad, 64 * 1024);
  const { size } = await stat(pad);
  let bron: NodeJS.ReadableStream;
  let voorbeeld: string;
  const hwm = 1024 * 1024;
  if (kop[0] === 0xef && kop[1] === 0xbb && kop[2] === 0xbf) {
    bron = createReadStream(pad, { start: 3, highWaterMark: hwm }).pipe(decodeerStroom('utf-8'));
    voorbeeld = kop.subarray(3).toString('utf8');
  } else if (kop[0] === 0xff && kop[1] === 0xfe) {
    bron = createReadStream(pad, { start: 2, encoding: 'utf16le', highWaterMark: hwm });
    voorbeeld = kop.subarray(2).toString('utf16le');
  } else if (kop[0] === 0xfe && kop[1] === 0xff) {
    bron = createReadStream(pad, { start: 2, highWaterMark: hwm }).pipe(decodeerStroom('utf-16be'));
    voorbeeld = new TextDecoder('utf-16be').decode(kop.subarray(2));
  } else {
    let utf8 = true;
    try {
      // Cut back to a line end so that no character is split at the 64 KB edge.
      const tot = kop.length === 64 * 1024 ? kop.lastIndexOf(0x0a) : kop.length;
      new TextDecoder('utf-8', { fatal: true }).decode(kop.subarray(0, tot > 0 ? tot : kop.length));
    } catch {
      utf8 = false;
    }
    bron = createReadStream(pad, { highWaterMark: hwm }).pipe(decodeerStroom(utf8 ? 'utf-8' : 'windows-1252'));
    voorbeeld = utf8 ? kop.toString('utf8') : decodeer1252(kop);
  }
  const delimiter = snuffelScheidingsteken(voorbeeld);
  opties.scheidingsteken?.(delimiter);
  let rest = '';
  let rij = 0;
  let gelezen = 0;
  let gemeld = 0;
  const perRegel = opties.perRegel;
  // Lines of text[begin, eind): text without quotes, whose line ends are LF or CRLF.
  const regels = (tekst: string, begin: number, eind: number) => {
    for (;;) {
      let lf = tekst.indexOf('\n', begin);
      if (lf < 0 || lf > eind) lf = eind;
      perRegel!(tekst, begin, lf > begin && tekst.charCodeAt(lf - 1) === 13 ? lf - 1 : lf, ++rij);
      if (lf === eind) return;
      begin = lf + 1;
    }
  };
  /** The rows of tekst[0, eind). */
  const verwerk = (tekst: string, eind: number) => {
    if (perRegel && (eind === 0 || tekst.lastIndexOf('"', eind - 1) < 0)) {
      // Plain lines to the consumer, cut in place: no copy of the block, no array of lines.
      regels(tekst, 0, eind);
      return;
    }
    if (eind < tekst.length) tekst = tekst.slice(0, eind);
    if (tekst.indexOf('"') < 0) {
      // No quote: what papaparse itself does then ("fast mode"), without its per-row machinery.
      for (const r of tekst.split('\n')) perRij(r.split(delimiter), ++rij);
    } else {
      for (const r of papaparse().parse<string[]>(tekst, { delimiter, newline: '\n', skipEmptyLines: false, header: false }).data) perRij(r, ++rij);
    }
  };
  // Where the scan of `rest` stopped and whether it stopped inside a quoted cell: each character is
  // looked at once, also when a stray quote keeps a long stretch open.
  let binnen = false;
  // The last character was a quote that closed a quoted cell: a quote right after it is "" (text).
  let gesloten = false;
  let houdCr = false;
  for await (let stuk of bron as AsyncIterable<string>) {
    gelezen += Buffer.byteLength(stuk);
    // Line ends as one, as for a werkmap CSV; a \r at the very end waits for a \n that may follow.
    if (houdCr) stuk = '\r' + stuk;
    houdCr = stuk.endsWith('\r');
    if (houdCr) stuk = stuk.slice(0, -1);
    // Plain lines for `perRegel` keep their CRLF (`regels` drops the CR): replacing every CR of a
    // Windows export cost a tenth of reading it. `rest` never holds a CR: it follows the last LF.
    const kaal = !binnen && stuk.indexOf('"') < 0 && rest.indexOf('"') < 0;
    if (stuk.includes('\r') && !(perRegel && kaal && alleenCrlf(stuk))) stuk = stuk.replace(/\r\n?/g, '\n');
    if (perRegel && kaal) {
      // The lines within the block are read in the block itself: `rest + stuk` would be a rope
      // string, read a character at a time more slowly. Only the line that straddles the edge is
      // put together.
      const lf = stuk.indexOf('\n');
      if (lf < 0) rest += stuk;
      else {
        // The line across the edge goes split: the reader's own loops then see only the block's strings.
        const eerste = rest + stuk.slice(0, lf > 0 && stuk.charCodeAt(lf - 1) === 13 ? lf - 1 : lf);
        perRij(eerste.split(delimiter), ++rij);
        const laatste = stuk.lastIndexOf('\n');
        if (laatste > lf) regels(stuk, lf + 1, laatste);
        rest = stuk.slice(laatste + 1);
      }
      gesloten = false;
    } else {
      const tekst = rest + stuk;
      let grens = -1;
      if (!binnen && stuk.indexOf('"') < 0) {
        grens = tekst.lastIndexOf('\n');
        gesloten = false;
      } else {
        const scheiding = delimiter.charCodeAt(0);
        for (let i = rest.length; i < tekst.length; i++) {
          const c = tekst.charCodeAt(i);
          if (c !== 34) {
            gesloten = false;
            if (c === 10 && !binnen) grens = i;
          } else if (binnen) {
            // Closes the cell, or is the first half of "".
            binnen = false;
            gesloten = true;
          } else {
            // The second half of "" goes back in; otherwise a quote opens a cell only at the cell's
            // start (elsewhere it is text, as papaparse reads it).
            const vorige = i === 0 ? 10 : tekst.charCodeAt(i - 1);
            if (gesloten || vorige === 10 || vorige === scheiding) binnen = true;
            gesloten = false;
          }
        }
      }
      if (grens >= 0) verwerk(tekst, grens);
      rest = tekst.slice(grens + 1);
    }
    if (opties.voortgang && gelezen - gemeld > 4 * 1024 * 1024) {
      gemeld = gelezen;
      opties.voortgang(Math.min(gelezen, size), size);
    }
  }
  // A final line break gives no row of its own.
  if (rest.endsWith('\n')) rest = rest.slice(0, -1);
  if (rest !== '') verwerk(rest, rest.length);
  opties.voortgang?.(size, size);
}

async function xlsxRijen(pad: string, perRij: PerRij, opties: StroomOpties): Promise<void> {
  const { size } = await stat(pad);
  const kop = await eersteBytes(pad, 8);
  // A compound file (encrypted, or an old .xls) goes on: the .xlsx reader says which.
  if ((kop[0] !== 0x50 || kop[1] !== 0x4b) && !isCompoundFile(kop)) throw new OnleesbaarFout(`${path.basename(pad)} is geen Excel-werkmap (.xlsx)`, { bestand: path.basename(pad) });
  // Loaded only for a workbook: a CSV export does not need the XML parser.
  const { xlsxStroomRijen } = await import('./xlsx-stroom.js');
  await xlsxStroomRijen(pad, perRij, { voortgang: opties.voortgang, grootte: size });
  opties.voortgang?.(size, size);
}

/** Streams the rows of a large .csv or .xlsx export to `perRij` without holding the file in memory. */
export async function stroomRijen(pad: string, perRij: PerRij, opties: StroomOpties = {}): Promise<void> {
  const ext = path.extname(pad).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return xlsxRijen(pad, perRij, opties);
  if (ext === '.csv' || ext === '.txt') return csvRijen(pad, perRij, opties);
  throw new OnleesbaarFout(`${path.basename(pad)}: onbekend bestandstype "${ext}"; gebruik .csv of .xlsx`, { bestand: path.basename(pad) });
}
