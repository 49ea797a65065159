import { analyseer } from '../../compute/controle.js';
import { parseScenario } from './capaciteit.js';
import { nlDatum } from '../../model/datum.js';
import { sorteerMeldingen } from '../../model/melding.js';
import { frequentieView, type FrequentieView } from '../../report/frequentie.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { isStil } from '../looptijd.js';
import { schrijfOfToon, schrijfWerkboek } from '../schrijf.js';
import { kleuren, tekstTabel, zonderKleur } from '../uitvoer.js';
import type { ChalkInstance } from 'chalk';

export interface FrequentieOpties {
  format: 'tabel' | 'md' | 'xlsx' | 'json';
  output?: string;
  force?: boolean;
  /** `--interval Hoog=6`: a what-if over sheet Frequenties. */
  interval?: string[];
}

function frequentieTabel(v: FrequentieView, c: ChalkInstance): string {
  const klassen = tekstTabel(['klasse', 'objecten', `controles ${v.jaar}`], v.perKlasse.map((k) => [k.klasse, String(k.objecten), String(k.controles)]), [false, true, true], c);
  const codes = v.perCode.length ? tekstTabel(['code', 'objecten', `controles ${v.jaar}`], v.perCode.map((k) => [k.code, String(k.objecten), String(k.aantal)]), [false, true, true], c) : '';
  const regels = [
    `${v.titel}: ${v.totaal.objecten} objecten, ${v.totaal.gepland} met een controle in ${v.jaar}, samen ${v.totaal.controles} controles.`,
    '',
    klassen,
    ...(codes ? ['', codes] : []),
  ];
  if (v.achterstallig.length) {
    regels.push('', c.bold(`Achterstallig bij het begin van ${v.jaar}: ${v.achterstallig.length}`));
    for (const o of v.achterstallig) regels.push(`  ${o.object} ${o.naam}: laatste controle ${o.laatste ? nlDatum(o.laatste) : '-'}, klasse ${o.klasse}`);
  }
  if (v.onbekend.length) {
    regels.push('', c.bold(`Niet te plannen: ${v.onbekend.length}`));
    for (const o of v.onbekend) regels.push(`  ${o.object} ${o.naam}: ${o.reden}`);
  }
  return regels.join('\n');
}

export async function frequentieOpdracht(pad: string, opts: FrequentieOpties): Promise<number> {
  const scenario = parseScenario({ interval: opts.interval });
  const wm = await laadWerkmap(pad);
  const a = analyseer(wm, scenario);
  if (!meldVoorOpdracht(a.meldingen, wm, ['Instellingen', 'Risicomodel', 'Risicoanalyse', 'Objecten', 'Frequenties', 'Producten'], ['Objecten', 'Frequenties'])) return EXIT.PROBLEEM;
  if (scenario.interval && !isStil()) process.stderr.write(`scenario: intervallen ${opts.interval!.join(', ')} in plaats van het blad Frequenties\n`);
  if (!a.frequenties) throw new GebruikFout('de werkmap heeft geen jaar (blad Instellingen): zonder jaar is niet te zeggen welke controles in het programmajaar vallen');
  const view = frequentieView(a.frequenties, wm.instellingen.gemeente ?? '');
  const meldingen = sorteerMeldingen(a.meldingen.filter((m) => ['object-niet-gepland', 'object-klasse', 'object-activiteit', 'aantal-objecten'].includes(m.code) || m.plaats.blad === wm.bladen.Objecten?.blad || m.plaats.blad === wm.bladen.Frequenties?.blad));
  switch (opts.format) {
    case 'tabel':
      await schrijfOfToon(frequentieTabel(view, opts.output ? zonderKleur : kleuren()), opts);
      break;
    case 'json': {
      const { frequentieJson } = await import('../../render/frequentie-json.js');
      await schrijfOfToon(JSON.stringify(frequentieJson(view, meldingen), null, 2), opts);
      break;
    }
    case 'md':
      await schrijfOfToon(laadTemplates('frequentie')({ frequenties: view }), opts);
      break;
    case 'xlsx':
      await schrijfWerkboek(opts, 'frequenties.xlsx', async (wb) => {
        const { voegFrequentieBladenToe } = await import('../../render/frequentie-xlsx.js');
        wb.title = view.titel;
        wb.koptekst = view.titel;
        voegFrequentieBladenToe(wb, view);
      });
      break;
  }
  if (opts.output) process.stderr.write(`geschreven: ${opts.output}\n`);
  return EXIT.OK;
}
