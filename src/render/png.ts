// SVG charts as PNG for Word: resvg (Rust, prebuilt per platform as an optional npm dependency, no
// build step, no download at install). Only the fonts shipped in fonts/ are used, never the system's:
// the picture is the same on every machine, and text cannot silently go missing where no fonts exist.
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflate, deflateSync } from 'node:zlib';
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

type Beeld = ReturnType<InstanceType<Resvg>['render']>;

/**
 * A PNG's signature, and the level its pixels are deflated at. Level 2, not zlib's default 6: the
 * UVP's two charts deflate in 6 ms instead of 19 (a third of drawing them, on the threads a Word
 * document waits for while its text is built) and come out 140 KB instead of 96.
 */
const PNG_KOP = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_NIVEAU = 2;

/**
 * The rows of a drawn chart as a PNG's image data before deflating: each row's RGBA pixels after a
 * filter byte 0 (none). resvg's pixels are premultiplied by alpha; drawn on an opaque white
 * background (`opties`) every pixel is opaque, and so they are the straight RGBA a PNG holds.
 */
function pngRijen(beeld: Beeld): Buffer {
  const px = beeld.pixels;
  const rij = beeld.width * 4;
  const rijen = Buffer.allocUnsafe((rij + 1) * beeld.height);
  // Each row through a plain view and TypedArray#set (a memcpy): Buffer#copy's checks in JavaScript,
  // not yet compiled when a run makes its first chart, took 8 ms for the UVP's 1.500 rows.
  for (let y = 0, uit = 0; y < beeld.height; y++, uit += rij + 1) {
    rijen[uit] = 0;
    rijen.set(new Uint8Array(px.buffer, px.byteOffset + y * rij, rij), uit + 1);
  }
  return rijen;
}

function pngStuk(soort: string, data: Uint8Array): Buffer {
  const kop = Buffer.alloc(8);
  kop.writeUInt32BE(data.length, 0);
  kop.write(soort, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(kop.subarray(4))), 0);
  return Buffer.concat([kop, data, crc]);
}

/** A PNG (8-bit RGBA, no interlace) of the deflated rows. */
function png(breedte: number, hoogte: number, gedeflateerd: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(breedte, 0);
  ihdr.writeUInt32BE(hoogte, 4);
  ihdr[8] = 8; // bits per sample
  ihdr[9] = 6; // RGBA
  return new Uint8Array(Buffer.concat([PNG_KOP, pngStuk('IHDR', ihdr), pngStuk('IDAT', gedeflateerd), pngStuk('IEND', new Uint8Array(0))]));
}

function afbeelding(beeld: Beeld, schaal: number, png: Uint8Array): Afbeelding {
  return { png, breedte: Math.round(beeld.width / schaal), hoogte: Math.round(beeld.height / schaal) };
}

/**
 * Renders an SVG chart to PNG at `schaal` times its size (2: sharp on paper at the usual widths), all
 * on the calling thread. vth's documents use `svgNaarPngOpDraad`; this is the direct route it must
 * equal byte for byte (`test/word.test.ts`).
 */
export function svgNaarPng(svg: string, schaal = 2): Afbeelding {
  const Resvg = laadResvg();
  const beeld = new Resvg(svg, opties(schaal)).render();
  return afbeelding(beeld, schaal, png(beeld.width, beeld.height, deflateSync(pngRijen(beeld), { level: PNG_NIVEAU })));
}

/**
 * As `svgNaarPng`, with reading the SVG, setting its text and drawing it done on one of libuv's
 * threads (resvg's renderAsync, the same code), and the pixels deflated on one too (zlib's, at the
 * same level): started before a document's Markdown is rendered, a chart is made while the main
 * thread renders. Only copying the rows (some 4 MB a chart) is left to the main thread; resvg's own
 * PNG encoder, which runs where it is asked, took 15–30 ms a chart there. The bytes are those of
 * `svgNaarPng`.
 */
export async function svgNaarPngOpDraad(svg: string, schaal = 2): Promise<Afbeelding> {
  laadResvg();
  const beeld = await renderAsync!(svg, opties(schaal));
  // In one piece of work on the thread (an output buffer of 1 MB; zlib's is 16 KB), not a return to
  // the main thread for every 16 KB: a Word document's text, being built meanwhile, lets the loop turn
  // only every few milliseconds.
  const rijen = pngRijen(beeld);
  const gedeflateerd = await new Promise<Buffer>((klaar, fout) => deflate(rijen, { level: PNG_NIVEAU, chunkSize: Math.max(1 << 16, Math.min(rijen.length, 1 << 20)) }, (e, b) => (e ? fout(e) : klaar(b))));
  return afbeelding(beeld, schaal, png(beeld.width, beeld.height, gedeflateerd));
}
