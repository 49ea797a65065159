import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { waarschuwBreuk } from './velden.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import type { Project } from './types.js';

export function leesProjecten(tabel: Tabel): { projecten: Project[]; meldingen: Melding[] } {
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'code', naam: 'code', aliassen: ['nr'] },
      { veld: 'project', naam: 'project', aliassen: ['dienst', 'omschrijving'], verplicht: true },
      { veld: 'soort', naam: 'soort' },
      { veld: 'afdeling', naam: 'afdeling', aliassen: ['uitvoerder'] },
      { veld: 'uren', naam: 'uren', aliassen: ['capaciteit uren', 'regionale uren'], verplicht: true, getal: 'uren' },
      { veld: 'sleutel', naam: 'verdeelsleutel', aliassen: ['aandeel'], verplicht: true, getal: 'getal' },
    ] as const,
    (v, r) => {
      const project = v.tekst('project', { verplicht: true });
      if (!project) return undefined;
      const soortTekst = normaliseerKop(v.tekst('soort'));
      if (soortTekst !== '' && soortTekst !== 'project' && soortTekst !== 'dienst') {
        v.meldingen.push(melding('fout', 'waarde-onleesbaar', `soort "${v.tekst('soort')}" moet project of dienst zijn`, r.plaats('soort')));
      }
      const uren = v.getal('uren', { nietNegatief: true, verplicht: true });
      const sleutel = v.getal('sleutel', { nietNegatief: true });
      waarschuwBreuk(sleutel, 'verdeelsleutel', r.plaats('sleutel'), v.meldingen);
      let verdeelsleutel: Rational | undefined;
      if (sleutel.soort === 'getal' && !sleutel.waarde.isNegative()) {
        verdeelsleutel = sleutel.waarde;
        if (verdeelsleutel.gt(Rational.of(100n))) {
          v.meldingen.push(melding('fout', 'waarde-te-groot', `een verdeelsleutel boven 100% kan niet`, r.plaats('sleutel')));
          verdeelsleutel = undefined;
        }
      } else if (uren.soort === 'getal' && sleutel.soort !== 'fout') {
        v.meldingen.push(melding('fout', 'waarde-leeg', `project "${project}" heeft uren maar geen verdeelsleutel`, r.plaats('sleutel')));
      }
      return {
        plaats: r.plaats(),
        code: v.tekst('code') || undefined,
        project,
        soort: soortTekst === 'dienst' ? ('dienst' as const) : ('project' as const),
        afdeling: v.tekst('afdeling') || undefined,
        uren,
        verdeelsleutel,
      };
    },
  );
  return { projecten: items, meldingen };
}
