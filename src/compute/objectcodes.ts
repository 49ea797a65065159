import { melding, type Melding } from '../model/melding.js';
import type { Inspectieobject, ProgrammaRegel } from '../model/types.js';
import { normaliseerCode } from './koppeling.js';

/**
 * A product code reduced to what tells it apart, as people write the same code: case, spaces and `,`
 * for `.` as the case-export reader ignores them (`normaliseerCode`), and also leading zeros in a
 * number and zero parts at the end: `GT 08`, `GT.8`, `GT,08` and `GT.08.00` are all `GT|8`.
 */
export function codeSleutel(code: string): string {
  const delen = normaliseerCode(code).match(/[A-Z]+|\d+/g) ?? [];
  const uit = delen.map((d) => (/^\d+$/.test(d) ? String(BigInt(d)) : d));
  while (uit.length > 1 && uit[uit.length - 1] === '0' && /^\d+$/.test(uit[uit.length - 2]!)) uit.pop();
  return uit.join('|');
}

/**
 * The objects with their product code as the programme writes it. A code written differently
 * (`GT 08` for `GT.08`) that fits exactly one line counts for that line, with a warning per way of
 * writing it; a code that fits no line, or more than one, is a warning at each object's row: its
 * controls then count on no line, and that is said.
 */
export function objectcodesNaarRegels(objecten: readonly Inspectieobject[], regels: readonly ProgrammaRegel[]): { objecten: Inspectieobject[]; meldingen: Melding[] } {
  const meldingen: Melding[] = [];
  const exact = new Map<string, string>();
  const perSleutel = new Map<string, Set<string>>();
  for (const r of regels) {
    if (!r.code) continue;
    exact.set(r.code.trim().toUpperCase(), r.code);
    const k = codeSleutel(r.code);
    if (!perSleutel.has(k)) perSleutel.set(k, new Set());
    perSleutel.get(k)!.add(r.code);
  }
  if (!exact.size) return { objecten: [...objecten], meldingen };
  const gelezen = new Map<string, { naar: string; objecten: Inspectieobject[] }>();
  const uit = objecten.map((o) => {
    if (!o.code || exact.has(o.code.trim().toUpperCase())) return o;
    const kandidaten = [...(perSleutel.get(codeSleutel(o.code)) ?? [])];
    if (kandidaten.length === 1) {
      const naar = kandidaten[0]!;
      const g = gelezen.get(o.code) ?? { naar, objecten: [] };
      g.objecten.push(o);
      gelezen.set(o.code, g);
      return { ...o, code: naar };
    }
    meldingen.push(
      melding(
        'waarschuwing',
        'object-code-onbekend',
        kandidaten.length > 1
          ? `object ${o.object}: productcode "${o.code}" past bij meer dan één regel in Producten (${kandidaten.join(', ')}); zijn controles tellen bij geen regel. Schrijf de code zoals in Producten`
          : `object ${o.object}: productcode "${o.code}" staat niet in Producten; zijn controles tellen bij geen programmaregel`,
        o.kolomPlaatsen.code ?? o.plaats,
      ),
    );
    return o;
  });
  for (const [code, g] of gelezen) {
    const rijen = g.objecten.map((o) => o.plaats.rij).filter((r): r is number => r !== undefined);
    meldingen.push(
      melding(
        'waarschuwing',
        'object-code-gelezen',
        `productcode "${code}" (${g.objecten.length} ${g.objecten.length === 1 ? 'object' : 'objecten'}${rijen.length ? `, ${rijen.length === 1 ? 'rij' : 'rijen'} ${rijenTekst(rijen)}` : ''}) gelezen als ${g.naar}, de code in Producten; hun controles tellen bij die regel`,
        g.objecten[0]!.kolomPlaatsen.code ?? g.objecten[0]!.plaats,
      ),
    );
  }
  return { objecten: uit, meldingen };
}

/** `3–7, 9` for rows 3, 4, 5, 6, 7, 9; at most ten ranges. */
function rijenTekst(rijen: number[]): string {
  const r = [...new Set(rijen)].sort((a, b) => a - b);
  const reeksen: string[] = [];
  for (let i = 0; i < r.length; ) {
    let j = i;
    while (j + 1 < r.length && r[j + 1] === r[j]! + 1) j++;
    reeksen.push(j > i ? `${r[i]}–${r[j]}` : String(r[i]));
    i = j + 1;
  }
  return reeksen.length > 10 ? `${reeksen.slice(0, 10).join(', ')}, …` : reeksen.join(', ');
}
