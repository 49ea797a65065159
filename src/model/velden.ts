import type { Cel } from '../ingest/tabel.js';
import { kolomDatumvolgorde, leesDatum, type Datumvolgorde } from './datum.js';
import type { GetalToestand } from './conventie.js';
import { celWeergave, LEGE_WAARDE, leesGetal, type Eenheid, type Waarde } from './getal.js';
import type { RijLezer } from './kolommen.js';
import { melding, type Melding, type Plaats } from './melding.js';
import { Rational } from './rational.js';

/** The default of every reader's options: one object, not a new one per cell read. */
const GEEN_OPTIES = Object.freeze({});

/** Field readers shared by the sheet modules: each reads one cell and reports a finding with its place. */
/** The settled order of day and month per column of a table (index → order), made once per column. */
const VOLGORDES = new WeakMap<object, Map<number, Datumvolgorde>>();

export class VeldLezer<V extends string> {
  constructor(
    readonly r: RijLezer<V>,
    readonly meldingen: Melding[],
    readonly getallen?: GetalToestand,
  ) {}

  /** A number that may also be a no-value word, read by its column's convention. */
  getal(veld: V, opties: { verplicht?: boolean; nietNegatief?: boolean; eenheid?: Eenheid; vergelijk?: boolean } = GEEN_OPTIES): Waarde {
    if (!this.r.heeft(veld)) return LEGE_WAARDE;
    const c = this.r.cel(veld);
    const w = leesGetal(c, this.getallen?.context(veld, opties.eenheid) ?? {});
    if (c?.t === 'formule' && this.getallen) {
      this.getallen.formule(veld, this.r.rij.rij, c.formule, opties.vergelijk);
      return w;
    }
    this.getallen?.registreer(veld, w);
    const kop = this.r.indeling.kolommen[veld]?.kop;
    if (w.soort === 'getal' && w.noten) {
      for (const n of w.noten) this.meldingen.push(melding(n.niveau, n.code, n.tekst, this.r.plaats(veld)));
    }
    if (w.soort === 'fout') {
      this.meldingen.push(melding('fout', 'waarde-onleesbaar', w.reden, this.r.plaats(veld)));
    } else if (w.soort === 'leeg' && opties.verplicht) {
      this.meldingen.push(melding('fout', 'waarde-leeg', `kolom "${kop}" is leeg`, this.r.plaats(veld)));
    } else if (w.soort === 'getal' && opties.nietNegatief && w.waarde.isNegative()) {
      this.meldingen.push(
        melding('fout', 'waarde-negatief', `${kop} mag niet negatief zijn (${celWeergave(this.r.cel(veld))})`, this.r.plaats(veld)),
      );
    }
    return w;
  }

  /** A number that must be a number (no-value words are an error here). */
  strikt(veld: V, opties: { verplicht?: boolean; nietNegatief?: boolean; eenheid?: Eenheid } = GEEN_OPTIES): Rational | undefined {
    return this.getalMetSoort(veld, opties)?.waarde;
  }

  /** As `strikt`, with whether the cell was a percentage. */
  getalMetSoort(veld: V, opties: { verplicht?: boolean; nietNegatief?: boolean; eenheid?: Eenheid } = GEEN_OPTIES): { waarde: Rational; procent: boolean } | undefined {
    const w = this.getal(veld, opties);
    if (w.soort === 'geen') {
      this.meldingen.push(
        melding('fout', 'waarde-geen-getal', `"${w.woord}" is hier niet toegestaan: vul een getal in`, this.r.plaats(veld)),
      );
      return undefined;
    }
    return w.soort === 'getal' && !(opties.nietNegatief && w.waarde.isNegative()) ? { waarde: w.waarde, procent: w.procent } : undefined;
  }

  tekst(veld: V, opties: { verplicht?: boolean } = GEEN_OPTIES): string {
    const c = this.r.cel(veld);
    this.controleerFoutcel(veld, c);
    const t = c && (c.t === 'fout' || c.t === 'formule') ? '' : this.r.tekst(veld);
    if (t === '' && opties.verplicht && this.r.heeft(veld)) {
      this.meldingen.push(melding('fout', 'waarde-leeg', `kolom "${this.r.plaats(veld).kolom}" is leeg`, this.r.plaats(veld)));
    }
    return t;
  }

