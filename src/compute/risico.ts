import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Klasse, Risicoactiviteit, Risicomodel, ScoresPerDimensie } from '../model/types.js';

export interface RisicoUitkomst {
  activiteit: Risicoactiviteit;
  /** Exact weighted mean of the dimension scores. */
  effect: Rational;
  /** Exact factor × effect × kans. */
  risico: Rational;
  klasseBerekend: string;
  /** The override where there is one, else the computed class. */
  klasse: string;
  bijgesteld: boolean;
  /** 1 = highest risk. */
  rang: number;
}

export interface Risicoanalyse {
  model: Risicomodel;
  /** Ranked by exact risk, highest first; ties keep input order. */
  activiteiten: RisicoUitkomst[];
  /** Activities that miss a score or kans: reported, never guessed. */
  zonderScore: Risicoactiviteit[];
  /** Count per final class, in the model's order (lowest first), zeros included. */
  perKlasse: { klasse: string; aantal: number }[];
  meldingen: Melding[];
}

export function effectVan(model: Risicomodel, scores: ScoresPerDimensie): Rational | undefined {
  // Whole weights and scores (as nearly every model has): the sums in exact integer arithmetic and
  // one division, instead of a Rational per step (100.000 activities); up to 2^20 each, so that every
  // sum stays an exact double (below 2^53). Otherwise, or with a fraction, the general route.
  let somGeheel = 0;
  let gewichtenGeheel = 0;
  let geheel = true;
  for (const d of model.dimensies) {
    const s = scores.get(d.naam);
    if (s === undefined) return undefined;
    if (geheel && s.den === 1n && d.gewicht.den === 1n && s.num <= KLEIN && s.num >= -KLEIN && d.gewicht.num <= KLEIN && d.gewicht.num >= -KLEIN) {
      somGeheel += Number(d.gewicht.num) * Number(s.num);
      gewichtenGeheel += Number(d.gewicht.num);
    } else geheel = false;
  }
  if (geheel && gewichtenGeheel !== 0 && model.dimensies.length <= 1024) return Rational.of(BigInt(somGeheel), BigInt(gewichtenGeheel));
  let som = Rational.ZERO;
  let gewichten = Rational.ZERO;
  for (const d of model.dimensies) {
    const s = scores.get(d.naam);
    if (s === undefined) return undefined;
    som = som.add(d.gewicht.mul(s));
    gewichten = gewichten.add(d.gewicht);
  }
  return som.div(gewichten);
}

const KLEIN = 2n ** 20n;

/** The highest class whose bound R reaches (`≥ x`, or `> x` when strict); the lowest when none does. */
/**
 * The effect at which an activity with this kans reaches a class bound: risico = factor × kans ×
 * effect solved for effect (for drawing where each class lies). Infinite where no effect reaches it.
 */
export function effectOpGrens(grens: number, factor: number, kans: number): number {
  if (grens <= 0) return 0;
  return kans <= 0 || factor <= 0 ? Infinity : grens / (factor * kans);
}

export function klasseVoor(klassen: readonly Klasse[], risico: Rational): Klasse {
  let k = klassen[0]!;
  for (const kl of klassen) {
    const c = risico.cmp(kl.grens);
    if (kl.strikt ? c > 0 : c >= 0) k = kl;
  }
  return k;
}

/** Decimals written in a printed figure ("9,330" → 3, "1,7" → 1, "7" → 0). */
function decimalenIn(tekst: string): number {
  const m = /[.,](\d+)\s*$/.exec(tekst.trim());
  return m ? m[1]!.length : 0;
}

/** Compares a printed figure at the display precision (or the printed one, where the source shows fewer decimals). */
function wijktAf(gedrukt: { waarde: Rational; tekst: string }, berekend: Rational, decimalen: number): number | undefined {
  const d = Math.min(decimalen, decimalenIn(gedrukt.tekst));
  return berekend.round(d).eq(gedrukt.waarde.round(d)) ? undefined : d;
}

