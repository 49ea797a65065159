import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyseer } from '../compute/controle.js';
import { beoordeelIbt, ibtInstellingen, type IbtDrempels, type IbtOordeel } from '../compute/ibt.js';
import { analyseerJaarverslag } from '../compute/jaarverslag.js';
import { naleefGroepen } from '../compute/zaken.js';
import { OnleesbaarFout } from '../ingest/fout.js';
import { isZakenExport } from '../ingest/werkmap.js';
import { normaliseerKop } from '../model/kolommen.js';
import { laadWerkmap } from '../laden/werkmap.js';
import { verwerkZaken } from '../laden/zaken.js';
import { CodeKoppeling } from '../compute/koppeling.js';
import type { ProvincieProfiel } from '../compute/provincie.js';
import { afgerondPerSoort, deelnemerVanRij, deelWerkmap, realisatieZonderDeelnemer, verdeelRegionaal } from '../compute/omgevingsdienst.js';
import type { Werkmap } from '../model/types.js';

/** One municipality in a region: a werkmap (file or folder) and where its case export may be. */
export interface GemeenteTaak {
  index: number;
  /** The entry as found in the region folder (file or folder name). */
  bron: string;
  pad: string;
  zakenMap?: string;
  jaar?: number;
  drempels?: IbtDrempels;
  /** `--provincie`: overrides the werkmap's province. */
  profiel?: ProvincieProfiel;
  /** Why the entry in the region folder cannot even be opened. */
  fout?: string;
  /** An omgevingsdienst's werkmap as a region: `pad` is that werkmap and this deelnemer's part is judged. */
  deelnemer?: string;
}

export type GemeenteUitkomst =
  | { ok: true; index: number; oordeel: IbtOordeel; zaken?: string }
  | { ok: false; index: number; gemeente: string; reden: string };

function stam(s: string): string {
  return normaliseerKop(s.replace(/\.(xlsx|xlsm|csv)$/i, '')).replace(/[^a-z0-9]+/g, '-');
}

/** A case export for this municipality: `zaken*.csv|xlsx` inside its folder, or a file named after it in --zaken-map. */
export function zoekZaken(taak: GemeenteTaak, gemeente: string): string | undefined {
  const kandidaten: string[] = [];
  // A deelnemer's part: an export in the omgevingsdienst's folder holds every deelnemer's cases, so only --zaken-map counts.
  if (!taak.deelnemer && statSync(taak.pad).isDirectory()) {
    for (const f of readdirSync(taak.pad).sort()) if (isZakenExport(f) && /\.(csv|xlsx)$/i.test(f)) kandidaten.push(path.join(taak.pad, f));
  }
  if (taak.zakenMap && existsSync(taak.zakenMap)) {
    const namen = new Set([stam(taak.bron), stam(gemeente)]);
    for (const f of readdirSync(taak.zakenMap).sort()) {
      if (!/\.(csv|xlsx)$/i.test(f)) continue;
      const s = stam(f);
      if (namen.has(s) || [...namen].some((n) => s === `zaken-${n}` || s.endsWith(`-${n}`))) kandidaten.push(path.join(taak.zakenMap, f));
    }
  }
  return kandidaten[0];
}

/** A municipality's name until its werkmap says otherwise: the entry in the region folder. */
export function naamUitBron(bron: string): string {
  return bron.replace(/\.(xlsx|xlsm)$/i, '');
}

/**
 * One deelnemer's part of an omgevingsdienst's werkmap, judged as a municipality's werkmap. It carries
 * the werkmap's findings that concern it: those outside Producten, and those at its own rows; another
 * deelnemer's bad rows are not its problem.
 */
function deelVan(wm: Werkmap, pad: string, deelnemer: string): Werkmap {
  const d = wm.deelnemers?.deelnemers.find((x) => x.naam === deelnemer);
  if (!d) throw new OnleesbaarFout(`deelnemer "${deelnemer}" staat niet (meer) in het blad Deelnemers van ${pad}`, { bestand: pad });
  const regionaal = verdeelRegionaal(wm);
  const deel = deelWerkmap(wm, d, regionaal, afgerondPerSoort(regionaal, wm.deelnemers!.deelnemers.length));
  const vanRij = deelnemerVanRij(wm);
  const eigen = deelnemer.toLowerCase();
  deel.meldingen = [...wm.meldingen, ...realisatieZonderDeelnemer(wm)].filter((m) => {
    const van = vanRij(m);
    return van === undefined || van === eigen;
  });
  return deel;
}

