import { inflateRawSync } from 'node:zlib';

/**
 * Reads a zip's central directory (no decompression), and checks what its parts really unpack to:
 * a workbook of a few hundred KB can claim 1.000 bytes and inflate to gigabytes, or nest XML
 * elements millions deep, and the workbook library would take all memory on either.
 */
export interface ZipDeel {
  naam: string;
  /** The uncompressed size the directory claims (not to be trusted). */
  grootte: number;
  gecomprimeerd: number;
  methode: number;
  lokaleKop: number;
}

export interface ZipInhoud {
  namen: string[];
  delen: ZipDeel[];
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
  const delen: ZipDeel[] = [];
  let totaal = 0;
  let grootste = { naam: '', grootte: 0 };
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const methode = dv.getUint16(p + 10, true);
    const gecomprimeerd = dv.getUint32(p + 20, true);
    const grootte = dv.getUint32(p + 24, true);
    const naamLengte = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const commentaar = dv.getUint16(p + 32, true);
    const lokaleKop = dv.getUint32(p + 42, true);
    const naam = new TextDecoder().decode(buf.subarray(p + 46, p + 46 + naamLengte));
    // 0xFFFFFFFF means "see the zip64 extra field": a part of 4 GB or more, absurd for a werkmap.
    const echt = grootte === 0xffffffff ? Number.MAX_SAFE_INTEGER : grootte;
    namen.push(naam);
    delen.push({ naam, grootte: echt, gecomprimeerd, methode, lokaleKop });
    totaal += echt;
    if (echt > grootste.grootte) grootste = { naam, grootte: echt };
    p += 46 + naamLengte + extra + commentaar;
  }
  return { namen, delen, totaal, grootste };
}

export interface UitpakGrenzen {
  /** Bytes one part may really unpack to. */
  maxDeel: number;
  /** Bytes all parts together may really unpack to. */
  maxTotaal: number;
  /** How deep XML elements may nest (a worksheet nests about 6 deep). */
  maxDiepte: number;
}

/**
 * Why the workbook must not be parsed, or undefined; `grootte` when a size bound (which a user may
 * raise) was hit. Inflates each part once, bounded, and drops it.
 */
export function controleerUitpakken(buf: Uint8Array, inhoud: ZipInhoud, g: UitpakGrenzen): { reden: string; grootte?: boolean } | undefined {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let totaal = 0;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  for (const d of inhoud.delen) {
    if (d.naam.endsWith('/') || d.gecomprimeerd === 0) continue;
    if (d.lokaleKop + 30 > buf.length || dv.getUint32(d.lokaleKop, true) !== 0x04034b50) return { reden: `onderdeel ${d.naam} is beschadigd` };
    const start = d.lokaleKop + 30 + dv.getUint16(d.lokaleKop + 26, true) + dv.getUint16(d.lokaleKop + 28, true);
    const data = buf.subarray(start, Math.min(buf.length, start + d.gecomprimeerd));
    let uit: Uint8Array;
    if (d.methode === 0) uit = data;
    else if (d.methode === 8) {
      try {
        uit = inflateRawSync(data, { maxOutputLength: Math.min(g.maxDeel, g.maxTotaal - totaal) + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { reden: `onderdeel ${d.naam} pakt uit tot meer dan ${mb(Math.min(g.maxDeel, g.maxTotaal - totaal))} (de zip-inhoudsopgave zegt ${d.grootte.toLocaleString('nl-NL')} bytes)`, grootte: true };
        }
        return { reden: `onderdeel ${d.naam} kan niet worden uitgepakt (beschadigd bestand)` };
      }
    } else return { reden: `onderdeel ${d.naam} is gecomprimeerd op een manier die Excel niet gebruikt (methode ${d.methode})` };
    if (uit.length > g.maxDeel || totaal + uit.length > g.maxTotaal) {
      return { reden: `onderdeel ${d.naam} pakt uit tot meer dan ${mb(Math.min(g.maxDeel, g.maxTotaal - totaal))}`, grootte: true };
    }
    totaal += uit.length;
    if (/\.(xml|rels|vml)$/i.test(d.naam)) {
      const diepte = xmlDiepte(uit, g.maxDiepte);
      if (diepte > g.maxDiepte) return { reden: `onderdeel ${d.naam} nest XML-elementen dieper dan ${g.maxDiepte} niveaus (een werkblad gaat zo'n 6 diep)` };
    }
  }
  return undefined;
}

/** The nesting depth of XML elements, counted on the bytes; stops once past `max`. */
export function xmlDiepte(b: Uint8Array, max: number): number {
  let diepte = 0;
  let hoogste = 0;
  const n = b.length;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0x3c) continue; // '<'
    const c = b[i + 1];
    if (c === 0x2f) {
      diepte--;
      continue;
    }
    if (c === 0x3f || c === 0x21) continue; // <? and <! (declarations, comments, CDATA)
    // An element: self-closing when its tag ends in "/>".
    let j = i + 1;
    while (j < n && b[j] !== 0x3e) j++;
    if (b[j - 1] === 0x2f) {
      i = j;
      continue;
    }
    diepte++;
    if (diepte > hoogste) {
      hoogste = diepte;
      if (hoogste > max) return hoogste;
    }
    i = j;
  }
  return hoogste;
}
