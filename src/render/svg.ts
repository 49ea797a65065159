// The few SVG primitives the charts need, written by hand so that a chart costs microseconds, loads
// no library, and is the same bytes on every machine.

/** One font for every chart: metric-compatible fonts exist on every platform (Liberation Sans ships with LibreOffice). */
export const LETTER = "Liberation Sans, Arial, Helvetica, sans-serif";

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Coordinates to two decimals: enough for print, and no float noise in the file. */
export function n(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

// Advance widths of Arial/Liberation Sans in 1/1000 em, by character class. An estimate is enough to
// lay out labels: it errs wide for the narrow letters, so that text never runs into a bar.
const SMAL = new Set([...'iljtfrI.,:;!|\'()[]{} /-']);
const BREED = new Set([...'mwMW@%']);
function breedteEm(c: string): number {
  if (SMAL.has(c)) return 0.33;
  if (BREED.has(c)) return 0.86;
  if (c >= '0' && c <= '9') return 0.556;
  if (c >= 'A' && c <= 'Z') return 0.68;
  return 0.53;
}

/** Estimated width of a text in px at a font size. */
export function tekstBreedte(tekst: string, grootte: number): number {
  let em = 0;
  for (const c of tekst) em += breedteEm(c);
  return em * grootte;
}

/** Breaks a text into lines no wider than `max` px, at spaces; a word longer than a line is cut at the line's end, never dropped. */
export function breekAf(tekst: string, max: number, grootte: number): string[] {
  const regels: string[] = [];
  let regel = '';
  for (const woord of tekst.trim().split(/\s+/)) {
    const probeer = regel ? `${regel} ${woord}` : woord;
    if (tekstBreedte(probeer, grootte) <= max) {
      regel = probeer;
      continue;
    }
    if (regel) regels.push(regel);
    regel = woord;
    while (tekstBreedte(regel, grootte) > max && regel.length > 1) {
      let i = regel.length - 1;
      while (i > 1 && tekstBreedte(regel.slice(0, i) + '-', grootte) > max) i--;
      regels.push(regel.slice(0, i) + '-');
      regel = regel.slice(i);
    }
  }
  if (regel) regels.push(regel);
  return regels.length ? regels : [''];
}

export interface TekstOpties {
  grootte?: number;
  kleur?: string;
  anker?: 'start' | 'middle' | 'end';
  vet?: boolean;
  basis?: 'middle' | 'alphabetic' | 'hanging';
}

export function tekst(x: number, y: number, inhoud: string, o: TekstOpties = {}): string {
  const attrs = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${o.grootte ?? 12}"`];
  if (o.anker && o.anker !== 'start') attrs.push(`text-anchor="${o.anker}"`);
  if (o.basis && o.basis !== 'alphabetic') attrs.push(`dominant-baseline="${o.basis === 'middle' ? 'central' : 'hanging'}"`);
  if (o.vet) attrs.push('font-weight="bold"');
  attrs.push(`fill="${o.kleur ?? '#222222'}"`);
  return `<text ${attrs.join(' ')}>${esc(inhoud)}</text>`;
}

/**
 * The size in CSS pixels that a chart made by `document` declares on its first tag, for Word to lay
 * the picture out before its PNG is drawn; undefined for an SVG of another shape.
 */
export function svgMaat(svg: string): { breedte: number; hoogte: number } | undefined {
  const m = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  return m ? { breedte: Number(m[1]), hoogte: Number(m[2]) } : undefined;
}

/**
 * The frame every chart shares: size, font, white background, title and a source line at the bottom.
 * `beschrijving` says in words what the chart shows (its figures): the SVG's `<desc>`, and the
 * alternative text of the picture in Word and the tagged PDF.
 */
export function document(breedte: number, hoogte: number, titel: string, bron: string, inhoud: string[], beschrijving?: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(breedte)}" height="${n(hoogte)}" viewBox="0 0 ${n(breedte)} ${n(hoogte)}" font-family="${LETTER}" role="img">`,
    `<title>${esc(titel)}</title>`,
    ...(beschrijving ? [`<desc>${esc(beschrijving)}</desc>`] : []),
    `<rect width="${n(breedte)}" height="${n(hoogte)}" fill="#ffffff"/>`,
    tekst(16, 26, titel, { grootte: 16, vet: true }),
    ...inhoud,
    tekst(16, hoogte - 10, bron, { grootte: 12, kleur: '#666666' }),
    '</svg>',
    '',
  ].join('\n');
}

/** Tick values for an axis from 0 to at least `max`: 4 to 8 steps of 1, 2 or 5 × 10^k. */
export function schaal(max: number): { tot: number; stappen: number[] } {
  if (!(max > 0)) return { tot: 1, stappen: [0, 1] };
  const ruw = max / 5;
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const stap = [1, 2, 5, 10].map((f) => f * macht).find((s) => max / s <= 8)!;
  const tot = Math.ceil(max / stap - 1e-9) * stap;
  const stappen: number[] = [];
  for (let v = 0; v <= tot + stap / 2; v += stap) stappen.push(Math.round(v / macht) * macht);
  return { tot, stappen };
}
