import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { decodeer1252, snuffelScheidingsteken } from './csv.js';
import { OnleesbaarFout } from './fout.js';
import { xlsxStroomRijen } from './xlsx-stroom.js';

/** Called for every raw row of a large export: CSV gives strings, .xlsx exceljs cell values. */
export type PerRij = (waarden: unknown[], rij: number) => void;

export interface StroomOpties {
  /** Called now and then with bytes read so far and the file size. */
  voortgang?: (gelezen: number, totaal: number) => void;
  /** Told the CSV's sniffed separator before the first row (a `;` file comes from a decimal-comma locale). */
  scheidingsteken?: (s: string) => void;
}

async function eersteBytes(pad: string, n: number): Promise<Buffer> {
  const delen: Buffer[] = [];
  for await (const stuk of createReadStream(pad, { start: 0, end: n - 1 })) delen.push(stuk as Buffer);
  return Buffer.concat(delen);
}

/** Decodes bytes to text chunk by chunk; a character split over two chunks is kept whole. */
function decodeerStroom(codering: 'utf-16be' | 'windows-1252'): Transform {
  const decoder = codering === 'utf-16be' ? new TextDecoder('utf-16be') : undefined;
  return new Transform({
    readableObjectMode: true,
    transform(stuk: Buffer, _enc, klaar) {
      klaar(null, decoder ? decoder.decode(stuk, { stream: true }) : decodeer1252(stuk));
    },
    flush(klaar) {
      const rest = decoder?.decode() ?? '';
      if (rest) this.push(rest);
      klaar();
    },
  });
}

function telBytes(bron: NodeJS.ReadableStream, totaal: number, opties: StroomOpties): void {
  let gelezen = 0;
  let gemeld = 0;
  bron.on('data', (s: Buffer | string) => {
    gelezen += typeof s === 'string' ? Buffer.byteLength(s) : s.length;
    if (opties.voortgang && gelezen - gemeld > 4 * 1024 * 1024) {
      gemeld = gelezen;
      opties.voortgang(Math.min(gelezen, totaal), totaal);
    }
  });
}

/**
 * CSV through papaparse in chunk mode (the project's one CSV layer; docs/architecture.md has the
 * figures). Encoding and delimiter are judged on the first 64 KB, as for small files.
 */
async function csvRijen(pad: string, perRij: PerRij, opties: StroomOpties): Promise<void> {
  const kop = await eersteBytes(pad, 64 * 1024);
  const { size } = await stat(pad);
  let bron: NodeJS.ReadableStream;
  let voorbeeld: string;
  const hwm = 1024 * 1024;
  if (kop[0] === 0xef && kop[1] === 0xbb && kop[2] === 0xbf) {
    bron = createReadStream(pad, { start: 3, encoding: 'utf8', highWaterMark: hwm });
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
    bron = utf8 ? createReadStream(pad, { encoding: 'utf8', highWaterMark: hwm }) : createReadStream(pad, { highWaterMark: hwm }).pipe(decodeerStroom('windows-1252'));
    voorbeeld = utf8 ? kop.toString('utf8') : decodeer1252(kop);
  }
  telBytes(bron, size, opties);
  const delimiter = snuffelScheidingsteken(voorbeeld);
  opties.scheidingsteken?.(delimiter);
  let rij = 0;
  let fout: unknown;
  await new Promise<void>((klaar, mislukt) => {
    Papa.parse<string[]>(bron as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      chunk: (r, parser) => {
        try {
          for (const rec of r.data) perRij(rec, ++rij);
        } catch (e) {
          fout = e;
          parser.abort();
        }
      },
      complete: () => (fout ? mislukt(fout) : klaar()),
      error: (e: Error) => mislukt(new OnleesbaarFout(`${path.basename(pad)} is geen leesbaar CSV-bestand: ${e.message}`, { bestand: path.basename(pad) })),
    });
  });
  opties.voortgang?.(size, size);
}

async function xlsxRijen(pad: string, perRij: PerRij, opties: StroomOpties): Promise<void> {
  const { size } = await stat(pad);
  const kop = await eersteBytes(pad, 4);
  if (kop[0] !== 0x50 || kop[1] !== 0x4b) throw new OnleesbaarFout(`${path.basename(pad)} is geen Excel-werkmap (.xlsx)`, { bestand: path.basename(pad) });
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
