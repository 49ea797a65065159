/**
 * The one XML layer of vth's own Office readers: bytes decoded by their byte-order mark and XML
 * declaration, parsed by a conformant XML 1.0 parser (saxes: comments, processing instructions,
 * CDATA, both quote styles, whitespace in tags, character and entity references), and element and
 * attribute names resolved to their namespace URI, so that `<x:row>` under an unprefixed root is the
 * same row as `<row>`. Every step runs in time linear in its input; nothing is cut from the text
 * with regular expressions.
 */
import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { TextDecoder } from 'node:util';
import type * as Saxes from 'saxes';

// saxes is CommonJS: imported as an ES module, Node first scans its 74 KB for the names it exports
// (cjs-module-lexer), some 10 ms of every command that reads a workbook; require() loads it in 3.
const { SaxesParser } = createRequire(import.meta.url)('saxes') as typeof Saxes;
type SaxesAttributeNS = Saxes.SaxesAttributeNS;

/** SpreadsheetML's main namespace, transitional and strict. */
export const NS_SPREADSHEET = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_SPREADSHEET_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** The namespace of relationship ids in a part (`r:id`), transitional and strict. */
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_R_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
/** The namespace of a `.rels` part (OPC). */
export const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Why a part cannot be read as XML; the reader that uses it adds the file's name. */
export class XmlFout extends Error {}

/** Elements nest deeper than allowed (a hostile file rather than a damaged one). */
export class XmlDiepteFout extends XmlFout {}

/** An element as the handlers see it: its local name, its namespace URI and its attributes. */
export interface XmlElement {
  naam: string;
  ns: string;
  /** The name as written, with its prefix (for writing a part out again with its own declarations). */
  qnaam: string;
  /** An attribute by local name: without `ns` the unprefixed one (as XML namespaces define it). */
  attr(naam: string, ns?: string | readonly string[]): string | undefined;
  /** Every attribute: its name as written, local name, namespace URI and value. */
  alle(): { qnaam: string; naam: string; ns: string; waarde: string }[];
}

export interface XmlHandlers {
  open?(el: XmlElement): void;
  sluit?(naam: string, ns: string): void;
  /** Character data (text and CDATA), in pieces; comments and processing instructions never reach it. */
  tekst?(t: string): void;
}

export interface XmlOpties {
  /** How deep elements may nest (a worksheet nests some 6 deep). */
  maxDiepte?: number;
  /** Characters the parser may hold between two events (one text, one tag, one comment). */
  maxTekens?: number;
}

type Codering = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | string;

/**
 * The encoding of an XML entity, from its first bytes (XML 1.0, appendix F): a byte-order mark, the
 * byte pattern of `<?xml` in UTF-16, else the declaration's `encoding` (UTF-8 when there is none).
 * `bom` is how many bytes to skip. Needs the first 4 bytes; the declaration is read from at most
 * the first 1024.
 */
export function xmlCodering(kop: Uint8Array): { codering: Codering; bom: number } {
  if (kop[0] === 0xef && kop[1] === 0xbb && kop[2] === 0xbf) return { codering: 'utf-8', bom: 3 };
  if (kop[0] === 0xff && kop[1] === 0xfe) return { codering: 'utf-16le', bom: 2 };
  if (kop[0] === 0xfe && kop[1] === 0xff) return { codering: 'utf-16be', bom: 2 };
  if (kop[0] === 0x3c && kop[1] === 0x00 && kop[2] === 0x3f && kop[3] === 0x00) return { codering: 'utf-16le', bom: 0 };
  if (kop[0] === 0x00 && kop[1] === 0x3c && kop[2] === 0x00 && kop[3] === 0x3f) return { codering: 'utf-16be', bom: 0 };
  const begin = Buffer.from(kop.buffer, kop.byteOffset, Math.min(kop.byteLength, 1024)).toString('latin1');
  if (!begin.startsWith('<?xml')) return { codering: 'utf-8', bom: 0 };
  const decl = begin.slice(0, begin.indexOf('?>') < 0 ? begin.length : begin.indexOf('?>'));
  const m = /\sencoding\s*=\s*(?:"([A-Za-z][\w.-]*)"|'([A-Za-z][\w.-]*)')/.exec(decl);
  const label = (m?.[1] ?? m?.[2] ?? 'utf-8').toLowerCase();
  // ISO-8859-1 is Latin-1 byte for byte; WHATWG's TextDecoder would read it as windows-1252.
  if (/^(iso[-_]?8859-1|latin-?1|l1|iso-ir-100|cp819|ibm819|us-ascii|ascii)$/.test(label)) return { codering: 'latin1', bom: 0 };
  if (label === 'utf8') return { codering: 'utf-8', bom: 0 };
  return { codering: label, bom: 0 };
}

