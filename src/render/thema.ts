// Chart colours from the house style: the theme's accent colours, the colours a Word user picks from
// the top row of the palette, made readable on white. Read with the conformant XML reader, like every
// other part of a reference document.
import { leesXmlTekst } from '../ingest/xml.js';

const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** The series colours of a bar chart: a fill per series and, for a light fill, an outline that keeps the bar visible. */
export interface Palet {
  vulling: string[];
  rand: (string | undefined)[];
}

/** accent1…accent6 of a theme part as `#rrggbb` (srgbClr, or sysClr's lastClr), in order; empty when there is none. */
export function themaAccenten(thema: string | undefined): string[] {
  const accenten = new Map<number, string>();
  let huidig: number | undefined;
  const gelezen = leesXmlTekst(thema, {
    open(el) {
      if (el.ns !== NS_A) return;
      const m = /^accent([1-6])$/.exec(el.naam);
      if (m) huidig = Number(m[1]);
      else if (huidig !== undefined && !accenten.has(huidig)) {
        const waarde = el.naam === 'srgbClr' ? el.attr('val') : el.naam === 'sysClr' ? el.attr('lastClr') : undefined;
        if (waarde && /^[0-9a-f]{6}$/i.test(waarde)) accenten.set(huidig, `#${waarde.toLowerCase()}`);
      }
    },
    sluit(naam, ns) {
      if (ns === NS_A && /^accent[1-6]$/.test(naam)) huidig = undefined;
    },
  });
  // No theme, or one that is not well-formed: no colours, and the charts keep vth's own.
  if (!gelezen) return [];
  return [...accenten].sort(([a], [b]) => a - b).map(([, k]) => k);
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hexVan = (c: number[]) => `#${c.map((x) => Math.round(Math.max(0, Math.min(255, x))).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
function luminantie(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio against white paper. */
export function contrastOpWit(hex: string): number {
  return 1.05 / (luminantie(hex) + 0.05);
}

/** The colour, darkened just enough for 3:1 against white (WCAG 1.4.11, graphical objects). */
function leesbaar(hex: string): string {
  let c = rgb(hex);
  for (let i = 0; i < 40 && contrastOpWit(hexVan(c)) < 3; i++) c = c.map((x) => x * 0.92);
  return hexVan(c);
}

const afstand = (a: string, b: string) => Math.hypot(...rgb(a).map((x, i) => x - rgb(b)[i]!));

/**
 * Two series colours from the theme: accent1 and the next accent that differs enough from it, each
 * darkened to 3:1 on white. When the theme has only one usable colour, the second series is a light
 * tint of it with an outline in the first, so that the bars still differ without relying on hue.
 * Undefined without a theme: the charts keep vth's own colours.
 */
export function grafiekPalet(thema: string | undefined): Palet | undefined {
  const accenten = themaAccenten(thema).map(leesbaar);
  if (!accenten.length) return undefined;
  const eerste = accenten[0]!;
  const tweede = accenten.slice(1).find((k) => afstand(k, eerste) >= 90);
  if (tweede) return { vulling: [eerste, tweede], rand: [undefined, undefined] };
  const tint = hexVan(rgb(eerste).map((x) => x + (255 - x) * 0.6));
  return { vulling: [eerste, tint], rand: [undefined, eerste] };
}
