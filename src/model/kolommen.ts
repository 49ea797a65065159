import { celTekst, isLeeg, kolomLetter, schoonTekst, type Cel, type Rij, type Tabel } from '../ingest/tabel.js';
import type { Eenheid } from './getal.js';
import { melding, type Melding, type Plaats } from './melding.js';

const GENORMALISEERD = new Map<string, string>();

/**
 * Header and sheet-name matching: case, accents, surrounding and repeated spaces, underscores
 * and a trailing unit in parentheses are ignored (`Kental (uren)` = `kental` = ` KENTAL `).
 */
export function normaliseerKop(s: string): string {
  let n = GENORMALISEERD.get(s);
  if (n === undefined) {
    n = schoonTekst(s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/_/g, ' ')
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    // Headers, aliases and sheet names are few and asked for again and again (every alias of every
    // column for each sheet and each candidate header row: some 7.300 calls for 620 texts in the
    // example, 5 ms of a 300 ms UVP), so the answers are kept; bounded in number and length, so that
    // cell texts asked for once (a protocol's classes, a product's kental) cannot grow it without end.
    if (s.length <= 200) {
      if (GENORMALISEERD.size >= 4096) GENORMALISEERD.clear();
      GENORMALISEERD.set(s, n);
    }
  }
  return n;
}

/**
 * The unit a header names in parentheses at its end (`Interval (jaar)` → `jaar`, `tijd (uur)` → `uur`),
 * lower case; `normaliseerKop` drops it for matching, so a reader that takes units asks for it here.
 */
export function kopEenheid(kop: string): string | undefined {
  const m = /\(([^()]*)\)\s*$/.exec(schoonTekst(kop));
  const e = m?.[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
  return e || undefined;
}

export interface KolomSpec {
  /** Field name in the record. */
  veld: string;
  /** Name shown to the user (the documented header). */
  naam: string;
  aliassen?: readonly string[];
  verplicht?: boolean;
  /** A number column: its cells settle the file's number convention; `uren` and `aantal` allow those units. */
  getal?: Eenheid | 'getal';
  /** Printed figures that vth computes itself and only compares (effect, risicoscore, klasse). */
  vergelijk?: boolean;
}

/**
 * Ways a header adds to its name: a year (`Aantal 2025`, `Verwacht aantal in 2025`) or a unit
 * word (`Kental uren`, `kental_uren`). Tried only after the header as written found nothing.
 */
function kopVarianten(n: string): string[] {
  const zonderJaar = n.replace(/\s+(in\s+|voor\s+)?(19|20)\d\d$/, '');
  const zonderEenheid = (x: string) => x.replace(/\s+(in\s+)?(uren|uur|u)$/, '');
  return [...new Set([zonderJaar, zonderEenheid(n), zonderEenheid(zonderJaar)])].filter((x) => x !== n && x !== '');
}

function opzoeken<V>(lookup: Map<string, V>, kop: string): V | undefined {
  const n = normaliseerKop(kop);
  const direct = lookup.get(n);
  if (direct !== undefined) return direct;
  for (const v of kopVarianten(n)) {
    const x = lookup.get(v);
    if (x !== undefined) return x;
  }
  return undefined;
}

function aliasLijst(specs: readonly KolomSpec[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const s of specs) for (const a of [s.naam, ...(s.aliassen ?? [])]) lookup.set(normaliseerKop(a), s.veld);
  return lookup;
}

/** How many of a sheet's fields a row of header texts names: to find the header below title rows. */
export function telKoppen(koppen: readonly string[], specs: readonly KolomSpec[]): number {
  const lookup = aliasLijst(specs);
  const velden = new Set<string>();
  for (const k of koppen) {
    if (!k) continue;
    const v = opzoeken(lookup, k);
    if (v !== undefined) velden.add(v);
  }
  return velden.size;
}

function afstand(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let vorige = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, vorige + (a[i - 1] === b[j - 1] ? 0 : 1));
      vorige = tmp;
    }
  }
  return d[b.length]!;
}

/** The documented header an unknown one is probably a typing of (`Kentl` → `kental`). */
export function bedoeltU(kop: string, specs: readonly KolomSpec[]): string | undefined {
  const n = normaliseerKop(kop);
  if (n.length < 4) return undefined;
  let beste: { naam: string; d: number } | undefined;
  for (const s of specs) {
    for (const a of [s.naam, ...(s.aliassen ?? [])]) {
      const d = afstand(n, normaliseerKop(a));
      if (d <= (n.length >= 8 ? 2 : 1) && (!beste || d < beste.d)) beste = { naam: s.naam, d };
    }
  }
  return beste?.naam;
}

export interface Kolom {
  index: number;
  /** The header as the user wrote it. */
  kop: string;
}

export interface KolomIndeling<V extends string = string> {
  kolommen: Partial<Record<V, Kolom>>;
  /** Columns that are not part of the contract (kept out, with a notice). */
  onbekend: Kolom[];
}

