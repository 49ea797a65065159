import { readdirSync, statSync } from 'node:fs';
import { zichtbaar } from '../../ingest/tabel.js';
import os from 'node:os';
import path from 'node:path';
import { CRITERIA, drempelsUit, ibtInstellingen, type IbtDrempels, type Kleur } from '../../compute/ibt.js';
import { decodeer } from '../../ingest/csv.js';
import { leesKleinBestand } from '../../ingest/grenzen.js';
import { ingebouwdProfiel, onbekendeProvincie, profielUitJson, type ProvincieProfiel } from '../../compute/provincie.js';
import { nietBeoordeeld, TOTAALREGEL } from '../../report/ibt.js';
import { laadTemplates } from '../../render/handlebars.js';
import { EXIT, GebruikFout, metTemplates } from '../fouten.js';
import type { GemeenteTaak } from '../../regio/gemeente.js';
import { beoordeelGeïsoleerd } from '../../regio/pool.js';
import type { WerkResultaat } from '../../regio/taak.js';
import { schrijfUitvoer, parseFormaten } from '../schrijf.js';
import { kleuren, voortgangsbalk } from '../uitvoer.js';

export interface IbtOpties extends IbtDrempels {
  output: string;
  provincie?: string;
  jaar?: number;
  zakenMap?: string;
  templates?: string;
  format: string;
  force?: boolean;
  quiet?: boolean;
  werkers?: number;
}


/**
 * The municipalities of a region: every .xlsx file and every folder, sorted by name. An entry that
 * cannot be followed (a symlink to nothing, a symlink loop, no permission) is kept with the reason,
 * so that it gets its row "niet te beoordelen" instead of ending the batch.
 */
export function gemeentenIn(regio: string): { bron: string; pad: string; fout?: string }[] {
  let namen: string[];
  try {
    if (!statSync(regio).isDirectory()) throw new Error();
    namen = readdirSync(regio);
  } catch {
    throw new GebruikFout(`regio "${regio}" is geen map (verwacht: een map met per gemeente een werkmap)`);
  }
  const uit: { bron: string; pad: string; fout?: string }[] = [];
  for (const n of namen.filter((x) => !x.startsWith('.') && !x.startsWith('~$')).sort()) {
    const pad = path.join(regio, n);
    try {
      const s = statSync(pad);
      if (s.isDirectory() || (s.isFile() && /\.(xlsx|xlsm)$/i.test(n))) uit.push({ bron: n, pad });
    } catch (e) {
      // Only what could have been a werkmap (a folder, a workbook) gets a row; a broken link to notes.txt does not.
      if (/\.[a-z0-9]{1,5}$/i.test(n) && !/\.(xlsx|xlsm)$/i.test(n)) continue;
      const code = (e as NodeJS.ErrnoException).code;
      const fout =
        code === 'ENOENT'
          ? 'een verwijzing (symlink) naar iets dat niet bestaat'
          : code === 'ELOOP'
            ? 'een verwijzing (symlink) die in een kring naar zichzelf terugwijst'
            : code === 'EACCES' || code === 'EPERM'
              ? 'geen toegang (rechten)'
              : `niet te openen (${code ?? 'onbekende fout'})`;
      uit.push({ bron: n, pad, fout });
    }
  }
  if (uit.length === 0) throw new GebruikFout(`regio "${regio}" bevat geen werkmappen (.xlsx-bestanden of mappen)`);
  return uit;
}

/**
 * The deelnemers when `regio` is an omgevingsdienst's werkmap: a workbook, or a folder of CSV files
 * (not of werkmappen) with a sheet Deelnemers. Undefined for a region folder of municipalities.
 */
async function deelnemersVan(regio: string): Promise<string[] | undefined> {
  const s = statSync(regio, { throwIfNoEntry: false });
  if (!s) return undefined;
  const werkmap = s.isFile() ? /\.(xlsx|xlsm)$/i.test(regio) : readdirSync(regio).some((f) => /^deelnemers.*\.(csv|xlsx)$/i.test(f));
  if (!werkmap) return undefined;
  const { laadWerkmap } = await import('../../laden/werkmap.js');
  const wm = await laadWerkmap(regio);
  return wm.deelnemers?.deelnemers.map((d) => d.naam);
}

