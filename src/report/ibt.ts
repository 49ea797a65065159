import type { IbtOordeel, Kleur } from '../compute/ibt.js';
import { nlDatum } from '../model/datum.js';
import { nlGetal } from '../model/getal.js';

/** One municipality's row in the region overview: plain, serialisable (it crosses worker threads). */
export interface OverzichtRij {
  gemeente: string;
  bron: string;
  /** Safe file-name part, unique within the region. */
  naam: string;
  beoordeeld: boolean;
  reden: string;
  kleuren: Kleur[];
  statussen: string[];
  totaal: Kleur | 'niet te beoordelen';
  /** The province profile the municipality was judged by. */
  profiel: string;
  kerncijfers: { benodigd: number | null; beschikbaar: number | null; realisatieProcent: number | null; tijdig: number | null; doelen: string; openVerbeterpunten: number | null };
}

export interface IbtView {
  titel: string;
  gemeente: string;
  jaar: number;
  profiel: IbtOordeel['profiel'];
  /** d-m-yyyy, when the profile or --peildatum sets one. */
  peildatum?: string;
  totaal: Kleur;
  totaalOordeel: string;
  bevindingen: string[];
  criteria: { nr: number; naam: string; status: string; oordeel: string; kleur: Kleur; reden: string; bewijs: string[] }[];
  kerncijfers: { label: string; waarde: string }[];
  verbeterpunten: IbtOordeel['verbeterpunten'];
  regel: string;
}

export const TOTAALREGEL =
  'Het totaaloordeel is rood als één criterium rood is, anders oranje als één criterium oranje of niet te beoordelen (grijs) is, anders groen.';

export function ibtView(o: IbtOordeel): IbtView {
  const k = o.kerncijfers;
  return {
    titel: `IBT-beoordeling VTH ${o.jaar}, gemeente ${o.gemeente}`,
    gemeente: o.gemeente,
    jaar: o.jaar,
    profiel: o.profiel,
    ...(o.peildatum ? { peildatum: nlDatum(o.peildatum) } : {}),
    totaal: o.totaal,
    totaalOordeel: o.totaalOordeel,
    bevindingen: o.bevindingen,
    criteria: o.criteria.map((c) => ({ ...c })),
    kerncijfers: [
      { label: 'Benodigde uren', waarde: k.benodigd ? nlGetal(k.benodigd, 0) : 'onbekend' },
      { label: 'Beschikbare uren', waarde: k.beschikbaar ? nlGetal(k.beschikbaar, 0) : 'onbekend' },
      { label: 'Realisatie (uren)', waarde: k.realisatieProcent ? `${nlGetal(k.realisatieProcent, 1)}%` : 'onbekend' },
      { label: 'Besluiten binnen de termijn', waarde: k.tijdig ? `${nlGetal(k.tijdig, 1)}%` : 'onbekend' },
      { label: 'Doelen behaald', waarde: `${k.doelenBehaald} van ${k.doelenTotaal}` },
      { label: 'Verbeterpunten niet afgerond', waarde: String(k.openVerbeterpunten) },
    ],
    verbeterpunten: o.verbeterpunten,
    regel: TOTAALREGEL,
  };
}

export function overzichtRij(o: IbtOordeel, bron: string, naam: string): OverzichtRij {
  const k = o.kerncijfers;
  return {
    gemeente: o.gemeente,
    bron,
    naam,
    beoordeeld: true,
    reden: o.bevindingen.join(' '),
    kleuren: o.criteria.map((c) => c.kleur),
    statussen: o.criteria.map((c) => c.status),
    totaal: o.totaal,
    profiel: o.profiel.naam,
    kerncijfers: {
      benodigd: k.benodigd ? Math.round(k.benodigd.toNumber()) : null,
      beschikbaar: k.beschikbaar ? Math.round(k.beschikbaar.toNumber()) : null,
      realisatieProcent: k.realisatieProcent ? Number(k.realisatieProcent.toDecimalString(1)) : null,
      tijdig: k.tijdig ? Number(k.tijdig.toDecimalString(1)) : null,
      doelen: `${k.doelenBehaald} van ${k.doelenTotaal}`,
      openVerbeterpunten: k.openVerbeterpunten,
    },
  };
}

export function nietBeoordeeld(gemeente: string, bron: string, naam: string, reden: string): OverzichtRij {
  return {
    gemeente,
    bron,
    naam,
    beoordeeld: false,
    reden,
    kleuren: [],
    statussen: [],
    totaal: 'niet te beoordelen',
    profiel: '',
    kerncijfers: { benodigd: null, beschikbaar: null, realisatieProcent: null, tijdig: null, doelen: '', openVerbeterpunten: null },
  };
}
