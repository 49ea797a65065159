// Builds fixtures/regio-voorbeeld: six fictitious municipalities that between them show every status
// of every IBT criterion (see fixtures/regio-voorbeeld/README.md for the matrix). Run after `npm run build`:
//   node scripts/maak-regio.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schrijfAtomair } from '../dist/render/bestand.js';
import { werkmapXlsx } from '../dist/render/werkmap-xlsx.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doel = path.join(root, 'fixtures/regio-voorbeeld');

const DIMS = ['Veiligheid', 'Duurzaamheid', 'Gezondheid', 'Leefbaarheid', 'Financieel', 'Bestuurlijk'];
// Five rows of the real risk analysis (model 1).
const RISICO = [
  ['R1', 'illegaal sloop met asbest', 4, 2, 5, 4, 2, 4, 2],
  ['R2', 'brandveiligheid', 4, 2, 3, 1, 1, 3, 4],
  ['R3', 'illegaal gebruik, bewoning', 1, 2, 2, 3, 1, 2, 4],
  ['R4', 'geluidsoverlast', 2, 1, 3, 3, 1, 2, 3],
  ['R5', 'markten en standplaatsen', 2, 1, 1, 2, 1, 1, 2],
];
// code, product, taakveld, aantal, kental, prioriteit, wettelijk
const PRODUCTEN = [
  ['V1', 'Omgevingsvergunning bouwactiviteit', 'Vergunningen', 100, 10, '', 'ja'],
  ['V2', 'Melding bouwen en slopen', 'Vergunningen', 50, 4, '', 'ja'],
  ['T1', 'Toezicht slopen met asbest', 'Toezicht', 60, 8, 'R1', 'nee'],
  ['T2', 'Controle brandveilig gebruik', 'Toezicht', 40, 6, 'R2', 'nee'],
  ['T3', 'Toezicht markten en standplaatsen', 'Toezicht', 30, 4, 'R5', 'nee'],
  ['T4', 'Toezicht bewoning recreatieverblijven', 'Toezicht', 5, 4, 'R3', 'nee'],
  ['H1', 'Handhavingsverzoeken', 'Handhaving', 10, 20, '', 'ja'],
];

const GEMEENTEN = [
  // Everything in order: groen on all eight.
  { map: 'aaberg', naam: 'Aaberg', fte: 2.2, uvp: '20-01-2025', plan: 2027, jv: '10-04-2026', realisatie: 0.98, tijdig: 0.97, punten: ['afgerond', 'afgerond'] },
  // Short of capacity, deferrals close it: oranje on documents, capacity, realisation, improvement points.
  { map: 'beekdal', naam: 'Beekdal', fte: 1.9, uvp: '15-02-2025', plan: 2027, jv: '10-04-2026', realisatie: 0.8, tijdig: 0.96, punten: ['afgerond', 'in uitvoering'] },
  // Goals lacking target values, no capacity sheet, an outdated plan, low realisation.
  { map: 'doelwijk', naam: 'Doelwijk', fte: null, uvp: null, plan: 2024, jv: '10-04-2026', realisatie: 0.6, tijdig: 0.98, punten: ['afgerond'], doelenZonder: ['D3'] },
  // Jaarverslag adopted late, no goal with a target, an activity without scores, timeliness just under.
  { map: 'laatveen', naam: 'Laatveen', fte: 2.2, uvp: '20-01-2025', plan: 2027, jv: '20-06-2026', realisatie: 0.97, tijdig: 0.92, punten: ['afgerond'], doelenZonder: ['D1', 'D2', 'D3'], risicoGat: true },
  // Open improvement points, no risk analysis, a shortfall that reaches legal work, no jaarverslag yet.
  { map: 'openrade', naam: 'Openrade', fte: 1.2, uvp: '20-01-2025', plan: 2027, jv: null, realisatie: 0.95, tijdig: 0.8, punten: ['open', 'afgerond'], geenRisico: true },
];

