// Builds fixtures/voorbeeldgemeente from the real tables in fixtures/bronnen plus the invented
// figures below (see fixtures/voorbeeldgemeente/README.md). Run after `npm run build`:
//   node scripts/maak-voorbeeldgemeente.mjs
// The output is committed; a test checks that this script still reproduces it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leesCsv } from '../dist/ingest/csv.js';
import { celTekst } from '../dist/ingest/tabel.js';
import { parseGetalTekst } from '../dist/model/getal.js';
import { schrijfAtomair } from '../dist/render/bestand.js';
import { werkmapXlsx } from '../dist/render/werkmap-xlsx.js';
import { nieuweWerkmap } from '../dist/report/nieuwe-werkmap.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bron = (f) => leesCsv(readFileSync(path.join(root, 'fixtures/bronnen', f)), f, f);
const tekst = (t, rij, kop) => celTekst(rij.cellen[t.koppen.indexOf(kop)]);
/** A Dutch-written figure as a spreadsheet number; words such as n.v.t. stay text. */
const getal = (s) => {
  const p = parseGetalTekst(s);
  return p ? p.waarde.toNumber() : s === '' ? null : s;
};

/** The kwaliteitscriteria's area of the own products whose cases the export assigns to a person (invented). */
const GEBIED_VAN = { 'GV.01': 'VV/T&H bouwen', 'GV.02': 'VV/T&H bouwen', 'GT.01': 'T&H bouwen', 'GT.02': 'T&H bouwen', 'GT.03': 'T&H bouwen', 'GJ.01': 'Juridisch', 'GJ.02': 'Juridisch' };

/**
 * Who handled the i-th case of a code, for the export's column medewerker: a fixed pattern, not the
 * random stream, so that every other figure of the export stays as it was. Empty: someone outside
 * Medewerkers (a colleague, the omgevingsdienst).
 */
function behandelaar(code, i) {
  if (code === 'GV.01' || code === 'GV.02') return ['R. Kamphuis', 'J. ter Horst', ''][i % 3];
  if (GEBIED_VAN[code] === 'T&H bouwen') return ['H. Wolters', 'D. Pierik'][i % 2];
  if (GEBIED_VAN[code] === 'Juridisch') return i % 4 === 3 ? 'K. Meijerink' : 'E. Heijink';
  return '';
}

