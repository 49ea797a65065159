import { opsomming } from './gedeeld.js';
import type { KcGebied, KcOordeel, KcReden, KcResultaat } from '../compute/kwaliteit.js';
import { nlGetal } from '../model/getal.js';
import type { KcWaarde } from '../model/types.js';

/** One area as every format of `vth kwaliteit` and the jaarverslag show it: plain text and numbers. */
export interface KwaliteitRij {
  gebied: string;
  norm: { aantal: string; frequentie: string; werkervaring: string; opleiding: string };
  /** The norm's numbers for a workbook: a number, or the words "geen eis" / "onbekend". */
  normWaarden: { aantal: number | string; frequentie: number | string; werkervaring: number | string };
  /** The norm as one short phrase: "2 personen, 500 uur per persoon, 2 jaar ervaring". */
  normTekst: string;
  nodig?: number;
  gekwalificeerd: number;
  medewerkers: number;
  belegdBij: string;
  oordeel: KcOordeel;
  reden: string;
  motivering: string;
  ontbreekt: string[];
  /** Who falls short, on what (for the command's own outputs; the jaarverslag names no one). */
  tekort: { medewerker: string; redenen: KcReden[]; tekst: string }[];
  onbekend: { medewerker: string; ontbreekt: string[] }[];
  personen: { medewerker: string; afdeling: string; opleiding: string; werkervaringTekst: string; urenTekst: string; werkervaringGetal?: number; urenGetal?: number; urenBron: string; status: string; toelichting: string }[];
}

export interface KwaliteitView {
  titel: string;
  gemeente: string;
  jaar: number | string;
  /** The adopted KC version, as the werkmap names it. */
  versie?: string;
  gebieden: KwaliteitRij[];
  telling: { oordeel: KcOordeel; aantal: number }[];
  /** Areas that fall short without a motivation, or cannot be judged: what makes the check fail. */
  open: KwaliteitRij[];
  /** Every area judged and each short one motivated (the IBT's "in beeld"). */
  inBeeld: boolean;
  /** The comply-or-explain paragraphs, in plain Dutch for the college and the raad. */
  verantwoording: string[];
}

const waarde = (w: KcWaarde, eenheid: string) => (w.soort === 'getal' ? `${nlGetal(w.waarde)}${eenheid}` : w.soort === 'geen' ? 'geen eis' : 'onbekend');

const getal = (w: KcWaarde) => (w.soort === 'getal' ? w.waarde.toNumber() : w.soort === 'geen' ? 'geen eis' : 'onbekend');

function normTekst(g: KcGebied): string {
  const n = g.norm;
  const delen = [
    n.aantal.soort === 'getal' ? `${nlGetal(n.aantal.waarde)} ${n.aantal.waarde.toString() === '1' ? 'persoon' : 'personen'}` : `aantal ${waarde(n.aantal, '')}`,
    n.frequentie.soort === 'geen' ? undefined : `${waarde(n.frequentie, ' uur')} per persoon`,
    n.werkervaring.soort === 'geen' ? undefined : `${waarde(n.werkervaring, ' jaar')} ervaring`,
  ];
  return delen.filter(Boolean).join(', ');
}

