import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { parseGetalTekst } from './getal.js';
import { melding, type Melding } from './melding.js';
import type { Doel, DoelIndicator, Streefwaarde, Vergelijker } from './types.js';

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
  const ids = new Map<string, { rij: number; doel: Doel }>();
  let vorige: { rij: number; doel: Doel } | undefined;
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
      if (!id && !doel && !v.tekst('indicator')) return undefined;
      // No id and no goal text below a goal (a merged cell, unmerged): another indicator of that goal.
      const vervolg = !id && !doel && vorige ? vorige : undefined;
      if (!id && !vervolg) {
        v.meldingen.push(melding('fout', 'waarde-leeg', `doel "${doel || v.tekst('indicator')}" heeft geen id`, r.plaats('id')));
        return undefined;
      }
      const eerder = vervolg ?? ids.get(id.toLowerCase());
      // The same id again with no goal text (or the same text): one more indicator of that goal, as real
      // goal tables print a goal with its indicators on rows below it. Another goal text is a real clash.
      const zelfdeDoel = eerder && (doel === '' || doel === eerder.doel.doel);
      if (eerder && !zelfdeDoel) {
        v.meldingen.push(melding('fout', 'doel-dubbel', `doel-id ${id} staat ook op rij ${eerder.rij} met een ander doel ("${eerder.doel.doel}")`, r.plaats('id')));
        return undefined;
      }
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
      const nr = eerder ? eerder.doel.indicatoren.length + 1 : 1;
      const wie = nr > 1 ? `doel ${eerder!.doel.id} (indicator ${nr})` : `doel ${id}`;
      if (!indicator) v.meldingen.push(melding('waarschuwing', 'doel-zonder-indicator', `${wie} heeft geen indicator`, r.plaats('indicator')));
      if (!swTekst) v.meldingen.push(melding('waarschuwing', 'doel-zonder-streefwaarde', `${wie} heeft geen streefwaarde`, r.plaats('streefwaarde')));
      const ind: DoelIndicator = { plaats: r.plaats(), nr, indicator, streefwaarde, eenheid: v.tekst('eenheid') || undefined };
      if (eerder) {
        eerder.doel.indicatoren.push(ind);
        v.meldingen.push(melding('melding', 'doel-indicator', `rij ${r.rij.rij} is indicator ${nr} van doel ${eerder.doel.id} (rij ${eerder.rij})`, r.plaats('id')));
        return undefined;
      }
      const d: Doel = {
        plaats: r.plaats(),
        id,
        thema: v.tekst('thema') || undefined,
        doel: doel || id,
        indicator,
        streefwaarde,
        eenheid: ind.eenheid,
        indicatoren: [ind],
      };
      vorige = { rij: r.rij.rij, doel: d };
      ids.set(id.toLowerCase(), vorige);
      return d;
    },
  );
  return { doelen: items, meldingen };
}
