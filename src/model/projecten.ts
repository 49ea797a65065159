import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { waarschuwBreuk } from './velden.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding } from './melding.js';
import { Rational } from './rational.js';
import { isTotaalTekst } from './totaal.js';
import type { Project, ProjectTotaal } from './types.js';

/**
 * `regionaal`: the werkmap is an omgevingsdienst's (it has Deelnemers): a line's share comes from
 * Deelnemers, so the column verdeelsleutel is not needed, and a column `sleutel` may name the key
 * column that divides the line.
 */
export function leesProjecten(tabel: Tabel, opties: { regionaal?: boolean } = {}): { projecten: Project[]; totalen: ProjectTotaal[]; meldingen: Melding[] } {
  const totalen: ProjectTotaal[] = [];
  let sinds: Project[] = [];
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'code', naam: 'code', aliassen: ['nr'] },
      { veld: 'project', naam: 'project', aliassen: ['dienst', 'omschrijving'], verplicht: true },
      { veld: 'soort', naam: 'soort' },
      { veld: 'afdeling', naam: 'afdeling', aliassen: ['uitvoerder'] },
      { veld: 'uren', naam: 'uren', aliassen: ['capaciteit uren', 'regionale uren'], verplicht: true, getal: 'uren' },
      { veld: 'sleutel', naam: 'verdeelsleutel', aliassen: ['aandeel'], verplicht: !opties.regionaal, getal: 'getal' },
      { veld: 'grondslag', naam: 'sleutel', aliassen: ['verdeelgrondslag', 'verdeling', 'verdeeld naar'] },
      // The member's share in hours as the source prints it (whole hours): checked, never used.
      { veld: 'aandeelUren', naam: 'uren gemeente', aliassen: ['uren deelnemer', 'aandeel uren', 'uren aandeel', 'aandeel in uren', 'uren deel'], getal: 'uren' },
      { veld: 'financiering', naam: 'financiering', aliassen: ['bekostiging', 'financieringsbron'] },
      { veld: 'fase', naam: 'fase', aliassen: ['status', 'status fase', 'projectfase'] },
    ] as const,
    (v, r) => {
      const code = v.tekst('code');
      const naam = v.tekst('project');
      // A printed total ("Totaal projecten 6.150 … 739"): checked against the lines above it, never added.
      if (isTotaalTekst(code) || (code === '' && isTotaalTekst(naam))) {
        totalen.push({
          plaats: r.plaats(),
          tekst: [code, naam].filter(Boolean).join(' '),
          uren: v.getal('uren'),
          aandeel: v.getal('aandeelUren'),
          urenPlaats: r.plaats('uren'),
          aandeelPlaats: r.plaats('aandeelUren'),
          regels: sinds,
        });
        sinds = [];
        return undefined;
      }
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
      } else if (uren.soort === 'getal' && sleutel.soort !== 'fout' && !opties.regionaal) {
        v.meldingen.push(melding('fout', 'waarde-leeg', `project "${project}" heeft uren maar geen verdeelsleutel`, r.plaats('sleutel')));
      }
      const p: Project = {
        plaats: r.plaats(),
        code: code || undefined,
        project,
        soort: soortTekst === 'dienst' ? ('dienst' as const) : ('project' as const),
        afdeling: v.tekst('afdeling') || undefined,
        uren,
        verdeelsleutel,
        aandeelGedrukt: v.getal('aandeelUren', { nietNegatief: true }),
        aandeelPlaats: r.plaats('aandeelUren'),
        financiering: v.tekst('financiering') || undefined,
        fase: v.tekst('fase') || undefined,
        sleutel: v.tekst('grondslag') || undefined,
        sleutelPlaats: r.plaats('grondslag'),
      };
      sinds.push(p);
      return p;
    },
    { eigenTotalen: true },
  );
  return { projecten: items, totalen, meldingen };
}
