import { leesWerkmap } from '../ingest/werkmap.js';
import type { Werkmap } from '../model/types.js';
import { bouwWerkmap } from '../model/werkmap.js';

/**
 * Reads and models a werkmap; throws OnleesbaarFout when it cannot be read at all. With `herbereken`
 * the workbooks are first recalculated in a temporary copy through LibreOffice.
 */
export async function laadWerkmap(pad: string, opties: { herbereken?: boolean } = {}): Promise<Werkmap> {
  if (!opties.herbereken) return bouwWerkmap(await leesWerkmap(pad));
  const { herberekenKopie } = await import('../ingest/herbereken.js');
  const kopie = await herberekenKopie(pad);
  try {
    // Findings name the files as the user knows them; the copy keeps their names.
    return bouwWerkmap({ ...(await leesWerkmap(kopie.pad)), pad });
  } finally {
    await kopie.opruimen();
  }
}
