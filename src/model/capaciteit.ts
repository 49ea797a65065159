import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { melding, type Melding } from './melding.js';
import type { Afdeling } from './types.js';

export function leesCapaciteit(tabel: Tabel): { afdelingen: Afdeling[]; meldingen: Melding[] } {
  const namen = new Map<string, Afdeling>();
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'afdeling', naam: 'afdeling', aliassen: ['uitvoerder', 'team'], verplicht: true },
      { veld: 'fte', naam: 'fte', aliassen: ['formatie', 'aantal fte'], getal: 'getal' },
      { veld: 'puren', naam: 'productieve uren per fte', aliassen: ['productieve uren'], getal: 'uren' },
      { veld: 'extern', naam: 'extern' },
      { veld: 'ingekocht', naam: 'ingekochte uren', aliassen: ['gecontracteerde uren', 'ingekocht'], getal: 'uren' },
    ] as const,
    (v, r) => {
      const naam = v.tekst('afdeling');
      if (naam === '') {
        v.meldingen.push(melding('fout', 'waarde-leeg', 'deze rij heeft geen afdeling', r.plaats('afdeling')));
        return undefined;
      }
      if (/^totaal\b/i.test(naam)) return undefined;
      const extern = v.jaNee('extern');
      // `n.t.b.` or `PM`: the formation is not known yet. Not an error: the capacity of this afdeling
      // (and its percentage reservations) is unknown, and every verdict that needs it says so.
      const fteCel = v.getal('fte', { verplicht: !extern, nietNegatief: true });
      const fte = fteCel.soort === 'getal' && !fteCel.waarde.isNegative() ? fteCel.waarde : undefined;
      const fteOnbekend = fteCel.soort === 'geen' ? fteCel.woord : undefined;
      if (fteOnbekend && !extern) {
        v.meldingen.push(melding('waarschuwing', 'fte-onbekend', `afdeling "${naam}": fte "${fteOnbekend}"; de capaciteit van deze afdeling is onbekend, dus of ze toereikend is, is niet te beoordelen`, r.plaats('fte')));
      }
      const puren = v.strikt('puren', { nietNegatief: true });
      if (puren !== undefined && puren.isZero()) {
        v.meldingen.push(melding('fout', 'waarde-nul', 'productieve uren per fte kan niet 0 zijn', r.plaats('puren')));
      }
      const ingekocht = v.strikt('ingekocht', { nietNegatief: true });
      const a: Afdeling = {
        plaats: r.plaats('afdeling'),
        naam,
        fte,
        fteOnbekend,
        productieveUrenPerFte: puren && !puren.isZero() ? puren : undefined,
        extern,
        ingekochteUren: ingekocht,
      };
      const eerder = namen.get(naam.toLowerCase());
      if (eerder) {
        v.meldingen.push(melding('fout', 'afdeling-dubbel', `afdeling "${naam}" staat ook op rij ${eerder.plaats.rij}`, r.plaats('afdeling')));
        return undefined;
      }
      namen.set(naam.toLowerCase(), a);
      return a;
    },
  );
  return { afdelingen: items, meldingen };
}