function rij(g: KcGebied): KwaliteitRij {
  return {
    gebied: g.gebied,
    norm: { aantal: waarde(g.norm.aantal, ''), frequentie: waarde(g.norm.frequentie, ''), werkervaring: waarde(g.norm.werkervaring, ''), opleiding: g.norm.opleiding ?? '' },
    normWaarden: { aantal: getal(g.norm.aantal), frequentie: getal(g.norm.frequentie), werkervaring: getal(g.norm.werkervaring) },
    normTekst: normTekst(g),
    nodig: g.nodig,
    gekwalificeerd: g.gekwalificeerd,
    medewerkers: g.personen.length,
    belegdBij: g.eigen ? 'eigen organisatie' : g.norm.belegdBij!,
    oordeel: g.oordeel,
    reden: g.reden,
    motivering: g.motivering ?? '',
    ontbreekt: g.ontbreekt,
    tekort: g.personen.filter((p) => p.status === 'tekort').map((p) => ({ medewerker: p.medewerker, redenen: p.tekort.map((t) => t.reden), tekst: p.tekort.map((t) => t.tekst).join('; ') })),
    onbekend: g.personen.filter((p) => p.status === 'onbekend').map((p) => ({ medewerker: p.medewerker, ontbreekt: p.ontbreekt })),
    personen: g.personen.map((p) => ({
      medewerker: p.medewerker,
      afdeling: p.afdeling ?? '',
      opleiding: p.opleiding ?? 'onbekend',
      // Not `uren`: that name is a template helper.
      werkervaringTekst: p.werkervaring ? nlGetal(p.werkervaring) : 'onbekend',
      urenTekst: p.uren ? nlGetal(p.uren) : 'onbekend',
      werkervaringGetal: p.werkervaring?.toNumber(),
      urenGetal: p.uren?.toNumber(),
      urenBron: p.urenBron === 'export' ? 'zakenexport' : p.urenBron === 'getypt' ? 'opgegeven' : 'onbekend',
      status: p.status,
      toelichting: p.status === 'tekort' ? p.tekort.map((t) => t.tekst).join('; ') : p.status === 'onbekend' ? `onbekend: ${p.ontbreekt.join(', ')}` : '',
    })),
  };
}

const lijst = opsomming;
const zin = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * Comply or explain, in the words a raad reads: how many areas comply, which are carried elsewhere,
 * and for each short area why (its motivation) or that no reason is recorded; what cannot be judged
 * yet and what is missing for it. No sheet, column or person is named.
 */
function verantwoording(gebieden: KwaliteitRij[], versie: string | undefined): string[] {
  const per = (o: KcOordeel) => gebieden.filter((g) => g.oordeel === o);
  const voldoet = per('voldoet');
  const elders = per('elders belegd');
  const uit: string[] = [];
  uit.push(
    `${versie ? `Getoetst is aan de kwaliteitscriteria ${versie} zoals het college die heeft vastgesteld. ` : 'Getoetst is aan de kwaliteitscriteria zoals het college die heeft vastgesteld. '}` +
      `Van de ${gebieden.length} deskundigheidsgebieden ${voldoet.length === 1 ? 'voldoet er 1' : `voldoen er ${voldoet.length}`} aan de kritieke massa` +
      (elders.length ? `; ${elders.length === 1 ? '1 gebied is' : `${elders.length} gebieden zijn`} belegd bij een andere organisatie (${lijst(elders.map((g) => `${g.gebied}: ${g.belegdBij}`))}), die de kwaliteit daarvan borgt.` : '.'),
  );
  for (const g of per('gemotiveerd afgeweken')) uit.push(`${g.gebied}: ${zin(g.reden)} De gemeente wijkt hier gemotiveerd af. ${zin(g.motivering)}`);
  for (const g of per('voldoet niet')) uit.push(`${g.gebied}: ${zin(g.reden)} Nog niet vastgelegd is waarom de norm niet wordt gehaald en wat de gemeente eraan doet.`);
  for (const g of per('niet te beoordelen')) uit.push(`${g.gebied}: of aan de kritieke massa wordt voldaan, is niet vast te stellen. Nog niet bekend: ${lijst(g.ontbreekt)}.`);
  if (!per('voldoet niet').length && !per('niet te beoordelen').length) {
    uit.push(per('gemotiveerd afgeweken').length ? 'Waar niet aan de criteria wordt voldaan, is gemotiveerd afgeweken.' : 'Aan alle criteria die de gemeente zelf moet borgen, wordt voldaan.');
  }
  return uit;
}

export function kwaliteitView(r: KcResultaat, gemeente: string, jaar: number | string): KwaliteitView {
  const gebieden = r.gebieden.map(rij);
  const open = gebieden.filter((g) => g.oordeel === 'voldoet niet' || g.oordeel === 'niet te beoordelen');
  return {
    titel: `Kwaliteitscriteria VTH ${jaar}${gemeente ? `, gemeente ${gemeente}` : ''}`,
    gemeente,
    jaar,
    versie: r.versie,
    gebieden,
    telling: Object.entries(r.telling).map(([oordeel, aantal]) => ({ oordeel: oordeel as KcOordeel, aantal })),
    open,
    inBeeld: open.length === 0 && gebieden.length > 0,
    verantwoording: verantwoording(gebieden, r.versie),
  };
}
