import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { waarschuwBreuk, type VeldLezer } from './velden.js';
import type { Waarde } from './getal.js';
import { normaliseerKop, type RijLezer } from './kolommen.js';
import { melding, type Melding, type Plaats } from './melding.js';
import { Rational } from './rational.js';
import { isTotaalTekst } from './totaal.js';
import type { Project, ProjectTotaal } from './types.js';

/** Projecten's own columns; `regionaal`: an omgevingsdienst's, whose shares come from Deelnemers. */
function basisSpecs(regionaal: boolean) {
  return [
    { veld: 'code', naam: 'code', aliassen: ['nr'] },
    { veld: 'project', naam: 'project', aliassen: ['dienst', 'omschrijving'], verplicht: true },
    { veld: 'soort', naam: 'soort' },
    { veld: 'afdeling', naam: 'afdeling', aliassen: ['uitvoerder'] },
    { veld: 'uren', naam: 'uren', aliassen: ['capaciteit uren', 'regionale uren'], verplicht: true, getal: 'uren' },
    { veld: 'sleutel', naam: 'verdeelsleutel', aliassen: ['aandeel'], verplicht: !regionaal, getal: 'getal' },
    { veld: 'grondslag', naam: 'sleutel', aliassen: ['verdeelgrondslag', 'verdeling', 'verdeeld naar'] },
    // The member's share in hours as the source prints it (whole hours): checked, never used.
    { veld: 'aandeelUren', naam: 'uren gemeente', aliassen: ['uren deelnemer', 'aandeel uren', 'uren aandeel', 'aandeel in uren', 'uren deel'], getal: 'uren' },
    { veld: 'financiering', naam: 'financiering', aliassen: ['bekostiging', 'financieringsbron'] },
    { veld: 'fase', naam: 'fase', aliassen: ['status', 'status fase', 'projectfase'] },
  ] as const;
}

/**
 * `regionaal`: the werkmap is an omgevingsdienst's (it has Deelnemers): a line's share comes from
 * Deelnemers, so the column verdeelsleutel is not needed, and a column `sleutel` may name the key
 * column that divides the line.
 */
export function leesProjecten(tabel: Tabel, opties: { regionaal?: boolean; deelnemers?: readonly string[] } = {}): { projecten: Project[]; totalen: ProjectTotaal[]; meldingen: Melding[] } {
  const totalen: ProjectTotaal[] = [];
  let sinds: Project[] = [];
  // An omgevingsdienst's table may print each deelnemer's share in a column of its own (`Dinkelstad`,
  // `uren Dinkelstad`), and its total on the total row (Enschede's 739): read to be checked, never used.
  const deelnemers = opties.deelnemers ?? [];
  // A deelnemer whose name is one of the table's own headers (a deelnemer called "Project") gets no column.
  const eigenKoppen = new Set(basisSpecs(false).flatMap((k) => [k.naam, ...('aliassen' in k ? k.aliassen : [])]).map(normaliseerKop));
  const deelSpecs = deelnemers.flatMap((naam, i) => (eigenKoppen.has(normaliseerKop(naam)) ? [] : [{ veld: `deel:${i}` as const, naam, aliassen: [`uren ${naam}`, `aandeel ${naam}`, `${naam} uren`, `aandeel uren ${naam}`], getal: 'uren' as const }]));
  const gedrukt = (v: VeldLezer<string>, r: RijLezer<string>, nietNegatief: boolean) => {
    let uit: Map<string, { waarde: Waarde; plaats: Plaats }> | undefined;
    for (const d of deelSpecs) {
      if (!r.heeft(d.veld)) continue;
      const w = v.getal(d.veld, { nietNegatief });
      if (w.soort === 'leeg') continue;
      (uit ??= new Map()).set(d.naam.toLowerCase(), { waarde: w, plaats: r.plaats(d.veld) });
    }
    return uit;
  };
  const { items, meldingen } = leesBlad(
    tabel,
    [
      ...deelSpecs,
      ...basisSpecs(!!opties.regionaal),
    ],
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
          aandelenGedrukt: gedrukt(v, r, false),
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
        aandelenGedrukt: gedrukt(v, r, true),
      };
      sinds.push(p);
      return p;
    },
    { eigenTotalen: true },
  );
  return { projecten: items, totalen, meldingen };
}
