import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { nlGetal, parseGetalTekst } from './getal.js';
import { Rational } from './rational.js';
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
  // Shown as written, in Dutch: the typed comparator words (or the symbol from the vergelijker column)
  // and the number with a decimal comma and every typed decimal (`≤ 0,333`, never "0.333" or "0,33").
  const woorden = tekst.trim().slice(0, tekst.trim().length - rest.length).trim();
  const voor = woorden || (vergelijkerTekst.trim() ? SYMBOOL[vergelijker!] : '');
  return { tekst: `${voor ? `${voor} ` : ''}${nlGetal(g.waarde, 10)}${g.procent ? '%' : ''}`, vergelijker: vergelijker ?? '=', waarde: g.waarde, procent: g.procent };
}

const SYMBOOL: Record<Vergelijker, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

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
        // A number cell as the sheet shows it, in Dutch: a percentage cell (0,95 shown as 95%) as 95%,
        // another as 0,95; its text form ("0.95") would be read by the English convention and shown so.
        const tekst = c?.t === 'getal' && Number.isFinite(c.v) ? `${nlGetal(Rational.fromNumber(c.v).mul(Rational.of(c.procent ? 100n : 1n)), 10)}${c.procent ? '%' : ''}` : swTekst;
        streefwaarde = parseStreefwaarde(tekst, v.tekst('vergelijker')) ?? undefined;
        // The rule in docs/werkmap.md for 0,1 in a percent column: read as written, with a warning, never multiplied.
        const eenheid = v.tekst('eenheid').trim().toLowerCase();
        if (streefwaarde && !streefwaarde.procent && ['%', 'procent', 'percentage'].includes(eenheid)) {
          const w = streefwaarde.waarde;
          if (w.gt(Rational.ZERO) && w.lt(Rational.ONE)) {
            v.meldingen.push(
              melding('waarschuwing', 'percentage-als-breuk', `streefwaarde ${nlGetal(w, 10)} in procenten (eenheid "${v.tekst('eenheid')}") wordt gelezen als ${nlGetal(w, 10)}%; bedoelt u ${nlGetal(w.mul(Rational.of(100n)), 8)}%? Schrijf dan het %-teken erbij`, r.plaats('streefwaarde')),
            );
          }
          streefwaarde = { ...streefwaarde, procent: true };
        }
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
