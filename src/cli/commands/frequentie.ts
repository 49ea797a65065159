import { analyseer } from '../../compute/controle.js';
import { parseScenario } from './capaciteit.js';
import { nlDatum } from '../../model/datum.js';
import { sorteerMeldingen } from '../../model/melding.js';
import { frequentieView, type FrequentieView } from '../../report/frequentie.js';
import { laadTemplates } from '../../render/handlebars.js';
import type { ZakenResultaat } from '../../compute/zaken.js';
import { EXIT, GebruikFout } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { isStil } from '../looptijd.js';
import { schrijfJson, schrijfOfToon, schrijfWerkboek } from '../schrijf.js';
import { kleuren, tekstTabel, zonderKleur } from '../uitvoer.js';
import type { ChalkInstance } from 'chalk';

export interface FrequentieOpties {
  format: 'tabel' | 'md' | 'xlsx' | 'json';
  output?: string;
  force?: boolean;
  /** `--interval Hoog=6`: a what-if over sheet Frequenties. */
  interval?: string[];
  /** A case export whose inspection results per object give the compliance (with `naleefgedrag uit controles`). */
  zaken?: string;
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

/**
 * The werkmap read and planned, turned into the view every format renders and the findings it shows;
 * an exit code when the command stops. In a function of its own so that the werkmap and the analysis
 * are let go before the output is made: for a register of 100.000 objects that is the peak.
 */
async function bouwView(pad: string, opts: FrequentieOpties): Promise<{ view: FrequentieView; meldingen: ReturnType<typeof sorteerMeldingen> } | number> {
  const scenario = parseScenario({ interval: opts.interval });
  const wm = await laadWerkmap(pad);
  let zaken: ZakenResultaat | undefined;
  if (opts.zaken) {
    if (!wm.instellingen.jaar) throw new GebruikFout('de werkmap heeft geen jaar (blad Instellingen)');
    if (!wm.instellingen.naleefgedragUitControles) {
      throw new GebruikFout('--zaken geeft het naleefgedrag per object alleen met de instelling "naleefgedrag uit controles" (het aantal laatste controles, bijvoorbeeld 2) in Instellingen');
    }
    const { verwerkZaken } = await import('../../laden/zaken.js');
    const { naleefGroepen } = await import('../../compute/zaken.js');
    const { CodeKoppeling } = await import('../../compute/koppeling.js');
    const u = await verwerkZaken(opts.zaken, wm.instellingen.jaar, undefined, naleefGroepen(wm.instellingen), {
      koppeling: new CodeKoppeling(wm.producten?.regels ?? [], wm.zaaktypen),
      keuzes: wm.instellingen.zakenKolommen,
      getalnotatie: wm.instellingen.getalnotatie,
    });
    zaken = u.resultaat;
  }
  const a = analyseer(wm, scenario, zaken);
  if (zaken && !isStil()) {
    const k = a.objectKoppeling;
    const n = zaken.controlesPerObject.length;
    process.stderr.write(
      `zakenexport: ${n ? `controles met een resultaat bij ${n} objecten, waarvan ${k?.gekoppeld ?? 0} in het objectenregister gevonden` : 'geen controles met een object en een resultaat (kolommen object en resultaat); het naleefgedrag komt uit het register'}\n`,
    );
  }
  if (!meldVoorOpdracht(a.meldingen, wm, ['Instellingen', 'Risicomodel', 'Risicoanalyse', 'Objecten', 'Frequenties', 'Producten'], ['Objecten', 'Frequenties'])) return EXIT.PROBLEEM;
  if (scenario.interval && !isStil()) process.stderr.write(`scenario: intervallen ${opts.interval!.join(', ')} in plaats van het blad Frequenties\n`);
  if (!a.frequenties) throw new GebruikFout('de werkmap heeft geen jaar (blad Instellingen): zonder jaar is niet te zeggen welke controles in het programmajaar vallen');
  const view = frequentieView(a.frequenties, wm.instellingen.gemeente ?? '');
  const meldingen = sorteerMeldingen(a.meldingen.filter((m) => ['object-niet-gepland', 'object-klasse', 'object-activiteit', 'aantal-objecten'].includes(m.code) || m.plaats.blad === wm.bladen.Objecten?.blad || m.plaats.blad === wm.bladen.Frequenties?.blad));
  return { view, meldingen };
}

export async function frequentieOpdracht(pad: string, opts: FrequentieOpties): Promise<number> {
  const klaar = await bouwView(pad, opts);
  if (typeof klaar === 'number') return klaar;
  const { view, meldingen } = klaar;
  switch (opts.format) {
    case 'tabel':
      await schrijfOfToon(frequentieTabel(view, opts.output ? zonderKleur : kleuren()), opts);
      break;
    case 'json': {
      const { frequentieJson } = await import('../../render/frequentie-json.js');
      await schrijfJson(frequentieJson(view, meldingen), opts);
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
