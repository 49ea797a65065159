// Writing a zip package (.xlsx, .docx): deflated parts with a fixed date, so that the same content
// gives the same bytes.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface Ingepakt {
  ingepakt: Buffer;
  crc: number;
  grootte: number;
  /** The zip's compression method: 8 deflated (without it), 0 stored as is. */
  methode?: 0 | 8;
}

/** Pictures in a format that is compressed already (a chart's PNG, a logo): stored, see `zip`. */
const GECOMPRIMEERD = /\.(png|jpe?g|gif)$/i;

/** A part deflated; large parts at the fastest level (a 60 MB sheet: 1 s instead of 3, some 20% larger). */
export function pak(inhoud: string | Uint8Array): Ingepakt {
  const data = typeof inhoud === 'string' ? Buffer.from(inhoud, 'utf8') : Buffer.isBuffer(inhoud) ? inhoud : Buffer.from(inhoud);
  return { ingepakt: deflateRawSync(data, { level: data.length > 1 << 20 ? 1 : 6 }), crc: crc32(data), grootte: data.length };
}

/**
 * A part given as many strings, deflated as it goes: each block of about a megabyte is a deflate segment
 * ending in a sync flush, so that the segments one after another are one valid stream (RFC 1951), with
 * the CRC carried along. The part is never one string or one buffer. With `laatste: false` the stream
 * is left open (it ends in a sync flush, not a final block), to be followed by more with `aaneen`.
 */
export function pakDelen(delen: Iterable<string>, laatste = true): Ingepakt {
  const p = new Pakker();
  for (const d of delen) p.schrijf(d);
  return p.einde(laatste);
}

/**
 * As `pakDelen`, stepping aside for the event loop every few milliseconds as long as `nodig()` says so:
 * work that finished on libuv's threads meanwhile (a chart drawn for the same document) gets its next
 * step started, instead of waiting until the whole part is made. Once that work is done it stops
 * pausing: at 100.000 lines the pauses cost some 7% of a Word document when they went on to its end.
 * The bytes are those of `pakDelen`.
 */
export async function pakDelenMetPauzes(delen: Iterable<string>, laatste: boolean, nodig: () => boolean, ms = 3): Promise<Ingepakt> {
  const p = new Pakker();
  let n = 0;
  let pauzeer = nodig();
  let tot = performance.now() + ms;
  for (const d of delen) {
    p.schrijf(d);
    if (pauzeer && (++n & 15) === 0 && performance.now() > tot) {
      await new Promise<void>((verder) => setImmediate(verder));
      pauzeer = nodig();
      tot = performance.now() + ms;
    }
  }
  return p.einde(laatste);
}

/** The deflating of `pakDelen`: strings in, deflate segments out. */
class Pakker {
  private readonly uit: Buffer[] = [];
  private crc = 0;
  private grootte = 0;
  // Each string is encoded straight into one reused block: no joined string, no buffer per string.
  private static readonly BLOK = 1 << 20;
  private readonly blok = Buffer.allocUnsafe(Pakker.BLOK);
  private plek = 0;

