import { inflateRawSync } from 'node:zlib';
import { mbTekst } from './grenzen.js';

/**
 * The one zip layer of vth's .xlsx readers: the end record and the central directory (no
 * decompression), where a part's data starts, and what the parts really unpack to. A workbook of a
 * few hundred KB can claim 1.000 bytes and inflate to gigabytes, or nest XML elements millions deep;
 * every size here is measured on what really comes out, never taken from the directory.
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

/** The end-of-central-directory record, searched in a file's last 64 KB + 22 bytes (`staart`). */
export function zoekEinde(staart: Uint8Array): { aantal: number; cdGrootte: number; cdStart: number } | null {
  const dv = new DataView(staart.buffer, staart.byteOffset, staart.byteLength);
  for (let i = staart.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      return { aantal: dv.getUint16(i + 10, true), cdGrootte: dv.getUint32(i + 12, true), cdStart: dv.getUint32(i + 16, true) };
    }
  }
  return null;
}

/** The entries of a central directory; null when it is damaged. */
export function leesCentraleMap(cd: Uint8Array, aantal: number): ZipInhoud | null {
  const dv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const namen: string[] = [];
  const delen: ZipDeel[] = [];
  let totaal = 0;
  let grootste = { naam: '', grootte: 0 };
  let p = 0;
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > cd.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const grootte = dv.getUint32(p + 24, true);
    const naamLengte = dv.getUint16(p + 28, true);
    const naam = new TextDecoder().decode(cd.subarray(p + 46, p + 46 + naamLengte));
    // 0xFFFFFFFF means "see the zip64 extra field": a part of 4 GB or more, absurd for a werkmap.
    const echt = grootte === 0xffffffff ? Number.MAX_SAFE_INTEGER : grootte;
    namen.push(naam);
    delen.push({ naam, grootte: echt, gecomprimeerd: dv.getUint32(p + 20, true), methode: dv.getUint16(p + 10, true), lokaleKop: dv.getUint32(p + 42, true) });
    totaal += echt;
    if (echt > grootste.grootte) grootste = { naam, grootte: echt };
    p += 46 + naamLengte + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return { namen, delen, totaal, grootste };
}

/**
 * Two parts whose names differ only in case (or a leading slash) are one name in OPC: a package
 * holding both is ambiguous (`XL/WORKSHEETS/SHEET5.xml` beside `xl/worksheets/sheet5.xml` replaced
 * the real sheet). Gives the first such pair, for the message.
 */
export function dubbeleNaam(namen: readonly string[]): [string, string] | undefined {
  const gezien = new Map<string, string>();
  for (const naam of namen) {
    if (naam.endsWith('/')) continue;
    const sleutel = naam.replace(/^\/+/, '').toLowerCase();
    const eerder = gezien.get(sleutel);
    if (eerder !== undefined) return [eerder, naam];
    gezien.set(sleutel, naam);
  }
  return undefined;
}

/** The Dutch reason for a pair from `dubbeleNaam`. */
export function dubbeleNaamReden([a, b]: [string, string]): string {
  return a === b
    ? `het onderdeel ${a} staat er twee keer in; welk van beide geldt, is niet te zeggen`
    : `de onderdelen ${a} en ${b} hebben dezelfde naam (hoofdletters tellen in een Office-bestand niet mee); welk van beide geldt, is niet te zeggen`;
}

/** An OLE compound file (D0 CF 11 E0): an old .xls, or an Office file encrypted with a password. */
export function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/** An encrypted .xlsx or .docx is a compound file holding a stream named EncryptionInfo (UTF-16 in its directory). */
export const VERSLEUTELD_MERK = Buffer.from('EncryptionInfo', 'utf16le');

/** Why a file that is no zip cannot be read: encrypted, an old .xls, or another format. */
export function geenZipReden(b: Uint8Array, heelBestand: boolean): string {
  if (isCompoundFile(b)) {
    if (Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(VERSLEUTELD_MERK)) return 'is met een wachtwoord beveiligd (versleuteld); sla het op zonder wachtwoord';
    if (heelBestand) return 'is een oud Excel-bestand (.xls); sla het op als .xlsx';
  }
  return 'is geen Excel-werkmap (.xlsx); een oud .xls-bestand of ander formaat? Sla het op als .xlsx';
}

