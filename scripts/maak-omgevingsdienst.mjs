// Builds fixtures/omgevingsdienst-voorbeeld: the example omgevingsdienst "Omgevingsdienst Oostmark"
// (invented) with five invented deelnemers. Its regional projects and services are OD Twente's real
// tables (fixtures/bronnen/odt-twente-uvp2025-*.csv, rows unchanged); the productenboek's codes,
// names and kentallen are Enschede's real A1 and A4 tables, and Dinkelstad (12,02%, Enschede's key)
// plans Enschede's real aantallen. Everything else (names, other aantallen, toezicht and handhaving
// lines, the formatie, the rates) is invented. Run: node scripts/maak-omgevingsdienst.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bronnen = path.join(root, 'fixtures/bronnen');
const uit = path.join(root, 'fixtures/omgevingsdienst-voorbeeld');
mkdirSync(uit, { recursive: true });

const csv = (naam) => readFileSync(path.join(bronnen, naam), 'utf8').trim().split(/\r?\n/).map((r) => r.split(','));
const schrijf = (naam, rijen) => writeFileSync(path.join(uit, naam), rijen.map((r) => r.join(';')).join('\n') + '\n');

schrijf('instellingen.csv', [
  ['instelling', 'waarde'],
  ['omgevingsdienst', 'Omgevingsdienst Oostmark'],
  ['jaar', '2025'],
  ['provincie', 'Overijssel'],
  ['productieve uren per fte', '1.300'],
  // OD Twente's energy table charges 571 h at € 110,99; the rate is borrowed from it.
  ['uurtarief', '€ 110,99'],
]);

const deelnemers = [
  { naam: 'Dinkelstad', sleutel: '12,02%', factor: 1 },
  { naam: 'Berkelmond', sleutel: '23,45%', factor: 0.6 },
  { naam: 'Reggedal', sleutel: '31,17%', factor: 0.9 },
  { naam: 'Vechtoever', sleutel: '18,36%', factor: 0.4 },
  { naam: 'Provincie Oostmark', sleutel: '15,00%', factor: 0, uurtarief: '€ 118,50' },
];
schrijf('deelnemers.csv', [['deelnemer', 'verdeelsleutel', 'uurtarief'], ...deelnemers.map((d) => [d.naam, d.sleutel, d.uurtarief ?? ''])]);

// The productenboek: Enschede's A1 and A4 lines (code, name, kental), without their printed total rows.
const a1 = csv('odt-enschede-uvp2025-a1-vergunningen.csv').slice(1).filter((r) => r[0]);
const a4 = csv('odt-enschede-uvp2025-a4-advies.csv').slice(1).filter((r) => r[0]);
// Invented toezicht and handhaving lines (codes in the PDC's form) with invented kentallen and classes.
const a2 = [
  ['A2.01.00', 'Periodieke controle milieubelastende activiteit', 60, 6, 'Hoog'],
  ['A2.02.00', 'Hercontrole milieu', 25, 3, 'Hoog'],
  ['A2.09.00', 'Toezicht asbestsanering', 40, 4, 'Midden'],
  ['A2.12.00', 'Toezicht grondverzet', 30, 3, 'Laag'],
  ['A2.20.00', 'Steekproef meldingen', 20, 2, 'Laag'],
];
const a3 = [
  ['A3.01.00', 'Handhavingsverzoek', 4, 24, ''],
  ['A3.02.00', 'Last onder dwangsom', 10, 16, ''],
];
const producten = [['deelnemer', 'taakveld', 'code', 'product', 'afdeling', 'aantal', 'kental', 'wettelijk', 'prioriteit', 'prijs']];
const rond = (x) => Math.round(x);
for (const d of deelnemers) {
  if (d.factor > 0) {
    for (const [code, product, aantal, kental] of a1) {
      const n = rond(Number(aantal) * d.factor);
      if (n > 0) producten.push([d.naam, 'Vergunningverlening', code, product, 'Vergunningen', n, kental, 'ja', '', '']);
    }
    for (const [code, naam, aantal, kental, klasse] of a2) producten.push([d.naam, 'Toezicht', code, naam, 'Toezicht', rond(aantal * (d.factor + 0.2)), kental, 'nee', klasse, '']);
    for (const [code, naam, aantal, kental] of a3) producten.push([d.naam, 'Handhaving', code, naam, 'Toezicht', rond(aantal * (d.factor + 0.2)), kental, 'ja', '', '']);
    for (const [code, product, aantal, kental] of a4) {
      const n = rond(Number(aantal) * d.factor);
      // A geluidsmeting is charged at a fixed price per meting (invented), not per hour.
      const prijs = code === 'A4.08.03' ? '€ 1.850,00' : '';
      if (n > 0) producten.push([d.naam, 'Advies', code, product, 'Advies', n, kental, 'nee', 'Midden', prijs]);
    }
  } else {
    // The province: its own permits and inspections for the larger activities (invented).
    producten.push([d.naam, 'Vergunningverlening', 'A1.25.00', 'Actualiseren omgevingsvergunning', 'Vergunningen', 30, 20, 'ja', '', '']);
    producten.push([d.naam, 'Vergunningverlening', 'A1.29.03', 'Advies beoordeling ontvankelijkheid milieu', 'Vergunningen', 25, 20, 'ja', '', '']);
    producten.push([d.naam, 'Toezicht', 'A2.01.00', 'Periodieke controle milieubelastende activiteit', 'Toezicht', 90, 8, 'nee', 'Hoog', '']);
    producten.push([d.naam, 'Toezicht', 'A2.12.00', 'Toezicht grondverzet', 'Toezicht', 40, 3, 'nee', 'Laag', '']);
    producten.push([d.naam, 'Advies', 'A4.06.00', 'Advies externe veiligheid', 'Advies', 30, 8, 'nee', 'Midden', '']);
  }
}
schrijf('producten.csv', producten);

// Regional projects and services: OD Twente's rows as published, with a column soort (and afdeling,
// added here, so that the formatie carries them), and the regional totals printed as in the source.
const projecten = csv('odt-twente-uvp2025-projecten.csv').slice(1);
const diensten = csv('odt-twente-uvp2025-diensten.csv').slice(1);
schrijf('projecten.csv', [
  ['code', 'project', 'soort', 'uren', 'financiering', 'fase', 'afdeling'],
  ...projecten.map(([code, project, uren, financiering, fase]) => [code, project, 'project', uren, financiering, fase, 'Projecten en diensten']),
  ['', 'Totaal projecten', '', '6.150', '', '', ''],
  ...diensten.map(([nr, dienst, uren, financiering]) => [`D${nr}`, dienst, 'dienst', uren, financiering, '', 'Projecten en diensten']),
  ['', 'Totaal diensten', '', '11.700', '', '', ''],
]);

// The omgevingsdienst's own formatie (invented): Toezicht is short on purpose, to show the deferral per deelnemer.
schrijf('capaciteit.csv', [
  ['afdeling', 'fte'],
  ['Vergunningen', '14'],
  ['Toezicht', '3'],
  ['Advies', '3,5'],
  ['Projecten en diensten', '14'],
]);