/**
 * Decodes an XML entity's bytes to text piece by piece, by its BOM or declaration. Bytes that are not
 * valid in the encoding are an error, as a conformant parser must report them (never mojibake).
 */
export class XmlDecoder {
  private kop: Buffer | null = Buffer.alloc(0);
  private decoder: TextDecoder | null = null;
  private latin1 = false;

  write(b: Uint8Array): string {
    if (this.kop) {
      this.kop = Buffer.concat([this.kop, b]);
      // Wait for four bytes, and for the declaration's end (at most 1 KB) when there is one.
      if (this.kop.length < 4) return '';
      if (this.kop.length < 1024 && this.kop.subarray(0, 5).toString('latin1') === '<?xml' && !this.kop.includes('?>')) return '';
      const kop = this.kop;
      this.kop = null;
      this.kies(kop);
      return this.decodeer(kop.subarray(this.bom));
    }
    return this.decodeer(b);
  }

  end(): string {
    if (this.kop) {
      const kop = this.kop;
      this.kop = null;
      this.kies(kop);
      return this.decodeer(kop.subarray(this.bom)) + this.rest();
    }
    return this.rest();
  }

  private bom = 0;

  private kies(kop: Buffer): void {
    const { codering, bom } = xmlCodering(kop);
    this.bom = bom;
    if (codering === 'latin1') {
      this.latin1 = true;
      return;
    }
    try {
      this.decoder = new TextDecoder(codering, { fatal: true, ignoreBOM: true });
    } catch {
      throw new XmlFout(`de tekencodering "${codering}" is onbekend`);
    }
  }

  /** Whether the last UTF-8 piece ended inside a character (the decoder holds its first bytes). */
  private halfTeken = false;

  private decodeer(b: Uint8Array): string {
    if (this.latin1) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    const utf8 = this.decoder!.encoding === 'utf-8';
    // Plain ASCII in UTF-8 is Latin-1 byte for byte: taken as it is, it gives saxes a one-byte string
    // and costs a third of decoding. Only when no character is split over the previous piece.
    if (utf8 && !this.halfTeken && isAscii(b)) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    try {
      const uit = this.decoder!.decode(b, { stream: true });
      if (utf8) this.halfTeken = eindigtHalf(b);
      return uit;
    } catch {
      throw new XmlFout(`de tekst is geen geldige ${this.decoder!.encoding.toUpperCase()}`);
    }
  }

  private rest(): string {
    if (!this.decoder) return '';
    try {
      return this.decoder.decode();
    } catch {
      throw new XmlFout(`de tekst is geen geldige ${this.decoder.encoding.toUpperCase()} (afgebroken teken aan het eind)`);
    }
  }
}

/** Whether UTF-8 bytes end inside a multi-byte character. */
function eindigtHalf(b: Uint8Array): boolean {
  for (let i = b.length - 1, terug = 0; i >= 0 && terug < 4; i--, terug++) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte
    const lengte = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return b.length - i < lengte;
  }
  return false;
}

/** Known namespace URIs as one string each, so that comparing an element's namespace is one pointer test. */
const BEKEND = new Map([NS_SPREADSHEET, NS_SPREADSHEET_STRICT, NS_R, NS_R_STRICT, NS_PKG_RELS].map((u) => [u, u]));

/**
 * A streaming XML reader: feed it decoded text with `schrijf`, end with `sluit`. Elements reach
 * `open` with names resolved by namespace URI (saxes checks that every prefix is declared).
 * Malformed XML, a DTD (OPC forbids them in a package, and they are how entity bombs work), nesting
 * past `maxDiepte` and one token longer than `maxTekens` throw an XmlFout.
 */
