/**
 * Dutch order as ICU gives it (`localeCompare(b, 'nl', …)`), without ICU where the texts allow: the
 * first `Intl.Collator` of a run costs some 8 to 10 ms (ICU loads its collation data), more than all
 * the sorting a UVP of the example does. For texts of letters, digits, hyphens, slashes and ampersands
 * (abbreviations such as BIG-8 and VV/T&H, object ids such as OB001 or 2024-17), ICU puts `-`, `/`,
 * `&` in that order before the digits, and the digits before the letters; ignoring case that is the
 * order of the lower-cased texts with those three made the lowest characters, and with case, for texts
 * in capitals, the same without lower-casing. Any other pair of texts (an accent, a space, lower case
 * where case counts) is compared by ICU, whose collator is then made once.
 * test/afkortingen-volgorde.test.ts checks both orders, and lists mixing both kinds, against ICU.
 */
export type Gevoeligheid = 'base' | 'variant';

/** ICU's order of the punctuation these texts hold: all before the digits, and these three so. */
const LEESTEKEN: Record<string, string> = { '-': '\u0001', '/': '\u0002', '&': '\u0003' };
const EENVOUDIG: Record<Gevoeligheid, RegExp> = { base: /^[A-Za-z0-9&/-]*$/, variant: /^[A-Z0-9&/-]*$/ };
const collators: Partial<Record<Gevoeligheid, Intl.Collator>> = {};

/** Whether ICU's order of this text is known without ICU (see above). */
function eenvoudigNl(tekst: string, gevoeligheid: Gevoeligheid): boolean {
  return EENVOUDIG[gevoeligheid].test(tekst);
}

/** ICU's Dutch collator, made on first use. */
function collatorNl(gevoeligheid: Gevoeligheid): Intl.Collator {
  return (collators[gevoeligheid] ??= new Intl.Collator('nl', { sensitivity: gevoeligheid }));
}

/** The key whose code-unit order is ICU's order, for a text that `eenvoudigNl` accepts. */
function sleutelNl(tekst: string, gevoeligheid: Gevoeligheid): string {
  return (gevoeligheid === 'base' ? tekst.toLowerCase() : tekst).replace(/[-/&]/g, (t) => LEESTEKEN[t]!);
}

/**
 * `a.localeCompare(b, 'nl', { sensitivity })` in sign, and `localeCompare(b, 'nl')` itself for the
 * default 'variant'. Pairs of simple texts by their keys, any other pair by ICU: since the keys give
 * ICU's order, every pair is ordered as ICU orders it, so a sort with it is ICU's sort.
 */
export function vergelijkNl(a: string, b: string, gevoeligheid: Gevoeligheid = 'variant'): number {
  if (eenvoudigNl(a, gevoeligheid) && eenvoudigNl(b, gevoeligheid)) {
    const x = sleutelNl(a, gevoeligheid);
    const y = sleutelNl(b, gevoeligheid);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return collatorNl(gevoeligheid).compare(a, b);
}