export function voorbeeldBladen() {
  const gemeente = 'Dinkelberg';
  const jaar = 2025;

  // Risicoanalyse: the real 41-row table (model 1), with ids and groups added.
  const ra = bron('maashorst-risicoanalyse-2024.csv');
  const dims = ['Veiligheid', 'Duurzaamheid', 'Gezondheid', 'Leefbaarheid', 'Financieel', 'Bestuurlijk'];
  const groepVoor = (i) => (i < 17 ? 'Bouwen en ruimte' : i < 36 ? 'Openbare ruimte en APV' : 'Evenementen');
  const risicoRijen = ra.rijen.map((r, i) => [
    `R${String(i + 1).padStart(2, '0')}`,
    tekst(ra, r, 'Probleem / overtredingssoort'),
    groepVoor(i),
    ...dims.map((d) => getal(tekst(ra, r, d))),
    getal(tekst(ra, r, 'Kans')),
    // Printed figures as the source prints them (text keeps "9,330" and "1,7" exactly).
    tekst(ra, r, 'Subtotaal effecten'),
    tekst(ra, r, 'Risico'),
    tekst(ra, r, 'Prioriteit') || null,
    null,
    null,
  ]);
  // One administrative override, with its motivation (invented).
  const mark = risicoRijen.findIndex((r) => r[1] === 'markten en standplaatsen');
  risicoRijen[mark][13] = 'Midden';
  risicoRijen[mark][14] = 'Raadsmotie 2024: extra aandacht voor de weekmarkt in het centrum';

  // Producten: the omgevingsdienst's real A1 and A4 programme (with its printed totals), then the
  // municipality's own products (invented).
  const odtRegels = (f, taakveld) => {
    const t = bron(f);
    return t.rijen.map((r) => {
      const code = tekst(t, r, 'Code');
      return [
        code || null,
        tekst(t, r, 'Product'),
        code ? taakveld : null,
        code ? 'Omgevingsdienst Twente' : null,
        code ? getal(tekst(t, r, 'Aantal')) : null,
        code ? getal(tekst(t, r, 'Kental (uren)')) : null,
        getal(tekst(t, r, 'Totaal (uren)')),
        null,
        code ? (taakveld === 'Vergunningen' ? 'ja' : 'nee') : null,
        null,
      ];
    });
  };
  const eigen = [
    // code, product, taakveld, afdeling, aantal, kental, uren, prioriteit, wettelijk, opmerking
    ['GV.01', 'Omgevingsvergunning bouwactiviteit (technisch)', 'Vergunningen', 'Vergunningen', 180, 14, 2520, null, 'ja', null],
    ['GV.02', 'Omgevingsvergunning afwijken van het omgevingsplan', 'Vergunningen', 'Vergunningen', 60, 20, 1200, null, 'ja', null],
    ['GV.03', 'Vooroverleg en principeverzoeken', 'Vergunningen', 'Vergunningen', 90, 6, 540, 'Midden', 'nee', null],
    ['GV.04', 'Evenementenvergunning (APV)', 'Vergunningen', 'Vergunningen', 45, 8, 360, null, 'ja', null],
    ['GV.05', 'Alcohol- en horecavergunning', 'Vergunningen', 'Vergunningen', 25, 6, 150, null, 'ja', null],
    ['GV.06', 'Standplaatsvergunning', 'Vergunningen', 'Vergunningen', 20, 2, 40, null, 'ja', null],
    [null, 'Totaal vergunningen gemeente', null, null, null, null, 4810, null, null, null],
    ['GT.01', 'Toezicht op bouwen (illegale bouw)', 'Toezicht', 'Toezicht en handhaving', 120, 10, 1200, 'R07', 'nee', null],
    ['GT.02', 'Toezicht op slopen met asbest', 'Toezicht', 'Toezicht en handhaving', 40, 6, 240, 'R01', 'nee', null],
    ['GT.03', 'Controle brandveilig gebruik', 'Toezicht', 'Toezicht en handhaving', 60, 8, 480, 'R03', 'nee', null],
    ['GT.04', 'Toezicht permanente bewoning recreatieverblijven', 'Toezicht', 'Toezicht en handhaving', 30, 12, 360, 'R13', 'nee', null],
    ['GT.05', 'Toezicht huisvesting arbeidsmigranten', 'Toezicht', 'Toezicht en handhaving', 25, 10, 250, 'R14', 'nee', null],
    ['GT.06', 'Toezicht kleinschalige evenementen', 'Toezicht', 'Toezicht en handhaving', 35, 6, 210, 'R39', 'nee', null],
    ['GT.07', 'Toezicht reclame-uitingen', 'Toezicht', 'Toezicht en handhaving', 20, 2, 40, 'R18', 'nee', null],
    ['GT.08', 'Controle opslag voertuigen', 'Toezicht', 'Toezicht en handhaving', 15, 3, 45, 'R20', 'nee', null],
    ['GT.09', 'Toezicht markten en standplaatsen', 'Toezicht', 'Toezicht en handhaving', 24, 2, 48, 'R32', 'nee', null],
    ['GT.10', 'Signalen en klachten registreren en afhandelen', 'Toezicht', 'Toezicht en handhaving', 300, 2, 600, null, 'ja', null],
    ['GT.11', 'Hercontroles', 'Toezicht', 'Toezicht en handhaving', 'PM', 3, null, null, 'nee', 'aantal volgt uit de uitkomst van de controles'],
    ['GH.01', 'Handhavingsverzoeken', 'Handhaving', 'Toezicht en handhaving', 12, 24, 288, null, 'ja', null],
    ['GH.02', 'Lopende handhavingszaken', 'Handhaving', 'Toezicht en handhaving', 40, 16, 640, null, 'ja', null],
    ['GH.03', 'Handhavingscontroles na een last onder dwangsom', 'Handhaving', 'Toezicht en handhaving', 10, 8, 80, null, 'ja', null],
    ['GH.04', 'Gedoogbeschikkingen', 'Handhaving', 'Toezicht en handhaving', 'n.t.b.', 12, null, null, 'nee', null],
    ['GJ.01', 'Bezwaarschriften VTH', 'Juridisch', 'Juridische zaken', 30, 16, 480, null, 'ja', null],
    ['GJ.02', 'Beroepszaken VTH', 'Juridisch', 'Juridische zaken', 8, 24, 192, null, 'ja', null],
  ];

  // Which goals each own product serves (invented): the column doel in Producten.
  const doelVan = {
    'GV.01': 'KD3, KD4', 'GV.02': 'KD3, KD4', 'GV.03': 'KD2', 'GV.04': 'KD3', 'GV.05': 'KD3', 'GV.06': 'KD3',
    'GT.01': 'KD11', 'GT.02': 'KD11', 'GT.03': 'KD11', 'GT.04': 'KD11', 'GT.05': 'KD11', 'GT.10': 'KD1', 'GT.11': 'KD6',
    'GH.01': 'KD7', 'GH.02': 'KD6, KD7', 'GH.03': 'KD6', 'GJ.01': 'KD8', 'GJ.02': 'KD9',
  };

  const projectRijen = (f, soort, kolom) => {
    const t = bron(f);
    return t.rijen.map((r) => [
      soort === 'project' ? tekst(t, r, 'code') : `D${tekst(t, r, 'nr')}`,
      tekst(t, r, kolom),
      soort,
      'Omgevingsdienst Twente',
      getal(tekst(t, r, 'capaciteit_uren')),
      '12,02%',
    ]);
  };

  const kd = bron('losser-kwaliteitsdoelen-2025.csv');
  const teken = { '>=': '≥', '<=': '≤', '=': '=' };
  // KD3 and KD4 shared one merged "beleidsdoel" cell in the source; the transcription marks KD4's copy
  // with an English note. The werkmap repeats the merged cell's text, as Excel's "unmerge and fill" does.
  let vorigDoel = '';
  const beleidsdoel = (r) => {
    const t = tekst(kd, r, 'beleidsdoel');
    vorigDoel = /merged cell/i.test(t) ? vorigDoel : t;
    return vorigDoel;
  };
  const doelRijen = kd.rijen.map((r) => [
    tekst(kd, r, 'id'),
    tekst(kd, r, 'thema_kwaliteitsverordening'),
    beleidsdoel(r),
    tekst(kd, r, 'indicator'),
    `${teken[tekst(kd, r, 'comparator')]} ${tekst(kd, r, 'streefwaarde')}`,
    '%',
  ]);
  doelRijen.push(['KD11', 'Uitvoeringskwaliteit', 'Activiteiten met prioriteit Hoog worden jaarlijks gecontroleerd', null, null, null]);

  // Object register (invented, 200 objects) and the frequency matrix. Built so that the controls it plans
  // per code are exactly the aantal of GT.03–GT.08 in Producten: the register explains those numbers.
  const frequentieRijen = [
    ['Hoog', null, 12],
    ['Hoog', 'slecht', 6],
    ['Midden', null, 24],
    ['Midden', 'slecht', 12],
    ['Laag', null, 36],
    ['Laag', 'goed', 48],
    ['Laag', 'slecht', 24],
  ];
  const dag = (iso, plus) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + plus);
    return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  };
  const straten = ['Esweg', 'Dinkelstraat', 'Molenkamp', 'Kerkplein', 'Stationsweg', 'Hofstede', 'Beekdal', 'Veldmaat', 'Lindelaan', 'Marktstraat', 'Zuiderhagen', 'Oldenzaalsestraat'];
  const objectRijen = [];
  const voegToe = (soort, aantal, maak) => {
    for (let i = 0; i < aantal; i++) {
      const n = objectRijen.length + 1;
      const [activiteit, klasse, naleefgedrag, laatste, code] = maak(i);
      objectRijen.push([`OB${String(n).padStart(3, '0')}`, `${soort}, ${straten[n % straten.length]} ${1 + ((n * 7) % 90)}`, activiteit, klasse, naleefgedrag, laatste, code]);
    }
  };
  const wissel = (i) => ['goed', 'matig', null][i % 3];
  // GT.03 brandveilig gebruik (R03, Hoog): 10 × slecht (2 controls), 36 × 1, 2 never inspected, 2 overdue = 60.
  voegToe('Gebouw met brandveilig gebruik', 10, (i) => ['R03', null, 'slecht', dag('2024-07-01', 15 * i), 'GT.03']);
  voegToe('Gebouw met brandveilig gebruik', 36, (i) => ['R03', null, wissel(i), dag('2024-01-10', 9 * i), 'GT.03']);
  voegToe('Gebouw met brandveilig gebruik', 2, () => ['R03', null, null, null, 'GT.03']);
  voegToe('Gebouw met brandveilig gebruik', 2, (i) => ['R03', null, 'goed', dag('2023-02-01', 134 * i), 'GT.03']);
  // GT.04 permanente bewoning (R13, Hoog): 5 × slecht (2), 20 × 1 = 30.
  voegToe('Recreatiewoning', 5, (i) => ['R13', null, 'slecht', dag('2024-08-01', 20 * i), 'GT.04']);
  voegToe('Recreatiewoning', 20, (i) => ['R13', null, wissel(i), dag('2024-02-01', 15 * i), 'GT.04']);
  // GT.05 huisvesting arbeidsmigranten (R14, Hoog): 1 × slecht (2), 23 × 1 = 25.
  voegToe('Huisvesting arbeidsmigranten', 1, () => ['R14', null, 'slecht', dag('2024-09-09', 0), 'GT.05']);
  voegToe('Huisvesting arbeidsmigranten', 23, (i) => ['R14', null, wissel(i), dag('2024-01-15', 14 * i), 'GT.05']);
  // GT.06 kleinschalige evenementen (Midden, given): 35 due in 2025, 15 not until 2026 = 35.
  voegToe('Evenementenlocatie', 35, (i) => [null, 'Midden', wissel(i), dag('2023-01-05', 10 * i), 'GT.06']);
  voegToe('Evenementenlocatie', 15, (i) => [null, 'Midden', wissel(i), dag('2024-01-20', 20 * i), 'GT.06']);
  // GT.07 reclame-uitingen (R18, Midden, as the product line says): 20 due in 2025 (every 2 years), 11 later = 20.
  voegToe('Reclamemast', 20, (i) => ['R18', null, ['matig', null][i % 2], dag('2023-02-01', 15 * i), 'GT.07']);
  voegToe('Reclamemast', 11, (i) => ['R18', null, ['matig', null][i % 2], dag('2024-03-01', 25 * i), 'GT.07']);
  // GT.08 opslag voertuigen (Midden): 15 due, 2 later = 15.
  voegToe('Opslagterrein', 15, (i) => [null, 'Midden', wissel(i), dag('2023-02-10', 20 * i), 'GT.08']);
  voegToe('Opslagterrein', 2, (i) => [null, 'Midden', null, dag('2024-05-05', 127 * i), 'GT.08']);
  // Three objects nobody classified yet: the plan says so.
  voegToe('Bedrijfspand, nog niet ingedeeld', 3, () => [null, null, null, null, null]);

  const protocol = bron('enschede-toezichtprotocol-nieuwbouw-2025.csv');

  return [
    {
      naam: 'Instellingen',
      uitleg: 'Algemene gegevens van de gemeente en het programmajaar.',
      koppen: ['instelling', 'waarde'],
      rijen: [
        ['gemeente', gemeente],
        ['jaar', jaar],
        ['productieve uren per fte', 1200],
        ['afwijkingsdrempel', 10],
        ['provincie', 'Overijssel'],
        ['ibt-oordeel', 'oranje (november 2024)'],
        ['uvp vastgesteld op', '28-01-2025'],
        ['jaarverslag vastgesteld op', '15-04-2026'],
        ['beleidsplan geldig tot', 2028],
        ['codes periodieke controles', 'GT.01, GT.02, GT.03, GT.04, GT.05'],
        ['codes hercontroles', 'GT.11'],
        ['codes handhavingscontroles', 'GH.03'],
        ['kwaliteitscriteria versie', 'KC 3.0'],
      ],
    },
    {
      naam: 'Risicomodel',
      uitleg: 'Model 1: zes aspecten met gelijk gewicht, factor 1, Laag vanaf 0, Midden boven 4, Hoog vanaf 7.',
      koppen: ['soort', 'naam', 'waarde'],
      rijen: [
        ...dims.map((d) => ['dimensie', d, 1]),
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
      uitleg: 'De risicoanalyse (41 overtredingssoorten) met de gedrukte subtotalen, risico\'s en prioriteiten van het bronbestand.',
      koppen: ['id', 'Probleem / overtredingssoort', 'groep', ...dims, 'Kans', 'Subtotaal effecten', 'Risico', 'Prioriteit', 'bijgestelde klasse', 'motivatie'],
      rijen: risicoRijen,
    },
    {
      naam: 'Producten',
      uitleg: 'Het programma: de producten van de omgevingsdienst (A1 en A4) en de eigen producten van de gemeente.',
      koppen: ['code', 'product', 'taakveld', 'afdeling', 'aantal', 'kental (uren)', 'totaal (uren)', 'prioriteit', 'wettelijk', 'opmerking', 'doel', 'gebied'],
      rijen: [...odtRegels('odt-enschede-uvp2025-a1-vergunningen.csv', 'Vergunningen'), ...odtRegels('odt-enschede-uvp2025-a4-advies.csv', 'Advies'), ...eigen].map((r) => [...r, doelVan[r[0]] ?? null, GEBIED_VAN[r[0]] ?? null]),
    },
    {
      naam: 'Capaciteit',
      uitleg: 'Formatie per afdeling; de omgevingsdienst is een externe uitvoerder met ingekochte uren.',
      koppen: ['afdeling', 'fte', 'productieve uren per fte', 'extern', 'ingekochte uren'],
      rijen: [
        ['Vergunningen', 4.4, null, 'nee', null],
        ['Toezicht en handhaving', 4, null, 'nee', null],
        ['Juridische zaken', 0.6, 1250, 'nee', null],
        ['Omgevingsdienst Twente', null, null, 'ja', 8700],
      ],
    },
    {
      naam: 'Reserveringen',
      uitleg: 'Vooraf gereserveerde capaciteit.',
      koppen: ['afdeling', 'omschrijving', 'percentage', 'uren'],
      rijen: [
        ['Toezicht en handhaving', 'Ketensamenwerking en binnenvliegers', 10, null],
        ['Vergunningen', 'Vooroverleg grote woningbouwprojecten', null, 100],
      ],
    },
    {
      naam: 'Projecten',
      uitleg: 'Regionale projecten en diensten van de omgevingsdienst; Dinkelberg betaalt 12,02%.',
      koppen: ['code', 'project', 'soort', 'afdeling', 'uren', 'verdeelsleutel'],
      rijen: [
        ...projectRijen('odt-twente-uvp2025-projecten.csv', 'project', 'project'),
        ...projectRijen('odt-twente-uvp2025-diensten.csv', 'dienst', 'dienst'),
      ],
    },
    {
      naam: 'Doelen',
      uitleg: 'De kwaliteitsdoelen met indicator en streefwaarde.',
      koppen: ['id', 'thema', 'doel', 'indicator', 'streefwaarde', 'eenheid'],
      rijen: doelRijen,
    },
    {
      naam: 'Teksten',
      uitleg: 'Eigen alinea\'s voor de documenten.',
      koppen: ['sectie', 'tekst'],
      rijen: [
        ['samenvatting', `In ${jaar} richt Dinkelberg het proactieve toezicht op vijf van de negentien activiteiten met prioriteit Hoog: illegale bouw, slopen met asbest, brandveiligheid, permanente bewoning van recreatieverblijven en huisvesting van arbeidsmigranten. Op de andere veertien treedt de gemeente op na meldingen en klachten (hoofdstuk 7).`],
        ['samenvatting', 'Het programma vraagt meer uren dan het team Toezicht en handhaving heeft. Met de vaststelling van dit programma besluit het college daarom ook over het uitstel van werk met een lagere prioriteit (hoofdstuk 9).'],
        ['inleiding', 'Dit programma is de jaarlijkse uitwerking van het VTH-beleidsplan 2025-2028 "Veilig & leefbaar Dinkelberg", dat de raad in december 2024 vaststelde, en van de uitvoerings- en handhavingsstrategie die daarbij hoort.'],
        ['inleiding', 'Het programma gaat over de taken die de gemeente zelf uitvoert (bouwen en wonen, APV en bijzondere wetten, openbare ruimte) en over de taken die de Omgevingsdienst Twente voor de gemeente uitvoert. De omgevingsdienst stelt voor die taken een eigen programma op; de producten en uren daarvan staan in dit programma zoals de dienst ze aanleverde.'],
        ['strategie', 'Dinkelberg werkt volgens de Verordening kwaliteit vergunningverlening, toezicht en handhaving omgevingsrecht. Op **kritieke massa** voldoet de gemeente voor casemanagement; voor vergunningverlening bouwen wijkt zij gemotiveerd af, voor toezicht bouwen legt zij in 2025 vast hoe zij aan de norm komt, en voor milieu leunt zij op de omgevingsdienst. Het kwaliteitsniveau wordt jaarlijks getoetst aan de Kwaliteitscriteria 3.0, die sinds 1 januari 2025 gelden.'],
        ['strategie', 'De handhavingsstrategie volgt de Landelijke Handhavingsstrategie Omgevingsrecht (LHSO): bij een overtreding bepaalt de ernst van de gevolgen en het gedrag van de overtreder welke interventie volgt, van een waarschuwing tot een last onder dwangsom.'],
        ['terugblik', `In 2024 is 94% van de geplande controles uitgevoerd. De tijdigheid van besluiten bleef met 96% boven de streefwaarde; het aantal handhavingsverzoeken rond de recreatieparken nam toe.`],
        ['ontwikkelingen lokaal', 'Het woningbouwplan De Esch (circa 300 woningen) start in de tweede helft van het jaar; dat vraagt vooroverleg en, vanaf het najaar, toezicht op de bouw. De weekmarkt in het centrum krijgt na een raadsmotie extra aandacht.'],
        ['ontwikkelingen regionaal', 'De Twentse gemeenten en de omgevingsdienst werken aan één regionale handhavingsstrategie voor de milieutaken. Ketentoezicht op asbest en drugsafval gebeurt samen met de veiligheidsregio en de politie.'],
        ['ontwikkelingen landelijk', 'De Omgevingswet en de Wet kwaliteitsborging voor het bouwen (Wkb) zijn sinds 1 januari 2024 van kracht. Voor gevolgklasse 1 toetst de gemeente niet meer technisch vooraf; het toezicht op de bouw verschuift naar het gereedmelden en naar klachten.'],
        ['risicoanalyse', 'De risicoanalyse is in 2024 met het team en met de ketenpartners opnieuw gescoord. Het college heeft één klasse bijgesteld: markten en standplaatsen, na een raadsmotie.'],
        ['doelen', 'De doelen komen uit het beleidsplan en uit de kwaliteitsverordening. Het zwaarst wegen de tijdigheid van besluiten (KD3) en het beëindigen van overtredingen bij hercontrole (KD6).'],
        ['programma', 'De kentallen zijn die van het afgelopen jaar, bijgesteld naar de urenregistratie. Nieuw is het toezicht op de huisvesting van arbeidsmigranten (GT.05).'],
        ['ketenpartners', 'De Omgevingsdienst Twente voert de milieutaken en de asbestmeldingen uit. Met de **veiligheidsregio** stemt de gemeente het toezicht op brandveilig gebruik af, met de **waterschappen** het toezicht op lozingen, met **politie en OM** de aanpak van ondermijning en drugsafval.'],
        ['capaciteit', 'De formatie van het team Toezicht en handhaving is in 2024 met 0,4 fte verminderd; de werving loopt.'],
        ['monitoring', 'Het team bespreekt de voortgang elk kwartaal. In mei en september ontvangt het college een voortgangsrapportage met de realisatie tot dan toe en, waar nodig, een voorstel om het programma bij te stellen.'],
        ['afwijkingen', 'Het grootste risico is de bezetting: een vacature die niet wordt vervuld, of langdurig verzuim, betekent meer uitstel dan dit programma voorstelt. Calamiteiten (een brand, een asbestincident) gaan altijd voor; daarvoor is de reservering voor binnenvliegers bedoeld.'],
        ['verbeterpunten', 'De provincie gaf bij haar oordeel over 2024 drie verbeterpunten. Dit programma pakt ze op zoals de tabel laat zien.'],
        ['jaarverslag samenvatting', `In ${jaar} is het geplande werk grotendeels uitgevoerd. Het uitgestelde toezicht op kleinschalige evenementen is door een tijdelijke inhuur in het najaar toch gedaan.`],
        ['jaarverslag inleiding', `Dit verslag volgt de opbouw van het uitvoeringsprogramma ${jaar}, dat het college op 28 januari ${jaar} vaststelde.`],
        ['jaarverslag realisatie', 'Het aantal asbestmeldingen lag hoger dan verwacht door de subsidieregeling voor dakvervanging. Het woningbouwplan De Esch is een jaar uitgesteld, waardoor er minder aanvragen voor afwijken van het omgevingsplan waren.'],
        ['jaarverslag projecten', 'De omgevingsdienst rapporteert de bestede uren per regionaal project in haar eigen jaarverslag; hier staat het aandeel van Dinkelberg.'],
        ['jaarverslag uitstel', 'Nadat de vacature in augustus was vervuld, en met een tijdelijke inhuur van 0,2 fte vanaf september, is het uitgestelde toezicht alsnog uitgevoerd.'],
        ['jaarverslag doelen', 'Het doel voor het naleefgedrag na hercontrole is ruim gehaald. De tijdigheid van besluiten (KD3) bleef onder de streefwaarde, door de aanvragen die eind van het jaar al over hun termijn waren. Voor KD11 (jaarlijkse controle van activiteiten met prioriteit Hoog) is nog geen indicator vastgesteld; het college stelt die vast bij het programma 2027.'],
        ['jaarverslag tijdigheid', 'De meeste besluiten die te laat waren, vielen in augustus, in de vakantieperiode. Eind van het jaar lagen er nog aanvragen waarvan de termijn al was verstreken; die tellen voor het doel als te laat.'],
        ['jaarverslag naleefgedrag', 'Bij ongeveer een kwart van de controles werd een overtreding gevonden; de meeste waren bij de hercontrole beëindigd.'],
        ['jaarverslag capaciteit', 'De vacature in het team Toezicht en handhaving is in augustus vervuld.'],
        ['jaarverslag kwaliteit', 'Van de drie verbeterpunten van de provincie is het derde, de capaciteitscheck, afgerond. Aan de eerste twee, meetbare doelen en de bijdrage van de activiteiten aan de doelen, wordt gewerkt; ze krijgen hun beslag in het programma 2027.'],
        ['jaarverslag vooruitblik', 'Het programma 2027 krijgt een indicator voor KD11 en koppelt elke activiteit aan de doelen waaraan zij bijdraagt.'],
      ],
    },
    {
      naam: 'Objecten',
      uitleg: 'Objectenregister (verzonnen): per object de activiteit uit de risicoanalyse (die de klasse geeft) of de klasse zelf, het naleefgedrag, de laatste controle en de productcode waarop de controle telt.',
      koppen: ['object', 'naam', 'activiteit', 'klasse', 'naleefgedrag', 'laatste controle', 'productcode'],
      rijen: objectRijen,
    },
    {
      naam: 'Frequenties',
      uitleg: 'Het interval tussen twee controles in maanden, per klasse en naleefgedrag; een lege naleefgedrag-cel is de standaard voor de klasse.',
      koppen: ['klasse', 'naleefgedrag', 'interval'],
      rijen: frequentieRijen,
    },
    {
      naam: 'Toezichtprotocol',
      uitleg: 'Het toezichtprotocol nieuwbouw van Enschede (2025): per toetspunt de diepgang per risicoklasse (0 niet, S steekproef, 1 tot 4 van quick scan tot volledig). Item 18.4 staat er in de bron twee keer in.',
      koppen: ['nr', 'groep', 'omschrijving', 'RK1', 'RK2', 'RK3', 'RK4', 'thema'],
      rijen: protocol.rijen.map((r) => ['nr', 'groep', 'omschrijving', 'rk1', 'rk2', 'rk3', 'rk4', 'thema'].map((k) => {
        const t = tekst(protocol, r, k);
        return /^\d$/.test(t) ? Number(t) : t;
      })),
    },
    {
      naam: 'Niveaus',
      uitleg: 'Minuten per toetspunt voor elk niveau (verzonnen, dezelfde als vth init voorstelt): S is een steekproef van een kwart van de gevallen; vast is de tijd per bouwproject voor reizen en verslag.',
      koppen: ['niveau', 'minuten', 'steekproef'],
      rijen: nieuweWerkmap(gemeente, jaar).find((b) => b.naam === 'Niveaus').rijen,
    },
    {
      naam: 'Realisatie',
      uitleg: 'Gerealiseerde aantallen en uren over het programmajaar (voor het jaarverslag).',
      koppen: ['code', 'aantal', 'uren', 'toelichting'],
      rijen: [
        ['A1.17.00', 46, 276, null],
        ['A1.35.03', 512, 1536, 'Meer asbestmeldingen door de subsidieregeling voor dakvervanging'],
        ['GV.01', 171, 2394, null],
        ['GV.02', 44, 880, 'Minder aanvragen dan verwacht: het woningbouwplan De Esch is een jaar uitgesteld'],
        ['GT.01', 96, 960, 'Een toezichthouder was vier maanden afwezig; meldingen over illegale bouw zijn wel alle opgepakt'],
        ['GT.03', 61, 488, null],
        ['GH.01', 15, 360, 'Meer verzoeken om handhaving rond de recreatieparken'],
        ['OD1', null, 171.5, null],
        ['OD2', null, 48, 'Minder uren: de landelijke regeling is later opengesteld'],
        ['D1', null, 210.35, null],
        ['D2', null, 180.3, null],
      ],
    },
    {
      naam: 'Indicatoren',
      uitleg: 'Gerealiseerde waarden per doel (voor het jaarverslag); bron: de waarde komt uit de zakenexport.',
      koppen: ['id', 'waarde', 'bron'],
      rijen: [
        ['KD1', '100%', null],
        ['KD3', null, 'tijdigheid'],
        ['KD4', null, 'verdaagd'],
        ['KD5', '0%', null],
        ['KD6', null, 'hercontroles zonder overtreding'],
        ['KD8', '88%', null],
      ],
    },
    {
      naam: 'Afkortingen',
      uitleg: 'Eigen afkortingen: de documenten leggen ze uit in hun lijst van afkortingen (REV staat er bewust niet in: het verantwoordingsbestand noemt het).',
      koppen: ['afkorting', 'betekenis'],
      rijen: [
        ['BIS', 'Bodeminformatiesysteem'],
        ['BMI', 'brandmeldinstallatie'],
        ['MPG', 'milieuprestatie gebouwen'],
        ['OAI', 'ontruimingsalarminstallatie'],
        ['PV', 'zonnepanelen (fotovoltaïsch)'],
        ['PVH', 'team Publiekszaken, Vergunningen en Handhaving'],
        ['T&H', 'toezicht en handhaving'],
        ['VTHA', 'vergunningverlening, toezicht, handhaving en advies'],
        ['VV/T&H', 'vergunningverlening, toezicht en handhaving'],
        ['WBB', 'Wet bodembescherming'],
        ['WM', 'Wet milieubeheer'],
        ['WTW', 'warmteterugwinning'],
      ],
    },
    {
      naam: 'Verbeterpunten',
      uitleg: 'Verbeterpunten uit het IBT-oordeel over 2024.',
      koppen: ['nr', 'verbeterpunt', 'status', 'toelichting'],
      rijen: [
        [1, 'Maak doelen meetbaar: een indicator en streefwaarde voor elk doel', 'in uitvoering', 'Tien van de elf doelen hebben een streefwaarde'],
        [2, 'Toon hoe de activiteiten bijdragen aan de doelen', 'in uitvoering', 'Bij de eigen producten staat aan welke doelen ze bijdragen; de producten van de omgevingsdienst volgen in 2026'],
        [3, 'Toon in het UVP of de beschikbare capaciteit toereikend is', 'afgerond', 'Capaciteitscheck per afdeling opgenomen, met een voorstel voor uitstel'],
      ],
    },
    {
      // Invented norms in the range of the KC 2.3 and 3.0 tables and invented people: one area of each verdict.
      naam: 'Kwaliteitscriteria',
      uitleg: 'De kwaliteitscriteria (kritieke massa) zoals het college ze vaststelde; verzonnen voor dit voorbeeld.',
      koppen: ['gebied', 'aantal', 'frequentie', 'werkervaring', 'opleiding', 'belegd bij', 'motivering'],
      rijen: [
        ['Casemanagement', 2, 500, 2, 'hbo', 'eigen organisatie', null],
        ['VV/T&H bouwen', 2, 1000, 3, 'hbo bouwkunde', 'eigen organisatie', 'De tweede vergunningverlener bouwen heeft in 2026 drie jaar ervaring; tot dan beoordeelt de buurgemeente de complexe aanvragen mee (samenwerkingsovereenkomst 2024).'],
        ['T&H bouwen', 2, 1000, 3, 'hbo bouwkunde', 'eigen organisatie', null],
        ['Juridisch', 2, 500, 2, 'wo rechten of hbo-rechten', 'eigen organisatie', null],
        ['VV/T&H milieu', 3, 1000, 3, 'hbo milieukunde', 'Omgevingsdienst Twente', null],
      ],
    },
    {
      naam: 'Medewerkers',
      uitleg: 'Wie in welk deskundigheidsgebied werkt, met opleiding, werkervaring en de uren in het gebied in 2025; verzonnen voor dit voorbeeld.',
      koppen: ['medewerker', 'afdeling', 'fte', 'gebied', 'opleiding', 'werkervaring', 'uren'],
      rijen: [
        ['M. Bruggink', 'Vergunningen', 1, 'Casemanagement', 'ja', 8, 640],
        ['L. Nijhuis', 'Vergunningen', 0.8, 'Casemanagement', 'EVC', 4, 520],
        ['S. Oude Luttikhuis', 'Vergunningen', 0.6, 'Casemanagement', 'in opleiding', 1, 300],
        ['R. Kamphuis', 'Vergunningen', 1, 'VV/T&H bouwen', 'ja', 12, 1150],
        ['J. ter Horst', 'Vergunningen', 1, 'VV/T&H bouwen', 'ja', 2, 1080],
        ['H. Wolters', 'Toezicht en handhaving', 1, 'T&H bouwen', 'ja', 6, 1040],
        ['D. Pierik', 'Toezicht en handhaving', 1, 'T&H bouwen', 'nee', 9, 1100],
        ['E. Heijink', 'Juridische zaken', 0.6, 'Juridisch', 'ja', 10, 560],
        ['K. Meijerink', 'Juridische zaken', 0.4, 'Juridisch', 'ja', 3, null],
      ],
    },
  ];
}

