import { OnleesbaarFout } from '../ingest/fout.js';
import { zichtbaar } from '../ingest/tabel.js';
import { plaatsTekst } from '../model/melding.js';
import { BestaatAlFout, SlotBezetFout } from '../render/bestand.js';
import { EXIT, GebruikFout, systeemFoutTekst } from './fouten.js';

/**
 * What a command that failed says on stderr, and its exit code. A module of its own, loaded only when
 * a command fails, so that `vth --help` does not load the readers' and writers' error classes.
 */
export function meldFout(e: unknown, debug: boolean): number {
  if (e instanceof OnleesbaarFout) {
    process.stderr.write(zichtbaar(`vth: ${e.message}${e.plaats.rij ? ` (${plaatsTekst(e.plaats)})` : ''}`) + '\n');
    return EXIT.ONLEESBAAR;
  }
  // Writing refused: an existing file without --force, or another run holding the folder.
  if (e instanceof BestaatAlFout || e instanceof SlotBezetFout) {
    process.stderr.write(zichtbaar(`vth: ${e.message}`) + '\n');
    return EXIT.ONLEESBAAR;
  }
  if (e instanceof GebruikFout) {
    process.stderr.write(zichtbaar(`vth: ${e.message}`) + '\n');
    return e.exitCode;
  }
  const systeem = systeemFoutTekst(e);
  if (systeem && !debug) {
    process.stderr.write(`vth: ${systeem}\n`);
    return EXIT.ONLEESBAAR;
  }
  if (debug) process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  else process.stderr.write(`vth: interne fout: ${(e as Error)?.message ?? e}\n(gebruik --debug voor details)\n`);
  return EXIT.INTERN;
}
