import { analyseer } from '../../compute/controle.js';
import { nlGetal } from '../../model/getal.js';
import { risicoView, type RisicoView } from '../../report/risico.js';
import { laadTemplates } from '../../render/handlebars.js';
import { klasseKleur } from '../../render/kleuren.js';
import { risicoJson } from '../../render/risico-json.js';
import { EXIT } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { risicoGrafiek } from '../../render/grafieken.js';
import { schrijfFragment, schrijfJson, schrijfOfToon, schrijfWerkboek } from '../schrijf.js';
import { kleuren, kort, tekstTabel, zonderKleur } from '../uitvoer.js';
import type { ChalkInstance } from 'chalk';

export interface RisicoOpties {
  format: 'tabel' | 'md' | 'xlsx' | 'json';
  output?: string;
  force?: boolean;
}

export function risicoTabel(view: RisicoView, c: ChalkInstance): string {
  const n = view.model.klassen.length;
  const kleur = (niveau: number, s: string) => c.hex(klasseKleur(niveau, n))(s);
  const rijen = view.rijen.map((r) => [
    String(r.rang),
    r.id,
    kort(r.activiteit, 60),
    nlGetal(r.effect, view.model.decimalen.effect, true),
    nlGetal(r.kans, 2),
    nlGetal(r.risico, view.model.decimalen.risico, true),
    kleur(r.klasseNiveau, r.klasse) + (r.bijgesteld ? c.dim(` (berekend: ${r.klasseBerekend})`) : ''),
  ]);
  const tabel = tekstTabel(['#', 'id', 'activiteit', 'effect', 'kans', 'risico', 'klasse'], rijen, [true, false, false, true, true, true, false], c);
  const telling = view.perKlasseAflopend.map((p) => `${kleur(p.niveau, p.klasse)}: ${p.aantal}`).join('   ');
  const regels = [tabel, '', `${telling}   (totaal ${view.totaal})`];
  if (view.zonderScore.length) regels.push(`Zonder volledige scores, niet ingedeeld: ${view.zonderScore.map((z) => z.activiteit).join('; ')}`);
  return regels.join('\n');
}

export async function risicoOpdracht(pad: string, opts: RisicoOpties): Promise<number> {
  const wm = await laadWerkmap(pad);
  const { risico, meldingen } = analyseer(wm);
  if (!meldVoorOpdracht(meldingen, wm, ['Instellingen', 'Risicomodel', 'Risicoanalyse'], ['Risicomodel', 'Risicoanalyse']) || !risico) {
    return EXIT.PROBLEEM;
  }
  const view = risicoView(risico);
  const gemeente = wm.instellingen.gemeente ?? '';
  const jaar = wm.instellingen.jaar ?? '';
  switch (opts.format) {
    case 'tabel':
      await schrijfOfToon(risicoTabel(view, opts.output ? zonderKleur : kleuren()), opts);
      break;
    case 'json':
      await schrijfJson(risicoJson(view), opts);
      break;
    case 'md': {
      const render = laadTemplates('risico');
      await schrijfFragment({
        ...opts,
        render: (grafiek) => render({ gemeente, jaar, risico: view, grafiek }),
        grafiekSuffix: 'kans-effect',
        grafiek: () => risicoGrafiek(view, `Risicoanalyse ${gemeente} ${jaar}`.trim()),
      });
      break;
    }
    case 'xlsx':
      await schrijfWerkboek(opts, 'risico.xlsx', async (wb) => {
        const { voegRisicoBladToe } = await import('../../render/risico-xlsx.js');
        voegRisicoBladToe(wb, view);
      });
      break;
  }
  if (opts.output) process.stderr.write(`geschreven: ${opts.output}\n`);
  return EXIT.OK;
}
