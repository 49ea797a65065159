import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { leesGetal } from './getal.js';
import { waarschuwBreuk } from './velden.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { Reservering } from './types.js';

export function leesReserveringen(tabel: Tabel): { reserveringen: Reservering[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'afdeling', naam: 'afdeling', aliassen: ['team', 'uitvoerder'], verplicht: true },
      { veld: 'omschrijving', naam: 'omschrijving', aliassen: ['reservering', 'doel'] },
      { veld: 'percentage', naam: 'percentage', aliassen: ['procent', '%'], getal: 'getal' },
      { veld: 'uren', naam: 'uren', getal: 'uren' },
    ] as const,
    (v, r) => {
      const afdeling = v.tekst('afdeling', { verplicht: true });
      if (!afdeling) return undefined;
      waarschuwBreuk(leesGetal(r.cel('percentage')), 'percentage', r.plaats('percentage'), v.meldingen);
      const percentage = v.strikt('percentage', { nietNegatief: true });
      const uren = v.strikt('uren', { nietNegatief: true });
      if (percentage === undefined && uren === undefined) {
        v.meldingen.push(melding('fout', 'reservering-leeg', `reservering voor "${afdeling}" heeft geen percentage en geen uren`, r.plaats()));
        return undefined;
      }
      if (percentage !== undefined && percentage.gt(Rational.of(100n))) {
        v.meldingen.push(melding('fout', 'waarde-te-groot', `een reservering van meer dan 100% kan niet`, r.plaats('percentage')));
        return undefined;
      }
      return { plaats: r.plaats(), afdeling, omschrijving: v.tekst('omschrijving'), percentage, uren };
    },
  );
  return { reserveringen: items, meldingen };
}
