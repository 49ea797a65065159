import { sorteerMeldingen, telMeldingen, type Melding, type Niveau } from '../model/melding.js';
import type { Werkmap } from '../model/types.js';

/** The user's paragraphs per section (several rows for one section become paragraphs). */
export function tekstenPerSectie(wm: Werkmap): Record<string, string> {
  const teksten: Record<string, string> = {};
  for (const t of wm.teksten ?? []) teksten[t.sectie] = teksten[t.sectie] ? `${teksten[t.sectie]}\n\n${t.tekst}` : t.tekst;
  return teksten;
}

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
