import path from 'node:path';
import { zichtbaar } from '../../ingest/tabel.js';
import { analyseerJaarverslag } from '../../compute/jaarverslag.js';
import { jaarverslagView, type JaarverslagView } from '../../report/jaarverslag.js';
import { bestandsnaamDeel } from '../../report/uvp.js';
import { verantwoordingView, type VerantwoordingView } from '../../report/verantwoording.js';
import { laadAfkortingenlijst } from '../../render/afkortingen.js';
import { laadTemplates } from '../../render/handlebars.js';
import { ruimOp } from '../opruimen.js';
import { EXIT, GebruikFout, metTemplates } from '../fouten.js';
import { laadWerkmap, meldOntbrekendeTeksten, meldVoorOpdracht, PROGRAMMA_BLADEN } from '../laad.js';
import { parseFormaten } from '../schrijf.js';
import { formatteerMeldingen, kleuren, voortgangsbalk } from '../uitvoer.js';
import { verwerkZaken, type ZakenUitkomst } from '../../laden/zaken.js';
import { beginAfbeeldingen, kiesHuisstijl, lettertypenVoorPdf, metHuisstijl, schrijfDocument, titelpagina } from '../word.js';
import { naleefGroepen } from '../../compute/zaken.js';
import { CodeKoppeling } from '../../compute/koppeling.js';
import { nlGetal } from '../../model/getal.js';
import { Rational } from '../../model/rational.js';
import { ZAAK_KOLOMMEN, type ZaakVeld } from '../../model/zaken.js';
import { realisatieGrafiek } from '../../render/grafieken.js';
import { onverklaardeAfkortingen } from '../../report/afkortingen.js';
import { grafiekPalet, type Palet } from '../../render/thema.js';
import { isStil } from '../looptijd.js';
import { sorteerMeldingen, type Melding } from '../../model/melding.js';

export interface JaarverslagOpties {
  output: string;
  zaken?: string;
  templates?: string;
  format: string;
  force?: boolean;
  quiet?: boolean;
  /** `--kolom ontvangen="Datum ontvangst"`: the export's header for a field. */
  kolom?: string[];
  huisstijl?: string;
  /** An omgevingsdienst: a jaarverslag per deelnemer from one case export, and the whole. */
  perDeelnemer?: boolean;
}

