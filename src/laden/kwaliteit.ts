import path from 'node:path';
import { CodeKoppeling } from '../compute/koppeling.js';
import { heeftGebiedKoppeling, kcUrenUitExport, type KcExportUren } from '../compute/kwaliteit.js';
import { naleefGroepen } from '../compute/zaken.js';
import { nlGetal } from '../model/getal.js';
import type { Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Werkmap } from '../model/types.js';
import { verwerkZaken } from './zaken.js';

/**
 * The hours per person per area from a case export with a column `medewerker`, for `vth kwaliteit
 * --zaken`. A usage problem (no year, no mapping, no such column, an unusable export) is a Dutch
 * sentence the command turns into exit 2 or 1; the export's own findings come back to be shown.
 */
export async function kcUrenUitZaken(
  pad: string,
  wm: Werkmap,
): Promise<{ exportUren?: KcExportUren; zonderGebied: Rational; meldingen: Melding[]; probleem?: string; samenvatting: string }> {
  const jaar = wm.instellingen.jaar;
  if (!jaar) return { zonderGebied: Rational.ZERO, meldingen: [], probleem: 'de werkmap heeft geen jaar (blad Instellingen): zonder jaar is niet te zeggen welke zaken in het jaar vallen', samenvatting: '' };
  if (!heeftGebiedKoppeling(wm)) {
    return { zonderGebied: Rational.ZERO, meldingen: [], probleem: 'met --zaken komen de uren per gebied uit de zakenexport, maar Producten en Zaaktypen hebben geen kolom gebied die een productcode of zaaktype aan een deskundigheidsgebied koppelt', samenvatting: '' };
  }
  const bron = path.basename(pad);
  const u = await verwerkZaken(pad, jaar, undefined, naleefGroepen(wm.instellingen), {
    koppeling: new CodeKoppeling(wm.producten?.regels ?? [], wm.zaaktypen),
    keuzes: wm.instellingen.zakenKolommen,
    getalnotatie: wm.instellingen.getalnotatie,
  });
  if (u.onbruikbaar) return { zonderGebied: Rational.ZERO, meldingen: u.meldingen, probleem: `de zakenexport ${bron} is niet bruikbaar: ${u.onbruikbaar}`, samenvatting: '' };
  const per = u.resultaat.urenPerMedewerker;
  if (per.length === 0) {
    return { zonderGebied: Rational.ZERO, meldingen: u.meldingen, probleem: `de zakenexport ${bron} heeft geen kolom medewerker (of behandelaar) met uren van gekoppelde zaken in ${jaar}; zonder die kolom blijven de uren uit blad Medewerkers gelden: laat --zaken dan weg`, samenvatting: '' };
  }
  const r = kcUrenUitExport(per, wm, bron);
  const mensen = new Set(per.map((p) => p.medewerker.toLowerCase())).size;
  return {
    exportUren: r.exportUren,
    zonderGebied: r.zonderGebied,
    meldingen: [...u.meldingen, ...r.meldingen],
    samenvatting: `zakenexport ${bron}: uren van ${mensen} medewerkers in ${jaar}${r.zonderGebied.isZero() ? '' : `; ${nlGetal(r.zonderGebied, 1)} uur op codes zonder gebied tellen bij geen gebied`}`,
  };
}

