import type { Melding } from '../model/melding.js';

/** One finding as JSON: the shape `vth controleer --json` documents. */
export function meldingJson(m: Melding) {
  return {
    niveau: m.niveau,
    code: m.code,
    bericht: m.bericht,
    bestand: m.plaats.bestand,
    blad: m.plaats.blad ?? null,
    rij: m.plaats.rij ?? null,
    kolom: m.plaats.kolom ?? null,
  };
}
