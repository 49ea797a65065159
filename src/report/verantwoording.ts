import type { Melding } from '../model/melding.js';
import type { TekstSleutel } from '../model/teksten.js';
import { meldingenView, type MeldingenView } from './gedeeld.js';
import type { ZakenVerantwoording } from './jaarverslag.js';

/**
 * What stands behind a document, for the beleidsmedewerker and the auditor, not the college: the
 * findings of the input check and the chapters that still lack the municipality's own text.
 */
export interface VerantwoordingView extends MeldingenView {
  titel: string;
  document: string;
  gemeente: string;
  jaar: number | string;
  ontbrekendeTeksten: { sleutel: string; hoofdstuk: string; hint: string }[];
  /** The jaarverslag's accounting of the case export: which cases counted and which did not (not for the college). */
  zaken?: ZakenVerantwoording;
  /** For a PDF in a house style: its fonts this machine lacks and their substitutes; `onbekend` when that could not be checked. */
  lettertypen?: { huisstijl: string; vervangen: { naam: string; vervanging: string }[]; onbekend: boolean };
  /** Capitals in the document that the list of abbreviations cannot explain (no meaning known). */
  onverklaardeAfkortingen?: string[];
}

export function verantwoordingView(
  document: { titel: string; gemeente: string; jaar: number | string },
  meldingen: readonly Melding[],
  ontbrekend: readonly TekstSleutel[],
  zaken?: ZakenVerantwoording,
): VerantwoordingView {
  return {
    titel: `Verantwoording bij: ${document.titel}`,
    document: document.titel,
    gemeente: document.gemeente,
    jaar: document.jaar,
    ontbrekendeTeksten: ontbrekend.map((s) => ({ sleutel: s.sleutel, hoofdstuk: s.hoofdstuk, hint: s.hint })),
    zaken,
    // Notices about missing texts are listed above as a table of their own; the other notices that
    // explain a figure stay.
    ...meldingenView(
      meldingen.filter((m) => m.code !== 'tekst-ontbreekt'),
      (m) => m.code === 'regel-zonder-prioriteit',
    ),
  };
}
