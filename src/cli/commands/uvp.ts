import path from 'node:path';
import { analyseer } from '../../compute/controle.js';
import { bestandsnaamDeel, uvpView } from '../../report/uvp.js';
import { capaciteitGrafiek, risicoGrafiek } from '../../render/grafieken.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout, metTemplates } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { schrijfUitvoer, parseFormaten } from '../schrijf.js';

export interface UvpOpties {
  output: string;
  templates?: string;
  format: string;
  force?: boolean;
}

export async function uvpOpdracht(pad: string, opts: UvpOpties): Promise<number> {
  const formaten = parseFormaten(opts.format);
  // Templates are checked before anything is computed, so a template error never leaves half a document.
  const render = formaten.has('md') ? metTemplates(() => laadTemplates('uvp', opts.templates)) : undefined;
  const wm = await laadWerkmap(pad);
  const analyse = analyseer(wm);
  const bladen = ['Instellingen', 'Risicomodel', 'Risicoanalyse', 'Producten', 'Capaciteit', 'Reserveringen', 'Projecten', 'Doelen', 'Teksten'] as const;
  if (!meldVoorOpdracht(analyse.meldingen, wm, [...bladen], ['Producten'])) return EXIT.PROBLEEM;
  const stam = `uvp-${wm.instellingen.jaar ?? 'jaar'}-${bestandsnaamDeel(wm.instellingen.gemeente ?? '')}`;
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  if (formaten.has('md')) {
    const grafieken: { risico?: string; capaciteit?: string } = {};
    const voorlopig = uvpView(wm, analyse);
    if (voorlopig.risico) {
      grafieken.risico = `${stam}-risico.svg`;
      bestanden.push({ pad: path.join(opts.output, grafieken.risico), inhoud: risicoGrafiek(voorlopig.risico, `Risicoanalyse ${voorlopig.gemeente} ${voorlopig.jaar}`) });
    }
    if (voorlopig.capaciteit && voorlopig.capaciteit.afdelingen.length + voorlopig.capaciteit.extern.length > 0) {
      grafieken.capaciteit = `${stam}-capaciteit.svg`;
      bestanden.push({ pad: path.join(opts.output, grafieken.capaciteit), inhoud: capaciteitGrafiek(voorlopig.capaciteit, `Capaciteit ${voorlopig.gemeente} ${voorlopig.jaar}`) });
    }
    const md = metTemplates(() => render!(uvpView(wm, analyse, grafieken)));
    bestanden.unshift({ pad: path.join(opts.output, `${stam}.md`), inhoud: md });
  }
  if (formaten.has('xlsx')) {
    const { uvpXlsx } = await import('../../render/uvp-xlsx.js');
    bestanden.push({ pad: path.join(opts.output, `${stam}.xlsx`), inhoud: await uvpXlsx(uvpView(wm, analyse)) });
  }
  await schrijfUitvoer(bestanden, opts.force);
  for (const b of bestanden) process.stderr.write(`geschreven: ${b.pad}\n`);
  return EXIT.OK;
}
