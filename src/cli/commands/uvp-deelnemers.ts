import { grafiekPalet } from '../../render/thema.js';
import path from 'node:path';
import { analyseer } from '../../compute/controle.js';
import { analyseerOmgevingsdienst, deelnemerVanRij } from '../../compute/omgevingsdienst.js';
import type { Melding } from '../../model/melding.js';
import type { BladNaam } from '../../model/types.js';
import { omgevingsdienstView } from '../../report/omgevingsdienst.js';
import { bestandsnaamDeel, uvpView } from '../../report/uvp.js';
import { verantwoordingView } from '../../report/verantwoording.js';
import { EXIT, GebruikFout, metTemplates } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { isStil } from '../looptijd.js';
import { formatteerMeldingen, kleuren } from '../uitvoer.js';
import { kiesHuisstijl, metHuisstijl, schrijfDocumenten, titelpagina, type WordDocument } from '../word.js';
import type { UvpBestanden, UvpOpties } from './uvp.js';

type Render = (view: unknown) => string;

// Every sheet a part's figures come from, the register and protocol included (cli/laad.ts PROGRAMMA_BLADEN).
const BLADEN: BladNaam[] = ['Instellingen', 'Deelnemers', 'Risicomodel', 'Risicoanalyse', 'Producten', 'Capaciteit', 'Reserveringen', 'Projecten', 'Objecten', 'Frequenties', 'Toezichtprotocol', 'Niveaus', 'Doelen', 'Teksten', 'Verbeterpunten'];

/** A file-name part made unique among those already given (`den-haag`, `den-haag-2`). */
function uniek(basis: string, gehad: Set<string>): string {
  let naam = basis;
  for (let i = 2; gehad.has(naam); i++) naam = `${basis}-${i}`;
  gehad.add(naam);
  return naam;
}

/**
 * `vth uvp --per-deelnemer`: an omgevingsdienst's werkmap as one UVP part per deelnemer (the same
 * analysis, view and renderers as a municipality's UVP) and the programme as a whole (the matrix of
 * the parts). A finding at a Producten row belongs to that row's deelnemer: an error there costs that
 * deelnemer its part, and the whole programme (whose totals would miss it), not the other parts. An
 * error anywhere else stops everything, as for a municipality. Everything is written at once.
 */
