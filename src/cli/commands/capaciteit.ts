import type { ChalkInstance } from 'chalk';
import { Rational } from '../../model/rational.js';
import type { Scenario } from '../../compute/capaciteit.js';
import { aantalVerschillen, type AantalVerschillen } from '../../compute/vraag.js';
import { analyseer } from '../../compute/controle.js';
import { nlGetal, parseGetalTekst } from '../../model/getal.js';
import { capaciteitView, type CapaciteitView } from '../../report/capaciteit.js';
import { capaciteitJson } from '../../render/capaciteit-json.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout } from '../fouten.js';
import { capaciteitGrafiek } from '../../render/grafieken.js';
import { laadWerkmap, meldVoorOpdracht, PROGRAMMA_BLADEN } from '../laad.js';
import { schrijfFragment, schrijfJson, schrijfOfToon, schrijfWerkboek } from '../schrijf.js';
import { kleuren, kort, tekstTabel, zonderKleur } from '../uitvoer.js';

export interface CapaciteitOpties {
  format: 'tabel' | 'md' | 'xlsx' | 'json';
  output?: string;
  force?: boolean;
  fte?: string[];
  productieveUren?: string;
  reservering?: string[];
  /** `--interval Hoog=6`: controls per class over sheet Frequenties. */
  interval?: string[];
}

function splits(arg: string, optie: string, vorm = 'AFDELING=WAARDE', voorbeeld = '"Toezicht=+1,5"'): [string, string] {
  const i = arg.lastIndexOf('=');
  if (i <= 0) throw new GebruikFout(`${optie} "${arg}": schrijf ${vorm}, bijvoorbeeld ${optie} ${voorbeeld}`);
  return [arg.slice(0, i).trim().toLowerCase(), arg.slice(i + 1).trim()];
}

/** Parses the scenario options; a sign means a change, no sign a new value. */
export function parseScenario(opts: Pick<CapaciteitOpties, 'fte' | 'productieveUren' | 'reservering'> & { interval?: string[] }): Scenario {
  const s: Scenario = {};
  for (const arg of opts.interval ?? []) {
    const [wie, w] = splits(arg, '--interval', 'KLASSE=MAANDEN of KLASSE:NALEEFGEDRAG=MAANDEN', 'Hoog=6');
    const [klasse, ng = ''] = wie.split(':').map((x) => x.trim().toLowerCase()) as [string, string?];
    if (ng && !['goed', 'matig', 'slecht'].includes(ng)) throw new GebruikFout(`--interval "${arg}": naleefgedrag "${ng}" moet goed, matig of slecht zijn`);
    // Decimal digits only: Number() would also take 0x10 (16) and 1e1 (10).
    const m = /^\d{1,3}$/.test(w.trim()) ? Number(w.trim()) : Number.NaN;
    if (!Number.isInteger(m) || m < 1 || m > 120) throw new GebruikFout(`--interval "${arg}": "${w}" is geen heel aantal maanden van 1 tot 120`);
    (s.interval ??= new Map()).set(`${klasse}|${ng}`, m);
  }
  for (const arg of opts.fte ?? []) {
    const [afd, w] = splits(arg, '--fte');
    const p = parseGetalTekst(w);
    if (!p || p.procent) throw new GebruikFout(`--fte "${arg}": "${w}" is geen aantal fte`);
    (s.fte ??= new Map()).set(afd, { delta: /^[+\-−]/.test(w), waarde: p.waarde });
  }
  if (opts.productieveUren !== undefined) {
    const p = parseGetalTekst(opts.productieveUren);
    if (!p || p.procent || p.waarde.lte(p.waarde.sub(p.waarde))) throw new GebruikFout(`--productieve-uren "${opts.productieveUren}" is geen positief aantal uren`);
    s.productieveUren = p.waarde;
  }
  for (const arg of opts.reservering ?? []) {
    const [afd, w] = splits(arg, '--reservering');
    const p = parseGetalTekst(w);
    if (!p || p.waarde.isNegative()) throw new GebruikFout(`--reservering "${arg}": "${w}" is geen percentage (5%) of aantal uren`);
    // The same rule as in the werkmap's Reserveringen sheet.
    if (p.procent && p.waarde.gt(Rational.of(100n))) throw new GebruikFout(`--reservering "${arg}": een reservering van meer dan 100% kan niet`);
    (s.reservering ??= new Map()).set(afd, { procent: p.procent, waarde: p.waarde });
  }
  return s;
}

