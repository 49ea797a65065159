import { celTekst, isLeeg, kolomLetter, schoonTekst, type Cel, type Rij, type Tabel } from '../ingest/tabel.js';
import { melding, type Melding, type Plaats } from './melding.js';

/**
 * Header and sheet-name matching: case, accents, surrounding and repeated spaces, underscores
 * and a trailing unit in parentheses are ignored (`Kental (uren)` = `kental` = ` KENTAL `).
 */
export function normaliseerKop(s: string): string {
  return schoonTekst(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface KolomSpec {
  /** Field name in the record. */
  veld: string;
  /** Name shown to the user (the documented header). */
  naam: string;
  aliassen?: readonly string[];
  verplicht?: boolean;
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
  const lookup = new Map<string, V>();
  for (const s of specs) {
    for (const a of [s.naam, ...(s.aliassen ?? [])]) lookup.set(normaliseerKop(a), s.veld);
  }
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
    const veld = lookup.get(normaliseerKop(kop));
    if (veld === undefined) {
      if (!extraBekend(kop)) {
        onbekend.push({ index, kop });
        meldingen.push(melding('melding', 'kolom-onbekend', `kolom "${kop}" is onbekend en wordt genegeerd`, plaats));
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
      meldingen.push(
        melding('fout', 'kolom-ontbreekt', `verplichte kolom "${s.naam}" ontbreekt`, {
          bestand: tabel.bestand,
          blad: tabel.blad,
          rij: tabel.kopRij || undefined,
        }),
      );
    }
  }
  return { indeling: { kolommen, onbekend }, meldingen };
}

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
    return schoonTekst(celTekst(this.cel(veld)));
  }
  plaats(veld?: V): Plaats {
    const k = veld ? this.indeling.kolommen[veld] : undefined;
    return { bestand: this.tabel.bestand, blad: this.tabel.blad, rij: this.rij.rij, kolom: k?.kop };
  }
}
