import { documentTeksten, type DocumentTeksten } from '../model/teksten.js';
import type { Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import { vergelijkNl } from '../model/nl-volgorde.js';
import type { Doel, Instellingen, ProgrammaRegel, Verbeterpunt, Werkmap, Afkorting } from '../model/types.js';
import { somBekend, type AfdelingTekort, type Prioriteit } from './capaciteit.js';
import type { Frequentieplanning, ObjectPlanning } from './frequentie.js';
import { analyseer, type Analyse } from './controle.js';
import { beoordeelKwaliteit, type KcResultaat } from './kwaliteit.js';
import { berekenKosten, type Kosten, type Tarieven } from './kosten.js';
import { sleutelProcenten } from './verdeling.js';
import { ingebouwdProfiel, PROFIELEN, type DagMaand } from './provincie.js';
import type { RegelUren } from './vraag.js';

const HONDERD = Rational.of(100n);

export const WETTELIJK_ZONDER = 'wettelijk, zonder prioriteit';
export const ZONDER = 'zonder prioriteit';

/** The group a line's hours count in: its class when it has a priority, else by whether it is legally required. */
export function prioriteitsgroep(regel: ProgrammaRegel, p: Prioriteit | undefined): string {
  return p?.gekoppeld ? p.klasse : regel.wettelijk ? WETTELIJK_ZONDER : ZONDER;
}

/** A goal with the programme lines that serve it (column `doel` in Producten) and their afdelingen. */
export interface DoelBijdrage {
  doel: Doel;
  regels: RegelUren[];
  afdelingen: string[];
  uren: Rational;
}

export interface UvpAnalyse extends Analyse {
  instellingen: Instellingen;
  /** The municipality's own abbreviations (sheet Afkortingen), beside the built-in ones. */
  afkortingen: Afkorting[];
  /** Per planned object, the controls that wait because its line is deferred (annex C shows them). */
  uitgesteldeObjecten: Map<ObjectPlanning, number>;
  /** The protocol's items and scale, for its annex (the hours are `protocol`). */
  toezichtprotocol?: Werkmap['toezichtprotocol'];
  niveaus?: Werkmap['niveaus'];
  teksten: DocumentTeksten;
  doelen: DoelBijdrage[];
  /** Planned hours per priority class, highest class first, with their share of the lines' hours (percent). */
  urenPerKlasse: { klasse: string; regels: number; uren: Rational; procent?: Rational }[];
  /** The reservations of every own afdeling, and their sum: the reactive buffer. */
  reserveringen: { afdeling: string; omschrijving: string; percentage?: Rational; uren?: Rational }[];
  /** Unknown when a percentage reservation's afdeling has an unknown fte. */
  totaalReserveringen?: Rational;
  /** Hours the capacity check proposes to defer, over every short afdeling. */
  uitgesteldUren?: Rational;
  verbeterpunten: Verbeterpunt[];
  /** One deelnemer's part of an omgevingsdienst's programme (Werkmap.deel). */
  deel?: Werkmap['deel'];
  /** Costs (PxQ), when the werkmap has an hourly rate or a price per product. */
  kosten?: Kosten;
  /** When the jaarverslag over this year is due, and by whose rule. */
  monitoring: { jaarverslagUiterlijk?: DagMaand; uvpUiterlijk?: DagMaand; regel: string };
  /** The kwaliteitscriteria per area, when the werkmap has them. */
  kwaliteit?: KcResultaat;
}

/**
 * An omgevingsdienst's werkmap as one programme: a line costs its deelnemer's rate (its own, else
 * Instellingen'), a regional line the deelnemers' rates weighted by their keys; unknown when one is.
 */
function tarievenPerDeelnemer(wm: Werkmap): Tarieven {
  const dn = wm.deelnemers!.deelnemers;
  const tarief = new Map(dn.map((d) => [d.naam.toLowerCase(), d.uurtarief ?? wm.instellingen.uurtarief]));
  return {
    bekend: [...tarief.values()].some((t) => t !== undefined),
    regel: (r) => tarief.get(r.regel.deelnemer?.toLowerCase() ?? ''),
    project: (p) => {
      const k = sleutelProcenten(p.project, wm);
      if (!k) return undefined;
      const tarieven = dn.map((d) => tarief.get(d.naam.toLowerCase()));
      if (tarieven.some((t) => t === undefined)) return undefined;
      return Rational.sum(k.procenten.map((pct, i) => pct.mul(tarieven[i]!).div(HONDERD)));
    },
  };
}

/**
 * The UVP of a werkmap: every computation the document shows, once, as plain data. No I/O and no
 * clock: the same werkmap gives the same analysis.
 */
export function analyseerUvp(wm: Werkmap): UvpAnalyse {
  const a = analyseer(wm);
  const teksten = documentTeksten('uvp', wm.teksten, wm.bladen.Teksten, wm.pad);

  const perDoel = new Map<string, RegelUren[]>();
  for (const r of a.vraag.regels) {
    for (const id of r.regel.doelen ?? []) {
      const k = id.toLowerCase();
      const lijst = perDoel.get(k);
      if (lijst) lijst.push(r);
      else perDoel.set(k, [r]);
    }
  }
  const doelen = (wm.doelen ?? []).map((doel) => {
    const regels = perDoel.get(doel.id.toLowerCase()) ?? [];
    const afdelingen = [...new Set(regels.map((r) => r.regel.afdeling).filter((x): x is string => !!x))];
    return { doel, regels, afdelingen, uren: Rational.sum(regels.map((r) => r.uren ?? Rational.ZERO)) };
  });

  // Highest class first; lines without a linked priority apart, legally required work first among them.
  const perKlasse = new Map<string, { regels: number; uren: Rational }>([...a.prioriteiten.klassen].reverse().map((k) => [k, { regels: 0, uren: Rational.ZERO }]));
  for (const k of [WETTELIJK_ZONDER, ZONDER]) perKlasse.set(k, { regels: 0, uren: Rational.ZERO });
  for (const r of a.vraag.regels) {
    const t = perKlasse.get(prioriteitsgroep(r.regel, a.prioriteiten.perRegel.get(r.regel)))!;
    t.regels++;
    t.uren = t.uren.add(r.uren ?? Rational.ZERO);
  }
  const urenPerKlasse = [...perKlasse]
    .filter(([k, t]) => t.regels > 0 || a.prioriteiten.klassen.includes(k))
    .map(([klasse, t]) => ({ klasse, ...t, procent: a.vraag.totaalRegels.isZero() ? undefined : t.uren.mul(HONDERD).div(a.vraag.totaalRegels) }));
  const reserveringen = (a.capaciteit?.afdelingen ?? []).flatMap((af) =>
    af.reserveringen.map((r) => ({ afdeling: af.afdeling, omschrijving: r.omschrijving || 'reservering', percentage: r.percentage, uren: r.uren })),
  );
  const uitgesteldUren = a.capaciteit ? Rational.sum(a.capaciteit.tekorten.map((t) => t.uitgesteldUren)) : undefined;

  const profiel = (wm.instellingen.provincie && ingebouwdProfiel(wm.instellingen.provincie)) || PROFIELEN.standaard!;
  const meldingen: Melding[] = [...a.meldingen, ...teksten.meldingen];
  return {
    ...a,
    instellingen: wm.instellingen,
    afkortingen: wm.afkortingen ?? [],
    uitgesteldeObjecten: a.frequenties && a.capaciteit ? uitgesteldeObjecten(a.frequenties, a.capaciteit.tekorten, a.prioriteiten.klassen) : new Map(),
    toezichtprotocol: wm.toezichtprotocol,
    niveaus: wm.niveaus,
    teksten,
    doelen,
    urenPerKlasse,
    reserveringen,
    totaalReserveringen: somBekend(reserveringen.map((r) => r.uren)),
    uitgesteldUren: uitgesteldUren && uitgesteldUren.gt(Rational.ZERO) ? uitgesteldUren : undefined,
    verbeterpunten: wm.verbeterpunten ?? [],
    kosten: berekenKosten(a.vraag, wm.instellingen.uurtarief, false, wm.deelnemers ? tarievenPerDeelnemer(wm) : undefined),
    deel: wm.deel,
    monitoring: { jaarverslagUiterlijk: profiel.jaarverslagUiterlijk, uvpUiterlijk: profiel.uvpUiterlijk, regel: profiel.naam === 'standaard' ? '' : `Die termijnen volgen uit: ${profiel.bron}.` },
    kwaliteit: beoordeelKwaliteit(wm),
    meldingen,
  };
}

const NALEVING_VOLGORDE: Record<string, number> = { goed: 0, matig: 2, slecht: 3 };

/**
 * Which objects' controls wait when a line is deferred by instances: of the line's planned objects,
 * those of the lowest class first, then the best compliance (unknown counts as matig), then the latest
 * due date, ties by object id; one control at a time until the deferred number is reached. So the
 * objects annex never shows as planned what the capacity chapter defers.
 */
export function uitgesteldeObjecten(f: Frequentieplanning, tekorten: readonly AfdelingTekort[], klassen: readonly string[]): Map<ObjectPlanning, number> {
  const uit = new Map<ObjectPlanning, number>();
  const uitgesteld = tekorten.flatMap((t) => t.uitgesteld).filter((u) => u.regel.code && u.aantal);
  if (!uitgesteld.length) return uit;
  // The planned objects of each deferred code, gathered in one pass and ordered once (not a scan of
  // every object, and a sort, per deferred line: 4.000 lines over 100.000 objects).
  const perCode = new Map<string, ObjectPlanning[]>(uitgesteld.map((u) => [u.regel.code!.toUpperCase(), []]));
  for (const o of f.objecten) if (o.aantal > 0) perCode.get((o.object.code ?? '').toUpperCase())?.push(o);
  const klasseNiveau = new Map<string, number>();
  klassen.forEach((x, i) => {
    if (!klasseNiveau.has(x.toLowerCase())) klasseNiveau.set(x.toLowerCase(), i);
  });
  const niveau = (k: string | undefined) => klasseNiveau.get((k ?? '').toLowerCase()) ?? 0;
  for (const lijst of perCode.values()) {
    lijst.sort(
      (a, b) =>
        niveau(a.klasse) - niveau(b.klasse) ||
        (NALEVING_VOLGORDE[a.naleefgedrag ?? 'matig'] ?? 2) - (NALEVING_VOLGORDE[b.naleefgedrag ?? 'matig'] ?? 2) ||
        (b.volgende?.getTime() ?? 0) - (a.volgende?.getTime() ?? 0) ||
        // localeCompare(…, 'nl'), without making ICU's collator for ids such as OB001.
        vergelijkNl(a.object.object, b.object.object),
    );
  }
  for (const u of uitgesteld) {
    let rest = Number(u.aantal!.num / u.aantal!.den);
    for (const o of perCode.get(u.regel.code!.toUpperCase())!) {
      if (rest <= 0) break;
      const n = Math.min(o.aantal, rest);
      uit.set(o, (uit.get(o) ?? 0) + n);
      rest -= n;
    }
  }
  return uit;
}