/** What other intervals do to the programme, in words beside the balance (the figures: `aantalVerschillen`). */
export function intervalEffectTekst(e: AantalVerschillen): string {
  if (!e.regels.length) return 'Scenario intervallen: geen aantal in het programma verandert.';
  return [
    `Scenario intervallen: ${nlGetal(e.urenVerschil.isNegative() ? e.urenVerschil.neg() : e.urenVerschil, 0)} uur ${e.urenVerschil.isNegative() ? 'minder' : 'meer'} dan met het blad Frequenties.`,
    ...e.regels.map((r) => `  ${r.code}: ${nlGetal(r.aantal, 0)} → ${nlGetal(r.scenarioAantal, 0)} controles, ${nlGetal(r.uren, 0)} → ${nlGetal(r.scenarioUren, 0)} uur`),
  ].join('\n');
}

export function capaciteitTekst(v: CapaciteitView, c: ChalkInstance): string {
  const onbekend = c.yellow('onbekend');
  const g = (r: Rational | undefined, d: number) => (r ? nlGetal(r, d) : onbekend);
  const saldo = (r: Rational | undefined, d: number) => (!r ? onbekend : r.isNegative() ? c.red.bold(nlGetal(r, d)) : c.green(nlGetal(r, d)));
  const kleurOordeel = (o: string, s: string) => (o === 'toereikend' ? c.green(s) : o === 'niet toereikend' ? c.red.bold(s) : c.yellow(s));
  const regels: string[] = [];
  regels.push(
    tekstTabel(
      ['afdeling', 'fte', 'prod. uren/fte', 'bruto', 'gereserveerd', 'beschikbaar', 'benodigd', 'saldo', 'saldo fte', 'oordeel'],
      v.afdelingen.map((a) => [
        kort(a.afdeling, 32),
        g(a.fte, 2),
        nlGetal(a.productieveUrenPerFte),
        g(a.bruto, 0),
        g(a.gereserveerd, 0),
        g(a.beschikbaar, 0),
        nlGetal(a.benodigd, 0) + (a.zonderUren.length ? ` + ${a.zonderUren.length} zonder uren` : ''),
        saldo(a.saldo, 0),
        saldo(a.saldoFte, 2),
        kleurOordeel(a.oordeel, a.oordeel),
      ]),
      [false, true, true, true, true, true, true, true, true, false],
      c,
    ),
  );
  if (v.extern.length) {
    regels.push('', 'Externe uitvoerders:');
    regels.push(
      tekstTabel(
        ['uitvoerder', 'ingekocht', 'benodigd', 'saldo', 'oordeel'],
        v.extern.map((e) => [
          kort(e.afdeling, 32),
          e.ingekochteUren ? nlGetal(e.ingekochteUren, 0) : c.yellow('niet opgegeven'),
          nlGetal(e.benodigd, 0) + (e.zonderUren.length ? ` + ${e.zonderUren.length} zonder uren` : ''),
          saldo(e.saldo, 0),
          kleurOordeel(e.oordeel, e.oordeel),
        ]),
        [false, true, true, true, false],
        c,
      ),
    );
  }
  regels.push('', v.productieveUrenZin);
  const zonder = v.totaal.zonderUren ? ` (bekend; ${v.totaal.zonderUren === 1 ? '1 regel heeft' : `${v.totaal.zonderUren} regels hebben`} geen uren)` : '';
  regels.push(`Totaal: beschikbaar ${v.totaal.beschikbaar ? `${nlGetal(v.totaal.beschikbaar, 0)} uur` : onbekend}, benodigd ${nlGetal(v.totaal.benodigd, 0)} uur${zonder}, saldo ${v.totaal.saldo ? `${saldo(v.totaal.saldo, 0)} uur` : onbekend}.`);
  if (v.deelnemers) {
    regels.push('', c.bold('Vraag per deelnemer') + ' (eigen producten; het aandeel in de regionale projecten en diensten in hele uren zoals het programma het drukt, afgerond met de grootste rest; het totaal met de exacte aandelen):');
    regels.push(
      tekstTabel(
        ['deelnemer', 'eigen producten', 'regionaal', 'totaal'],
        v.deelnemers.map((d) => [kort(d.deelnemer, 32), nlGetal(d.regels, 0) + (d.zonderUren ? ` + ${d.zonderUren} zonder uren` : ''), nlGetal(d.regionaalAfgerond, 0), nlGetal(d.totaal, 0)]),
        [false, true, true, true],
        c,
      ),
    );
  }
  regels.push('', kleurOordeel(v.oordeel, c.bold(v.oordeelTekst)));
  if (v.uitgesteld.length) {
    const per = !!v.deelnemers;
    regels.push('', c.bold('Voorstel voor uitstel') + ' (nooit wettelijk werk; laagste klasse eerst, daarbinnen door het college verhoogd werk als laatste en het laagste risico eerst):');
    if (v.verdelingZin) regels.push(v.verdelingZin);
    regels.push(
      tekstTabel(
        ['afdeling', ...(per ? ['deelnemer'] : []), 'code', 'product', 'aantal', 'uren', 'klasse'],
        v.uitgesteld.map((u) => [kort(u.afdeling, 24), ...(per ? [kort(u.deelnemer, 24)] : []), u.code, kort(u.product, 44), u.aantal ? `${nlGetal(u.aantal)} van ${nlGetal(u.vanAantal!)}` : '–', nlGetal(u.uren), u.klasse]),
        [false, ...(per ? [false] : []), false, false, true, true, false],
        c,
      ),
    );
    for (const t of v.tekorten) {
      if (!t.perDeelnemer) continue;
      regels.push('', `${t.afdeling}: tekort ${nlGetal(t.tekort, 0)} uur, verdeeld over de deelnemers (in hele uren, afgerond met de grootste rest):`);
      regels.push(
        tekstTabel(
          ['deelnemer', `eigen uren`, 'deel tekort', 'uitgesteld', 'blijft tekort'],
          t.perDeelnemer.map((p) => [kort(p.deelnemer, 32), nlGetal(p.benodigd, 0), nlGetal(p.tekortAfgerond, 0), nlGetal(p.uitgesteldUren, 0), nlGetal(p.rest, 0)]),
          [false, true, true, true, true],
          c,
        ),
      );
    }
    regels.push('', 'Redenen:');
    v.uitgesteld.forEach((u) => regels.push(`  ${u.deelnemer ? `${u.deelnemer}, ` : ''}${u.code || u.product}: ${u.reden}`));
  }
  for (const t of v.tekorten) if (t.restTekst) regels.push('', c.red.bold(`${t.afdeling}: ${t.restTekst}`));
  return regels.join('\n');
}

