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
type RenderAsync = (svg: string, opties: object) => Promise<ReturnType<InstanceType<Resvg>['render']>>;
let resvg: Resvg | undefined;
let renderAsync: RenderAsync | undefined;

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
      const binding = createRequire(require.resolve('@resvg/resvg-js'))('@resvg/resvg-js-linux-x64-gnu') as {
        Resvg: new (svg: string, opties: string) => InstanceType<Resvg>;
        renderAsync: (svg: string, opties: string) => ReturnType<RenderAsync>;
      };
      // resvg-js's wrapper does no more than this: the options to the binding as JSON.
      resvg = class extends binding.Resvg {
        constructor(svg: string | Buffer, opties?: object) {
          super(svg as string, JSON.stringify(opties));
        }
      } as unknown as Resvg;
      renderAsync = (svg, opties) => binding.renderAsync(svg, JSON.stringify(opties));
      return resvg;
    } catch {
      // musl, or a binding that does not load here: resvg-js chooses
    }
  }
  const pakket = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  resvg = pakket.Resvg;
  renderAsync = (svg, opties) => pakket.renderAsync(svg, opties);
  return resvg;
}

/** resvg's options for a chart: only the fonts in fonts/, `schaal` times the SVG's size, on white. */
function opties(schaal: number): object {
  return {
    fitTo: { mode: 'zoom', value: schaal },
    font: {
      loadSystemFonts: false,
      fontFiles: [path.join(FONTS, 'LiberationSans-Regular.ttf'), path.join(FONTS, 'LiberationSans-Bold.ttf')],
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
    },
    background: 'white',
  };
}

function afbeelding(beeld: ReturnType<InstanceType<Resvg>['render']>, schaal: number): Afbeelding {
  return { png: new Uint8Array(beeld.asPng()), breedte: Math.round(beeld.width / schaal), hoogte: Math.round(beeld.height / schaal) };
}

/** Renders an SVG chart to PNG at `schaal` times its size (2: sharp on paper at the usual widths). */
export function svgNaarPng(svg: string, schaal = 2): Afbeelding {
  const Resvg = laadResvg();
  return afbeelding(new Resvg(svg, opties(schaal)).render(), schaal);
}

/**
 * As `svgNaarPng`, with reading the SVG, setting its text and drawing it done on one of libuv's
 * threads (resvg's renderAsync, the same code): started before a document's Markdown is rendered, a
 * chart is drawn while the main thread renders (some 15 ms a chart). Only the PNG encoding, which
 * resvg does on request, is left to the main thread. The bytes are those of `svgNaarPng`.
 */
export async function svgNaarPngOpDraad(svg: string, schaal = 2): Promise<Afbeelding> {
  laadResvg();
  return afbeelding(await renderAsync!(svg, opties(schaal)), schaal);
}