/**
 * The case export for 2025 (invented): the cases received in 2025, per programme line a realised
 * count near the plan (exactly the Realisatie sheet's count and hours where it gives them), dates
 * across the year with some late and extended decisions and some cases still open at year end (every
 * case whose decision would fall in 2026). Deterministic (seeded).
 */
export function voorbeeldZaken(bladen) {
  let s = 2025;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const producten = bladen.find((b) => b.naam === 'Producten').rijen.filter((r) => r[0]);
  const realisatie = new Map(bladen.find((b) => b.naam === 'Realisatie').rijen.map((r) => [r[0], { aantal: r[1], uren: r[2] }]));
  const extra = { 'GT.11': 60, 'GH.04': 2 };
  const dag0 = Date.UTC(2025, 0, 1) / 86400000;
  const datum = (dag) => {
    const d = new Date(dag * 86400000);
    return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  };
  const rijen = [['zaaknummer', 'productcode', 'ontvangen', 'besluit', 'procedure', 'verdaagd', 'status', 'uren', 'resultaat', 'medewerker']];
  let nr = 0;
  for (const [code, , , , aantal, kental] of producten) {
    const r = realisatie.get(code);
    const n = r ? r.aantal : typeof aantal === 'number' ? Math.round(aantal * (0.93 + rnd() * 0.12)) : (extra[code] ?? 0);
    // Hours in tenths: the Realisatie total spread exactly, otherwise around the kental.
    const tienden = [];
    if (r) {
      const totaal = Math.round(r.uren * 10);
      for (let i = 0; i < n; i++) tienden.push(Math.floor(totaal / n) + (i < totaal % n ? 1 : 0));
    } else for (let i = 0; i < n; i++) tienden.push(Math.max(1, Math.round((typeof kental === 'number' ? kental : 3) * 10 * (0.95 + rnd() * 0.1))));
    const procedure = code.startsWith('A1') || code.startsWith('GV') ? 'vergunning' : code === 'GH.01' ? 'handhavingsverzoek' : '';
    for (let i = 0; i < n; i++) {
      nr++;
      // An export of the cases received in 2025; a decision that would fall in 2026 is still open.
      const ontvangen = Math.max(dag0, dag0 - 20 + Math.floor(rnd() * 360));
      let proc = procedure;
      if (proc === 'vergunning') proc = code === 'GV.02' && rnd() < 0.3 ? 'uitgebreid' : 'regulier';
      const verdaagd = proc && proc !== 'handhavingsverzoek' && rnd() < 0.1;
      const termijn = (proc === 'uitgebreid' ? 182 : 56) + (verdaagd ? 42 : 0);
      const openGezet = rnd() < 0.05;
      const laat = rnd() < 0.04;
      const duur = proc ? (laat ? termijn + 1 + Math.floor(rnd() * 30) : 3 + Math.floor(rnd() * (termijn - 3))) : Math.floor(rnd() * 20);
      const open = openGezet || ontvangen + duur > dag0 + 364;
      const besluit = open ? '' : datum(ontvangen + duur);
      const uren = (tienden[i] / 10).toFixed(1).replace('.', ',');
      const resultaat = code.startsWith('GT') ? (rnd() < 0.25 ? 'overtreding' : 'geen overtreding') : '';
      rijen.push([`DB-2025-${String(nr).padStart(5, '0')}`, code, datum(ontvangen), besluit, proc, verdaagd ? 'ja' : 'nee', open ? 'open' : 'afgehandeld', uren, resultaat, behandelaar(code, i)]);
    }
  }
  return rijen.map((r) => r.join(';')).join('\r\n') + '\r\n';
}

