// A synthetic werkmap of n product lines and n risk rows for the benchmark: deterministic (a seeded
// generator), built on the example municipality's model, settings and reservations, with a shortfall
// at Toezicht en handhaving so that the capacity check has work to defer.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VOORBEELD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/voorbeeldgemeente/csv');
const AFDELINGEN = [
  { afdeling: 'Vergunningen', taakveld: 'Vergunningen', dekking: 1.15 },
  { afdeling: 'Toezicht en handhaving', taakveld: 'Toezicht', dekking: 0.85 },
  { afdeling: 'Juridische zaken', taakveld: 'Handhaving', dekking: 1.2 },
];
const GROEPEN = ['Bouwen en ruimte', 'Milieu', 'Brandveiligheid', 'APV en bijzondere wetten', 'Openbare ruimte'];
const KLASSEN = ['Hoog', 'Midden', 'Laag']; // the example's risk model

/** Writes the werkmap as a folder of CSV files; returns the folder. */
export function schrijfWerkmap(map, n, seed = 7) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  mkdirSync(map, { recursive: true });
  for (const f of ['instellingen.csv', 'risicomodel.csv', 'reserveringen.csv']) copyFileSync(path.join(VOORBEELD, f), path.join(map, f));

  const risico = ['id;activiteit;groep;Veiligheid;Duurzaamheid;Gezondheid;Leefbaarheid;Financieel;Bestuurlijk;Kans'];
  const id = (i) => `R${String(i).padStart(6, '0')}`;
  for (let i = 1; i <= n; i++) {
    risico.push([id(i), `Activiteit ${i} ${GROEPEN[i % GROEPEN.length].toLowerCase()}`, GROEPEN[i % GROEPEN.length], ...Array.from({ length: 7 }, () => int(1, 5))].join(';'));
  }
  writeFileSync(path.join(map, 'risicoanalyse.csv'), risico.join('\r\n') + '\r\n');

  const uren = new Map(AFDELINGEN.map((a) => [a.afdeling, 0]));
  const producten = ['code;product;taakveld;afdeling;aantal;kental (uren);prioriteit;wettelijk'];
  for (let i = 1; i <= n; i++) {
    const a = AFDELINGEN[i % 10 < 5 ? 1 : i % 10 < 8 ? 0 : 2];
    const aantal = int(1, 40);
    const kental = int(1, 12);
    uren.set(a.afdeling, uren.get(a.afdeling) + aantal * kental);
    // Most lines name their risk activity by id, some by name, some give a class; a few are legal duties.
    const r = int(1, n);
    const p = rnd();
    const prioriteit = p < 0.7 ? id(r) : p < 0.8 ? `Activiteit ${r} ${GROEPEN[r % GROEPEN.length].toLowerCase()}` : p < 0.95 ? KLASSEN[int(0, 2)] : '';
    producten.push([`P${String(i).padStart(6, '0')}`, `Product ${i}`, a.taakveld, a.afdeling, aantal, kental, prioriteit, rnd() < 0.1 ? 'ja' : 'nee'].join(';'));
  }
  writeFileSync(path.join(map, 'producten.csv'), producten.join('\r\n') + '\r\n');

  // fte from the hours needed (1200 productive hours a fte, minus the reservations), rounded to a tenth.
  const fte = (a) => (Math.round(((uren.get(a.afdeling) * a.dekking) / 1000) * 10) / 10 + 0.1).toFixed(1).replace('.', ',');
  const cap = ['afdeling;fte;productieve uren per fte;extern;ingekochte uren', ...AFDELINGEN.map((a) => `${a.afdeling};${fte(a)};;nee;`)];
  writeFileSync(path.join(map, 'capaciteit.csv'), cap.join('\r\n') + '\r\n');
  return map;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [map, n] = process.argv.slice(2);
  if (!map || !n) {
    console.error('gebruik: node scripts/werkmap-genereren.mjs <map> <aantal regels>');
    process.exit(2);
  }
  schrijfWerkmap(map, Number(n));
}
