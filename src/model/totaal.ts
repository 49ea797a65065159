/** Words that open a printed total row: `Totaal toezicht`, `Subtotaal handhaving`, `Som`, `Eindtotaal`, `TOTAAL`. */
const TOTAAL = /^(sub\s*-?\s*)?tota(a)?l(en)?\b|^eindtota(a)?l\b|^som\b|^generaal\s+tota(a)?l\b|^grand\s+total\b|^totaal-?\s*generaal\b/i;

export function isTotaalTekst(s: string): boolean {
  return TOTAAL.test(s.trim());
}
