import { BestaatAlFout, schrijfAtomair } from '../render/bestand.js';
import { GebruikFout } from './fouten.js';

/** Writes a command's output files all-or-nothing; an existing file needs --force (exit 2 otherwise). */
export async function schrijfUitvoer(bestanden: { pad: string; inhoud: string | Uint8Array }[], force?: boolean): Promise<void> {
  try {
    await schrijfAtomair(bestanden, { force });
  } catch (e) {
    if (e instanceof BestaatAlFout) throw new GebruikFout(`${e.pad} bestaat al; gebruik --force om het te overschrijven`);
    throw e;
  }
}

export function schrijfStdout(tekst: string): void {
  process.stdout.write(tekst.endsWith('\n') ? tekst : tekst + '\n');
}
