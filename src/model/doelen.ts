import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { parseGetalTekst } from './getal.js';
import { melding, type Melding } from './melding.js';
import type { Doel, Streefwaarde, Vergelijker } from './types.js';

const VERGELIJKERS: [RegExp, Vergelijker][] = [
  [/^(>=|≥|=>|minimaal|minstens|ten minste|tenminste|min\.?)\s*/i, '>='],
  [/^(<=|≤|=<|maximaal|hoogstens|ten hoogste|max\.?)\s*/i, '<='],
  [/^(>|meer dan|groter dan)\s*/i, '>'],
  [/^(<|minder dan|kleiner dan)\s*/i, '<'],
  [/^(=|==|gelijk aan)\s*/i, '='],
];

/** `≥ 95%`, `>= 95%`, `minimaal 95%`, `maximaal 33,3%`, `= 100%`, `0%` (no comparator means "="). */
export function parseStreefwaarde(tekst: string, vergelijkerTekst = ''): Streefwaarde | null {
  let rest = tekst.trim();
  let vergelijker: Vergelijker | undefined;
  for (const [re, v] of VERGELIJKERS) {
    if (re.test(rest)) {
      vergelijker = v;
      rest = rest.replace(re, '');
      break;
    }
  }
  if (!vergelijker && vergelijkerTekst.trim() !== '') {
    const vt = vergelijkerTekst.trim();
    for (const [re, v] of VERGELIJKERS) {
      if (re.test(vt) && vt.replace(re, '') === '') vergelijker = v;
    }
    if (!vergelijker) return null;
  }
  const g = parseGetalTekst(rest);
  if (!g) return null;
  return { tekst: tekst.trim(), vergelijker: vergelijker ?? '=', waarde: g.waarde, procent: g.procent };
}

export function leesDoelen(tabel: Tabel): { doelen: Doel[]; meldingen: Melding[] } {
  const ids = new Map<string, number>();
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'id', naam: 'id', aliassen: ['nr', 'code'], verplicht: true },
      { veld: 'thema', naam: 'thema', aliassen: ['thema kwaliteitsverordening'] },
      { veld: 'doel', naam: 'doel', aliassen: ['beleidsdoel', 'omschrijving'], verplicht: true },
      { veld: 'indicator', naam: 'indicator' },
      { veld: 'vergelijker', naam: 'vergelijker', aliassen: ['comparator'] },
      { veld: 'streefwaarde', naam: 'streefwaarde', aliassen: ['norm', 'doelwaarde'] },
      { veld: 'eenheid', naam: 'eenheid' },
    ] as const,
    (v, r) => {
      const id = v.tekst('id');
      const doel = v.tekst('doel');
      if (!id && !doel) return undefined;
      if (!id) {
        v.meldingen.push(melding('fout', 'waarde-leeg', `doel "${doel}" heeft geen id`, r.plaats('id')));
        return undefined;
      }
      if (ids.has(id.toLowerCase())) {
        v.meldingen.push(melding('fout', 'doel-dubbel', `doel-id ${id} staat ook op rij ${ids.get(id.toLowerCase())}`, r.plaats('id')));
        return undefined;
      }
      ids.set(id.toLowerCase(), r.rij.rij);
      const swTekst = v.tekst('streefwaarde');
      let streefwaarde: Streefwaarde | undefined;
      if (swTekst !== '') {
        const c = r.cel('streefwaarde');
        // A spreadsheet percentage cell (0,95 shown as 95%) arrives as a number with procent set.
        const tekst = c?.t === 'getal' && c.procent ? `${Math.round(c.v * 1e8) / 1e6}%` : swTekst;
        streefwaarde = parseStreefwaarde(tekst, v.tekst('vergelijker')) ?? undefined;
        if (!streefwaarde) {
          v.meldingen.push(
            melding('fout', 'streefwaarde-onleesbaar', `streefwaarde "${swTekst}" is onleesbaar (schrijf bijvoorbeeld ≥ 95%, maximaal 33,3% of = 100%)`, r.plaats('streefwaarde')),
          );
        }
      }
      const indicator = v.tekst('indicator') || undefined;
      if (!indicator) v.meldingen.push(melding('waarschuwing', 'doel-zonder-indicator', `doel ${id} heeft geen indicator`, r.plaats('indicator')));
      if (!swTekst) v.meldingen.push(melding('waarschuwing', 'doel-zonder-streefwaarde', `doel ${id} heeft geen streefwaarde`, r.plaats('streefwaarde')));
      return {
        plaats: r.plaats(),
        id,
        thema: v.tekst('thema') || undefined,
        doel: doel || id,
        indicator,
        streefwaarde,
        eenheid: v.tekst('eenheid') || undefined,
      };
    },
  );
  return { doelen: items, meldingen };
}