function rnd(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function bladen(g) {
  const b = [
    {
      naam: 'Instellingen',
      uitleg: 'Algemene gegevens.',
      koppen: ['instelling', 'waarde'],
      rijen: [
        ['gemeente', g.naam],
        ['jaar', 2025],
        ['productieve uren per fte', 1200],
        ['provincie', 'Gelderland'],
        ...(g.uvp ? [['uvp vastgesteld op', g.uvp]] : []),
        ...(g.jv ? [['jaarverslag vastgesteld op', g.jv]] : []),
        ['beleidsplan geldig tot', g.plan],
      ],
    },
  ];
  if (!g.geenRisico) {
    b.push({
      naam: 'Risicomodel',
      uitleg: 'Model 1.',
      koppen: ['soort', 'naam', 'waarde'],
      rijen: [...DIMS.map((d) => ['dimensie', d, 1]), ['factor', null, 1], ['klasse', 'Laag', 0], ['klasse', 'Midden', '>4'], ['klasse', 'Hoog', 7], ['decimalen', 'effect', 3], ['decimalen', 'risico', 3]],
    });
    b.push({
      naam: 'Risicoanalyse',
      uitleg: 'Vijf activiteiten.',
      koppen: ['id', 'activiteit', ...DIMS, 'kans'],
      rijen: RISICO.map((r, i) => (g.risicoGat && i === 3 ? [r[0], r[1], r[2], null, r[4], r[5], r[6], r[7], r[8]] : r)),
    });
  }
  b.push({
    naam: 'Producten',
    uitleg: 'Het programma.',
    koppen: ['code', 'product', 'taakveld', 'afdeling', 'aantal', 'kental', 'prioriteit', 'wettelijk'],
    rijen: PRODUCTEN.map(([code, product, taakveld, aantal, kental, prio, wettelijk]) => [code, product, taakveld, 'VTH', aantal, kental, g.geenRisico ? null : prio || null, wettelijk]),
  });
  if (g.fte !== null) {
    b.push({ naam: 'Capaciteit', uitleg: 'Formatie.', koppen: ['afdeling', 'fte'], rijen: [['VTH', g.fte]] });
    b.push({ naam: 'Reserveringen', uitleg: 'Reserveringen.', koppen: ['afdeling', 'omschrijving', 'percentage'], rijen: [['VTH', 'binnenvliegers', 10]] });
  }
  const zonder = new Set(g.doelenZonder ?? []);
  b.push({
    naam: 'Doelen',
    uitleg: 'Doelen.',
    koppen: ['id', 'thema', 'doel', 'indicator', 'streefwaarde'],
    rijen: [
      ['D1', 'Dienstverlening', 'Tijdige besluiten', 'aandeel besluiten binnen de termijn', zonder.has('D1') ? null : '≥ 95%'],
      ['D2', 'Dienstverlening', 'Weinig verdaging', 'aandeel verdaagde besluiten', zonder.has('D2') ? null : '≤ 33,3%'],
      ['D3', 'Kwaliteit', 'Geen gegronde klachten', 'aantal gegronde klachten', zonder.has('D3') ? null : '= 0%'],
    ],
  });
  b.push({ naam: 'Indicatoren', uitleg: 'Realisatie van de doelen.', koppen: ['id', 'waarde', 'bron'], rijen: [['D1', null, 'tijdigheid'], ['D2', null, 'verdaagd'], ['D3', '0%', null]] });
  b.push({
    naam: 'Realisatie',
    uitleg: 'Realisatie van de toezichtregels (de rest komt uit de zakenexport).',
    koppen: ['code', 'aantal', 'uren', 'toelichting'],
    rijen: PRODUCTEN.filter((p) => p[0].startsWith('T')).map(([code, , , aantal, kental]) => {
      const n = Math.round(aantal * g.realisatie);
      return [code, n, n * kental, null];
    }),
  });
  b.push({
    naam: 'Verbeterpunten',
    uitleg: 'Verbeterpunten uit het IBT-oordeel over 2024.',
    koppen: ['nr', 'verbeterpunt', 'status', 'toelichting'],
    rijen: g.punten.map((s, i) => [i + 1, ['Toon of de capaciteit toereikend is', 'Maak doelen meetbaar', 'Ontwikkel de risicoanalyse verder'][i], s, null]),
  });
  // Criterion 9: the kwaliteitscriteria per area (invented). Openrade has none: niet te beoordelen.
  const kc = KC[g.map];
  if (kc) {
    b.push({
      naam: 'Kwaliteitscriteria',
      uitleg: 'Kritieke massa per deskundigheidsgebied.',
      koppen: ['gebied', 'aantal', 'frequentie', 'werkervaring', 'belegd bij', 'motivering'],
      rijen: [['Casemanagement', 2, 500, 2, null, kc.motivering ?? null], ['VV/T&H milieu', 3, 1000, 3, 'Omgevingsdienst', null]],
    });
    b.push({ naam: 'Medewerkers', uitleg: 'Medewerkers per gebied.', koppen: ['medewerker', 'gebied', 'opleiding', 'werkervaring', 'uren'], rijen: kc.medewerkers });
  }
  return b;
}

/** Per municipality the people in Casemanagement (norm 2 × 500 h, 2 years): what gives criterion 9 its colour. */
const KC = {
  aaberg: { medewerkers: [['A', 'Casemanagement', 'ja', 5, 700], ['B', 'Casemanagement', 'EVC', 3, 520]] },
  beekdal: { medewerkers: [['A', 'Casemanagement', 'ja', 5, 700], ['B', 'Casemanagement', 'in opleiding', 1, 400]], motivering: 'De tweede casemanager is in 2026 opgeleid; tot dan vervangt de buurgemeente.' },
  doelwijk: { medewerkers: [['A', 'Casemanagement', 'ja', 5, 700], ['B', 'Casemanagement', 'nee', 4, 600]] },
  laatveen: { medewerkers: [['A', 'Casemanagement', 'ja', 5, 700], ['B', 'Casemanagement', 'ja', 3, null]] },
};

/** Permit and enforcement-request cases: the realised share of the plan, with an exact number of late decisions. */
function zaken(g) {
  const r = rnd(g.naam.charCodeAt(0));
  const rijen = [['zaaknummer', 'productcode', 'ontvangen', 'besluit', 'procedure', 'verdaagd', 'status', 'uren']];
  const dag0 = Date.UTC(2025, 0, 1) / 86400000;
  const datum = (d) => {
    const x = new Date(d * 86400000);
    return `${String(x.getUTCDate()).padStart(2, '0')}-${String(x.getUTCMonth() + 1).padStart(2, '0')}-${x.getUTCFullYear()}`;
  };
  const lijst = [];
  for (const [code, , , aantal, kental] of PRODUCTEN.filter((p) => p[6] === 'ja')) {
    const n = Math.round(aantal * g.realisatie);
    for (let i = 0; i < n; i++) lijst.push({ code, kental, proc: code === 'H1' ? 'handhavingsverzoek' : 'regulier' });
  }
  const laat = Math.round(lijst.length * (1 - g.tijdig));
  lijst.forEach((z, i) => {
    const ontvangen = dag0 + Math.floor(r() * 300);
    const verdaagd = z.proc === 'regulier' && i % 9 === 4;
    const termijn = 56 + (verdaagd ? 42 : 0);
    const duur = i < laat ? termijn + 5 + Math.floor(r() * 20) : 5 + Math.floor(r() * (termijn - 10));
    rijen.push([`${g.naam.slice(0, 2).toUpperCase()}-${i + 1}`, z.code, datum(ontvangen), datum(ontvangen + duur), z.proc, verdaagd ? 'ja' : 'nee', 'afgehandeld', String(z.kental)]);
  });
  return rijen.map((x) => x.join(';')).join('\r\n') + '\r\n';
}

const bestanden = [];
for (const g of GEMEENTEN) {
  bestanden.push({ pad: path.join(doel, g.map, 'werkmap.xlsx'), inhoud: await werkmapXlsx(bladen(g), `Werkmap VTH 2025 ${g.naam}`) });
  bestanden.push({ pad: path.join(doel, g.map, 'zaken-2025.csv'), inhoud: zaken(g) });
}
// A workbook cut off halfway (an interrupted download): not readable.
const heel = await werkmapXlsx(bladen({ ...GEMEENTEN[0], naam: 'Kapotwoude' }), 'Werkmap VTH 2025 Kapotwoude');
bestanden.push({ pad: path.join(doel, 'kapotwoude.xlsx'), inhoud: heel.subarray(0, Math.floor(heel.length / 2)) });
await schrijfAtomair(bestanden, { force: true });
console.log(`geschreven: ${doel}`);