export async function perDeelnemerOpdracht(
  pad: string,
  opts: UvpOpties,
  r: { formaten: Set<string>; render?: Render; renderVerantwoording?: Render; renderGeheel?: Render; uvpBestanden: UvpBestanden },
): Promise<number> {
  const wm = await laadWerkmap(pad);
  if (!wm.deelnemers) {
    throw new GebruikFout(`${pad}: --per-deelnemer vraagt een blad Deelnemers (deelnemer, verdeelsleutel) en een kolom deelnemer in Producten; deze werkmap is die van één gemeente. Laat --per-deelnemer weg.`);
  }
  // The whole: every finding once (the model's, and the checks on the whole tables: printed totals, shares).
  const geheel = analyseer(wm);
  const naamVan = new Map(wm.deelnemers.deelnemers.map((d) => [d.naam.toLowerCase(), d.naam]));
  const vanRij = deelnemerVanRij(wm);
  const algemeen: Melding[] = [];
  const perDeelnemer = new Map<string, Melding[]>();
  for (const m of geheel.meldingen) {
    const rij = vanRij(m);
    const d = rij === undefined ? undefined : (naamVan.get(rij) ?? '');
    if (d === undefined) algemeen.push(m);
    else {
      const lijst = perDeelnemer.get(d);
      if (lijst) lijst.push(m);
      else perDeelnemer.set(d, [m]);
    }
  }
  if (!meldVoorOpdracht(algemeen, wm, BLADEN, ['Producten', 'Deelnemers'])) return EXIT.PROBLEEM;

  const od = analyseerOmgevingsdienst(wm);
  const woord = r.formaten.has('docx') || r.formaten.has('pdf');
  const huisstijl = woord ? await kiesHuisstijl(opts.huisstijl, wm.instellingen.huisstijl, pad) : undefined;
  const jaar = wm.instellingen.jaar ?? 'jaar';
  const gehad = new Set<string>();
  const c = kleuren(process.stderr);
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  const documenten: WordDocument[] = [];
  const stammen = new Map<string, string>();
  const mislukt: string[] = [];
  for (const deel of od.delen) {
    const naam = deel.deelnemer.naam;
    const eigen = [...(perDeelnemer.get(naam) ?? []), ...deel.analyse.meldingen];
    const getoond = (perDeelnemer.get(naam) ?? []).filter((m) => m.niveau !== 'melding' && (!isStil() || m.niveau === 'fout'));
    if (getoond.length) process.stderr.write(`${c.bold(`Deelnemer ${naam}:`)}\n${formatteerMeldingen(getoond, c)}\n`);
    if (eigen.some((m) => m.niveau === 'fout')) {
      mislukt.push(naam);
      process.stderr.write(`Deelnemer ${naam}: de gegevens hebben fouten; voor ${naam} is geen deel geschreven.\n`);
      continue;
    }
    const view = uvpView(deel.analyse);
    const stam = `uvp-${jaar}-${uniek(bestandsnaamDeel(naam), gehad)}`;
    stammen.set(naam, stam);
    const verantwoording = verantwoordingView(view, eigen, deel.analyse.teksten.ontbrekend);
    const uit = await r.uvpBestanden(view, metHuisstijl(verantwoording, huisstijl), stam, r.formaten, r.render, r.renderVerantwoording, opts.output);
    bestanden.push(...uit.bestanden);
    if (woord) documenten.push({ md: uit.md!, titel: view.titel, titelpagina: [naam, `deel van het programma van ${od.naam}`, ...titelpagina('', view.jaar, view.vastgesteldOp)], grafieken: uit.woordGrafieken(grafiekPalet(huisstijl?.thema)), stam });
  }
  // Lines whose deelnemer is unknown belong to no part: the whole would not be the sum of its parts.
  const zonderDeelnemer = (perDeelnemer.get('') ?? []).filter((m) => m.niveau === 'fout');
  if (zonderDeelnemer.length) {
    process.stderr.write(`${formatteerMeldingen(zonderDeelnemer, c)}\n${zonderDeelnemer.length} ${zonderDeelnemer.length === 1 ? 'fout' : 'fouten'} op regels zonder bekende deelnemer.\n`);
  }
  const geheelKlaar = mislukt.length === 0 && zonderDeelnemer.length === 0;
  if (geheelKlaar) {
    const view = omgevingsdienstView(od, stammen);
    const stam = `uvp-${jaar}-${uniek(`${bestandsnaamDeel(od.naam)}-geheel`, gehad)}`;
    const md = r.renderGeheel ? metTemplates(() => r.renderGeheel!(view)) : undefined;
    if (r.formaten.has('md')) bestanden.push({ pad: path.join(opts.output, `${stam}.md`), inhoud: md! });
    if (r.formaten.has('xlsx')) {
      const { omgevingsdienstXlsx } = await import('../../render/omgevingsdienst-xlsx.js');
      bestanden.push({ pad: path.join(opts.output, `${stam}.xlsx`), inhoud: await omgevingsdienstXlsx(view) });
    }
    if (woord) documenten.push({ md: md!, titel: view.titel, titelpagina: [od.naam, 'alle deelnemers', ...titelpagina('', view.jaar, wm.instellingen.uvpVastgesteldOp)], grafieken: new Map(), stam });
  } else {
    process.stderr.write(`Het programma van ${od.naam} als geheel is niet geschreven: ${[mislukt.length ? `${mislukt.length} ${mislukt.length === 1 ? 'deelnemer heeft' : 'deelnemers hebben'} geen deel (${mislukt.join(', ')})` : '', zonderDeelnemer.length ? 'er zijn regels zonder bekende deelnemer' : ''].filter(Boolean).join(' en ')}, dus de totalen zouden niet de som van alle delen zijn.\n`);
  }
  return schrijfDocumenten(bestanden, documenten, { docx: r.formaten.has('docx'), pdf: r.formaten.has('pdf') }, opts, huisstijl, geheelKlaar ? EXIT.OK : EXIT.PROBLEEM);
}