/** Judges one municipality. Never throws for the municipality's own input: that becomes "niet te beoordelen". */
export async function beoordeelGemeente(taak: GemeenteTaak): Promise<GemeenteUitkomst> {
  const naam = naamUitBron(taak.bron);
  if (taak.fout) return { ok: false, index: taak.index, gemeente: naam, reden: `${taak.bron} is ${taak.fout}` };
  try {
    const geheel = taak.deelnemer ? await laadWerkmap(taak.pad) : undefined;
    const wm = taak.deelnemer ? deelVan(geheel!, taak.pad, taak.deelnemer) : await laadWerkmap(taak.pad);
    // The analysis's errors, not only the sheets': an unreadable interval or protocol level changes the
    // planned controls and hours every criterion is judged on. A deelnemer's work is carried by the
    // omgevingsdienst's formatie: criterion 4 judges that, for all deelnemers alike.
    const a = geheel ? { ...analyseer(wm), capaciteit: analyseer(geheel).capaciteit } : analyseer(wm);
    const fouten = a.meldingen.filter((m) => m.niveau === 'fout');
    const gemeente = wm.instellingen.gemeente ?? naam;
    if (!wm.instellingen.jaar) return { ok: false, index: taak.index, gemeente, reden: 'de werkmap heeft geen jaar (blad Instellingen)' };
    if (taak.jaar !== undefined && wm.instellingen.jaar !== taak.jaar) {
      return { ok: false, index: taak.index, gemeente, reden: `de werkmap is voor ${wm.instellingen.jaar}, niet voor ${taak.jaar}` };
    }
    if (fouten.length) {
      const eerste = fouten[0]!;
      return {
        ok: false,
        index: taak.index,
        gemeente,
        reden: `${fouten.length} ${fouten.length === 1 ? 'fout' : 'fouten'} in de werkmap, de eerste: ${eerste.plaats.bestand}${eerste.plaats.blad ? `, blad ${eerste.plaats.blad}` : ''}${eerste.plaats.rij ? `, rij ${eerste.plaats.rij}` : ''}: ${eerste.bericht}`,
      };
    }
    const zakenPad = zoekZaken(taak, gemeente);
    const zaken = zakenPad
      ? await verwerkZaken(zakenPad, wm.instellingen.jaar!, undefined, naleefGroepen(wm.instellingen), {
          koppeling: new CodeKoppeling(wm.producten?.regels ?? [], wm.zaaktypen),
          keuzes: wm.instellingen.zakenKolommen,
          getalnotatie: wm.instellingen.getalnotatie,
        })
      : undefined;
    // An unusable export gives no figures: the criteria that need it are "niet te beoordelen", never rood or groen.
    const bruikbaar = zaken && !zaken.onbruikbaar ? zaken.resultaat : undefined;
    const jv = analyseerJaarverslag(wm, bruikbaar && zakenPad ? { resultaat: bruikbaar, bestand: path.basename(zakenPad) } : undefined, a);
    return {
      ok: true,
      index: taak.index,
      oordeel: beoordeelIbt(wm, a, jv.realisatie, jv.doelen, bruikbaar, ibtInstellingen(taak.drempels, taak.profiel, wm.instellingen.provincie), zaken?.onbruikbaar),
      zaken: zakenPad && path.basename(zakenPad),
    };
  } catch (e) {
    if (e instanceof OnleesbaarFout) return { ok: false, index: taak.index, gemeente: naam, reden: e.message };
    // One municipality's trouble (a file it cannot open, a name the system refuses) never costs the others their report.
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, index: taak.index, gemeente: naam, reden: `fout bij het lezen${code ? ` (${code})` : ''}: ${(e as Error).message}` };
  }
}
