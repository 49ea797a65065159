import type { Tabel } from '../ingest/tabel.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding, type Plaats } from './melding.js';
import type { Tekst } from './types.js';

export type TekstDocument = 'uvp' | 'jaarverslag';

/** A place in a document where the user's own text goes: the key in sheet Teksten, the chapter, a hint. */
export interface TekstSleutel {
  /** As written in the sheet's `sectie` column (compared after normaliseerKop). */
  sleutel: string;
  document: TekstDocument;
  /** The name the view and the templates use (`teksten.ontwikkelingenLokaal`). */
  id: string;
  hoofdstuk: string;
  hint: string;
  /** Other keys that mean this one (an older name). */
  aliassen?: string[];
}

/**
 * Every text a document takes from the werkmap, in document order. One list for the documents, the
 * finding about missing texts and the Teksten sheet `vth init` writes, so that they cannot drift.
 */
export const TEKST_SLEUTELS: readonly TekstSleutel[] = [
  { document: 'uvp', sleutel: 'samenvatting', id: 'samenvatting', hoofdstuk: 'Samenvatting', hint: 'De kern in drie of vier zinnen: waar zet de gemeente dit jaar op in, en wat vraagt het programma van het college?' },
  { document: 'uvp', sleutel: 'inleiding', id: 'inleiding', hoofdstuk: 'Inleiding', hint: 'Het beleid waarop het programma rust (VTH-beleidsplan, strategie), de reikwijdte (welke taken, wie voert uit) en de route naar vaststelling.' },
  { document: 'uvp', sleutel: 'strategie', id: 'strategie', hoofdstuk: 'Strategie en kwaliteit', hint: 'De kwaliteitsverordening en de kwaliteitscriteria: waar staat de organisatie op kritieke massa, en hoe wordt dat geborgd? De uitvoerings- en handhavingsstrategie in het kort.' },
  { document: 'uvp', sleutel: 'terugblik', id: 'terugblik', hoofdstuk: 'Terugblik en ontwikkelingen', hint: 'Het vorige jaar in een paar regels: wat ging goed, wat niet (uit het jaarverslag).' },
  { document: 'uvp', sleutel: 'ontwikkelingen lokaal', id: 'ontwikkelingenLokaal', hoofdstuk: 'Terugblik en ontwikkelingen', hint: 'Wat in de gemeente verandert en het werk raakt (woningbouw, bestuurlijke wensen, organisatie).' },
  { document: 'uvp', sleutel: 'ontwikkelingen regionaal', id: 'ontwikkelingenRegionaal', hoofdstuk: 'Terugblik en ontwikkelingen', hint: 'Wat in de regio verandert (omgevingsdienst, veiligheidsregio, samenwerking met buurgemeenten).' },
  { document: 'uvp', sleutel: 'ontwikkelingen landelijk', id: 'ontwikkelingenLandelijk', hoofdstuk: 'Terugblik en ontwikkelingen', hint: 'Landelijke ontwikkelingen: Omgevingswet, Wet kwaliteitsborging, nieuwe taken.' },
  { document: 'uvp', sleutel: 'risicoanalyse', id: 'risicoanalyse', hoofdstuk: 'Risicoanalyse en prioriteiten', hint: 'Hoe de risicoanalyse tot stand kwam en welke bestuurlijke keuzes de prioriteiten bijstellen.' },
  { document: 'uvp', sleutel: 'doelen', id: 'doelen', hoofdstuk: 'Doelen en indicatoren', hint: 'Waar de doelen vandaan komen (beleidsplan, kwaliteitsverordening) en welke het zwaarst wegen.' },
  { document: 'uvp', sleutel: 'programma', id: 'programma', hoofdstuk: 'Programma', hint: 'Wat opvalt in het geplande werk: nieuwe producten, accenten, hoe de kentallen zijn bepaald.' },
  { document: 'uvp', sleutel: 'ketenpartners', id: 'ketenpartners', hoofdstuk: 'Ketenpartners, projecten en diensten', hint: 'De samenwerking met omgevingsdienst, veiligheidsregio, waterschappen, politie en OM, en hun programma’s voor de gemeente.' },
  { document: 'uvp', sleutel: 'capaciteit', id: 'capaciteit', hoofdstuk: 'Capaciteit', hint: 'De formatie en de arbeidsmarkt: vacatures, inhuur, wat een tekort betekent.' },
  { document: 'uvp', sleutel: 'monitoring', id: 'monitoring', hoofdstuk: 'Monitoring en verantwoording', hint: 'Wanneer en hoe de voortgang wordt gemeten (bijvoorbeeld in mei en september) en aan wie wordt gerapporteerd.' },
  { document: 'uvp', sleutel: 'afwijkingen', id: 'afwijkingen', hoofdstuk: "Afwijkingen en risico's", hint: 'Wat het programma kan doen afwijken (incidenten, vacatures, externe inhuur) en hoe daarmee wordt omgegaan.' },
  { document: 'uvp', sleutel: 'verbeterpunten', id: 'verbeterpunten', hoofdstuk: 'Verbeterpunten van de provincie', hint: 'Hoe dit programma de verbeterpunten uit het oordeel van de provincie oppakt (per punt staat dat in het blad Verbeterpunten).' },
  { document: 'jaarverslag', sleutel: 'jaarverslag samenvatting', id: 'samenvatting', hoofdstuk: 'Samenvatting', hint: 'Het jaar in drie of vier zinnen, in de verleden tijd: wat is bereikt, wat niet, en waarom.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag inleiding', id: 'inleiding', hoofdstuk: 'Inleiding', hint: 'Over welk programma dit verslag gaat en wat er in het jaar bijzonder was.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag realisatie', id: 'realisatie', hoofdstuk: 'Realisatie van het programma', hint: 'De grote lijn van plan tegen realisatie; de toelichting per regel staat in het blad Realisatie.', aliassen: ['realisatie'] },
  { document: 'jaarverslag', sleutel: 'jaarverslag projecten', id: 'projecten', hoofdstuk: 'Regionale projecten en diensten', hint: 'Wat de regionale projecten en diensten hebben opgeleverd.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag uitstel', id: 'uitstel', hoofdstuk: 'Uitgesteld werk', hint: 'Wat er met het uitgestelde werk is gebeurd en wat dat voor het volgende jaar betekent.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag doelen', id: 'doelen', hoofdstuk: 'Doelen en indicatoren', hint: 'Waarom doelen wel of niet zijn behaald.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag tijdigheid', id: 'tijdigheid', hoofdstuk: 'Tijdigheid', hint: 'Wat de tijdigheid van besluiten verklaart.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag naleefgedrag', id: 'naleefgedrag', hoofdstuk: 'Naleefgedrag', hint: 'Wat de controles laten zien over het naleefgedrag, en wat dat betekent voor de risicoanalyse.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag capaciteit', id: 'capaciteit', hoofdstuk: 'Capaciteit', hint: 'Hoe de formatie zich in het jaar ontwikkelde: vacatures, ziekte, inhuur.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag kwaliteit', id: 'kwaliteit', hoofdstuk: 'Kwaliteit en IBT', hint: 'De voortgang op de kwaliteitscriteria en de verbeterpunten van de provincie.' },
  { document: 'jaarverslag', sleutel: 'jaarverslag vooruitblik', id: 'vooruitblik', hoofdstuk: 'Vooruitblik', hint: 'Wat dit verslag betekent voor het programma van het volgende jaar.' },
];

