import path from 'node:path';
import type { Huisstijl } from '../render/huisstijl.js';
import type { DocxAfbeelding } from '../render/docx.js';
import type { Afbeelding } from '../render/png.js';
import { svgMaat } from '../render/svg.js';
import type { VerantwoordingView } from '../report/verantwoording.js';
import { dagMaandTekst } from '../report/gedeeld.js';
import { EXIT } from './fouten.js';
import { isStil } from './looptijd.js';
import { schrijfUitvoer } from './schrijf.js';

export interface WordDocument {
  /** The document's Markdown, from the same templates and view as the .md file. */
  md: string;
  titel: string;
  titelpagina: string[];
  /** The municipality, as the document's author; the adoption date, when there is one. */
  auteur?: string;
  datum?: Date;
  /** The charts the Markdown links to: file name → SVG. */
  grafieken: Map<string, string>;
  stam: string;
}

/** Charts being drawn on libuv's threads for a Word document, by their SVG text. */
const bezig = new Map<string, Promise<Afbeelding>>();

/**
 * Starts drawing a Word document's charts as PNG on libuv's threads (`svgNaarPngOpDraad`), to be taken
 * by `wordBestanden` for the same SVG text: a command calls it before it renders the document's
 * Markdown, so that on a machine with a core to spare the charts (some 30 ms for the UVP's two) are
 * ready by the time Word needs them. Nothing is drawn twice; a chart not started here is drawn then.
 */
export async function beginAfbeeldingen(grafieken: Map<string, string>): Promise<void> {
  if (!grafieken.size) return;
  const { svgNaarPngOpDraad } = await import('../render/png.js');
  for (const svg of grafieken.values()) {
    if (bezig.has(svg)) continue;
    const p = svgNaarPngOpDraad(svg);
    // A failure is thrown where the picture is taken (when the document is zipped); not before, unhandled.
    p.catch(() => {});
    bezig.set(svg, p);
  }
}

/**
 * The .docx (and PDF) of a document, as files to write. A PDF that cannot be made (no LibreOffice) is
 * not an error for the other formats: they are still written, and the caller exits 2 with the message.
 */
export async function wordBestanden(
  d: WordDocument,
  formaten: { docx: boolean; pdf: boolean },
  output: string,
  huisstijl: Huisstijl | undefined,
): Promise<{ bestanden: { pad: string; inhoud: Uint8Array }[]; pdfFout?: string }> {
  const { markdownNaarDocx } = await import('../render/docx.js');
  const { svgNaarPngOpDraad } = await import('../render/png.js');
  const afbeeldingen = new Map<string, DocxAfbeelding>();
  for (const [naam, svg] of d.grafieken) {
    const lopend = bezig.get(svg) ?? svgNaarPngOpDraad(svg);
    bezig.delete(svg);
    // The size the chart declares lets the document be built while its PNG is still being drawn; a
    // picture of another shape waits for its drawing.
    const maat = svgMaat(svg) ?? (await lopend);
    const png = lopend.then((a) => a.png);
    // Awaited when the document is zipped; a document that fails before then leaves it unhandled.
    png.catch(() => {});
    afbeeldingen.set(naam, { svg, breedte: maat.breedte, hoogte: maat.hoogte, png });
  }
  const docx = await markdownNaarDocx(d.md, d.titel, { titelpagina: d.titelpagina, afbeeldingen, huisstijl, auteur: d.auteur, datum: d.datum });
  const bestanden: { pad: string; inhoud: Uint8Array }[] = [];
  if (formaten.docx) bestanden.push({ pad: path.join(output, `${d.stam}.docx`), inhoud: docx });
  if (!formaten.pdf) return { bestanden };
  const { docxNaarPdf, PdfFout } = await import('../render/pdf.js');
  try {
    const { pdf, waarschuwing } = await docxNaarPdf(docx, d.stam);
    if (waarschuwing && !isStil()) process.stderr.write(`let op: ${waarschuwing}\n`);
    bestanden.push({ pad: path.join(output, `${d.stam}.pdf`), inhoud: pdf });
    return { bestanden };
  } catch (e) {
    if (e instanceof PdfFout) return { bestanden, pdfFout: e.message };
    throw e;
  }
}

/**
 * For a PDF in a house style: the fonts it names that this machine lacks, for the verantwoording (and a
 * line on stderr), since LibreOffice then sets the PDF in a substitute. Undefined without PDF or house style.
 */
