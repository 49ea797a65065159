/**
 * Province profiles for the IBT check: which jaarverslag is judged with the UVP of year N, the
 * deadlines, the peildatum and the words of the verdict scale. Plain data: profiles cross worker
 * threads. Only rules with a published source are built in; a province whose rules we do not hold
 * is a user's profile file, never a guess.
 */
import { normaliseerKop } from '../model/kolommen.js';

export type Status = 'voldoet' | 'voldoet deels' | 'voldoet niet' | 'niet te beoordelen';

/** A day in a year: `jaarNa` years after the year the document is about. */
export interface DagMaand {
  dag: number;
  maand: number;
}

export interface ProvincieProfiel {
  naam: string;
  /** Where its rules come from, shown in every report. */
  bron: string;
  /** The UVP for N is on time when adopted before this day of N; absent: the profile names no deadline. */
  uvpUiterlijk?: DagMaand;
  /** The jaarverslag over Y is on time when adopted before this day of Y+1; absent: no deadline. */
  jaarverslagUiterlijk?: DagMaand;
  /** Which jaarverslag is judged with the UVP of N: the one over N (after N has ended) or over N−1. */
  jaarverslagOver: 'N' | 'N-1';
  /** The day the province takes stock, in year N + peildatumJaar; absent: the day of the run. */
  peildatum?: DagMaand & { jaar: 0 | 1 };
  /** The words of the verdict scale. */
  schaal: Record<Exclude<Status, 'niet te beoordelen'>, string>;
}

const VOLDOET = { voldoet: 'voldoet', 'voldoet deels': 'voldoet deels', 'voldoet niet': 'voldoet niet' } as const;

/** The one published pair of deadlines we hold (Noord-Brabant), also the standard. */
const FEBRUARI_MEI = { uvpUiterlijk: { dag: 1, maand: 2 }, jaarverslagUiterlijk: { dag: 1, maand: 5 } };

export const PROFIELEN: Record<string, ProvincieProfiel> = {
  standaard: {
    naam: 'standaard',
    bron: 'UVP vóór 1 februari van het programmajaar, jaarverslag over dat jaar vóór 1 mei van het jaar erna',
    ...FEBRUARI_MEI,
    jaarverslagOver: 'N',
    schaal: { ...VOLDOET },
  },
  'noord-brabant': {
    naam: 'Noord-Brabant',
    bron: 'provincie Noord-Brabant, "VTH-documenten: tijdige vaststelling en actualiteit" (brabant.nl): uitvoeringsprogramma jaarlijks vóór 1 februari, evaluatieverslag jaarlijks vóór 1 mei; de ronde van jaar N kijkt naar het uitvoeringsprogramma N en het evaluatieverslag N−1',
    ...FEBRUARI_MEI,
    jaarverslagOver: 'N-1',
    schaal: { ...VOLDOET },
  },
  'noord-holland': {
    naam: 'Noord-Holland',
    bron: 'provincie Noord-Holland: oordelen adequaat, redelijk adequaat en niet adequaat (zo gerapporteerd in de IBT-jaarverslagen en door gemeenten, bv. Gemeenteblad Heemstede 2020, 79151); termijnen voor vaststelling staan niet in onze bronnen, dus toetst dit profiel alleen óf de documenten zijn vastgesteld',
    jaarverslagOver: 'N',
    schaal: { voldoet: 'adequaat', 'voldoet deels': 'redelijk adequaat', 'voldoet niet': 'niet adequaat' },
  },
};

/** "Provincie Noord-Brabant", "noord brabant", "Noord-Brabant" → the built-in profile, if there is one. */
export function ingebouwdProfiel(naam: string): ProvincieProfiel | undefined {
  const k = normaliseerKop(naam).replace(/^provincie\s+/, '').replace(/[\s_]+/g, '-');
  return PROFIELEN[k];
}

/** "01-02" → 1 February; throws a Dutch message naming the field. */
export function leesDagMaand(s: string, naam: string): DagMaand {
  const m = /^(\d{1,2})[-/.](\d{1,2})$/.exec(s.trim());
  const dag = Number(m?.[1]);
  const maand = Number(m?.[2]);
  if (!m || maand < 1 || maand > 12 || dag < 1 || dag > new Date(Date.UTC(2001, maand, 0)).getUTCDate()) {
    throw new RangeError(`${naam} "${s}" is geen dag en maand (schrijf bijvoorbeeld 01-02)`);
  }
  return { dag, maand };
}

