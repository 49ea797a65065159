import path from 'node:path';
import { analyseer } from '../../compute/controle.js';
import { beoordeelDoelen } from '../../compute/doelen.js';
import { vergelijkRealisatie } from '../../compute/realisatie.js';
import { jaarverslagView } from '../../report/jaarverslag.js';
import { bestandsnaamDeel } from '../../report/uvp.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout, metTemplates } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { schrijfUitvoer } from '../schrijf.js';
import { formatteerMeldingen, kleuren, voortgangsbalk } from '../uitvoer.js';
import { verwerkZaken, type ZakenUitkomst } from '../zaken.js';
import { naleefGroepen } from '../../compute/zaken.js';
import { parseFormaten } from './uvp.js';

export interface JaarverslagOpties {
  output: string;
  zaken?: string;
  templates?: string;
  format: string;
  force?: boolean;
  quiet?: boolean;
}

/** A progress line on a terminal only: never in a pipe or a log. */
function voortgangMelder(stil?: boolean): ((gelezen: number, totaal: number) => void) | undefined {
  if (stil || !process.stderr.isTTY) return undefined;
  return (gelezen, totaal) => {
    const deel = totaal > 0 ? gelezen / totaal : 0;
    process.stderr.write(`\rzaken lezen ${voortgangsbalk(deel)} ${String(Math.floor(deel * 100)).padStart(3)}%${gelezen >= totaal ? '\n' : ''}`);
  };
}

export async function jaarverslagOpdracht(pad: string, opts: JaarverslagOpties): Promise<number> {
  const formaten = parseFormaten(opts.format);
  const render = formaten.has('md') ? metTemplates(() => laadTemplates('jaarverslag', opts.templates)) : undefined;
  const wm = await laadWerkmap(pad);
  const analyse = analyseer(wm);
  const jaar = wm.instellingen.jaar;
  let zaken: ZakenUitkomst | undefined;
  if (opts.zaken) {
    if (!jaar) throw new GebruikFout('de werkmap heeft geen jaar (blad Instellingen): zonder jaar is de tijdigheid niet te bepalen');
    zaken = await verwerkZaken(opts.zaken, jaar, voortgangMelder(opts.quiet), naleefGroepen(wm.instellingen));
    if (zaken.meldingen.length) {
      process.stderr.write(formatteerMeldingen(zaken.meldingen, kleuren(process.stderr)) + '\n');
      process.stderr.write(`${zaken.overgeslagen} van ${zaken.gelezen} zaken overgeslagen; de rest is verwerkt.\n`);
    }
  }
  const realisatie = vergelijkRealisatie(wm, analyse.vraag, zaken?.resultaat);
  const doelen = beoordeelDoelen(wm.doelen ?? [], wm.indicatoren ?? [], zaken?.resultaat);
  const meldingen = [...analyse.meldingen, ...realisatie.meldingen, ...doelen.meldingen];
  const bladen = ['Instellingen', 'Producten', 'Realisatie', 'Doelen', 'Indicatoren', 'Verbeterpunten', 'Teksten'] as const;
  if (!meldVoorOpdracht(meldingen, wm, [...bladen], ['Producten'])) return EXIT.PROBLEEM;
  const stam = `jaarverslag-${jaar ?? 'jaar'}-${bestandsnaamDeel(wm.instellingen.gemeente ?? '')}`;
  const alleMeldingen = [...meldingen, ...(zaken?.meldingen ?? [])];
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  const zakenInfo = zaken && opts.zaken ? { resultaat: zaken.resultaat, bestand: path.basename(opts.zaken) } : undefined;
  if (formaten.has('md')) {
    let grafiek: string | undefined;
    if (realisatie.taakvelden.length) {
      const { realisatieGrafiek } = await import('../../render/grafieken.js');
      grafiek = `${stam}-realisatie.svg`;
      bestanden.push({ pad: path.join(opts.output, grafiek), inhoud: await realisatieGrafiek(realisatie.taakvelden, `Gepland en gerealiseerd ${wm.instellingen.gemeente ?? ''} ${jaar ?? ''}`.trim()) });
    }
    bestanden.unshift({ pad: path.join(opts.output, `${stam}.md`), inhoud: metTemplates(() => render!(jaarverslagView(wm, realisatie, doelen.doelen, zakenInfo, alleMeldingen, grafiek))) });
  }
  if (formaten.has('xlsx')) {
    const { jaarverslagXlsx } = await import('../../render/jaarverslag-xlsx.js');
    bestanden.push({ pad: path.join(opts.output, `${stam}.xlsx`), inhoud: await jaarverslagXlsx(jaarverslagView(wm, realisatie, doelen.doelen, zakenInfo, alleMeldingen)) });
  }
  await schrijfUitvoer(bestanden, opts.force, pad);
  for (const b of bestanden) process.stderr.write(`geschreven: ${b.pad}\n`);
  return EXIT.OK;
}
