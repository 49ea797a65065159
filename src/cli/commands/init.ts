import path from 'node:path';
import { nieuweWerkmap } from '../../report/nieuwe-werkmap.js';
import { BestaatAlFout, schrijfAtomair } from '../../render/bestand.js';
import { werkmapXlsx } from '../../render/werkmap-xlsx.js';
import { EXIT, GebruikFout } from '../fouten.js';
import { slotWachtMs } from '../schrijf.js';

export async function initOpdracht(map: string, opts: { gemeente: string; jaar?: number; force?: boolean }): Promise<number> {
  const jaar = opts.jaar ?? new Date().getFullYear() + 1;
  const gemeente = opts.gemeente.trim() || 'Voorbeeldgemeente';
  const doel = path.join(map, 'werkmap.xlsx');
  const inhoud = await werkmapXlsx(nieuweWerkmap(gemeente, jaar), `Werkmap VTH ${jaar} ${gemeente}`);
  try {
    await schrijfAtomair([{ pad: doel, inhoud }], { force: opts.force, slotWachtMs: slotWachtMs() });
  } catch (e) {
    if (e instanceof BestaatAlFout) throw new GebruikFout(`${doel} bestaat al; kies een andere map of gebruik --force`);
    throw e;
  }
  process.stdout.write(
    `Nieuwe werkmap geschreven: ${doel}\nVul de bladen in en controleer met:\n  vth controleer ${doel}\n`,
  );
  return EXIT.OK;
}
