import type { RisicoView } from '../report/risico.js';
import { klasseKleur } from './kleuren.js';

/** Renders a Vega spec to SVG, with the parts every chart shares: title, padding, Dutch numbers. Vega is loaded only here, when a chart is actually drawn. */
async function naarSvg(titel: string, spec: object): Promise<string> {
  const vega = await import('vega');
  const volledig = {
    $schema: 'https://vega.github.io/schema/vega/v5.json',
    description: titel,
    padding: 8,
    title: { text: titel, anchor: 'start', fontSize: 14 },
    config: { locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] } } },
    ...spec,
  };
  const view = new vega.View(vega.parse(volledig as never), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg.endsWith('\n') ? svg : svg + '\n';
}

/** Activities on a kans × effect grid, coloured by class. Activities on the same point are stacked into one dot with a count. */
export async function risicoGrafiek(view: RisicoView, titel: string): Promise<string> {
  const punten = new Map<string, { kans: number; effect: number; klasse: string; aantal: number; namen: string[] }>();
  for (const r of view.rijen) {
    const kans = r.kans.toNumber();
    const effect = Number(r.effect.toDecimalString(view.model.decimalen.effect));
    const sleutel = `${kans}|${effect}|${r.klasse}`;
    const p = punten.get(sleutel) ?? { kans, effect, klasse: r.klasse, aantal: 0, namen: [] };
    p.aantal++;
    p.namen.push(r.activiteit);
    punten.set(sleutel, p);
  }
  const klassen = view.model.klassen.map((k) => k.naam);
  const kleuren = view.model.klassen.map((k) => klasseKleur(k.niveau, klassen.length));
  const maxKans = Math.max(5, ...view.rijen.map((r) => r.kans.toNumber()));
  const maxEffect = Math.max(5, ...view.rijen.map((r) => r.effect.toNumber()));
  const spec = {
    width: 480,
    height: 360,
    data: [{ name: 'punten', values: [...punten.values()] }],
    scales: [
      { name: 'x', type: 'linear', domain: [0, Math.ceil(maxKans)], range: 'width', nice: false, zero: true },
      { name: 'y', type: 'linear', domain: [0, Math.ceil(maxEffect)], range: 'height', nice: false, zero: true },
      { name: 'kleur', type: 'ordinal', domain: klassen, range: kleuren },
      { name: 'grootte', type: 'linear', domain: [1, Math.max(2, ...[...punten.values()].map((p) => p.aantal))], range: [60, 360] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title: 'kans', tickMinStep: 1, grid: true },
      { orient: 'left', scale: 'y', title: 'effect', tickMinStep: 1, grid: true },
    ],
    legends: [{ fill: 'kleur', title: 'klasse', orient: 'right', symbolType: 'circle' }],
    marks: [
      {
        type: 'symbol',
        from: { data: 'punten' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'kans' },
            y: { scale: 'y', field: 'effect' },
            fill: { scale: 'kleur', field: 'klasse' },
            size: { scale: 'grootte', field: 'aantal' },
            fillOpacity: { value: 0.8 },
            stroke: { value: '#ffffff' },
            tooltip: { signal: "join(datum.namen, '; ')" },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'punten' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'kans' },
            y: { scale: 'y', field: 'effect' },
            text: { signal: "datum.aantal > 1 ? '' + datum.aantal : ''" },
            align: { value: 'center' },
            baseline: { value: 'middle' },
            fill: { value: '#ffffff' },
            fontSize: { value: 10 },
          },
        },
      },
    ],
  };
  return naarSvg(titel, spec);
}

export interface StaafReeks {
  naam: string;
  waarden: { categorie: string; waarde: number }[];
}

/** Grouped bars (e.g. benodigd against beschikbaar per afdeling). */
export async function staafGrafiek(titel: string, reeksen: StaafReeks[], eenheid: string): Promise<string> {
  const values = reeksen.flatMap((r) => r.waarden.map((w) => ({ reeks: r.naam, categorie: w.categorie, waarde: w.waarde })));
  const categorieen = [...new Set(values.map((v) => v.categorie))];
  const spec = {
    width: Math.max(320, categorieen.length * 180),
    height: 300,
    data: [{ name: 'tabel', values }],
    scales: [
      { name: 'x', type: 'band', domain: categorieen, range: 'width', padding: 0.2 },
      { name: 'y', type: 'linear', domain: { data: 'tabel', field: 'waarde' }, range: 'height', nice: true, zero: true },
      { name: 'kleur', type: 'ordinal', domain: reeksen.map((r) => r.naam), range: ['#1f4e79', '#9dc3e6', '#c62828', '#2e7d32'] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', labelAngle: 0, labelLimit: 175 },
      { orient: 'left', scale: 'y', title: eenheid, grid: true, format: ',d' },
    ],
    legends: [{ fill: 'kleur', orient: 'top', direction: 'horizontal' }],
    marks: [
      {
        type: 'group',
        from: { facet: { data: 'tabel', name: 'per', groupby: 'categorie' } },
        encode: { enter: { x: { scale: 'x', field: 'categorie' } } },
        signals: [{ name: 'width', update: "bandwidth('x')" }],
        scales: [{ name: 'binnen', type: 'band', range: 'width', domain: reeksen.map((r) => r.naam) }],
        marks: [
          {
            type: 'rect',
            from: { data: 'per' },
            encode: {
              enter: {
                x: { scale: 'binnen', field: 'reeks' },
                width: { scale: 'binnen', band: 1 },
                y: { scale: 'y', field: 'waarde' },
                y2: { scale: 'y', value: 0 },
                fill: { scale: 'kleur', field: 'reeks' },
              },
            },
          },
        ],
      },
    ],
  };
  return naarSvg(titel, spec);
}

/** Benodigd against beschikbaar per afdeling (external executors against their contracted hours). */
export async function capaciteitGrafiek(v: import('../report/capaciteit.js').CapaciteitView, titel: string): Promise<string> {
  const rijen = [
    ...v.afdelingen.map((a) => ({ naam: a.afdeling, beschikbaar: a.beschikbaar.toNumber(), benodigd: a.benodigd.toNumber() })),
    ...v.extern.filter((e) => e.ingekochteUren).map((e) => ({ naam: e.afdeling, beschikbaar: e.ingekochteUren!.toNumber(), benodigd: e.benodigd.toNumber() })),
  ];
  return staafGrafiek(
    titel,
    [
      { naam: 'beschikbaar', waarden: rijen.map((r) => ({ categorie: r.naam, waarde: Math.round(r.beschikbaar) })) },
      { naam: 'benodigd', waarden: rijen.map((r) => ({ categorie: r.naam, waarde: Math.round(r.benodigd) })) },
    ],
    'uren',
  );
}

/** Planned against realised hours per taakveld. */
export async function realisatieGrafiek(taakvelden: { taakveld: string; planUren: { toNumber(): number }; uren: { toNumber(): number } }[], titel: string): Promise<string> {
  return staafGrafiek(
    titel,
    [
      { naam: 'gepland', waarden: taakvelden.map((t) => ({ categorie: t.taakveld, waarde: Math.round(t.planUren.toNumber()) })) },
      { naam: 'gerealiseerd', waarden: taakvelden.map((t) => ({ categorie: t.taakveld, waarde: Math.round(t.uren.toNumber()) })) },
    ],
    'uren',
  );
}