const PER_SLEUTEL = new Map<string, TekstSleutel>(
  TEKST_SLEUTELS.flatMap((s) => [s.sleutel, ...(s.aliassen ?? [])].map((k) => [normaliseerKop(k), s] as const)),
);

/** The key a `sectie` cell means, or undefined. */
export function tekstSleutel(sectie: string): TekstSleutel | undefined {
  return PER_SLEUTEL.get(normaliseerKop(sectie));
}

/** The longest run of characters without a space that a text keeps whole (a long web address fits). */
export const MAX_WOORD = 1000;
const TE_LANG_WOORD = new RegExp(`\\S{${MAX_WOORD + 1},}`, 'gu');

export function leesTeksten(tabel: Tabel): { teksten: Tekst[]; meldingen: Melding[] } {
  const extra: Melding[] = [];
  const { items, meldingen } = leesBlad(
    tabel,
    [
      { veld: 'sectie', naam: 'sectie', aliassen: ['hoofdstuk', 'plek', 'sleutel'], verplicht: true },
      { veld: 'tekst', naam: 'tekst', verplicht: true },
      // What `vth init` writes beside each key: a hint for the writer, not read.
      { veld: 'toelichting', naam: 'toelichting', aliassen: ['uitleg', 'hint'] },
    ] as const,
    (v, r) => {
      const sectie = normaliseerKop(v.tekst('sectie'));
      // Keep the user's line breaks in prose; only trim the ends.
      const c = r.cel('tekst');
      const tekst = c?.t === 'tekst' ? c.v : v.tekst('tekst');
      if (!sectie || !tekst) return undefined;
      const sleutel = tekstSleutel(sectie);
      if (!sleutel) {
        // A text that no document shows would be lost without a word.
        extra.push(
          melding(
            'waarschuwing',
            'tekst-onbekend',
            `sectie "${v.tekst('sectie')}" komt in geen document voor, dus deze tekst wordt niet getoond; bekende secties: ${TEKST_SLEUTELS.map((s) => s.sleutel).join(', ')}`,
            r.plaats('sectie'),
          ),
        );
        return undefined;
      }
      // A word of a megabyte (a pasted blob) stalls LibreOffice's line breaking for minutes: broken
      // into pieces of MAX_WOORD characters, with a warning. A long web address stays whole.
      let woord = 0;
      const gebroken = tekst.replace(TE_LANG_WOORD, (w) => {
        woord = Math.max(woord, w.length);
        return w.replace(new RegExp(`.{${MAX_WOORD}}(?=.)`, 'gsu'), '$& ');
      });
      if (woord) {
        extra.push(melding('waarschuwing', 'tekst-lang-woord', `een "woord" van ${woord.toLocaleString('nl-NL')} tekens zonder spatie is om de ${MAX_WOORD} tekens afgebroken (Word en LibreOffice lopen er anders op vast)`, r.plaats('tekst')));
      }
      return { plaats: r.plaats('tekst'), sectie: sleutel.sleutel, tekst: gebroken };
    },
  );
  return { teksten: items, meldingen: [...meldingen, ...extra] };
}