export async function capaciteitOpdracht(pad: string, opts: CapaciteitOpties): Promise<number> {
  const scenario = parseScenario(opts);
  const wm = await laadWerkmap(pad);
  const { vraag, capaciteit: check, meldingen } = analyseer(wm, scenario);
  // With other intervals: what they change in the programme's periodic controls and hours.
  const intervalEffect = scenario.interval ? aantalVerschillen(analyseer(wm, { ...scenario, interval: undefined }).vraag, vraag) : undefined;
  if (!meldVoorOpdracht(meldingen, wm, [...PROGRAMMA_BLADEN], ['Producten', 'Capaciteit']) || !check) return EXIT.PROBLEEM;
  const view = capaciteitView(check, vraag);
  const gemeente = wm.instellingen.gemeente ?? '';
  const jaar = wm.instellingen.jaar ?? '';
  switch (opts.format) {
    case 'tabel':
      await schrijfOfToon(capaciteitTekst(view, opts.output ? zonderKleur : kleuren()) + (intervalEffect ? `\n\n${intervalEffectTekst(intervalEffect)}` : ''), opts);
      break;
    case 'json':
      await schrijfJson({ ...capaciteitJson(view, check.meldingen), ...(intervalEffect ? { scenarioInterval: intervalEffect.regels.map((r) => ({ code: r.code, aantal: r.aantal.toNumber(), scenarioAantal: r.scenarioAantal.toNumber(), uren: r.uren.toNumber(), scenarioUren: r.scenarioUren.toNumber() })) } : {}) }, opts);
      break;
    case 'md': {
      const render = laadTemplates('capaciteit');
      await schrijfFragment({
        ...opts,
        render: (grafiek) => render({ gemeente, jaar, capaciteit: view, grafiek }),
        grafiekSuffix: 'capaciteit',
        grafiek: () => capaciteitGrafiek(view, `Capaciteit ${gemeente} ${jaar}`.trim()),
      });
      break;
    }
    case 'xlsx':
      await schrijfWerkboek(opts, 'capaciteit.xlsx', async (wb) => {
        const { voegCapaciteitBladToe, voegUitstelBladToe } = await import('../../render/capaciteit-xlsx.js');
        voegCapaciteitBladToe(wb, view);
        voegUitstelBladToe(wb, view);
      });
      break;
  }
  if (opts.output) process.stderr.write(`geschreven: ${opts.output}\n`);
  // Only a verdict made on known figures is a pass: `niet te beoordelen` is a problem to solve, as a shortfall is.
  return check.oordeel === 'toereikend' ? EXIT.OK : EXIT.PROBLEEM;
}
