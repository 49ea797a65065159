// SVG charts as PNG for Word: resvg (Rust, prebuilt per platform as an optional npm dependency, no
// build step, no download at install). Only the fonts shipped in fonts/ are used, never the system's:
// the picture is the same on every machine, and text cannot silently go missing where no fonts exist.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fonts');
const require = createRequire(import.meta.url);

export interface Afbeelding {
  png: Uint8Array;
  /** Size in CSS pixels (the SVG's own); the PNG has `schaal` times as many pixels, for print. */
  breedte: number;
  hoogte: number;
}

/** Renders an SVG chart to PNG at `schaal` times its size (2: sharp on paper at the usual widths). */
export function svgNaarPng(svg: string, schaal = 2): Afbeelding {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: schaal },
    font: {
      loadSystemFonts: false,
      fontFiles: [path.join(FONTS, 'LiberationSans-Regular.ttf'), path.join(FONTS, 'LiberationSans-Bold.ttf')],
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
    },
    background: 'white',
  });
  const beeld = r.render();
  return { png: new Uint8Array(beeld.asPng()), breedte: Math.round(beeld.width / schaal), hoogte: Math.round(beeld.height / schaal) };
}