export interface DocumentTeksten {
  /** The user's text per id (several rows for one key become paragraphs). */
  perId: Record<string, string>;
  /** The keys of this document without text, in document order. */
  ontbrekend: TekstSleutel[];
  /** One notice per missing text: a chapter then shows only what the data fills. */
  meldingen: Melding[];
}

/** The texts one document takes from sheet Teksten, and which of its keys have none. */
export function documentTeksten(document: TekstDocument, teksten: readonly Tekst[] | undefined, blad: Plaats | undefined, werkmap: string): DocumentTeksten {
  const perId: Record<string, string> = {};
  for (const t of teksten ?? []) {
    const s = tekstSleutel(t.sectie);
    if (!s || s.document !== document) continue;
    perId[s.id] = perId[s.id] ? `${perId[s.id]}\n\n${t.tekst}` : t.tekst;
  }
  const ontbrekend = TEKST_SLEUTELS.filter((s) => s.document === document && !perId[s.id]);
  const waar: Plaats = blad ? { bestand: blad.bestand, blad: blad.blad } : { bestand: werkmap };
  const naam = document === 'uvp' ? 'het uitvoeringsprogramma' : 'het jaarverslag';
  const meldingen = ontbrekend.map((s) =>
    melding(
      'melding',
      'tekst-ontbreekt',
      `${naam}, hoofdstuk "${s.hoofdstuk}": geen eigen tekst (sectie "${s.sleutel}" in blad Teksten${blad ? '' : ', dat ontbreekt'}); het hoofdstuk toont alleen wat de gegevens vullen. Tip: ${s.hint}`,
      waar,
    ),
  );
  return { perId, ontbrekend, meldingen };
}
