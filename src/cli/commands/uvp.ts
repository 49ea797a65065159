import path from 'node:path';
import { analyseerUvp } from '../../compute/uvp.js';
import { bestandsnaamDeel, uvpView, type UvpView } from '../../report/uvp.js';
import { verantwoordingView, type VerantwoordingView } from '../../report/verantwoording.js';
import { capaciteitGrafiek, risicoGrafiek } from '../../render/grafieken.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, metTemplates } from '../fouten.js';
import { laadWerkmap, meldOntbrekendeTeksten, meldVoorOpdracht } from '../laad.js';
import { schrijfUitvoer, parseFormaten } from '../schrijf.js';

export interface UvpOpties {
  output: string;
  templates?: string;
  format: string;
  force?: boolean;
}

/**
 * The werkmap read, analysed once and turned into the one view every format renders. In a function of
 * its own so that the werkmap and the analysis can be let go before rendering: at 100.000 lines they
 * are some 230 MB that no renderer needs.
 */
async function bouwView(pad: string): Promise<{ view: UvpView; verantwoording: VerantwoordingView; stam: string } | undefined> {
  const wm = await laadWerkmap(pad);
  const a = analyseerUvp(wm);
  const bladen = ['Instellingen', 'Risicomodel', 'Risicoanalyse', 'Producten', 'Capaciteit', 'Reserveringen', 'Projecten', 'Doelen', 'Teksten', 'Verbeterpunten'] as const;
  if (!meldVoorOpdracht(a.meldingen, wm, [...bladen], ['Producten'])) return undefined;
  meldOntbrekendeTeksten(a.teksten.ontbrekend);
  const view = uvpView(a);
  return { view, verantwoording: verantwoordingView(view, a.meldingen, a.teksten.ontbrekend), stam: `uvp-${wm.instellingen.jaar ?? 'jaar'}-${bestandsnaamDeel(wm.instellingen.gemeente ?? '')}` };
}

export async function uvpOpdracht(pad: string, opts: UvpOpties): Promise<number> {
  const formaten = parseFormaten(opts.format);
  // Templates are checked before anything is computed, so a template error never leaves half a document.
  const render = formaten.has('md') ? metTemplates(() => laadTemplates('uvp', opts.templates)) : undefined;
  const renderVerantwoording = formaten.has('md') ? metTemplates(() => laadTemplates('verantwoording', opts.templates)) : undefined;
  const klaar = await bouwView(pad);
  if (!klaar) return EXIT.PROBLEEM;
  const { view, verantwoording, stam } = klaar;
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  if (formaten.has('md')) {
    const grafieken: { risicoGrafiek?: string; capaciteitGrafiek?: string } = {};
    if (view.risico) {
      grafieken.risicoGrafiek = `${stam}-risico.svg`;
      bestanden.push({ pad: path.join(opts.output, grafieken.risicoGrafiek), inhoud: risicoGrafiek(view.risico, `Risicoanalyse ${view.gemeente} ${view.jaar}`) });
    }
    if (view.capaciteit && view.capaciteit.afdelingen.length + view.capaciteit.extern.length > 0) {
      grafieken.capaciteitGrafiek = `${stam}-capaciteit.svg`;
      bestanden.push({ pad: path.join(opts.output, grafieken.capaciteitGrafiek), inhoud: capaciteitGrafiek(view.capaciteit, `Capaciteit ${view.gemeente} ${view.jaar}`) });
    }
    const md = metTemplates(() => render!({ ...view, ...grafieken }));
    bestanden.unshift({ pad: path.join(opts.output, `${stam}.md`), inhoud: md });
    bestanden.push({ pad: path.join(opts.output, `${stam}-verantwoording.md`), inhoud: metTemplates(() => renderVerantwoording!(verantwoording)) });
  }
  if (formaten.has('xlsx')) {
    const { uvpXlsx } = await import('../../render/uvp-xlsx.js');
    bestanden.push({ pad: path.join(opts.output, `${stam}.xlsx`), inhoud: await uvpXlsx(view, verantwoording) });
  }
  await schrijfUitvoer(bestanden, opts.force);
  for (const b of bestanden) process.stderr.write(`geschreven: ${b.pad}\n`);
  return EXIT.OK;
}