/** Maps a table's headers to fields; reports missing required, duplicate and unknown columns. */
export function deelKolommenIn<V extends string>(
  tabel: Tabel,
  specs: readonly (KolomSpec & { veld: V })[],
  extraBekend: (kop: string) => boolean = () => false,
): { indeling: KolomIndeling<V>; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const kolommen: Partial<Record<V, Kolom>> = {};
  const onbekend: Kolom[] = [];
  const lookup = aliasLijst(specs) as Map<string, V>;
  tabel.koppen.forEach((kop, index) => {
    const plaats: Plaats = { bestand: tabel.bestand, blad: tabel.blad, rij: tabel.kopRij, kolom: kop || undefined };
    if (kop === '') {
      const heeftData = tabel.rijen.some((r) => !isLeeg(r.cellen[index]));
      if (heeftData) {
        meldingen.push(
          melding('waarschuwing', 'kolom-zonder-kop', `kolom ${kolomLetter(index)} heeft gegevens maar geen kop; genegeerd`, {
            ...plaats,
            kolom: kolomLetter(index),
          }),
        );
      }
      return;
    }
    const veld = opzoeken(lookup, kop);
    if (veld === undefined) {
      if (!extraBekend(kop)) {
        onbekend.push({ index, kop });
        const bedoeld = bedoeltU(kop, specs);
        meldingen.push(
          melding(
            bedoeld ? 'waarschuwing' : 'melding',
            'kolom-onbekend',
            `kolom "${kop}" is onbekend en wordt genegeerd${bedoeld ? `; bedoelt u "${bedoeld}"?` : ''}`,
            plaats,
          ),
        );
      }
      return;
    }
    if (kolommen[veld]) {
      meldingen.push(
        melding(
          'fout',
          'kolom-dubbel',
          `kolom "${kop}" komt twee keer voor (ook als "${kolommen[veld]!.kop}"); welke geldt is onduidelijk`,
          plaats,
        ),
      );
      return;
    }
    kolommen[veld] = { index, kop };
  });
  for (const s of specs) {
    if (s.verplicht && !kolommen[s.veld]) {
      const bijna = onbekend.find((k) => bedoeltU(k.kop, [s]) !== undefined);
      meldingen.push(
        melding('fout', 'kolom-ontbreekt', `verplichte kolom "${s.naam}" ontbreekt${bijna ? ` (bedoelt u kolom "${bijna.kop}"?)` : ''}`, {
          bestand: tabel.bestand,
          blad: tabel.blad,
          rij: tabel.kopRij || undefined,
        }),
      );
    }
  }
  return { indeling: { kolommen, onbekend }, meldingen };
}

const RIJ = Symbol('rij');
type PlaatsenKlasse = new (rij: number) => { [RIJ]: number };
const prototypes = new WeakMap<object, Map<string, PlaatsenKlasse>>();
const laatste = new WeakMap<object, { velden: readonly string[]; Plaatsen: PlaatsenKlasse }>();

/** Accessor for one row: cells by field, places by field. */
export class RijLezer<V extends string> {
  constructor(
    readonly tabel: Tabel,
    readonly indeling: KolomIndeling<V>,
    readonly rij: Rij,
  ) {}

  heeft(veld: V): boolean {
    return this.indeling.kolommen[veld] !== undefined;
  }
  cel(veld: V): Cel | undefined {
    const k = this.indeling.kolommen[veld];
    return k ? this.rij.cellen[k.index] : undefined;
  }
  tekst(veld: V): string {
    const c = this.cel(veld);
    // A CSV table's text was cleaned when it was read (schoonTekst gives the same text again).
    return this.tabel.schoon && c?.t === 'tekst' ? c.v : schoonTekst(celTekst(c));
  }
  plaats(veld?: V): Plaats {
    const k = veld ? this.indeling.kolommen[veld] : undefined;
    return { bestand: this.tabel.bestand, blad: this.tabel.blad, rij: this.rij.rij, kolom: k?.kop };
  }
  /**
   * The places of these fields in this row, made only when a finding asks for one: a row keeps one
   * small object instead of one per column (a werkmap of 100.000 lines: some 40 MB less). A field
   * whose column is absent has no place.
   */
  plaatsen<K extends V>(velden: readonly K[]): { readonly [k in K]?: Plaats } {
    // The same fields as the row before (each sheet asks with one list): its class without a key.
    const vorige = laatste.get(this.indeling);
    if (vorige && vorige.velden.length === velden.length && vorige.velden.every((v, i) => v === velden[i])) {
      return new vorige.Plaatsen(this.rij.rij) as unknown as { readonly [k in K]?: Plaats };
    }
    let perSleutel = prototypes.get(this.indeling);
    if (!perSleutel) prototypes.set(this.indeling, (perSleutel = new Map()));
    const sleutel = velden.join('|');
    let Plaatsen = perSleutel.get(sleutel);
    if (!Plaatsen) {
      // A class per table and set of fields, its getters on the prototype: each row's object holds
      // only its row number (made with `new`, V8 sizes it to that one field; Object.create kept room
      // for four).
      Plaatsen = class {
        [RIJ]: number;
        constructor(rij: number) {
          this[RIJ] = rij;
        }
      };
      const { bestand, blad } = this.tabel;
      for (const veld of velden) {
        const k = this.indeling.kolommen[veld];
        Object.defineProperty(Plaatsen.prototype, veld, {
          enumerable: true,
          get(this: { [RIJ]: number }): Plaats | undefined {
            return k ? { bestand, blad, rij: this[RIJ], kolom: k.kop } : undefined;
          },
        });
      }
      perSleutel.set(sleutel, Plaatsen);
    }
    laatste.set(this.indeling, { velden, Plaatsen });
    return new Plaatsen(this.rij.rij) as unknown as { readonly [k in K]?: Plaats };
  }
}
