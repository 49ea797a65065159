import type { KwaliteitView } from '../report/kwaliteit.js';
import type { Melding } from '../model/melding.js';
import { meldingJson } from './melding-json.js';

/**
 * One area as JSON, in one shape for both uses. `metNamen`: who falls short and who is unknown (the
 * command's own output); without, the area as the jaarverslag's JSON carries it, naming no one.
 */
function gebiedJson(g: KwaliteitView['gebieden'][number], metNamen: boolean) {
  return {
    gebied: g.gebied,
    norm: { aantal: g.normWaarden.aantal, frequentie: g.normWaarden.frequentie, werkervaring: g.normWaarden.werkervaring, opleiding: g.norm.opleiding || null },
    belegdBij: g.belegdBij,
    medewerkers: g.medewerkers,
    gekwalificeerd: g.gekwalificeerd,
    oordeel: g.oordeel,
    reden: g.reden,
    ...(metNamen ? { tekort: g.tekort.map((t) => ({ medewerker: t.medewerker, redenen: t.redenen, toelichting: t.tekst })), onbekend: g.onbekend } : {}),
    ontbreekt: g.ontbreekt,
    motivering: g.motivering || null,
  };
}

/** The areas without anyone's name, as the jaarverslag's JSON carries them (the document names no one). */
export function kwaliteitGebiedenJson(v: KwaliteitView) {
  return {
    versie: v.versie ?? null,
    gebieden: v.gebieden.map((g) => gebiedJson(g, false)),
    verantwoording: v.verantwoording,
  };
}

/** `vth kwaliteit --format json`: per area the norm, the qualified count, the verdict, who falls short and why. */
export function kwaliteitJson(v: KwaliteitView, meldingen: readonly Melding[]) {
  return {
    gemeente: v.gemeente,
    jaar: v.jaar,
    versie: v.versie ?? null,
    gebieden: v.gebieden.map((g) => gebiedJson(g, true)),
    telling: Object.fromEntries(v.telling.map((t) => [t.oordeel, t.aantal])),
    inBeeld: v.inBeeld,
    meldingen: meldingen.map(meldingJson),
  };
}