  private deflate(buf: Buffer, einde: boolean): void {
    this.crc = crc32(buf, this.crc);
    this.grootte += buf.length;
    // The first megabyte as `pak` does a small part; the rest of a large one at the fastest level
    // (as `pak` does a large part: some 20% larger, a third of the time).
    this.uit.push(deflateRawSync(buf, { level: this.grootte > Pakker.BLOK ? 1 : 6, finishFlush: einde ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
  }

  schrijf(d: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair 4 for two).
    if (this.plek + d.length * 3 > Pakker.BLOK) {
      if (this.plek) this.deflate(this.blok.subarray(0, this.plek), false);
      this.plek = 0;
      if (d.length * 3 > Pakker.BLOK) {
        this.deflate(Buffer.from(d, 'utf8'), false);
        return;
      }
    }
    this.plek += this.blok.write(d, this.plek, 'utf8');
  }

  einde(laatste: boolean): Ingepakt {
    this.deflate(this.blok.subarray(0, this.plek), laatste);
    return { ingepakt: Buffer.concat(this.uit), crc: this.crc, grootte: this.grootte };
  }
}

/**
 * Deflated pieces of one part, made in another order than they stand (a document's body before the
 * table of contents that precedes it), put one after another: every piece but the last must be left
 * open (`pakDelen(…, false)`). The CRC of the whole follows from the pieces' own (zlib's crc32_combine).
 */
export function aaneen(stukken: Ingepakt[]): Ingepakt {
  let crc = 0;
  let grootte = 0;
  for (const s of stukken) {
    crc = crc32Aaneen(crc, s.crc, s.grootte);
    grootte += s.grootte;
  }
  return { ingepakt: Buffer.concat(stukken.map((s) => s.ingepakt)), crc, grootte };
}

/** The CRC-32 of a + b from crc(a), crc(b) and b's length: zlib's crc32_combine, over GF(2). */
export function crc32Aaneen(crc1: number, crc2: number, lengte2: number): number {
  if (lengte2 <= 0) return crc1 >>> 0;
  const maal = (mat: Uint32Array, vec: number) => {
    let som = 0;
    for (let i = 0, v = vec >>> 0; v; v >>>= 1, i++) if (v & 1) som ^= mat[i]!;
    return som >>> 0;
  };
  const kwadraat = (uit: Uint32Array, mat: Uint32Array) => {
    for (let n = 0; n < 32; n++) uit[n] = maal(mat, mat[n]!);
  };
  const even = new Uint32Array(32);
  const oneven = new Uint32Array(32);
  // The operator for one zero bit; then two, then four.
  oneven[0] = 0xedb88320;
  for (let n = 1, rij = 1; n < 32; n++, rij = (rij << 1) >>> 0) oneven[n] = rij;
  kwadraat(even, oneven);
  kwadraat(oneven, even);
  // Apply len2 zero bytes to crc1, a power of two at a time.
  let n = lengte2;
  let c = crc1 >>> 0;
  do {
    kwadraat(even, oneven);
    if (n % 2) c = maal(even, c);
    n = Math.floor(n / 2);
    if (n === 0) break;
    kwadraat(oneven, even);
    if (n % 2) c = maal(oneven, c);
    n = Math.floor(n / 2);
  } while (n !== 0);
  return (c ^ crc2) >>> 0;
}

/** A zip of deflated entries with a fixed date (1 January 2000), as a spreadsheet program reads it. */
export function zip(delen: [string, string | Uint8Array | Ingepakt][]): Uint8Array {
  const stukken: Buffer[] = [];
  const centraal: Buffer[] = [];
  let plek = 0;
  const DOS_TIJD = 0;
  const DOS_DATUM = ((2000 - 1980) << 9) | (1 << 5) | 1;
  for (const [naam, inhoud] of delen) {
    // A compressed picture is stored as it is: deflating it again costs time (some 3 ms for the two
    // charts of a UVP) and makes it no smaller.
    const { ingepakt, crc, grootte, methode = 8 } =
      inhoud instanceof Uint8Array && GECOMPRIMEERD.test(naam)
        ? { ingepakt: Buffer.from(inhoud.buffer, inhoud.byteOffset, inhoud.byteLength), crc: crc32(inhoud), grootte: inhoud.length, methode: 0 as const }
        : typeof inhoud === 'string' || inhoud instanceof Uint8Array
          ? pak(inhoud)
          : inhoud;
    const naamBuf = Buffer.from(naam, 'utf8');
    const kop = Buffer.alloc(30);
    kop.writeUInt32LE(0x04034b50, 0);
    kop.writeUInt16LE(20, 4);
    kop.writeUInt16LE(0x0800, 6);
    kop.writeUInt16LE(methode, 8);
    kop.writeUInt16LE(DOS_TIJD, 10);
    kop.writeUInt16LE(DOS_DATUM, 12);
    kop.writeUInt32LE(crc, 14);
    kop.writeUInt32LE(ingepakt.length, 18);
    kop.writeUInt32LE(grootte, 22);
    kop.writeUInt16LE(naamBuf.length, 26);
    kop.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(methode, 10);
    c.writeUInt16LE(DOS_TIJD, 12);
    c.writeUInt16LE(DOS_DATUM, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(ingepakt.length, 20);
    c.writeUInt32LE(grootte, 24);
    c.writeUInt16LE(naamBuf.length, 28);
    c.writeUInt32LE(plek, 42);
    centraal.push(c, naamBuf);
    stukken.push(kop, naamBuf, ingepakt);
    plek += kop.length + naamBuf.length + ingepakt.length;
  }
  const cd = Buffer.concat(centraal);
  const eind = Buffer.alloc(22);
  eind.writeUInt32LE(0x06054b50, 0);
  eind.writeUInt16LE(delen.length, 8);
  eind.writeUInt16LE(delen.length, 10);
  eind.writeUInt32LE(cd.length, 12);
  eind.writeUInt32LE(plek, 16);
  return new Uint8Array(Buffer.concat([...stukken, cd, eind]));
}