/** The user's column choices: the werkmap's export profile, overridden by --kolom. */
export function kolomKeuzes(args: string[] | undefined, profiel: Partial<Record<ZaakVeld, string>> | undefined): Partial<Record<ZaakVeld, string>> {
  const keuzes: Partial<Record<ZaakVeld, string>> = { ...profiel };
  for (const a of args ?? []) {
    const i = a.indexOf('=');
    const veld = a.slice(0, i).trim().toLowerCase();
    if (i <= 0 || !(veld in ZAAK_KOLOMMEN)) {
      throw new GebruikFout(`--kolom "${a}": schrijf VELD=KOP, met als veld ${Object.keys(ZAAK_KOLOMMEN).join(', ')}; bijvoorbeeld --kolom ontvangen="Datum ontvangst"`);
    }
    keuzes[veld as ZaakVeld] = a.slice(i + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return keuzes;
}

/** One line on the terminal: how many cases, which year, how many matched the programme. */
export function zakenSamenvatting(z: ZakenUitkomst, jaar: number): string {
  const r = z.resultaat;
  const k = r.koppeling;
  const pct = (aandeel: Rational | undefined) => (aandeel ? `${nlGetal(aandeel.mul(Rational.of(100n)), 1)}%` : '-');
  const urenTotaal = k.gekoppeld.uren.add(k.ongekoppeld.uren);
  const delen = [
    `zakenexport: ${nlGetal(z.gelezen, 0)} zaken gelezen, ${nlGetal(r.inJaar, 0)} in ${jaar}`,
    ...(r.buitenJaar.length ? [`${r.buitenJaar.map((b) => `${nlGetal(b.zaken, 0)} uit ${b.jaar}`).join(', ')} (niet meegeteld)`] : []),
    ...(r.zonderDatum ? [`${nlGetal(r.zonderDatum, 0)} zonder datum (niet meegeteld)`] : []),
  ];
  const regels = [delen.join('; ') + '.'];
  regels.push(
    `gekoppeld aan het programma: ${nlGetal(k.gekoppeld.zaken, 0)} van ${nlGetal(k.gekoppeld.zaken + k.ongekoppeld.zaken, 0)} zaken (${pct(k.aandeelZaken)}), ${nlGetal(k.gekoppeld.uren, 1)} van ${nlGetal(urenTotaal, 1)} uur (${pct(k.aandeelUren)}).`,
  );
  if (k.ongekoppeld.zaken > 0) {
    regels.push(
      `niet gekoppeld: ${nlGetal(k.ongekoppeld.zaken, 0)} zaken, ${nlGetal(k.ongekoppeld.uren, 1)} uur; meest: ${k.ongekoppeld.meest
        .slice(0, 5)
        .map((m) => `"${m.waarde}" ${nlGetal(m.zaken, 0)}× (${m.reden})`)
        .join(', ')}.`,
    );
  }
  return regels.join('\n');
}

/** A progress line on a terminal only: never in a pipe or a log. */
function voortgangMelder(stil?: boolean): ((gelezen: number, totaal: number) => void) | undefined {
  if (stil || !process.stderr.isTTY) return undefined;
  return (gelezen, totaal) => {
    const deel = totaal > 0 ? gelezen / totaal : 0;
    process.stderr.write(`\rzaken lezen ${voortgangsbalk(deel)} ${String(Math.floor(deel * 100)).padStart(3)}%${gelezen >= totaal ? '\n' : ''}`);
  };
}

/**
 * The werkmap and the export read, analysed once and turned into the one view every format renders; in
 * a function of its own so that werkmap, analysis and cases can be let go before rendering.
 */
async function bouwView(pad: string, opts: JaarverslagOpties): Promise<{ view: JaarverslagView; verantwoording: VerantwoordingView; stam: string; meldingen: Melding[]; bron: string; huisstijl?: string } | undefined> {
  const wm = await laadWerkmap(pad);
  // An omgevingsdienst's realisation belongs to its deelnemers (Realisatie and the export per deelnemer):
  // matched by code alone, one deelnemer's figures would land on another's line. Its jaarverslag is the
  // sum of the parts, which --per-deelnemer writes beside the parts.
  if (wm.deelnemers?.deelnemers.length) {
    throw new GebruikFout(`${path.basename(pad)} is de werkmap van een omgevingsdienst (blad Deelnemers): maak het jaarverslag met --per-deelnemer; dat schrijft het jaarverslag van elke deelnemer en het geheel als hun som`);
  }
  const jaar = wm.instellingen.jaar;
  let zaken: ZakenUitkomst | undefined;
  if (opts.zaken) {
    if (!jaar) throw new GebruikFout('de werkmap heeft geen jaar (blad Instellingen): zonder jaar is de tijdigheid niet te bepalen');
    const koppeling = new CodeKoppeling(wm.producten?.regels ?? [], wm.zaaktypen);
    zaken = await verwerkZaken(opts.zaken, jaar, voortgangMelder(opts.quiet), naleefGroepen(wm.instellingen), {
      koppeling,
      keuzes: kolomKeuzes(opts.kolom, wm.instellingen.zakenKolommen),
      getalnotatie: wm.instellingen.getalnotatie,
    });
    const getoond = isStil() ? zaken.meldingen.filter((m) => m.niveau === 'fout') : zaken.meldingen.filter((m) => m.niveau !== 'melding');
    if (getoond.length) process.stderr.write(formatteerMeldingen(getoond, kleuren(process.stderr)) + '\n');
    if (zaken.onbruikbaar) {
      process.stderr.write(zichtbaar(`De zakenexport is niet bruikbaar: ${zaken.onbruikbaar}. Er is niets geschreven.`) + '\n');
      return undefined;
    }
    if (zaken.overgeslagen) process.stderr.write(`${nlGetal(zaken.overgeslagen, 0)} van ${nlGetal(zaken.gelezen, 0)} zaken overgeslagen; de rest is verwerkt.\n`);
    process.stderr.write(zichtbaar(zakenSamenvatting(zaken, jaar)) + '\n');
  }
  const zakenInfo = zaken && opts.zaken ? { resultaat: zaken.resultaat, bestand: path.basename(opts.zaken) } : undefined;
  const a = analyseerJaarverslag(wm, zakenInfo);
  if (!meldVoorOpdracht(a.meldingen, wm, [...PROGRAMMA_BLADEN, 'Realisatie', 'Doelen', 'Indicatoren', 'Verbeterpunten', 'Teksten', 'Kwaliteitscriteria', 'Medewerkers'], ['Producten'])) return undefined;
  meldOntbrekendeTeksten(a.teksten.ontbrekend);
  const stam = `jaarverslag-${jaar ?? 'jaar'}-${bestandsnaamDeel(wm.instellingen.gemeente ?? '')}`;
  const alleMeldingen = [...a.meldingen, ...(zaken?.meldingen ?? [])];
  const bron = `Bron: uitvoeringsprogramma ${jaar ?? ''} (gepland); ${zakenInfo ? 'registratie in het zaaksysteem' : 'opgave van de realisatie'} (gerealiseerd)`.replace('  ', ' ');
  const view = jaarverslagView(a);
  return { view, verantwoording: verantwoordingView(view, alleMeldingen, a.teksten.ontbrekend, view.zakenVerantwoording), stam, meldingen: alleMeldingen, bron, huisstijl: wm.instellingen.huisstijl };
}

type Render = (view: unknown) => string;

/** The Markdown, charts, JSON, verantwoording and workbook of one jaarverslag view: the same for a municipality and for one deelnemer's part. */
async function jaarverslagBestanden(
  view: JaarverslagView,
  verantwoording: VerantwoordingView,
  stam: string,
  bron: string,
  meldingen: Melding[],
  formaten: Set<string>,
  render: Render | undefined,
  renderVerantwoording: Render | undefined,
  output: string,
  woord?: { palet?: Palet },
): Promise<{ bestanden: { pad: string; inhoud: string | Uint8Array }[]; md?: string; grafieken: Map<string, string>; woordGrafieken: (palet?: Palet) => Map<string, string> }> {
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  let grafiek: string | undefined;
  const grafiekPerTaakveld: Record<string, string> = {};
  if (render && view.realisatie.taakvelden.length) {
    grafiek = `${stam}-realisatie.svg`;
    const namen = new Set<string>();
    for (const t of view.perTaakveld) {
      if (!t.regels.length) continue;
      // Two taakvelden may give the same file-name part ("Toezicht" and "toezicht!"): number the second.
      let deel = bestandsnaamDeel(t.taakveld);
      for (let i = 2; namen.has(deel); i++) deel = `${bestandsnaamDeel(t.taakveld)}-${i}`;
      namen.add(deel);
      grafiekPerTaakveld[t.taakveld] = `${stam}-realisatie-${deel}.svg`;
    }
  }
  // The same charts in vth's colours (the SVG files beside the Markdown) or in the house style's (Word, PDF).
  const maakGrafieken = (palet?: Palet) => {
    const g = new Map<string, string>();
    if (!grafiek) return g;
    // Planned against what was realised on the planned lines: the bars are the table's row per taakveld.
    // The decimals of the tables beside them: per taakveld planned hours whole, realised hours as
    // `uren` prints them; per product (the annex and the deviations) both as `uren`.
    g.set(grafiek, realisatieGrafiek(view.realisatie.taakvelden.map((t) => ({ taakveld: t.taakveld, planUren: t.planUren, uren: t.urenMetPlan })), `Gepland en gerealiseerd ${view.gemeente} ${view.jaar}`.trim(), bron, { gepland: 0, gerealiseerd: 2 }, palet));
    for (const t of view.perTaakveld) {
      const naam = grafiekPerTaakveld[t.taakveld];
      if (!naam) continue;
      g.set(naam, realisatieGrafiek(t.regels.map((r) => ({ taakveld: r.label, planUren: r.planUren, uren: r.uren })), `Gepland en gerealiseerd: ${t.taakveld}, ${view.gemeente} ${view.jaar}`.trim(), bron, { gepland: 2, gerealiseerd: 2 }, palet));
    }
    return g;
  };
  const grafieken = maakGrafieken();
  // A Word document's charts are drawn on libuv's threads while the Markdown is rendered (word.ts).
  if (woord) await beginAfbeeldingen(woord.palet ? maakGrafieken(woord.palet) : grafieken);
  const md = render ? metTemplates(() => render({ ...view, grafiek, grafiekPerTaakveld })) : undefined;
  if (formaten.has('md')) {
    bestanden.push({ pad: path.join(output, `${stam}.md`), inhoud: md! });
    for (const [naam, svg] of grafieken) bestanden.push({ pad: path.join(output, naam), inhoud: svg });
    // Capitals the document's list of abbreviations cannot explain are named for the author.
    const onverklaard = onverklaardeAfkortingen(md!, view.afkortingen ?? []);
    bestanden.push({ pad: path.join(output, `${stam}-verantwoording.md`), inhoud: metTemplates(() => renderVerantwoording!({ ...verantwoording, onverklaardeAfkortingen: onverklaard })) });
  }
  if (formaten.has('json')) {
    const { jaarverslagJson } = await import('../../render/jaarverslag-json.js');
    const json = jaarverslagJson(view, sorteerMeldingen(meldingen));
    bestanden.push({ pad: path.join(output, `${stam}.json`), inhoud: JSON.stringify(json, null, 2) + '\n' });
  }
  if (formaten.has('xlsx')) {
    const { jaarverslagXlsx } = await import('../../render/jaarverslag-xlsx.js');
    bestanden.push({ pad: path.join(output, `${stam}.xlsx`), inhoud: await jaarverslagXlsx(view, verantwoording) });
  }
  return { bestanden, md, grafieken, woordGrafieken: (palet) => (palet ? maakGrafieken(palet) : grafieken) };
}

export type JaarverslagBestanden = typeof jaarverslagBestanden;

export async function jaarverslagOpdracht(pad: string, opts: JaarverslagOpties): Promise<number> {
  const formaten = parseFormaten(opts.format, ['md', 'xlsx', 'json', 'docx', 'pdf'] as const);
  const woord = formaten.has('docx') || formaten.has('pdf');
  const basis = formaten.has('md') || woord ? metTemplates(() => laadTemplates('jaarverslag', opts.templates)) : undefined;
  const afkortingen = basis ? metTemplates(() => laadAfkortingenlijst(opts.templates)) : undefined;
  // The document's Markdown ends with the abbreviations it uses, so every format of it has the list.
  const render = basis ? (v: unknown) => afkortingen!(basis(v), (v as JaarverslagView).afkortingen ?? []) : undefined;
  const renderVerantwoording = formaten.has('md') ? metTemplates(() => laadTemplates('verantwoording', opts.templates)) : undefined;
  if (opts.perDeelnemer) {
    const { jaarverslagPerDeelnemer } = await import('./jaarverslag-deelnemers.js');
    return jaarverslagPerDeelnemer(pad, opts, { formaten, render, renderVerantwoording, bestandenVan: jaarverslagBestanden });
  }
  const klaar = await bouwView(pad, opts);
  if (!klaar) return EXIT.PROBLEEM;
  // The werkmap and its analysis are let go with bouwView: collected before the view is rendered.
  await ruimOp();
  const { view, stam, bron } = klaar;
  // A house style that cannot be read stops the command before anything is written.
  const huisstijl = woord ? await kiesHuisstijl(opts.huisstijl, klaar.huisstijl, pad) : undefined;
  const verantwoording = metHuisstijl({ ...klaar.verantwoording, lettertypen: await lettertypenVoorPdf(huisstijl, formaten.has('pdf')) }, huisstijl);
  const { bestanden, md, woordGrafieken } = await jaarverslagBestanden(view, verantwoording, stam, bron, klaar.meldingen, formaten, render, renderVerantwoording, opts.output, woord ? { palet: grafiekPalet(huisstijl?.thema) } : undefined);
  const grafieken = woordGrafieken(grafiekPalet(huisstijl?.thema));
  return schrijfDocument(
    bestanden,
    woord ? { document: { md: md!, titel: view.titel, titelpagina: titelpagina(view.gemeente, view.jaar, view.vastgesteldOp), auteur: view.gemeente ? `Gemeente ${view.gemeente}` : undefined, datum: view.vastgesteldOp, grafieken, stam }, docx: formaten.has('docx'), pdf: formaten.has('pdf'), huisstijl } : undefined,
    opts,
  );
}