/** Dutch Excel's "CSV (puntkomma)": semicolons, decimal commas, Windows-1252, CRLF. */
function naarCsv1252(blad) {
  const cel = (v) => {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'number' ? String(v).replace('.', ',') : String(v);
    if (/[;"\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
    return s;
  };
  const tekst = [blad.koppen, ...blad.rijen].map((r) => r.map(cel).join(';')).join('\r\n') + '\r\n';
  const extra = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  const bytes = [];
  for (const ch of tekst) {
    const c = ch.codePointAt(0);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) bytes.push(c);
    else if (extra[ch] !== undefined) bytes.push(extra[ch]);
    else if (ch === '≥') bytes.push(...Buffer.from('>=', 'latin1'));
    else if (ch === '≤') bytes.push(...Buffer.from('<=', 'latin1'));
    else throw new Error(`teken ${ch} past niet in Windows-1252`);
  }
  return new Uint8Array(bytes);
}

async function main() {
  const bladen = voorbeeldBladen();
  const doel = path.join(root, 'fixtures/voorbeeldgemeente');
  const xlsx = await werkmapXlsx(bladen, 'Werkmap VTH 2025 Dinkelberg');
  const csvBladen = ['Instellingen', 'Risicomodel', 'Risicoanalyse', 'Producten', 'Capaciteit', 'Reserveringen'];
  await schrijfAtomair(
    [
      { pad: path.join(doel, 'werkmap.xlsx'), inhoud: xlsx },
      ...bladen
        .filter((b) => csvBladen.includes(b.naam))
        .map((b) => ({ pad: path.join(doel, 'csv', `${b.naam.toLowerCase()}.csv`), inhoud: naarCsv1252(b) })),
      { pad: path.join(doel, 'zaken-2025.csv'), inhoud: voorbeeldZaken(bladen) },
    ],
    { force: true },
  );
  console.log(`geschreven: ${doel}/werkmap.xlsx, csv/ en zaken-2025.csv`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
