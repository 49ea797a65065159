import { sorteerMeldingen, telMeldingen, type Melding, type Niveau } from '../model/melding.js';

export interface MeldingenView {
  meldingen: { niveau: Niveau; bericht: string; waar: string }[];
  meldingTelling: Record<Niveau, number>;
}

/** The findings appendix of a document: errors and warnings (and the notices `ook` names), with their place in words. */
export function meldingenView(meldingen: readonly Melding[], ook: (m: Melding) => boolean = () => false): MeldingenView {
  const gekozen = sorteerMeldingen(meldingen).filter((m) => m.niveau !== 'melding' || ook(m));
  return {
    meldingen: gekozen.map((m) => ({
      niveau: m.niveau,
      bericht: m.bericht,
      waar: [m.plaats.bestand, m.plaats.blad, m.plaats.rij !== undefined ? `rij ${m.plaats.rij}` : '', m.plaats.kolom ? `kolom "${m.plaats.kolom}"` : ''].filter(Boolean).join(', '),
    })),
    meldingTelling: telMeldingen(gekozen),
  };
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 1 May 2026 → "1 mei 2026". */
export function dagMaandTekst(d: { dag: number; maand: number }, jaar: number): string {
  return `${d.dag} ${MAANDEN[d.maand - 1]} ${jaar}`;
}

/**
 * The user's own prose from sheet Teksten. Markdown is allowed there (emphasis, lists, links), so a
 * renderer must not escape it as it does other user text; the Markdown renderer only keeps it from
 * breaking the document (no raw HTML, no headings above the chapter's own level).
 */
export class MarkdownTekst {
  constructor(readonly bron: string) {}
  toString(): string {
    return this.bron;
  }
  toJSON(): string {
    return this.bron;
  }
}

export function markdownTeksten(perId: Record<string, string>): Record<string, MarkdownTekst> {
  return Object.fromEntries(Object.entries(perId).map(([k, v]) => [k, new MarkdownTekst(v)]));
}

/** "a", "a en b", "a, b en c": a Dutch enumeration. */
export function opsomming(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} en ${xs[xs.length - 1]}`;
}
