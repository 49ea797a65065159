import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ZakenTelling, type NaleefGroepen, type ZakenResultaat } from '../compute/zaken.js';
import { OnleesbaarFout } from '../ingest/fout.js';
import { stroomRijen } from '../ingest/stroom.js';
import { melding, type Melding } from '../model/melding.js';
import { ZakenLezer } from '../model/zaken.js';

export interface ZakenUitkomst {
  resultaat: ZakenResultaat;
  meldingen: Melding[];
  gelezen: number;
  overgeslagen: number;
}

/** Streams a Zaken export through the reader into the aggregate: memory stays flat whatever its size. */
export async function verwerkZaken(
  pad: string,
  jaar: number,
  voortgang?: (gelezen: number, totaal: number) => void,
  groepen?: NaleefGroepen,
): Promise<ZakenUitkomst> {
  try {
    if (!(await stat(pad)).isFile()) throw new Error();
  } catch {
    throw new OnleesbaarFout(`zakenexport "${pad}" bestaat niet`, { bestand: pad });
  }
  const bestand = path.basename(pad);
  const lezer = new ZakenLezer(bestand);
  const telling = new ZakenTelling(jaar, groepen);
  let kopKlaar = false;
  let kopOk = true;
  await stroomRijen(
    pad,
    (waarden, rij) => {
      if (!kopOk) return;
      if (!kopKlaar) {
        if (waarden.every((w) => w === null || w === undefined || w === '')) return;
        kopKlaar = true;
        kopOk = lezer.kop(waarden, rij);
        return;
      }
      const z = lezer.rij(waarden, rij);
      if (z) telling.voegToe(z);
    },
    { voortgang },
  );
  const meldingen = [...lezer.meldingen];
  if (!lezer.heeftKop) meldingen.push(melding('fout', 'zaken-leeg', 'de zakenexport is leeg', { bestand }));
  if (lezer.overigeFouten > 0) {
    meldingen.push(melding('fout', 'zaak-onleesbaar', `en nog ${lezer.overigeFouten} onleesbare waarden in andere rijen (niet afzonderlijk getoond)`, { bestand }));
  }
  const resultaat = telling.resultaat();
  meldingen.push(...resultaat.meldingen.map((m) => ({ ...m, plaats: { ...m.plaats, bestand } })));
  return { resultaat, meldingen, gelezen: lezer.gelezen, overgeslagen: lezer.overgeslagen };
}
