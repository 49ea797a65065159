import { TEKST_SLEUTELS } from '../model/teksten.js';

/** A sheet of a werkmap as `vth init` (and the example's script) writes it: plain data, no styling. */
export type InvoerCel = string | number | Date | null | { formule: string; uitkomst: number };

export interface BladInhoud {
  naam: string;
  /** One line per sheet: what goes in it. Written to the Toelichting sheet and as a note on A1. */
  uitleg: string;
  koppen: string[];
  rijen: InvoerCel[][];
  /** Column widths in characters, by header index. */
  breedtes?: number[];
}


/** The starting werkmap `vth init` writes: every sheet, its headers, a few example rows, an explanation. */
export function nieuweWerkmap(gemeente: string, jaar: number): BladInhoud[] {
  return [
    {
      naam: 'Instellingen',
      uitleg: 'Algemene gegevens. Verplicht: gemeente en jaar; productieve uren per fte is nodig voor de capaciteitscheck (er is geen verborgen standaardwaarde).',
      koppen: ['instelling', 'waarde'],
      rijen: [
        ['gemeente', gemeente],
        ['jaar', jaar],
        ['productieve uren per fte', 1200],
        ['afwijkingsdrempel', 10],
        ['provincie', null],
        ['uvp vastgesteld op', null],
        ['jaarverslag vastgesteld op', null],
        ['jaarverslag vorig jaar vastgesteld op', null],
        ['beleidsplan geldig tot', jaar + 3],
        ['ibt-oordeel', null],
        ['kwaliteitscriteria versie', null],
      ],
    },
    {
      naam: 'Risicomodel',
      uitleg: 'Het eigen risicomodel. dimensie: naam (= kolomkop in Risicoanalyse) en gewicht; factor in R = factor × E × kans; klasse: naam en ondergrens, van laag naar hoog (7 betekent R ≥ 7, >4 betekent R > 4); decimalen voor effect en risico; standaard kans voor lege kans-cellen (optioneel).',
      koppen: ['soort', 'naam', 'waarde'],
      rijen: [
        ['dimensie', 'Veiligheid', 1],
        ['dimensie', 'Duurzaamheid', 1],
        ['dimensie', 'Gezondheid', 1],
        ['dimensie', 'Leefbaarheid', 1],
        ['dimensie', 'Financieel', 1],
        ['dimensie', 'Bestuurlijk', 1],
        ['factor', null, 1],
        ['klasse', 'Laag', 0],
        ['klasse', 'Midden', '>4'],
        ['klasse', 'Hoog', 7],
        ['decimalen', 'effect', 3],
        ['decimalen', 'risico', 3],
      ],
    },
    {
      naam: 'Risicoanalyse',
      uitleg: 'Per activiteit (of overtredingssoort) een score per dimensie van het risicomodel en de kans (1 = zelden, 5 = zeer vaak). bijgestelde klasse met motivatie overschrijft de berekende klasse.',
      koppen: ['id', 'activiteit', 'groep', 'Veiligheid', 'Duurzaamheid', 'Gezondheid', 'Leefbaarheid', 'Financieel', 'Bestuurlijk', 'kans', 'bijgestelde klasse', 'motivatie'],
      rijen: [
        ['R1', 'illegaal slopen met asbest', 'Bouwen', 4, 2, 5, 4, 2, 4, 2, null, null],
        ['R2', 'bouwen zonder vergunning', 'Bouwen', 3, 2, 2, 2, 1, 1, 3, null, null],
        ['R3', 'geluidsoverlast', 'Openbare ruimte', 2, 1, 3, 3, 1, 2, 3, null, null],
      ],
    },
    {
      naam: 'Producten',
      uitleg: 'Het programma: per product aantal × kental = uren, of vaste uren zonder kental. taakveld volgt uit de code (A1..A4) als de kolom leeg is. afdeling moet in Capaciteit staan. prioriteit: een klasse of een id uit Risicoanalyse. wettelijk = ja wordt nooit uitgesteld. doel: de id\'s uit Doelen waaraan het product bijdraagt (KD1, KD3). vast = ja houdt het aantal, ook als het objectenregister een ander aantal geeft. n.v.t., n.t.b., PM en - zijn "geen waarde". Een regel zonder code met "Totaal…" is een subtotaal: wordt gecontroleerd, niet opgeteld.',
      koppen: ['code', 'product', 'taakveld', 'afdeling', 'aantal', 'kental', 'uren', 'prioriteit', 'wettelijk', 'opmerking', 'doel', 'vast'],
      rijen: [
        ['A1.17.00', 'Melding milieubelastende activiteit', 'Vergunningen', 'Vergunningen', 50, 6, 300, null, 'ja', null, 'D1', null],
        ['A1.35.03', 'Melding asbest verwijderen', 'Vergunningen', 'Vergunningen', 100, 3, 300, null, 'ja', null, 'D1', null],
        ['A2.02.00', 'Periodieke controle', 'Toezicht', 'Toezicht', 40, 8, 320, 'R1', 'nee', null, null, 'ja'],
        ['A2.03.00', 'Hercontrole', 'Toezicht', 'Toezicht', 'PM', 4, null, 'R2', 'nee', 'aantal volgt uit de controles', null, null],
        [null, 'Totaal', null, null, null, null, 920, null, null, null, null, null],
      ],
    },
    {
      naam: 'Capaciteit',
      uitleg: 'Per afdeling de fte en (optioneel) eigen productieve uren per fte. extern = ja voor een uitvoerder als de omgevingsdienst, met ingekochte uren.',
      koppen: ['afdeling', 'fte', 'productieve uren per fte', 'extern', 'ingekochte uren'],
      rijen: [
        ['Vergunningen', 1, null, 'nee', null],
        ['Toezicht', 0.5, null, 'nee', null],
        ['Omgevingsdienst', null, null, 'ja', 1000],
      ],
    },
    {
      naam: 'Reserveringen',
      uitleg: 'Capaciteit die vooraf opzij gaat: een percentage van de bruto uren van de afdeling, of een vast aantal uren.',
      koppen: ['afdeling', 'omschrijving', 'percentage', 'uren'],
      rijen: [['Toezicht', 'binnenvliegers en ketensamenwerking', 10, null]],
    },
    {
      naam: 'Projecten',
      uitleg: 'Regionale projecten en diensten van de omgevingsdienst: regionale uren × het aandeel (verdeelsleutel, in procenten) van deze gemeente.',
      koppen: ['code', 'project', 'soort', 'afdeling', 'uren', 'verdeelsleutel'],
      rijen: [['OD1', 'Omgevingswet', 'project', 'Omgevingsdienst', 1500, '12,02%']],
    },
    {
      naam: 'Doelen',
      uitleg: 'Doelen met indicator en streefwaarde (≥ 95%, maximaal 33,3%, = 100%). De provincie vraagt bij elk doel een indicator én een streefwaarde.',
      koppen: ['id', 'thema', 'doel', 'indicator', 'streefwaarde', 'eenheid'],
      rijen: [['D1', 'Dienstverlening', 'Tijdige afhandeling van aanvragen', 'aandeel binnen de wettelijke termijn', '≥ 95%', '%']],
    },
    {
      naam: 'Teksten',
      uitleg: 'Eigen alinea\'s voor elk hoofdstuk van het uitvoeringsprogramma en het jaarverslag: sectie (de sleutel, zie de lijst) en tekst (Markdown mag: **vet**, lijstjes, links). Meer rijen met dezelfde sectie worden alinea\'s. Een hoofdstuk zonder tekst toont alleen wat de gegevens vullen. De kolom toelichting zegt wat erin hoort en wordt niet gelezen.',
      koppen: ['sectie', 'tekst', 'toelichting'],
      rijen: TEKST_SLEUTELS.map((s) => [s.sleutel, s.sleutel === 'inleiding' ? `Dit is het uitvoeringsprogramma VTH ${jaar} van ${gemeente}.` : null, `${s.document === 'uvp' ? 'UVP' : 'Jaarverslag'}, ${s.hoofdstuk}: ${s.hint}`]),
    },
    {
      naam: 'Realisatie',
      uitleg: 'Voor het jaarverslag: per code het gerealiseerde aantal en de uren, met een toelichting bij afwijkingen.',
      koppen: ['code', 'aantal', 'uren', 'toelichting'],
      rijen: [['A1.17.00', 45, 270, null]],
    },
    {
      naam: 'Indicatoren',
      uitleg: 'Voor het jaarverslag: de gerealiseerde waarde per doel (id uit Doelen).',
      koppen: ['id', 'waarde'],
      rijen: [['D1', '96%']],
    },
    {
      naam: 'Verbeterpunten',
      uitleg: 'Verbeterpunten van de provincie (IBT) met hun status: open, in uitvoering of afgerond.',
      koppen: ['nr', 'verbeterpunt', 'status', 'toelichting'],
      rijen: [[1, 'Toon in het UVP of de capaciteit toereikend is', 'in uitvoering', null]],
    },
    {
      naam: 'Objecten',
      uitleg: 'Objectenregister voor de controlefrequenties (vth frequentie): per object de activiteit uit Risicoanalyse (die de klasse geeft) of de klasse zelf, het naleefgedrag (goed, matig, slecht of leeg), de datum van de laatste controle (leeg: nooit gecontroleerd) en de productcode waarop de controles tellen.',
      koppen: ['object', 'naam', 'activiteit', 'klasse', 'naleefgedrag', 'laatste controle', 'productcode'],
      rijen: [
        ['OB1', 'Sloopterrein Esweg 4', 'R1', null, 'slecht', '03-04-2024', 'A2.02.00'],
        ['OB2', 'Nieuwbouw Kerkplein 2', 'R2', null, null, null, 'A2.02.00'],
      ],
    },
    {
      naam: 'Frequenties',
      uitleg: 'Het interval tussen twee controles in maanden, per klasse en naleefgedrag. Een rij zonder naleefgedrag is de standaard voor de klasse. Een interval onder 12 maanden geeft meer controles per jaar.',
      koppen: ['klasse', 'naleefgedrag', 'interval'],
      rijen: [
        ['Hoog', null, 12],
        ['Hoog', 'slecht', 6],
        ['Midden', null, 24],
        ['Laag', null, 36],
      ],
    },
    {
      naam: 'Toezichtprotocol',
      uitleg: 'Het toezichtprotocol (vth protocol): per toetspunt het niveau per risicoklasse (een kolom per klasse: RK1, RK2, …): 0 niet toetsen, S steekproef, 1 tot 4 van quick scan tot volledig. Een programmaregel met kental "protocol" en een risicoklasse krijgt de uren die hieruit volgen.',
      koppen: ['nr', 'groep', 'omschrijving', 'RK1', 'RK2', 'RK3', 'RK4', 'thema'],
      rijen: [
        ['1.1', 'Start bouw', 'Bouwvergunning aanwezig', 3, 2, 2, 1, 'Overig'],
        ['3.1', 'Fundatie', 'Fundatie op palen', 3, 3, 2, 2, 'Veiligheid'],
        ['4.4', 'Begane grond', 'Isolatie', 2, 2, 'S', 'S', 'Duurzaamheid'],
      ],
    },
    {
      naam: 'Niveaus',
      uitleg: 'De minuten per toetspunt voor elk niveau van het toezichtprotocol. S (steekproef) heeft een steekproefaandeel; de rij vast geeft de vaste minuten per project (reizen, verslag).',
      koppen: ['niveau', 'minuten', 'steekproef'],
      rijen: [
        [0, 0, null],
        ['S', 10, '25%'],
        [1, 5, null],
        [2, 10, null],
        [3, 20, null],
        [4, 30, null],
        ['vast', 120, null],
      ],
    },
    {
      naam: 'Kwaliteitscriteria',
      uitleg: 'De kwaliteitscriteria VTH (kritieke massa) zoals het college ze heeft vastgesteld, een rij per deskundigheidsgebied; vth kent zelf geen normen. gebied: de naam uit de tabel (Casemanagement, VV/T&H bouwen …); aantal: het minimum aantal gekwalificeerde medewerkers; frequentie: het minimum aantal uren per persoon per jaar in het gebied (vlieguren); werkervaring: het minimum aantal jaren; opleiding: de opleidingseis in woorden; aanvullende kennis: idem (beide voor het jaarverslag); belegd bij: leeg of eigen organisatie, anders de organisatie die het gebied uitvoert (omgevingsdienst, samenwerking); motivering: waarom u bewust afwijkt en wat u eraan doet (pas toe of leg uit). n.v.t. = geen eis; leeg, n.t.b. of PM = onbekend (dan is het gebied niet te beoordelen). Neem de getallen over uit de vastgestelde tabel (KC 2.3 of 3.0, bijlage bij het besluit nadere regels kwaliteitscriteria).',
      koppen: ['gebied', 'aantal', 'frequentie', 'werkervaring', 'opleiding', 'aanvullende kennis', 'belegd bij', 'motivering'],
      rijen: [
        ['Casemanagement', null, null, null, null, null, 'eigen organisatie', null],
        ['VV/T&H bouwen', null, null, null, null, null, 'eigen organisatie', null],
        ['VV/T&H milieu', null, null, null, null, null, 'Omgevingsdienst', null],
      ],
    },
    {
      naam: 'Medewerkers',
      uitleg: 'Wie in welk deskundigheidsgebied werkt, een rij per persoon per gebied (werkt iemand in twee gebieden, dan twee rijen). medewerker: naam of personeelsnummer; afdeling: ter informatie; fte: de aanstelling, ter informatie; gebied: precies zoals in Kwaliteitscriteria; opleiding: ja, nee, EVC of in opleiding (ja en EVC tellen als gekwalificeerd); werkervaring: jaren; uren: de uren die de persoon dit jaar in dit gebied werkte (uit de tijdregistratie). Een leeg veld is onbekend, nooit 0.',
      koppen: ['medewerker', 'afdeling', 'fte', 'gebied', 'opleiding', 'werkervaring', 'uren'],
      rijen: [['A. Jansen', 'Vergunningen', 1, 'Casemanagement', 'ja', 5, 900]],
    },
    {
      naam: 'Zaaktypen',
      uitleg: 'Alleen nodig als de zakenexport geen productcode heeft: per zaaktype uit het zaaksysteem de code van het product in het programma.',
      koppen: ['zaaktype', 'code'],
      rijen: [['Melding Besluit activiteiten leefomgeving', 'A1.17.00']],
    },
    {
      naam: 'Afkortingen',
      uitleg: 'Optioneel: eigen afkortingen met hun betekenis. Het programma en het jaarverslag krijgen een lijst met de afkortingen die erin voorkomen: deze en de gangbare (Bal, Bbl, BOA, LHSO, Wkb, …).',
      koppen: ['afkorting', 'betekenis'],
      rijen: [['PVH', 'team Publiekszaken, Vergunningen en Handhaving']],
    },
  ];
}
