import type { KwaliteitView } from '../report/kwaliteit.js';
import type { Melding } from '../model/melding.js';
import { meldingJson } from './melding-json.js';

/** The areas without anyone's name, as the jaarverslag's JSON carries them (the document names no one). */
export function kwaliteitGebiedenJson(v: KwaliteitView) {
  return {
    versie: v.versie ?? null,
    gebieden: v.gebieden.map((g) => ({
      gebied: g.gebied,
      norm: { aantal: g.normWaarden.aantal, frequentie: g.normWaarden.frequentie, werkervaring: g.normWaarden.werkervaring, opleiding: g.norm.opleiding || null },
      belegdBij: g.belegdBij,
      medewerkers: g.medewerkers,
      gekwalificeerd: g.gekwalificeerd,
      oordeel: g.oordeel,
      reden: g.reden,
      ontbreekt: g.ontbreekt,
      motivering: g.motivering || null,
    })),
    verantwoording: v.verantwoording,
  };
}

/** `vth kwaliteit --format json`: per area the norm, the qualified count, the verdict, who falls short and why. */
export function kwaliteitJson(v: KwaliteitView, meldingen: readonly Melding[]) {
  return {
    gemeente: v.gemeente,
    jaar: v.jaar,
    versie: v.versie ?? null,
    gebieden: v.gebieden.map((g) => ({
      gebied: g.gebied,
      norm: { aantal: g.normWaarden.aantal, frequentie: g.normWaarden.frequentie, werkervaring: g.normWaarden.werkervaring, opleiding: g.norm.opleiding || null },
      belegdBij: g.belegdBij,
      medewerkers: g.medewerkers,
      gekwalificeerd: g.gekwalificeerd,
      oordeel: g.oordeel,
      reden: g.reden,
      tekort: g.tekort.map((t) => ({ medewerker: t.medewerker, redenen: t.redenen, toelichting: t.tekst })),
      onbekend: g.onbekend,
      ontbreekt: g.ontbreekt,
      motivering: g.motivering || null,
    })),
    telling: Object.fromEntries(v.telling.map((t) => [t.oordeel, t.aantal])),
    inBeeld: v.inBeeld,
    meldingen: meldingen.map(meldingJson),
  };
}
