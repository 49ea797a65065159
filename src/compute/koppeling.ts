import { normaliseerKop } from '../model/kolommen.js';
import type { ProgrammaRegel, Zaaktype } from '../model/types.js';

/** How a case's code or product name was matched to a programme line. */
export type Koppelwijze = 'code' | 'kort' | 'naam' | 'zaaktype';

export type Koppelresultaat = { code: string; wijze: Koppelwijze } | { code?: undefined; reden: string };

/**
 * A code as case systems write it, reduced to its catalogue form: `a1.01.00` → `A1.01.00`,
 * `A1,01,00` → `A1.01.00`, `A1.01.00 - omschrijving` → `A1.01.00`, ` GT .09` → `GT.09`.
 */
export function normaliseerCode(s: string): string {
  const t = s.trim().toUpperCase();
  const m = /^([A-Z]{1,4}\s*\d*(?:\s*[.,]\s*\d+)*)(?=$|[\s:–—-])/.exec(t);
  const kern = m && /\d/.test(m[1]!) ? m[1]! : t;
  return kern.replace(/\s+/g, '').replace(/,/g, '.');
}

/**
 * Matches the cases of an export to the programme's lines: by code (normalised), by a short code
 * that extends to exactly one line (`A1.01` → `A1.01.00`), by the line's product name, or by the
 * werkmap's Zaaktypen sheet. Results are cached per value: an export of a million cases holds a
 * few hundred distinct values.
 */
export class CodeKoppeling {
  private readonly codes = new Map<string, string>();
  private readonly namen = new Map<string, string | null>();
  private readonly zaaktypen = new Map<string, string>();
  /** Per code, per name: no key string built per case. */
  private readonly cache = new Map<string, Map<string, Koppelresultaat>>();

  constructor(regels: readonly Pick<ProgrammaRegel, 'code' | 'product'>[], zaaktypen: readonly Zaaktype[] = []) {
    for (const r of regels) {
      if (r.code) {
        const n = normaliseerCode(r.code);
        if (!this.codes.has(n)) this.codes.set(n, r.code);
      }
      if (r.product) {
        const n = normaliseerKop(r.product);
        const eerder = this.namen.get(n);
        // A name under two codes matches neither: that would be a guess.
        this.namen.set(n, eerder === undefined || eerder === r.code ? (r.code ?? null) : null);
      }
    }
    for (const z of zaaktypen) this.zaaktypen.set(normaliseerKop(z.zaaktype), z.code);
  }

  /** Whether the programme has any line code at all (a municipal table may have none). */
  get heeftCodes(): boolean {
    return this.codes.size > 0;
  }

  zoek(code: string, naam: string): Koppelresultaat {
    let perNaam = this.cache.get(code);
    if (!perNaam) {
      perNaam = new Map();
      this.cache.set(code, perNaam);
    }
    let r = perNaam.get(naam);
    if (!r) {
      r = this.bepaal(code, naam);
      perNaam.set(naam, r);
    }
    return r;
  }

  private bepaal(code: string, naam: string): Koppelresultaat {
    if (code.trim() !== '') {
      const n = normaliseerCode(code);
      const exact = this.codes.get(n);
      if (exact) return { code: exact, wijze: 'code' };
      const langer = [...this.codes.keys()].filter((c) => c.startsWith(n + '.'));
      if (langer.length === 1) return { code: this.codes.get(langer[0]!)!, wijze: 'kort' };
      // A two-segment catalogue code written with a product part: `A4.19.00` for `A4.19`.
      const korter = n.replace(/(\.0+)+$/, '');
      if (korter !== n && this.codes.has(korter)) return { code: this.codes.get(korter)!, wijze: 'kort' };
      if (langer.length > 1) return { reden: `code ${code.trim()} past bij ${langer.length} regels (${langer.slice(0, 3).join(', ')}${langer.length > 3 ? ', …' : ''})` };
    }
    for (const t of [naam, code]) {
      if (t.trim() === '') continue;
      const k = normaliseerKop(t);
      const z = this.zaaktypen.get(k);
      if (z) return { code: this.codes.get(normaliseerCode(z)) ?? z, wijze: 'zaaktype' };
      const p = this.namen.get(k);
      if (p) return { code: p, wijze: 'naam' };
    }
    return { reden: code.trim() !== '' ? 'code niet in het programma' : naam.trim() !== '' ? 'product of zaaktype niet in het programma of in Zaaktypen' : 'geen code' };
  }
}