const VELDEN = ['naam', 'bron', 'uvpUiterlijk', 'jaarverslagUiterlijk', 'jaarverslagOver', 'peildatum', 'peildatumJaar', 'schaal'] as const;

/**
 * A user's own profile from the text of a JSON file (docs/opdrachten.md shows one). Every field is checked,
 * and an unknown field is an error: a typo in a deadline's name must not fall back to a default unseen.
 */
export function profielUitJson(tekst: string, pad: string): ProvincieProfiel {
  let ruw: unknown;
  try {
    ruw = JSON.parse(tekst.replace(/^\uFEFF/, ''));
  } catch (e) {
    // JSON.parse says where in English ("… at position 45"); the user gets the line and column.
    const positie = Number(/position (\d+)/.exec((e as Error).message)?.[1]);
    const voor = Number.isFinite(positie) ? tekst.replace(/^\uFEFF/, '').slice(0, positie) : undefined;
    const waar = voor === undefined ? '' : ` (regel ${voor.split('\n').length}, teken ${voor.length - voor.lastIndexOf('\n')})`;
    throw new RangeError(`provincieprofiel "${pad}" is geen geldige JSON${waar}: controleer de aanhalingstekens, dubbele punten en komma's (geen komma na het laatste veld)`);
  }
  if (typeof ruw !== 'object' || ruw === null || Array.isArray(ruw)) throw new RangeError(`provincieprofiel "${pad}" moet een JSON-object zijn`);
  const o = ruw as Record<string, unknown>;
  const fout = (veld: string, wat: string) => new RangeError(`provincieprofiel "${pad}", veld "${veld}": ${wat}`);
  for (const k of Object.keys(o)) if (!(VELDEN as readonly string[]).includes(k)) throw fout(k, `onbekend veld (bekend: ${VELDEN.join(', ')})`);
  const tekstVeld = (k: string, verplicht: boolean): string | undefined => {
    const v = o[k];
    if (v === undefined || v === null) {
      if (verplicht) throw fout(k, 'ontbreekt');
      return undefined;
    }
    if (typeof v !== 'string' || !v.trim()) throw fout(k, 'moet een tekst zijn');
    return v.trim();
  };
  const dagMaand = (k: string) => {
    const v = tekstVeld(k, false);
    if (v === undefined) return undefined;
    try {
      return leesDagMaand(v, k);
    } catch (e) {
      throw fout(k, (e as Error).message);
    }
  };
  const over = tekstVeld('jaarverslagOver', false) ?? 'N';
  if (over !== 'N' && over !== 'N-1') throw fout('jaarverslagOver', `"${over}" moet N of N-1 zijn`);
  const peil = dagMaand('peildatum');
  const peilJaar = tekstVeld('peildatumJaar', false);
  if (peilJaar !== undefined && !peil) throw fout('peildatumJaar', 'staat er zonder peildatum');
  if (peilJaar !== undefined && peilJaar !== 'N' && peilJaar !== 'N+1') throw fout('peildatumJaar', `"${peilJaar}" moet N of N+1 zijn`);
  const schaal = { ...VOLDOET } as ProvincieProfiel['schaal'];
  if (o.schaal !== undefined) {
    if (typeof o.schaal !== 'object' || o.schaal === null || Array.isArray(o.schaal)) throw fout('schaal', 'moet een object zijn met voldoet, voldoet deels en voldoet niet');
    for (const [k, v] of Object.entries(o.schaal)) {
      // Own keys only: `in` would take toString and constructor from the prototype.
      if (!Object.hasOwn(schaal, k)) throw fout('schaal', `"${k}" is geen oordeel (voldoet, voldoet deels, voldoet niet)`);
      if (typeof v !== 'string' || !v.trim()) throw fout('schaal', `"${k}" moet een tekst zijn`);
      schaal[k as keyof typeof schaal] = v.trim();
    }
  }
  return {
    naam: tekstVeld('naam', true)!,
    bron: tekstVeld('bron', false) ?? `eigen profiel (${pad})`,
    uvpUiterlijk: dagMaand('uvpUiterlijk'),
    jaarverslagUiterlijk: dagMaand('jaarverslagUiterlijk'),
    jaarverslagOver: over,
    ...(peil ? { peildatum: { ...peil, jaar: peilJaar === 'N+1' ? 1 : 0 } } : {}),
    schaal,
  };
}

export function onbekendeProvincie(s: string): string {
  return `provincie "${s}" heeft geen ingebouwd profiel (bekend: ${Object.keys(PROFIELEN).join(', ')}); geef een eigen profiel als .json-bestand`;
}