export function berekenRisico(model: Risicomodel, activiteiten: readonly Risicoactiviteit[]): Risicoanalyse {
  const meldingen: Melding[] = [];
  const uitkomsten: RisicoUitkomst[] = [];
  const zonderScore: Risicoactiviteit[] = [];
  const klasseNaam = new Map(model.klassen.map((k) => [k.naam.toLowerCase(), k.naam]));
  // Effects and risks take few distinct values (means of a handful of small scores): one Rational per
  // value for all activities instead of two per activity (100.000 activities: some 15 MB).
  const gedeeld = new Map<bigint, Map<bigint, Rational>>();
  const eenmaal = (r: Rational): Rational => {
    let perNoemer = gedeeld.get(r.num);
    if (!perNoemer) gedeeld.set(r.num, (perNoemer = new Map()));
    const er = perNoemer.get(r.den);
    if (er) return er;
    perNoemer.set(r.den, r);
    return r;
  };
  for (const a of activiteiten) {
    const e = effectVan(model, a.scores);
    if (e === undefined || a.kans === undefined) {
      zonderScore.push(a);
      continue;
    }
    const effect = eenmaal(e);
    const risico = eenmaal(model.factor.mul(effect).mul(a.kans));
    const klasse = klasseVoor(model.klassen, risico);
    if (!klasse.strikt ? risico.lt(klasse.grens) : risico.lte(klasse.grens)) {
      meldingen.push(
        melding('waarschuwing', 'risico-onder-laagste-klasse', `"${a.activiteit}": risico ${nlGetal(risico, model.decimalen.risico)} ligt onder de grens van de laagste klasse; de activiteit krijgt klasse ${klasse.naam}`, a.plaats),
      );
    }
    const bijgesteld = a.bijgesteldeKlasse ? klasseNaam.get(a.bijgesteldeKlasse.toLowerCase()) : undefined;
    uitkomsten.push({
      activiteit: a,
      effect,
      risico,
      klasseBerekend: klasse.naam,
      klasse: bijgesteld ?? klasse.naam,
      bijgesteld: bijgesteld !== undefined && bijgesteld !== klasse.naam,
      // Set once the activities are ranked, below.
      rang: 0,
    });
    const { effect: pe, risico: pr, klasse: pk } = a.gedrukt;
    const de = pe ? wijktAf(pe, effect, model.decimalen.effect) : undefined;
    if (pe && de !== undefined) {
      meldingen.push(
        melding('waarschuwing', 'gedrukt-effect-afwijkend', `"${a.activiteit}": het opgegeven effect ${pe.tekst} wijkt af van het berekende ${nlGetal(effect, de)}`, a.kolomPlaatsen.effect ?? a.plaats),
      );
    }
    const dr = pr ? wijktAf(pr, risico, model.decimalen.risico) : undefined;
    if (pr && dr !== undefined) {
      meldingen.push(
        melding('waarschuwing', 'gedrukt-risico-afwijkend', `"${a.activiteit}": het opgegeven risico ${pr.tekst} wijkt af van het berekende ${nlGetal(risico, dr)}`, a.kolomPlaatsen.risico ?? a.plaats),
      );
    }
    if (pk && pk.toLowerCase() !== klasse.naam.toLowerCase() && pk.toLowerCase() !== (bijgesteld ?? '').toLowerCase()) {
      meldingen.push(
        melding('waarschuwing', 'gedrukte-klasse-afwijkend', `"${a.activiteit}": de opgegeven klasse ${pk} wijkt af van de berekende klasse ${klasse.naam} (risico ${nlGetal(risico, model.decimalen.risico)})`, a.kolomPlaatsen.klasse ?? a.plaats),
      );
    }
  }
  for (const a of zonderScore) {
    meldingen.push(
      melding('waarschuwing', 'activiteit-zonder-score', `"${a.activiteit}" heeft niet alle scores en een kans: geen risico berekend, geen klasse toegekend`, a.plaats),
    );
  }
  // Stable sort on the exact score: equal printed scores can hide real differences.
  // Array.prototype.sort is stable, so equal risks keep input order. Each result is one literal with
  // all its fields (a copy `{ ...u, rang }` gave each of 100.000 activities a hidden class of its own).
  const gerangschikt = uitkomsten.sort((a, b) => b.risico.cmp(a.risico));
  for (let i = 0; i < gerangschikt.length; i++) gerangschikt[i]!.rang = i + 1;
  const aantallen = new Map<string, number>();
  for (const u of gerangschikt) aantallen.set(u.klasse, (aantallen.get(u.klasse) ?? 0) + 1);
  const perKlasse = model.klassen.map((k) => ({ klasse: k.naam, aantal: aantallen.get(k.naam) ?? 0 }));
  return { model, activiteiten: gerangschikt, zonderScore, perKlasse, meldingen };
}

/**
 * Per key the activities it may name, by a hash of the key: the one activity, or several (a name need
 * not be unique, and two keys can share a hash). Held by number, not by the key's text: the index of
 * 100.000 activities kept 200.000 lower-case copies of ids and names (some 15 MB while the analysis lives).
 */
type Emmer = RisicoUitkomst | RisicoUitkomst[];
type ActiviteitIndex = { opId: Map<number, Emmer>; opNaam: Map<number, Emmer> };
const INDEXEN = new WeakMap<Risicoanalyse, ActiviteitIndex>();

/** How a line's `prioriteit` names an activity: case, surrounding and repeated spaces do not count. */
function sleutel(s: string): string {
  // Most keys ("R000123", "Activiteit 12 milieu") hold nothing but single inner spaces: only the lower
  // case then, without the replace and trim.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 32 : c < 33 || c === 0xa0 || (c > 127 && /\s/.test(s[i]!))) return sleutelVolledig(s);
  }
  return s.toLowerCase();
}
export const sleutelVolledig = (s: string) => s.replace(/[\u00a0\s]+/g, ' ').trim().toLowerCase();
export { sleutel as activiteitSleutel };