/** A whole zip in memory: its directory, or null when there is none or it is damaged. */
export function leesZipInhoud(buf: Uint8Array): ZipInhoud | null {
  const begin = Math.max(0, buf.length - 65_557);
  const einde = zoekEinde(buf.subarray(begin));
  if (!einde) return null;
  return leesCentraleMap(buf.subarray(einde.cdStart, einde.cdStart + einde.cdGrootte), einde.aantal);
}

/** Where a part's data starts, from its 30-byte local header; null when the header is not there. */
export function dataBegin(kop: Uint8Array, deel: ZipDeel): number | null {
  if (kop.length < 30) return null;
  const dv = new DataView(kop.buffer, kop.byteOffset, kop.byteLength);
  if (dv.getUint32(0, true) !== 0x04034b50) return null;
  return deel.lokaleKop + 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
}

/** Stored (0) and deflated (8) are the only methods Excel, LibreOffice and openpyxl write. */
export function methodeFout(deel: ZipDeel): string | undefined {
  return deel.methode === 0 || deel.methode === 8 ? undefined : `onderdeel ${deel.naam} is gecomprimeerd op een manier die Excel niet gebruikt (methode ${deel.methode})`;
}

export interface UitpakGrenzen {
  /** Bytes one part may really unpack to. */
  maxDeel: number;
  /** Bytes all parts together may really unpack to. */
  maxTotaal: number;
  /**
   * How deep XML elements may nest, counted on the bytes before any parsing (for the house style's
   * reader). The .xlsx readers leave it out: their XML parser counts depth on the real structure,
   * which a byte count cannot (UTF-16, a '>' in an attribute, tags inside comments).
   */
  maxDiepte?: number;
}

/**
 * Unpacks every part of a workbook held in memory, each once and bounded, and checks the XML's
 * depth. Gives the parts by lower-case name, or why the workbook must not be parsed (`grootte` when
 * a size bound, which a user may raise, was hit).
 */
export function pakUit(buf: Uint8Array, inhoud: ZipInhoud, g: UitpakGrenzen): { delen: Map<string, Buffer> } | { reden: string; grootte?: boolean } {
  const dubbel = dubbeleNaam(inhoud.namen);
  if (dubbel) return { reden: dubbeleNaamReden(dubbel) };
  const delen = new Map<string, Buffer>();
  let totaal = 0;
  for (const d of inhoud.delen) {
    if (d.naam.endsWith('/')) continue;
    const begin = dataBegin(buf.subarray(d.lokaleKop, d.lokaleKop + 30), d);
    if (begin === null) return { reden: `onderdeel ${d.naam} is beschadigd` };
    const methode = methodeFout(d);
    if (methode) return { reden: methode };
    const data = buf.subarray(begin, Math.min(buf.length, begin + d.gecomprimeerd));
    const ruimte = Math.min(g.maxDeel, g.maxTotaal - totaal);
    let uit: Buffer;
    if (d.methode === 0) uit = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    else {
      try {
        uit = d.gecomprimeerd === 0 ? Buffer.alloc(0) : inflateRawSync(data, { maxOutputLength: ruimte + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { reden: `onderdeel ${d.naam} pakt uit tot meer dan ${mbTekst(ruimte)} (de zip-inhoudsopgave zegt ${d.grootte.toLocaleString('nl-NL')} bytes)`, grootte: true };
        }
        return { reden: `onderdeel ${d.naam} kan niet worden uitgepakt (beschadigd bestand)` };
      }
    }
    if (uit.length > ruimte) return { reden: `onderdeel ${d.naam} pakt uit tot meer dan ${mbTekst(ruimte)}`, grootte: true };
    totaal += uit.length;
    if (g.maxDiepte !== undefined && /\.(xml|rels|vml)$/i.test(d.naam) && xmlDiepte(uit, g.maxDiepte) > g.maxDiepte) {
      return { reden: `onderdeel ${d.naam} nest XML-elementen dieper dan ${g.maxDiepte} niveaus (een werkblad gaat zo'n 6 diep)` };
    }
    delen.set(d.naam.replace(/^\/+/, '').toLowerCase(), uit);
  }
  return { delen };
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
