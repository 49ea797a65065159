import { leesXml, type XmlElement, type XmlOpties } from '../ingest/xml.js';

/**
 * A part of someone else's Office file written out again as it was read by the conformant XML reader
 * (`ingest/xml.ts`): decoded by its BOM and declaration, written as UTF-8 under vth's own declaration,
 * every element and attribute with the prefix and namespace declarations it had (so that
 * `mc:Ignorable="w14"` keeps meaning what it meant), attributes in double quotes, no comments, no
 * processing instructions, CDATA as escaped text. What a caller learns from the part it learns from the
 * parser's events, never from the text; what it adds to the part it adds at places the copy marks.
 */

export interface XmlAttribuut {
  qnaam: string;
  naam: string;
  ns: string;
  waarde: string;
}

export interface KopieHandlers {
  /** Before an element is written (`diepte` 1 is the root): 'weg' leaves it out with all it holds. */
  open?(el: XmlElement, diepte: number): 'weg' | void;
  /** Before an element's end tag is written (so that `plek()` is the place just inside it). */
  sluit?(naam: string, ns: string, diepte: number): void;
  tekst?(t: string): void;
  /** Whether an attribute is written; namespace declarations always are. */
  attribuut?(el: XmlElement, a: XmlAttribuut): boolean;
}

const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';
export const XML_DECLARATIE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const tekstEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
// Tabs and line ends as references: written plainly they would become spaces when read again.
const attrEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

export class XmlKopie {
  // Pieces joined per thousand: a numbering.xml of a million entries would otherwise hold some ten
  // million small strings until the end.
  private readonly blokken: string[] = [];
  private stukken: string[] = [XML_DECLARATIE];
  private lengte = XML_DECLARATIE.length;
  /** The last start tag still lacks its '>' (it becomes '/>' when nothing comes before its end). */
  private open = false;

  private schrijf(s: string): void {
    this.stukken.push(s);
    this.lengte += s.length;
    if (this.stukken.length >= 1024) {
      this.blokken.push(this.stukken.join(''));
      this.stukken = [];
    }
  }

  private sluitBegin(): void {
    if (this.open) {
      this.open = false;
      this.schrijf('>');
    }
  }

  /** The place in the output where what comes next will be written. */
  plek(): number {
    this.sluitBegin();
    return this.lengte;
  }

  /** Copies one part; the handlers see every element that is written and none that is left out. */
  kopieer(b: Uint8Array, h: KopieHandlers = {}, opties: XmlOpties = {}): string {
    const namen: string[] = [];
    let weg = 0; // the depth of the element being left out, 0 when none
    leesXml(
      b,
      {
        open: (el) => {
          namen.push(el.qnaam);
          const diepte = namen.length;
          if (weg) return;
          if (h.open?.(el, diepte) === 'weg') {
            weg = diepte;
            return;
          }
          this.sluitBegin();
          let tag = `<${el.qnaam}`;
          for (const a of el.alle()) if (a.ns === NS_XMLNS || !h.attribuut || h.attribuut(el, a)) tag += ` ${a.qnaam}="${attrEsc(a.waarde)}"`;
          this.schrijf(tag);
          this.open = true;
        },
        sluit: (naam, ns) => {
          const diepte = namen.length;
          const q = namen.pop()!;
          if (weg) {
            if (diepte === weg) weg = 0;
            return;
          }
          h.sluit?.(naam, ns, diepte);
          if (this.open) {
            this.open = false;
            this.schrijf('/>');
          } else this.schrijf(`</${q}>`);
        },
        tekst: (t) => {
          // Whitespace outside the root is no content (a comment or declaration's line end).
          if (weg || !namen.length) return;
          h.tekst?.(t);
          this.sluitBegin();
          this.schrijf(tekstEsc(t));
        },
      },
      opties,
    );
    this.blokken.push(this.stukken.join(''));
    this.stukken = [];
    return this.blokken.join('');
  }
}

/** Whether an OOXML on/off value is on (`w:val` absent, 1, true, on). */
export const aan = (v: string | undefined) => v === undefined || v === '1' || v === 'true' || v === 'on';
