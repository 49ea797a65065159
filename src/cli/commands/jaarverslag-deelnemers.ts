import { grafiekPalet } from '../../render/thema.js';
import path from 'node:path';
import { analyseer } from '../../compute/controle.js';
import { CodeKoppeling } from '../../compute/koppeling.js';
import { analyseerJaarverslag } from '../../compute/jaarverslag.js';
import { afgerondPerSoort, deelnemerVanRij, deelWerkmap, realisatieZonderDeelnemer, verdeelRegionaal } from '../../compute/omgevingsdienst.js';
import type { Melding } from '../../model/melding.js';
import { naleefGroepen } from '../../compute/zaken.js';
import { zichtbaar } from '../../ingest/tabel.js';
import { verwerkZaken } from '../../laden/zaken.js';
import { nlGetal } from '../../model/getal.js';
import { jaarverslagView } from '../../report/jaarverslag.js';
import { bestandsnaamDeel } from '../../report/uvp.js';
import { verantwoordingView } from '../../report/verantwoording.js';
import { somJaarverslagen } from '../../compute/omgevingsdienst-jaarverslag.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout, metTemplates } from '../fouten.js';
import { laadWerkmap, meldVoorOpdracht } from '../laad.js';
import { isStil } from '../looptijd.js';
import { formatteerMeldingen, kleuren } from '../uitvoer.js';
import { kiesHuisstijl, metHuisstijl, schrijfDocumenten, titelpagina, type WordDocument } from '../word.js';
import { kolomKeuzes, zakenSamenvatting, type JaarverslagBestanden, type JaarverslagOpties } from './jaarverslag.js';

type Render = (view: unknown) => string;

const BLADEN = ['Instellingen', 'Deelnemers', 'Producten', 'Capaciteit', 'Reserveringen', 'Projecten', 'Objecten', 'Frequenties', 'Toezichtprotocol', 'Niveaus', 'Realisatie', 'Doelen', 'Indicatoren', 'Verbeterpunten', 'Teksten'] as const;

/**
 * `vth jaarverslag --per-deelnemer --zaken export`: one case export for all deelnemers, read once. Each
 * case counts for the deelnemer its column deelnemer names; a case whose deelnemer is not in Deelnemers
 * (or is empty) is counted and named, never spread over the others. Per deelnemer its jaarverslag
 * (plan of its part against its cases, through the municipality's analysis and renderers), and the
 * omgevingsdienst's as a whole: every line and every case.
 */
