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

type Resvg = typeof import('@resvg/resvg-js').Resvg;
let resvg: Resvg | undefined;

/**
 * resvg's class. On Linux x64 the glibc binding is loaded directly, as resvg-js's own loader would
 * load it: that loader first asks whether the C library is musl through process.report.getReport(),
 * a whole diagnostic report of some 10 ms, a tenth of what Word adds to a document. Where that binding
 * is absent or does not load (musl, another platform), resvg-js's own loader decides.
 */
function laadResvg(): Resvg {
  if (resvg) return resvg;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      // Resolved from resvg-js's own folder, as its loader does: the binding is its dependency, not ours.
      const binding = createRequire(require.resolve('@resvg/resvg-js'))('@resvg/resvg-js-linux-x64-gnu') as { Resvg: new (svg: string, opties: string) => InstanceType<Resvg> };
      // resvg-js's wrapper does no more than this: the options to the binding as JSON.
      resvg = class extends binding.Resvg {
        constructor(svg: string | Buffer, opties?: object) {
          super(svg as string, JSON.stringify(opties));
        }
      } as unknown as Resvg;
      return resvg;
    } catch {
      // musl, or a binding that does not load here: resvg-js chooses
    }
  }
  resvg = (require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg;
  return resvg;
}

/** Renders an SVG chart to PNG at `schaal` times its size (2: sharp on paper at the usual widths). */
export function svgNaarPng(svg: string, schaal = 2): Afbeelding {
  const Resvg = laadResvg();
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