/** `--provincie`: a built-in profile's name, or a user's profile as a .json file. */
export function leesProfiel(s: string): ProvincieProfiel {
  const ingebouwd = ingebouwdProfiel(s);
  if (ingebouwd) return ingebouwd;
  if (!/\.json$/i.test(s)) throw new RangeError(onbekendeProvincie(s));
  // A profile is a few KB: a larger file, a device or a pipe is refused before it is read.
  const gelezen = leesKleinBestand(s, 1024 * 1024);
  if ('reden' in gelezen) throw new RangeError(`provincieprofiel "${s}" ${gelezen.reden}`);
  const bytes = gelezen.inhoud;
  // Saved as Notepad and Excel users save: UTF-8 with or without BOM, UTF-16, Windows-1252.
  return profielUitJson(decodeer(bytes).tekst, s);
}

function meestVoorkomend(jaren: number[]): number | undefined {
  const tel = new Map<number, number>();
  for (const j of jaren) tel.set(j, (tel.get(j) ?? 0) + 1);
  return [...tel].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

export async function ibtOpdracht(regio: string, opts: IbtOpties): Promise<number> {
  const formaten = [...parseFormaten(opts.format, ['md', 'xlsx', 'json'] as const)];
  // Both templates are checked before any municipality is judged.
  const renderOverzicht = formaten.includes('md')
    ? metTemplates(() => {
        laadTemplates('ibt', opts.templates);
        return laadTemplates('ibt-overzicht', opts.templates);
      })
    : undefined;
  if (opts.zakenMap && !statSync(opts.zakenMap, { throwIfNoEntry: false })?.isDirectory()) throw new GebruikFout(`--zaken-map "${opts.zakenMap}" is geen map`);
  const drempels = drempelsUit(opts);
  let profiel: ProvincieProfiel | undefined;
  try {
    profiel = opts.provincie === undefined ? undefined : leesProfiel(opts.provincie);
    ibtInstellingen(drempels, profiel);
  } catch (e) {
    throw new GebruikFout((e as Error).message);
  }
  // An omgevingsdienst's werkmap (sheet Deelnemers) is a region of its own: each deelnemer judged on its part.
  const deelnemers = await deelnemersVan(regio);
  const gemeenten = deelnemers ? deelnemers.map((d) => ({ bron: d, pad: regio, deelnemer: d })) : gemeentenIn(regio);
  const taken: GemeenteTaak[] = gemeenten.map((g, index) => ({ index, bron: g.bron, pad: g.pad, ...('fout' in g && g.fout ? { fout: g.fout } : {}), ...('deelnemer' in g ? { deelnemer: g.deelnemer } : {}), zakenMap: opts.zakenMap, jaar: opts.jaar, drempels, profiel }));
  const opdrachten = taken.map((taak) => ({ taak, formaten, templates: opts.templates }));
  const c = kleuren(process.stderr);
  const terminal = !opts.quiet && process.stderr.isTTY;
  const kleur = (k: Kleur | string) => (k === 'groen' ? c.green(k) : k === 'oranje' ? c.hex('#ef6c00')(k) : k === 'rood' ? c.red(k) : c.dim(k));
  let gedaan = 0;
  const meld = (r: WerkResultaat) => {
    gedaan++;
    if (!terminal) return;
    const regel = r.rij.beoordeeld ? `${zichtbaar(r.rij.gemeente)}: ${kleur(r.rij.totaal)} (${r.rij.kleuren.map((k) => kleur(k)).join(' ')})` : `${zichtbaar(r.rij.gemeente)}: ${c.dim('niet te beoordelen')}: ${zichtbaar(r.rij.reden)}`;
    process.stderr.write(`\r\u001b[2K${regel}\n${voortgangsbalk(gedaan / taken.length)} ${gedaan}/${taken.length}`);
    if (gedaan === taken.length) process.stderr.write('\n');
  };
  const aantalWerkers = Math.max(1, Math.min(opts.werkers ?? 1, os.availableParallelism?.() ?? os.cpus().length, taken.length));
  const resultaten = await beoordeelGeïsoleerd(opdrachten, aantalWerkers, meld);

  // Two folders that hold the same municipality: which one counts is unclear, so neither is judged.
  const perNaam = new Map<string, WerkResultaat[]>();
  for (const r of resultaten.filter((x) => x.rij.beoordeeld)) {
    const k = r.rij.gemeente.trim().toLowerCase();
    perNaam.set(k, [...(perNaam.get(k) ?? []), r]);
  }
  for (const groep of perNaam.values()) {
    if (groep.length < 2) continue;
    for (const r of groep) {
      const anderen = groep.filter((x) => x !== r).map((x) => x.rij.bron).join(', ');
      r.rij = nietBeoordeeld(r.rij.gemeente, r.rij.bron, r.naamBasis, `gemeente "${r.rij.gemeente}" staat ook in ${anderen}; welke werkmap geldt is onduidelijk: verwijder of hernoem er één`);
      r.bestanden = [];
    }
  }
  const beoordeeld = resultaten.filter((r) => r.rij.beoordeeld);
  const jaar = opts.jaar ?? meestVoorkomend(resultaten.flatMap((r) => (r.jaar !== undefined ? [r.jaar] : []))) ?? 'onbekend';
  // Safe, unique names in input order: a name can never leave -o, and two clashing names stay apart.
  const gebruikt = new Set<string>();
  const bestanden: { pad: string; inhoud: string | Uint8Array }[] = [];
  for (const r of resultaten) {
    let naam = r.naamBasis;
    for (let i = 2; gebruikt.has(naam); i++) naam = `${r.naamBasis}-${i}`;
    gebruikt.add(naam);
    r.rij.naam = naam;
    for (const b of r.bestanden) bestanden.push({ pad: path.join(opts.output, `ibt-${jaar}-${naam}.${b.ext}`), inhoud: b.inhoud });
  }
  const rijen = resultaten.map((r) => r.rij);
  const overzicht = {
    jaar,
    aantal: rijen.length,
    beoordeeld: beoordeeld.length,
    nietBeoordeeld: rijen.length - beoordeeld.length,
    regel: TOTAALREGEL,
    criteria: CRITERIA.map((naam, i) => ({ nr: i + 1, naam })),
    rijen,
  };
  if (renderOverzicht) bestanden.push({ pad: path.join(opts.output, `ibt-overzicht-${jaar}.md`), inhoud: renderOverzicht(overzicht) });
  if (formaten.includes('json')) {
    const { rijen: gemeenten, ...kop } = overzicht;
    bestanden.push({ pad: path.join(opts.output, `ibt-overzicht-${jaar}.json`), inhoud: JSON.stringify({ ...kop, gemeenten }, null, 2) + '\n' });
  }
  if (formaten.includes('xlsx')) {
    const { overzichtXlsx } = await import('../../render/ibt-xlsx.js');
    bestanden.push({ pad: path.join(opts.output, `ibt-overzicht-${jaar}.xlsx`), inhoud: await overzichtXlsx(jaar, rijen, CRITERIA, TOTAALREGEL) });
  }
  await schrijfUitvoer(bestanden, opts.force);
  const tel = (k: string) => rijen.filter((r) => r.totaal === k).length;
  process.stdout.write(
    `IBT ${jaar}: ${rijen.length} ${rijen.length === 1 ? 'gemeente' : 'gemeenten'}: ${tel('groen')} groen, ${tel('oranje')} oranje, ${tel('rood')} rood, ${tel('niet te beoordelen')} niet te beoordelen. Overzicht: ${path.join(opts.output, `ibt-overzicht-${jaar}`)}.*\n`,
  );
  for (const r of rijen.filter((x) => !x.beoordeeld)) process.stdout.write(zichtbaar(`  niet te beoordelen: ${r.gemeente} (${r.bron}): ${r.reden}`) + '\n');
  return rijen.some((r) => !r.beoordeeld) ? EXIT.PROBLEEM : EXIT.OK;
}