const isAsciiWit = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** FNV-1a over a text's UTF-16 code units. */
function hashTekst(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * An ASCII text's key walked as `sleutel` makes it (white space trimmed and runs made one space, A–Z
 * lower case), without making it: its hash (`hashTekst` of the key) or, given `k`, whether it is `k`.
 * One walk for both, so that the index and the check of its candidates cannot read a key differently.
 */
function loopSleutel(s: string, k: string | undefined): number | boolean {
  let b = 0;
  let e = s.length;
  while (b < e && isAsciiWit(s.charCodeAt(b))) b++;
  while (e > b && isAsciiWit(s.charCodeAt(e - 1))) e--;
  let h = 0x811c9dc5;
  let j = 0;
  let wit = false;
  for (let i = b; i < e; i++) {
    let c = s.charCodeAt(i);
    if (isAsciiWit(c)) {
      wit = true;
      continue;
    }
    if (wit) {
      wit = false;
      if (k === undefined) h = Math.imul(h ^ 32, 16777619);
      else if (k.charCodeAt(j++) !== 32) return false;
    }
    if (c >= 65 && c <= 90) c += 32;
    if (k === undefined) h = Math.imul(h ^ c, 16777619);
    else if (k.charCodeAt(j++) !== c) return false;
  }
  return k === undefined ? h >>> 0 : j === k.length;
}

const isAscii = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
};

/** The hash of a text's key (`hashTekst(sleutel(s))`) without making the key where it is ASCII. */
export function sleutelHash(s: string): number {
  return isAscii(s) ? (loopSleutel(s, undefined) as number) : hashTekst(sleutelVolledig(s));
}
export { hashTekst as sleutelHashVanSleutel };

/** Whether a text's key (`sleutel(s)`) is `k`, without making the key where the text is ASCII. */
function heeftSleutel(s: string, k: string): boolean {
  return isAscii(s) ? (loopSleutel(s, k) as boolean) : sleutel(s) === k;
}
export { heeftSleutel as activiteitHeeftSleutel };

const GEEN_TREFFERS: readonly RisicoUitkomst[] = Object.freeze([]);

/** The activities of one bucket whose own key (id or name) is exactly `k`. */
function metSleutel(emmer: Emmer | undefined, k: string, vanId: boolean): readonly RisicoUitkomst[] {
  if (emmer === undefined) return GEEN_TREFFERS;
  if (!Array.isArray(emmer)) return heeftSleutel(vanId ? emmer.activiteit.id! : emmer.activiteit.activiteit, k) ? [emmer] : GEEN_TREFFERS;
  return emmer.filter((a) => heeftSleutel(vanId ? a.activiteit.id! : a.activiteit.activiteit, k));
}

/**
 * The activities a programme line's `prioriteit` names: by id, else by activity name (which need not
 * be unique). Indexed once per analysis, so that no line scans every activity.
 */
export function zoekActiviteiten(risico: Risicoanalyse, prioriteit: string): readonly RisicoUitkomst[] {
  let index = INDEXEN.get(risico);
  if (!index) {
    index = { opId: new Map(), opNaam: new Map() };
    const voegToe = (m: Map<number, Emmer>, h: number, a: RisicoUitkomst) => {
      const er = m.get(h);
      if (er === undefined) m.set(h, a);
      else if (Array.isArray(er)) er.push(a);
      else m.set(h, [er, a]);
    };
    for (const a of risico.activiteiten) {
      if (a.activiteit.id) voegToe(index.opId, sleutelHash(a.activiteit.id), a);
      voegToe(index.opNaam, sleutelHash(a.activiteit.activiteit), a);
    }
    INDEXEN.set(risico, index);
  }
  const h = sleutelHash(prioriteit);
  const opId = index.opId.get(h);
  const opNaam = index.opNaam.get(h);
  if (opId === undefined && opNaam === undefined) return GEEN_TREFFERS;
  const k = sleutel(prioriteit);
  const viaId = metSleutel(opId, k, true);
  return viaId.length ? viaId : metSleutel(opNaam, k, false);
}

/**
 * Activities of class "hoog" or higher (the model's highest class when none is called hoog) that no
 * programme line links to, by the same rule the capacity check uses (one activity by id or name).
 */
export function hogeZonderRegel(
  risico: Risicoanalyse,
  prioriteiten: readonly (string | undefined)[],
  /** Activities already known to be named alone by a line (`prioriteiten` then holds only the priorities not yet looked up). */
  reedsGekoppeld?: ReadonlySet<RisicoUitkomst>,
): RisicoUitkomst[] {
  const klassen = risico.model.klassen.map((k) => k.naam.toLowerCase());
  const hoog = klassen.indexOf('hoog');
  const vanaf = hoog >= 0 ? hoog : klassen.length - 1;
  const gekoppeld = new Set<RisicoUitkomst>(reedsGekoppeld);
  for (const p of prioriteiten) {
    const treffers = p ? zoekActiviteiten(risico, p) : [];
    if (treffers.length === 1) gekoppeld.add(treffers[0]!);
  }
  return risico.activiteiten.filter((u) => klassen.indexOf(u.klasse.toLowerCase()) >= vanaf && !gekoppeld.has(u));
}