export class XmlLezer {
  private readonly parser: Saxes.SaxesParser<{ xmlns: true; position: true }>;
  private diepte = 0;
  private sindsEvent = 0;
  private readonly maxDiepte: number;
  private readonly maxTekens: number;

  constructor(h: XmlHandlers, opties: XmlOpties = {}) {
    this.maxDiepte = opties.maxDiepte ?? 256;
    this.maxTekens = opties.maxTekens ?? Number.POSITIVE_INFINITY;
    const p = new SaxesParser({ xmlns: true, position: true });
    this.parser = p;
    const lezer = this;
    let huidig: Record<string, SaxesAttributeNS> = {};
    let ruw = '';
    let canon = '';
    const uri = (u: string) => {
      if (u !== ruw) {
        ruw = u;
        canon = BEKEND.get(u) ?? u;
      }
      return canon;
    };
    const el: XmlElement = {
      naam: '',
      ns: '',
      qnaam: '',
      attr(naam: string, ns?: string | readonly string[]): string | undefined {
        if (ns === undefined) return huidig[naam]?.value;
        for (const q in huidig) {
          const a = huidig[q]!;
          if (a.local === naam && a.prefix !== '' && (typeof ns === 'string' ? a.uri === ns : ns.includes(a.uri))) return a.value;
        }
        return undefined;
      },
      alle() {
        return Object.values(huidig).map((a) => ({ qnaam: a.name, naam: a.local, ns: a.uri, waarde: a.value }));
      },
    };
    // Only these handlers: each is a property saxes adds to its parser, and a few more (comments,
    // processing instructions) turn its hot fields into slow dictionary properties (the
    // 1.000.000-row export took 5× as long). Comments and processing instructions are not data;
    // their length counts under `maxTekens`.
    // saxes reports malformed XML here ("line:column: message"); what a handler throws passes as it is.
    p.on('error', (e) => {
      throw new XmlFout(`geen geldige XML (${e.message})`);
    });
    p.on('doctype', () => {
      throw new XmlFout('er staat een DTD (<!DOCTYPE …>) in; die hoort niet in een Office-bestand');
    });
    p.on('opentag', (tag) => {
      lezer.sindsEvent = 0;
      if (++lezer.diepte > lezer.maxDiepte) throw new XmlDiepteFout(`nest XML-elementen dieper dan ${lezer.maxDiepte} niveaus`);
      el.naam = tag.local;
      el.ns = uri(tag.uri);
      el.qnaam = tag.name;
      huidig = tag.attributes;
      h.open?.(el);
    });
    p.on('closetag', (tag) => {
      lezer.sindsEvent = 0;
      lezer.diepte--;
      h.sluit?.(tag.local, uri(tag.uri));
    });
    const tekst = (t: string) => {
      lezer.sindsEvent = 0;
      h.tekst?.(t);
    };
    p.on('text', tekst);
    p.on('cdata', tekst);
  }

  schrijf(tekst: string): void {
    if (tekst === '') return;
    this.sindsEvent += tekst.length;
    this.parser.write(tekst);
    if (this.sindsEvent > this.maxTekens) throw new XmlFout(`één tekst of tag is langer dan ${this.maxTekens.toLocaleString('nl-NL')} tekens (grens)`);
  }

  sluit(): void {
    this.parser.close();
  }
}

/** Reads a whole part held in memory: decoded, parsed, every element to the handlers. */
export function leesXml(b: Uint8Array, h: XmlHandlers, opties: XmlOpties = {}): void {
  const d = new XmlDecoder();
  const lezer = new XmlLezer(h, opties);
  // In pieces, so that the bound on one token holds for a part in memory too.
  const STUK = 1 << 20;
  for (let i = 0; i < b.length; i += STUK) lezer.schrijf(d.write(b.subarray(i, i + STUK)));
  lezer.schrijf(d.end());
  lezer.sluit();
}

/**
 * A part of a house style already read and checked (held as text), read again for one more fact: the
 * fonts, the theme's colours, the heading numbers. False when it is absent or not well-formed, which the
 * house style reader has already refused or reported; the caller then keeps its defaults.
 */
export function leesXmlTekst(xml: string | undefined, h: XmlHandlers): boolean {
  if (!xml) return false;
  try {
    leesXml(new TextEncoder().encode(xml), h);
    return true;
  } catch {
    return false;
  }
}