export async function lettertypenVoorPdf(huisstijl: Huisstijl | undefined, pdf: boolean): Promise<VerantwoordingView['lettertypen']> {
  if (!huisstijl || !pdf) return undefined;
  const { huisstijlLettertypen, ontbrekendeLettertypen } = await import('../render/lettertypen.js');
  const vervangen = ontbrekendeLettertypen(huisstijlLettertypen(huisstijl));
  if (vervangen?.length && !isStil()) {
    process.stderr.write(`let op: huisstijl ${huisstijl.naam}: ${vervangen.map((v) => `${v.naam} staat niet op deze computer (in de PDF: ${v.vervanging})`).join('; ')}\n`);
  }
  return { huisstijl: huisstijl.naam, vervangen: vervangen ?? [], onbekend: !vervangen };
}

/**
 * What vth left out of the house style (a link to outside, a picture bullet, a header with a field
 * that fetches) in the verantwoording as well as on stderr: a warning at the reference's name.
 */
export function metHuisstijl(v: VerantwoordingView, hs: Huisstijl | undefined): VerantwoordingView {
  const w = hs?.waarschuwingen ?? [];
  if (!w.length) return v;
  return {
    ...v,
    meldingen: [...v.meldingen, ...w.map((bericht) => ({ niveau: 'waarschuwing' as const, bericht: `huisstijl: ${bericht}`, waar: hs!.naam }))],
    meldingTelling: { ...v.meldingTelling, waarschuwing: v.meldingTelling.waarschuwing + w.length },
  };
}

/** The house style to use: --huisstijl, else the werkmap's setting (relative to the werkmap's folder). */
export async function kiesHuisstijl(optie: string | undefined, instelling: string | undefined, werkmap: string): Promise<Huisstijl | undefined> {
  const pad = optie ?? (instelling ? path.resolve(path.extname(werkmap) ? path.dirname(werkmap) : werkmap, instelling) : undefined);
  if (!pad) return undefined;
  const { laadHuisstijl } = await import('../laden/huisstijl.js');
  const hs = await laadHuisstijl(pad);
  // What is taken other than by its usual name, or left, is said: a house style is never half used in silence.
  if (!isStil()) {
    for (const w of hs.waarschuwingen ?? []) process.stderr.write(`let op: huisstijl ${hs.naam}: ${w}\n`);
    const { huisstijlOpmerkingen } = await import('../render/huisstijl.js');
    for (const o of huisstijlOpmerkingen(hs)) process.stderr.write(`huisstijl ${hs.naam}: ${o}\n`);
  }
  return hs;
}

/** The title page's lines: municipality, year, status. */
export function titelpagina(gemeente: string, jaar: number | string, vastgesteldOp: Date | undefined): string[] {
  const datum = (d: Date) => dagMaandTekst({ dag: d.getUTCDate(), maand: d.getUTCMonth() + 1 }, d.getUTCFullYear());
  return [
    ...(gemeente ? [`Gemeente ${gemeente}`] : []),
    String(jaar),
    vastgesteldOp ? `Vastgesteld door het college van burgemeester en wethouders op ${datum(vastgesteldOp)}` : 'Concept: nog niet vastgesteld door het college',
  ];
}

/**
 * The end of a document command: the Word and PDF files added when asked, everything written at once,
 * each file named; exit 2 when the PDF could not be made (the other formats are written).
 */
export async function schrijfDocument(
  bestanden: { pad: string; inhoud: string | Uint8Array }[],
  woord: { document: WordDocument; docx: boolean; pdf: boolean; huisstijl?: Huisstijl } | undefined,
  opts: { output: string; force?: boolean },
): Promise<number> {
  return schrijfDocumenten(bestanden, woord ? [woord.document] : [], woord ?? { docx: false, pdf: false }, opts, woord?.huisstijl);
}

/**
 * As `schrijfDocument`, for several documents at once (an omgevingsdienst's parts and its whole): every
 * Word and PDF file added, all written in one go; `gelukt` is the exit code when the PDFs could be made.
 */
export async function schrijfDocumenten(
  bestanden: { pad: string; inhoud: string | Uint8Array }[],
  documenten: WordDocument[],
  formaten: { docx: boolean; pdf: boolean },
  opts: { output: string; force?: boolean },
  huisstijl: Huisstijl | undefined,
  gelukt: number = EXIT.OK,
): Promise<number> {
  let pdfFout: string | undefined;
  if (formaten.docx || formaten.pdf) {
    for (const d of documenten) {
      const w = await wordBestanden(d, formaten, opts.output, huisstijl);
      bestanden.push(...w.bestanden);
      pdfFout ??= w.pdfFout;
    }
  }
  await schrijfUitvoer(bestanden, opts.force);
  for (const b of bestanden) process.stderr.write(`geschreven: ${b.pad}\n`);
  if (pdfFout) {
    process.stderr.write(`${pdfFout}. De andere formaten zijn geschreven.\n`);
    return EXIT.ONLEESBAAR;
  }
  return gelukt;
}
