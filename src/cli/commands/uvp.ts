import path from 'node:path';
import { analyseerUvp } from '../../compute/uvp.js';
import { bestandsnaamDeel, uvpView, type UvpView } from '../../report/uvp.js';
import { verantwoordingView, type VerantwoordingView } from '../../report/verantwoording.js';
import { capaciteitGrafiek, risicoGrafiek } from '../../render/grafieken.js';
import { onverklaardeAfkortingen } from '../../report/afkortingen.js';
import { grafiekPalet, type Palet } from '../../render/thema.js';
import { laadAfkortingenlijst } from '../../render/afkortingen.js';
import { laadTemplates } from '../../render/handlebars.js';
import { ruimOp } from '../opruimen.js';
import { EXIT, metTemplates } from '../fouten.js';
import { laadWerkmap, meldOntbrekendeTeksten, meldVoorOpdracht, PROGRAMMA_BLADEN } from '../laad.js';
import { parseFormaten } from '../schrijf.js';
import { beginAfbeeldingen, kiesHuisstijl, lettertypenVoorPdf, metHuisstijl, schrijfDocument, titelpagina } from '../word.js';

export interface UvpOpties {
  output: string;
  templates?: string;
  format: string;
  force?: boolean;
  huisstijl?: string;
  /** An omgevingsdienst's werkmap: a part per deelnemer and the programme as a whole. */
  perDeelnemer?: boolean;
}

/**
 * The werkmap read, analysed once and turned into the one view every format renders. In a function of
 * its own so that the werkmap and the analysis can be let go before rendering: at 100.000 lines they
 * are some 230 MB that no renderer needs.
 */
async function bouwView(pad: string): Promise<{ view: UvpView; verantwoording: VerantwoordingView; stam: string; huisstijl?: string } | undefined> {
  const wm = await laadWerkmap(pad);
  const a = analyseerUvp(wm);
  if (!meldVoorOpdracht(a.meldingen, wm, [...PROGRAMMA_BLADEN, 'Doelen', 'Teksten', 'Verbeterpunten', 'Kwaliteitscriteria', 'Medewerkers'], ['Producten'])) return undefined;
  meldOntbrekendeTeksten(a.teksten.ontbrekend);
  const view = uvpView(a);
  return {
    view,
    verantwoording: verantwoordingView(view, a.meldingen, a.teksten.ontbrekend),
    stam: `uvp-${wm.instellingen.jaar ?? 'jaar'}-${bestandsnaamDeel(wm.instellingen.gemeente ?? '')}`,
    huisstijl: wm.instellingen.huisstijl,
  };
}

type Render = (view: unknown) => string;

/** The Markdown, charts, verantwoording and workbook of one UVP view: the same for a municipality and for one deelnemer's part. */
async function uvpBestanden(
  view: UvpView,
  verantwoording: VerantwoordingView,
  stam: string,
  formaten: Set<string>,
  render: Render | undefined,
  renderVerantwoording: Render | undefined,
  output: string,
  woord?: { palet?: Palet },
): Promise<{ bestanden: { pad: string; inhoud: string | Uint8Array }[]; md?: string; grafieken: Map<string, string>; woordGrafieken: (palet?: Palet) => Map<string, string> }> {
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  const links: { risicoGrafiek?: string; capaciteitGrafiek?: string } = {};
  if (render) {
    if (view.risico) links.risicoGrafiek = `${stam}-risico.svg`;
    if (view.capaciteit && (view.capaciteit.afdelingen.some((a) => a.beschikbaar) || view.capaciteit.extern.some((e) => e.ingekochteUren))) links.capaciteitGrafiek = `${stam}-capaciteit.svg`;
  }
  // The same charts in vth's colours (the SVG files beside the Markdown) or in the house style's (Word, PDF).
  const maakGrafieken = (palet?: Palet) => {
    const g = new Map<string, string>();
    if (links.risicoGrafiek) g.set(links.risicoGrafiek, risicoGrafiek(view.risico!, `Risicoanalyse ${view.gemeente} ${view.jaar}`));
    if (links.capaciteitGrafiek) g.set(links.capaciteitGrafiek, capaciteitGrafiek(view.capaciteit!, `Capaciteit ${view.gemeente} ${view.jaar}`, palet));
    return g;
  };
  const grafieken = maakGrafieken();
  // A Word document's charts are drawn on libuv's threads while the Markdown is rendered (word.ts).
  if (woord) await beginAfbeeldingen(woord.palet ? maakGrafieken(woord.palet) : grafieken);
  const md = render ? metTemplates(() => render({ ...view, ...links })) : undefined;
  if (formaten.has('md')) {
    bestanden.push({ pad: path.join(output, `${stam}.md`), inhoud: md! });
    for (const [naam, svg] of grafieken) bestanden.push({ pad: path.join(output, naam), inhoud: svg });
    // Capitals the document's list of abbreviations cannot explain are named for the author.
    const onverklaard = onverklaardeAfkortingen(md!, view.afkortingen ?? []);
    bestanden.push({ pad: path.join(output, `${stam}-verantwoording.md`), inhoud: metTemplates(() => renderVerantwoording!({ ...verantwoording, onverklaardeAfkortingen: onverklaard })) });
  }
  if (formaten.has('xlsx')) {
    const { uvpXlsx } = await import('../../render/uvp-xlsx.js');
    bestanden.push({ pad: path.join(output, `${stam}.xlsx`), inhoud: await uvpXlsx(view, verantwoording) });
  }
  return { bestanden, md, grafieken, woordGrafieken: (palet) => (palet ? maakGrafieken(palet) : grafieken) };
}