export async function jaarverslagPerDeelnemer(
  pad: string,
  opts: JaarverslagOpties,
  r: { formaten: Set<string>; render?: Render; renderVerantwoording?: Render; bestandenVan: JaarverslagBestanden },
): Promise<number> {
  const wm = await laadWerkmap(pad);
  if (!wm.deelnemers) throw new GebruikFout(`${pad}: --per-deelnemer vraagt een blad Deelnemers; deze werkmap is die van één gemeente. Laat --per-deelnemer weg.`);
  if (!opts.zaken) throw new GebruikFout('--per-deelnemer vraagt een zakenexport (--zaken) met een kolom deelnemer (gemeente, bevoegd gezag, opdrachtgever)');
  const jaar = wm.instellingen.jaar;
  if (!jaar) throw new GebruikFout('de werkmap heeft geen jaar (blad Instellingen): zonder jaar is de tijdigheid niet te bepalen');
  const regionaal = verdeelRegionaal(wm);
  const perSoort = afgerondPerSoort(regionaal, wm.deelnemers.deelnemers.length);
  const delen = wm.deelnemers.deelnemers.map((d) => ({ deelnemer: d, werkmap: deelWerkmap(wm, d, regionaal, perSoort) }));
  const zaken = await verwerkZaken(opts.zaken, jaar, undefined, naleefGroepen(wm.instellingen), {
    koppeling: new CodeKoppeling(wm.producten?.regels ?? [], wm.zaaktypen),
    keuzes: kolomKeuzes(opts.kolom, wm.instellingen.zakenKolommen),
    getalnotatie: wm.instellingen.getalnotatie,
    deelnemers: delen.map((d) => ({ naam: d.deelnemer.naam, koppeling: new CodeKoppeling(d.werkmap.producten?.regels ?? [], wm.zaaktypen) })),
  });
  const c = kleuren(process.stderr);
  const getoond = isStil() ? zaken.meldingen.filter((m) => m.niveau === 'fout') : zaken.meldingen.filter((m) => m.niveau !== 'melding');
  if (getoond.length) process.stderr.write(formatteerMeldingen(getoond, c) + '\n');
  const onbruikbaar = zaken.onbruikbaar ?? (zaken.perDeelnemer ? undefined : 'de zakenexport heeft geen kolom deelnemer (gemeente, bevoegd gezag, opdrachtgever): de zaken zijn niet aan deelnemers toe te wijzen');
  if (onbruikbaar) {
    process.stderr.write(zichtbaar(`De zakenexport is niet bruikbaar: ${onbruikbaar}. Er is niets geschreven.`) + '\n');
    return EXIT.PROBLEEM;
  }
  process.stderr.write(zichtbaar(zakenSamenvatting(zaken, jaar)) + '\n');
  const bestand = path.basename(opts.zaken);
  // The werkmap's findings once, on the whole. A finding at a row of Producten, Objecten or Realisatie
  // belongs to that row's deelnemer: an error there costs that part (and the whole), not the others.
  const geheel = analyseer(wm);
  const naamVan = new Map(wm.deelnemers.deelnemers.map((d) => [d.naam.toLowerCase(), d.naam]));
  const vanRij = deelnemerVanRij(wm);
  const algemeen: Melding[] = [];
  const perDeelnemer = new Map<string, Melding[]>();
  for (const m of [...geheel.meldingen, ...realisatieZonderDeelnemer(wm)]) {
    const rij = vanRij(m);
    if (rij === undefined) algemeen.push(m);
    else {
      const d = naamVan.get(rij) ?? '';
      const lijst = perDeelnemer.get(d);
      if (lijst) lijst.push(m);
      else perDeelnemer.set(d, [m]);
    }
  }
  if (!meldVoorOpdracht(algemeen, wm, [...BLADEN], ['Producten', 'Deelnemers'])) return EXIT.PROBLEEM;
  const relevant = new Set([...BLADEN].flatMap((b) => (wm.bladen[b] ? [`${wm.bladen[b]!.bestand}|${wm.bladen[b]!.blad}`] : [])));
  const telt = (m: Melding) => m.niveau !== 'melding' && relevant.has(`${m.plaats.bestand}|${m.plaats.blad}`) && (!isStil() || m.niveau === 'fout');
  // Rows of no known deelnemer: shown, and an error there keeps the whole from being written.
  const zonderDeelnemer = (perDeelnemer.get('') ?? []).filter(telt);
  if (zonderDeelnemer.length) process.stderr.write(formatteerMeldingen(zonderDeelnemer, c) + '\n');
  const foutZonderDeelnemer = zonderDeelnemer.some((m) => m.niveau === 'fout');

  const woord = r.formaten.has('docx') || r.formaten.has('pdf');
  const huisstijl = woord ? await kiesHuisstijl(opts.huisstijl, wm.instellingen.huisstijl, pad) : undefined;
  // The charts' source line speaks of the data, as the municipality's jaarverslag does, never of sheets or files.
  const bron = `Bron: uitvoeringsprogramma ${jaar} (gepland); registratie in het zaaksysteem (gerealiseerd)`;
  const gehad = new Set<string>();
  const uniek = (basis: string) => {
    let naam = basis;
    for (let i = 2; gehad.has(naam); i++) naam = `${basis}-${i}`;
    gehad.add(naam);
    return naam;
  };
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  const documenten: WordDocument[] = [];
  let mislukt = 0;
  const gelukt: { deelnemer: string; analyse: ReturnType<typeof analyseerJaarverslag>; zaken: NonNullable<typeof zaken.perDeelnemer> extends Map<string, infer Z> ? Z : never }[] = [];
  for (const d of delen) {
    const naam = d.deelnemer.naam;
    const eigen = zaken.perDeelnemer!.get(naam.toLowerCase())!;
    const rijen = (perDeelnemer.get(naam) ?? []).filter(telt);
    if (rijen.length) process.stderr.write(`${c.bold(`Deelnemer ${naam}:`)}\n${formatteerMeldingen(rijen, c)}\n`);
    const a = analyseerJaarverslag(d.werkmap, { resultaat: eigen, bestand });
    if (rijen.some((m) => m.niveau === 'fout') || a.meldingen.some((m) => m.niveau === 'fout')) {
      mislukt++;
      const fouten = a.meldingen.filter((m) => m.niveau === 'fout');
      process.stderr.write(`${fouten.length ? `${formatteerMeldingen(fouten, c)}\n` : ''}Deelnemer ${naam}: de gegevens hebben fouten; voor ${naam} is geen jaarverslag geschreven.\n`);
      continue;
    }
    gelukt.push({ deelnemer: naam, analyse: a, zaken: eigen });
    const view = jaarverslagView(a);
    const stam = `jaarverslag-${jaar}-${uniek(bestandsnaamDeel(naam))}`;
    const uit = await r.bestandenVan(view, metHuisstijl(verantwoordingView(view, a.meldingen, a.teksten.ontbrekend, view.zakenVerantwoording), huisstijl), stam, bron, a.meldingen, r.formaten, r.render, r.renderVerantwoording, opts.output);
    bestanden.push(...uit.bestanden);
    if (woord) documenten.push({ md: uit.md!, titel: view.titel, titelpagina: [naam, `deel van het jaarverslag van ${wm.instellingen.gemeente ?? 'de omgevingsdienst'}`, ...titelpagina('', view.jaar, view.vastgesteldOp)], grafieken: uit.woordGrafieken(grafiekPalet(huisstijl?.thema)), stam });
  }
  // The whole: the sum of the parts, with the cases of unknown deelnemers counted and named apart.
  const onbekend = zaken.onbekendeDeelnemers ?? [];
  if (onbekend.length) {
    process.stderr.write(
      zichtbaar(`${nlGetal(onbekend.reduce((t, o) => t + o.zaken, 0), 0)} zaken hebben een deelnemer die niet in Deelnemers staat (${onbekend.map((o) => `${o.naam || '(leeg)'}: ${o.zaken}`).join(', ')}); ze zijn geteld in het jaarverslag van de omgevingsdienst, bij geen deelnemer, en niet over de deelnemers verdeeld.`) + '\n',
    );
  }
  if (mislukt === 0 && !foutZonderDeelnemer && r.formaten.has('md')) {
    const som = somJaarverslagen(wm.instellingen.gemeente ?? '', jaar, gelukt, onbekend, zaken.resultaat);
    const renderGeheel = metTemplates(() => laadTemplates('omgevingsdienst-jaarverslag', opts.templates));
    const stam = `jaarverslag-${jaar}-${uniek(`${bestandsnaamDeel(wm.instellingen.gemeente ?? '')}-geheel`)}`;
    bestanden.push({ pad: path.join(opts.output, `${stam}.md`), inhoud: metTemplates(() => renderGeheel(som)) });
  } else if (mislukt || foutZonderDeelnemer) {
    process.stderr.write(`Het jaarverslag van ${wm.instellingen.gemeente ?? 'de omgevingsdienst'} als geheel is niet geschreven: ${[mislukt ? `${mislukt} ${mislukt === 1 ? 'deelnemer heeft' : 'deelnemers hebben'} geen deel` : '', foutZonderDeelnemer ? 'er zijn fouten op regels zonder bekende deelnemer' : ''].filter(Boolean).join(' en ')}.\n`);
  }
  return schrijfDocumenten(bestanden, documenten, { docx: r.formaten.has('docx'), pdf: r.formaten.has('pdf') }, opts, huisstijl, mislukt || foutZonderDeelnemer ? EXIT.PROBLEEM : EXIT.OK);
}
