/**
 * Reads a zip's central directory (no decompression) to refuse workbooks whose parts claim absurd
 * sizes before exceljs inflates them into memory: a few hundred KB can unpack to gigabytes.
 */
export interface ZipInhoud {
  namen: string[];
  /** Sum of the uncompressed sizes the entries claim. */
  totaal: number;
  grootste: { naam: string; grootte: number };
}

export function leesZipInhoud(buf: Uint8Array): ZipInhoud | null {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KB + 22 bytes.
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const aantal = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const namen: string[] = [];
  let totaal = 0;
  let grootste = { naam: '', grootte: 0 };
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const grootte = dv.getUint32(p + 24, true);
    const naamLengte = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const commentaar = dv.getUint16(p + 32, true);
    const naam = new TextDecoder().decode(buf.subarray(p + 46, p + 46 + naamLengte));
    // 0xFFFFFFFF means "see the zip64 extra field": a part of 4 GB or more, absurd for a werkmap.
    const echt = grootte === 0xffffffff ? Number.MAX_SAFE_INTEGER : grootte;
    namen.push(naam);
    totaal += echt;
    if (echt > grootste.grootte) grootste = { naam, grootte: echt };
    p += 46 + naamLengte + extra + commentaar;
  }
  return { namen, totaal, grootste };
}