export async function uvpOpdracht(pad: string, opts: UvpOpties): Promise<number> {
  const formaten = parseFormaten(opts.format, ['md', 'xlsx', 'docx', 'pdf'] as const);
  const woord = formaten.has('docx') || formaten.has('pdf');
  // Templates are checked before anything is computed, so a template error never leaves half a document.
  const basis = formaten.has('md') || woord ? metTemplates(() => laadTemplates('uvp', opts.templates)) : undefined;
  const afkortingen = basis ? metTemplates(() => laadAfkortingenlijst(opts.templates)) : undefined;
  // The document's Markdown ends with the abbreviations it uses, so every format of it has the list.
  const render = basis ? (v: unknown) => afkortingen!(basis(v), (v as UvpView).afkortingen ?? []) : undefined;
  const renderVerantwoording = formaten.has('md') ? metTemplates(() => laadTemplates('verantwoording', opts.templates)) : undefined;
  if (opts.perDeelnemer) {
    const renderGeheel = formaten.has('md') || woord ? metTemplates(() => laadTemplates('omgevingsdienst', opts.templates)) : undefined;
    const { perDeelnemerOpdracht } = await import('./uvp-deelnemers.js');
    return perDeelnemerOpdracht(pad, opts, { formaten, render, renderVerantwoording, renderGeheel, uvpBestanden });
  }
  const klaar = await bouwView(pad);
  if (!klaar) return EXIT.PROBLEEM;
  // The werkmap and its analysis are let go with bouwView: collected before the view is rendered.
  await ruimOp();
  const { view, stam } = klaar;
  // A house style that cannot be read stops the command before anything is written.
  const huisstijl = woord ? await kiesHuisstijl(opts.huisstijl, klaar.huisstijl, pad) : undefined;
  const verantwoording = metHuisstijl({ ...klaar.verantwoording, lettertypen: await lettertypenVoorPdf(huisstijl, formaten.has('pdf')) }, huisstijl);
  const { bestanden, md, woordGrafieken } = await uvpBestanden(view, verantwoording, stam, formaten, render, renderVerantwoording, opts.output, woord ? { palet: grafiekPalet(huisstijl?.thema) } : undefined);
  const grafieken = woordGrafieken(grafiekPalet(huisstijl?.thema));
  return schrijfDocument(
    bestanden,
    woord ? { document: { md: md!, titel: view.titel, titelpagina: titelpagina(view.gemeente, view.jaar, view.vastgesteldOp), auteur: view.gemeente ? `Gemeente ${view.gemeente}` : undefined, datum: view.vastgesteldOp, grafieken, stam }, docx: formaten.has('docx'), pdf: formaten.has('pdf'), huisstijl } : undefined,
    opts,
  );
}

export type UvpBestanden = typeof uvpBestanden;
