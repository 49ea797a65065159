import path from 'node:path';
import { analyseerUvp } from '../../compute/uvp.js';
import { bestandsnaamDeel, uvpView, type UvpView } from '../../report/uvp.js';
import { verantwoordingView, type VerantwoordingView } from '../../report/verantwoording.js';
import { capaciteitGrafiek, risicoGrafiek } from '../../render/grafieken.js';
import { laadAfkortingenlijst } from '../../render/afkortingen.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, metTemplates } from '../fouten.js';
import { laadWerkmap, meldOntbrekendeTeksten, meldVoorOpdracht, PROGRAMMA_BLADEN } from '../laad.js';
import { parseFormaten } from '../schrijf.js';
import { kiesHuisstijl, schrijfDocument, titelpagina } from '../word.js';

export interface UvpOpties {
  output: string;
  templates?: string;
  format: string;
  force?: boolean;
  huisstijl?: string;
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

export async function uvpOpdracht(pad: string, opts: UvpOpties): Promise<number> {
  const formaten = parseFormaten(opts.format, ['md', 'xlsx', 'docx', 'pdf'] as const);
  const woord = formaten.has('docx') || formaten.has('pdf');
  // Templates are checked before anything is computed, so a template error never leaves half a document.
  const render = formaten.has('md') || woord ? metTemplates(() => laadTemplates('uvp', opts.templates)) : undefined;
  const afkortingen = render ? metTemplates(() => laadAfkortingenlijst(opts.templates)) : undefined;
  const renderVerantwoording = formaten.has('md') ? metTemplates(() => laadTemplates('verantwoording', opts.templates)) : undefined;
  const klaar = await bouwView(pad);
  if (!klaar) return EXIT.PROBLEEM;
  const { view, verantwoording, stam } = klaar;
  // A house style that cannot be read stops the command before anything is written.
  const huisstijl = woord ? await kiesHuisstijl(opts.huisstijl, klaar.huisstijl, pad) : undefined;
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  const grafieken = new Map<string, string>();
  const links: { risicoGrafiek?: string; capaciteitGrafiek?: string } = {};
  if (render) {
    if (view.risico) {
      links.risicoGrafiek = `${stam}-risico.svg`;
      grafieken.set(links.risicoGrafiek, risicoGrafiek(view.risico, `Risicoanalyse ${view.gemeente} ${view.jaar}`));
    }
    if (view.capaciteit && (view.capaciteit.afdelingen.some((a) => a.beschikbaar) || view.capaciteit.extern.some((e) => e.ingekochteUren))) {
      links.capaciteitGrafiek = `${stam}-capaciteit.svg`;
      grafieken.set(links.capaciteitGrafiek, capaciteitGrafiek(view.capaciteit, `Capaciteit ${view.gemeente} ${view.jaar}`));
    }
  }
  const md = render ? metTemplates(() => afkortingen!(render({ ...view, ...links }), view.afkortingen)) : undefined;
  if (formaten.has('md')) {
    bestanden.push({ pad: path.join(opts.output, `${stam}.md`), inhoud: md! });
    for (const [naam, svg] of grafieken) bestanden.push({ pad: path.join(opts.output, naam), inhoud: svg });
    bestanden.push({ pad: path.join(opts.output, `${stam}-verantwoording.md`), inhoud: metTemplates(() => renderVerantwoording!(verantwoording)) });
  }
  if (formaten.has('xlsx')) {
    const { uvpXlsx } = await import('../../render/uvp-xlsx.js');
    bestanden.push({ pad: path.join(opts.output, `${stam}.xlsx`), inhoud: await uvpXlsx(view, verantwoording) });
  }
  return schrijfDocument(
    bestanden,
    woord ? { document: { md: md!, titel: view.titel, titelpagina: titelpagina(view.gemeente, view.jaar, view.vastgesteldOp), auteur: view.gemeente ? `Gemeente ${view.gemeente}` : undefined, datum: view.vastgesteldOp, grafieken, stam }, docx: formaten.has('docx'), pdf: formaten.has('pdf'), huisstijl } : undefined,
    opts,
  );
}
