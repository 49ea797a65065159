import { laadWerkmap as laadWerkmapBestand } from '../laden/werkmap.js';
import type { Melding } from '../model/melding.js';
import type { TekstSleutel } from '../model/teksten.js';
import type { BladNaam, Werkmap } from '../model/types.js';
import { isStil, moetHerberekenen } from './looptijd.js';
import { ruimOp } from './opruimen.js';
import { formatteerMeldingen, kleuren, samenvattingTekst } from './uitvoer.js';

/**
 * Reads and models a werkmap, recalculated first when the run asks (`--herbereken`). A large werkmap's
 * raw tables are garbage once it is modelled: collected here, before the command's analysis.
 */
export async function laadWerkmap(pad: string): Promise<Werkmap> {
  const wm = await laadWerkmapBestand(pad, { herbereken: moetHerberekenen() });
  await ruimOp();
  return wm;
}

/**
 * The sheets the programme's figures come from: aantal and kental (Producten, and the register and
 * protocol that set them: Objecten, Frequenties, Toezichtprotocol, Niveaus), the priorities that decide
 * deferral (Risicomodel, Risicoanalyse) and the capacity they are weighed against. An error in any of
 * them changes a figure, so every command that shows one refuses on it.
 */
export const PROGRAMMA_BLADEN: readonly BladNaam[] = ['Instellingen', 'Risicomodel', 'Risicoanalyse', 'Producten', 'Capaciteit', 'Reserveringen', 'Projecten', 'Objecten', 'Frequenties', 'Toezichtprotocol', 'Niveaus'];

/**
 * For a document command: the findings that matter for the sheets it reads. Errors stop the command
 * (nothing is written, exit 1); warnings are shown on stderr and the command goes on.
 * Returns true when the command may go on.
 */
export function meldVoorOpdracht(meldingen: readonly Melding[], wm: Werkmap, bladen: BladNaam[], ontbrekend: BladNaam[] = []): boolean {
  const sleutel = (p: { bestand: string; blad?: string }) => `${p.bestand}|${p.blad}`;
  const nodig = new Set(bladen.flatMap((b) => (wm.bladen[b] ? [sleutel(wm.bladen[b]!)] : [])));
  const bekend = new Set(Object.values(wm.bladen).map((p) => sleutel(p!)));
  // A finding in a sheet this command reads counts; so does one outside every contract sheet, for it
  // concerns the werkmap as a whole (a missing sheet, a sheet that appears twice).
  const relevant = meldingen.filter((m) => m.niveau !== 'melding' && (nodig.has(sleutel(m.plaats)) || !bekend.has(sleutel(m.plaats))));
  const extra: Melding[] = ontbrekend
    .filter((b) => !wm.bladen[b])
    .map((b) => ({ niveau: 'fout', code: 'blad-ontbreekt', bericht: `blad ${b} ontbreekt`, plaats: { bestand: wm.pad } }));
  const alle = [...relevant, ...extra];
  if (alle.length === 0) return true;
  const c = kleuren(process.stderr);
  const getoond = isStil() ? alle.filter((m) => m.niveau === 'fout') : alle;
  if (getoond.length) process.stderr.write(formatteerMeldingen(getoond, c) + '\n');
  const fouten = alle.some((m) => m.niveau === 'fout');
  process.stderr.write(
    fouten
      ? `${samenvattingTekst(alle)}: er is niets geschreven. Los de fouten op (zie ook vth controleer).\n`
      : `${samenvattingTekst(alle)} (zie vth controleer)\n`,
  );
  return !fouten;
}

/** One line on stderr: which chapters show only what the data fills (the list is in the verantwoording). */
export function meldOntbrekendeTeksten(ontbrekend: readonly TekstSleutel[]): void {
  if (!ontbrekend.length || isStil()) return;
  process.stderr.write(
    `${ontbrekend.length} ${ontbrekend.length === 1 ? 'tekst ontbreekt' : 'teksten ontbreken'} in blad Teksten (${ontbrekend.map((s) => s.sleutel).join(', ')}); die hoofdstukken tonen alleen wat de gegevens vullen (zie het verantwoordingsbestand).\n`,
  );
}