  jaNee(veld: V, standaard = false): boolean {
    if (!this.r.heeft(veld)) return standaard;
    const c = this.r.cel(veld);
    if (c?.t === 'bool') return c.v;
    const t = this.r.tekst(veld).toLowerCase();
    if (t === '') return standaard;
    if (['ja', 'j', 'yes', 'y', 'x', 'waar', 'true', '1', 'wettelijk'].includes(t)) return true;
    if (['nee', 'n', 'no', 'onwaar', 'false', '0'].includes(t)) return false;
    this.meldingen.push(
      melding('fout', 'waarde-onleesbaar', `"${t}" is geen ja of nee`, this.r.plaats(veld)),
    );
    return standaard;
  }

  datum(veld: V): Date | undefined {
    if (!this.r.heeft(veld)) return undefined;
    const d = leesDatum(this.r.cel(veld), this.datumvolgorde(veld));
    if (d.soort === 'fout') this.meldingen.push(melding('fout', 'waarde-onleesbaar', d.reden, this.r.plaats(veld)));
    return d.soort === 'datum' ? d.datum : undefined;
  }

  /**
   * The order of day and month in this field's column, settled once per column from all its dates
   * (an English-locale export writes 04/03/2024 for 3 April); the finding that says how is given once.
   */
  private datumvolgorde(veld: V): Datumvolgorde {
    const k = this.r.indeling.kolommen[veld];
    if (!k) return 'dm';
    let perKolom = VOLGORDES.get(this.r.tabel);
    if (!perKolom) VOLGORDES.set(this.r.tabel, (perKolom = new Map()));
    const bekend = perKolom.get(k.index);
    if (bekend) return bekend;
    const cellen = this.r.tabel.rijen.flatMap((rij) => {
      const c = rij.cellen[k.index];
      return c?.t === 'tekst' ? [{ tekst: c.v, rij: rij.rij }] : [];
    });
    const v = kolomDatumvolgorde(cellen);
    const plaats = (rij: number) => ({ bestand: this.r.tabel.bestand, blad: this.r.tabel.blad, rij, kolom: this.r.plaats(veld).kolom });
    if (v.botsing) {
      this.meldingen.push(
        melding('fout', 'datum-dubbelzinnig', `de kolom mengt dag-maand ("${v.botsing.dm.tekst}", rij ${v.botsing.dm.rij}) en maand-dag ("${v.botsing.md.tekst}", rij ${v.botsing.md.rij}); schrijf de datums als dd-mm-jjjj of jjjj-mm-dd`, plaats(v.botsing.md.rij)),
      );
    } else if (v.volgorde === 'md') {
      this.meldingen.push(melding('melding', 'datum-volgorde', `datums in deze kolom gelezen als maand/dag/jaar (Engelse schrijfwijze), want "${v.bewijs!.tekst}" in rij ${v.bewijs!.rij}`, plaats(v.bewijs!.rij)));
    } else if (v.dubbelzinnig) {
      this.meldingen.push(
        melding('waarschuwing', 'datum-dubbelzinnig', `"${v.dubbelzinnig.tekst}" kan dag/maand en maand/dag zijn en niets in de kolom beslist het; gelezen als dag-maand-jaar (zoals dd-mm-jjjj). Schrijf jjjj-mm-dd om zeker te zijn`, plaats(v.dubbelzinnig.rij)),
      );
    }
    perKolom.set(k.index, v.volgorde);
    return v.volgorde;
  }

  private controleerFoutcel(veld: V, c: Cel | undefined): void {
    if (c?.t === 'fout') {
      this.meldingen.push(melding('fout', 'waarde-onleesbaar', `de cel bevat de foutwaarde ${c.v}`, this.r.plaats(veld)));
    } else if (c?.t === 'formule' && this.getallen) {
      this.getallen.formule(veld, this.r.rij.rij, c.formule);
    } else if (c?.t === 'formule') {
      this.meldingen.push(
        melding('fout', 'formule-zonder-uitkomst', `de formule =${c.formule} heeft geen opgeslagen uitkomst`, this.r.plaats(veld)),
      );
    }
  }
}

/**
 * A percentage column holding 0,1 without a % sign or percent format: probably 10% written as a
 * fraction. Read as written (0,1%), with a warning, never silently multiplied.
 */
export function waarschuwBreuk(w: Waarde, wat: string, plaats: Plaats, meldingen: Melding[]): void {
  if (w.soort === 'getal' && !w.procent && w.waarde.gt(Rational.ZERO) && w.waarde.lt(Rational.ONE)) {
    const p = w.waarde.toDecimalString(6).replace('.', ',');
    meldingen.push(
      melding('waarschuwing', 'percentage-als-breuk', `${wat} ${p} wordt gelezen als ${p}%; bedoelt u ${w.waarde.mul(Rational.of(100n)).toDecimalString(4).replace('.', ',')}%? Schrijf dan het %-teken erbij`, plaats),
    );
  }
}
