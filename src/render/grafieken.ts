// Charts as SVG, for Markdown documents (and, later, Word). Every chart shows its values and its full
// labels, has a title and a source line, and is written by hand (render/svg.ts): no chart library is
// loaded, and the same view gives the same bytes.
import { effectOpGrens } from '../compute/risico.js';
import type { CapaciteitView } from '../report/capaciteit.js';
import type { RisicoView } from '../report/risico.js';
import { klasseKleur } from './kleuren.js';
import type { Palet } from './thema.js';
import { nlGetal } from '../model/getal.js';
import type { Rational } from '../model/rational.js';
import { breekAf, document, esc, n, schaal, tekst, tekstBreedte } from './svg.js';

export interface StaafReeks {
  naam: string;
  kleur?: string;
  /**
   * A bar's value, and the text printed beside it when it is not the value in whole numbers: the text
   * the table beside the chart prints for the same figure (made from the exact figure, by the same
   * formatter), so that a figure shown twice reads the same.
   */
  waarden: { categorie: string; waarde: number; tekst?: string }[];
}

/** Whole numbers the Dutch way (1.234), by the project's one number formatter. */
const nlGetal0 = (x: number) => nlGetal(x, 0);

const REEKSKLEUREN = ['#1f4e79', '#9dc3e6', '#c62828', '#2e7d32'];
/**
 * More categories than this and the smallest are taken together as one bar: a chart must stay readable,
 * and printed at its own size (text of 9 pt) it must fit one A4 page. 15 groups of two bars with
 * two-line labels are some 850 px high, within the text height of an A4 page with margins of 2 cm at
 * 96 px per inch less the caption (about 878 px): a taller chart would be scaled below 9 pt.
 */
export const MAX_CATEGORIEEN = 15;

/**
 * Horizontal grouped bars: one group per category (its full name, wrapped, on the left), one bar per
 * series, each bar with its value. Horizontal, because category names in this domain are long
 * ("Omgevingsdienst Twente", "Toezicht en handhaving").
 */
export function staafGrafiek(titel: string, reeksen: StaafReeks[], eenheid: string, bron: string, palet?: Palet): string {
  const vulling = (i: number) => reeksen[i]!.kleur ?? palet?.vulling[i] ?? REEKSKLEUREN[i % REEKSKLEUREN.length]!;
  const rand = (i: number) => (reeksen[i]!.kleur ? undefined : palet?.rand[i]);
  const omlijnd = (i: number) => (rand(i) ? ` stroke="${rand(i)}" stroke-width="1"` : '');
  const alle = new Map<string, { waarden: number[]; teksten: (string | undefined)[] }>();
  reeksen.forEach((r, i) => {
    for (const w of r.waarden) {
      const rij = alle.get(w.categorie) ?? { waarden: reeksen.map(() => 0), teksten: reeksen.map(() => undefined) };
      rij.waarden[i] = w.waarde;
      rij.teksten[i] = w.tekst;
      alle.set(w.categorie, rij);
    }
  });
  let categorieen: { naam: string; waarden: number[]; teksten?: (string | undefined)[] }[] = [...alle].map(([naam, r]) => ({ naam, ...r }));
  if (categorieen.length > MAX_CATEGORIEEN) {
    const op = [...categorieen].sort((a, b) => Math.max(...b.waarden) - Math.max(...a.waarden));
    const rest = op.slice(MAX_CATEGORIEEN - 1);
    const blijft = new Set(op.slice(0, MAX_CATEGORIEEN - 1));
    categorieen = [
      ...categorieen.filter((c) => blijft.has(c)),
      { naam: `overige ${nlGetal0(rest.length)} samen`, waarden: reeksen.map((_, i) => rest.reduce((s, c) => s + c.waarden[i]!, 0)) },
    ];
  }
  const waardeTekst = (c: (typeof categorieen)[number], i: number) => c.teksten?.[i] ?? nlGetal0(c.waarden[i]!);

  // 600 px is the text width of an A4 page at Word's 96 px per inch, so a chart is printed at its own
  // size: text of 12 px is 9 pt on paper, the least a printed public document should have.
  const BREEDTE = 600;
  const LABEL = 12;
  // Labels wrap at spaces within 190 px; a single word longer than that (a compound such as
  // "mutatieonderhoudswerkzaamheden") widens the label column up to 260 px rather than break.
  const labelMax = Math.min(260, Math.max(190, ...categorieen.flatMap((c) => c.naam.split(/\s+/).map((w) => tekstBreedte(w, LABEL)))));
  const labels = categorieen.map((c) => breekAf(c.naam, labelMax, LABEL));
  const labelBreedte = Math.min(labelMax, Math.max(60, ...labels.flat().map((l) => tekstBreedte(l, LABEL)))) + 12;
  const max = Math.max(0, ...categorieen.flatMap((c) => c.waarden));
  const { tot, stappen } = schaal(max);
  const waardeBreedte = Math.max(...categorieen.flatMap((c) => c.waarden.map((_, i) => tekstBreedte(waardeTekst(c, i), LABEL)))) + 10;
  const links = 16 + labelBreedte;
  const plotBreedte = BREEDTE - links - 16 - waardeBreedte;
  const x = (v: number) => links + (Math.max(0, v) / tot) * plotBreedte;

  const STAAF = 16;
  const TUSSEN = 3;
  const boven = 64;
  const delen: string[] = [];
  // Legend under the title: a swatch and the series' name.
  let lx = 16;
  reeksen.forEach((r, i) => {
    delen.push(`<rect x="${n(lx)}" y="38" width="12" height="12" fill="${vulling(i)}"${omlijnd(i)}/>`);
    delen.push(tekst(lx + 16, 48, r.naam, { grootte: LABEL }));
    lx += 16 + tekstBreedte(r.naam, LABEL) + 20;
  });

  let y = boven;
  const groepen: string[] = [];
  categorieen.forEach((c, ci) => {
    const groepHoogte = reeksen.length * STAAF + (reeksen.length - 1) * TUSSEN;
    const labelHoogte = labels[ci]!.length * 14;
    const hoogte = Math.max(groepHoogte, labelHoogte);
    const midden = y + hoogte / 2;
    labels[ci]!.forEach((regel, li) => {
      groepen.push(tekst(links - 8, midden - ((labels[ci]!.length - 1) * 14) / 2 + li * 14, regel, { grootte: LABEL, anker: 'end', basis: 'middle' }));
    });
    let sy = midden - groepHoogte / 2;
    c.waarden.forEach((w, ri) => {
      groepen.push(`<rect x="${n(links)}" y="${n(sy)}" width="${n(x(w) - links)}" height="${STAAF}" fill="${vulling(ri)}"${omlijnd(ri)}><title>${esc(`${c.naam}, ${reeksen[ri]!.naam}: ${waardeTekst(c, ri)} ${eenheid}`)}</title></rect>`);
      groepen.push(tekst(x(w) + 4, sy + STAAF / 2, waardeTekst(c, ri), { grootte: LABEL, basis: 'middle' }));
      sy += STAAF + TUSSEN;
    });
    y += hoogte + 14;
  });
  const onder = y;
  // Grid and axis below the bars, so that bars and values lie on top.
  const raster: string[] = [];
  for (const s of stappen) {
    raster.push(`<line x1="${n(x(s))}" y1="${n(boven - 6)}" x2="${n(x(s))}" y2="${n(onder - 8)}" stroke="${s === 0 ? '#888888' : '#e3e3e3'}"/>`);
    raster.push(tekst(x(s), onder + 6, nlGetal(s, 2), { grootte: 12, anker: 'middle', kleur: '#555555' }));
  }
  raster.push(tekst(links + plotBreedte / 2, onder + 24, eenheid, { grootte: LABEL, anker: 'middle', kleur: '#555555' }));
  const beschrijving = `${titel}, in ${eenheid}: ${categorieen.map((c) => `${c.naam}: ${reeksen.map((r, i) => `${r.naam} ${waardeTekst(c, i)}`).join(', ')}`).join('; ')}.`;
  return document(BREEDTE, onder + 52, titel, bron, [...delen, ...raster, ...groepen], beschrijving);
}

/**
 * Activities on a kans × effect grid. The background shows where each class lies (risico = factor ×
 * kans × effect against the model's bounds), the dots the activities in their (possibly adjusted)
 * class; activities on the same point are one dot with their count.
 */
export function risicoGrafiek(view: RisicoView, titel: string, bron = 'Bron: risicoanalyse en risicomodel van de gemeente'): string {
  const punten = new Map<string, { kans: number; effect: number; klasse: string; niveau: number; aantal: number; namen: string[] }>();
  for (const r of view.rijen) {
    const kans = r.kans.toNumber();
    const effect = Number(r.effect.toDecimalString(view.model.decimalen.effect));
    const sleutel = `${kans}|${effect}|${r.klasse}`;
    const p = punten.get(sleutel) ?? { kans, effect, klasse: r.klasse, niveau: r.klasseNiveau, aantal: 0, namen: [] };
    p.aantal++;
    if (p.namen.length < 12) p.namen.push(r.activiteit);
    punten.set(sleutel, p);
  }
  const klassen = view.model.klassen;
  const kleur = (niveau: number) => klasseKleur(niveau, klassen.length);
  const maxKans = Math.ceil(Math.max(5, ...view.rijen.map((r) => r.kans.toNumber())));
  const maxEffect = Math.ceil(Math.max(5, ...view.rijen.map((r) => r.effect.toNumber())));
  const factor = view.model.factor.toNumber();

  const links = 64;
  const boven = 44;
  const B = 370;
  const H = 320;
  const x = (v: number) => links + (v / maxKans) * B;
  const y = (v: number) => boven + H - (v / maxEffect) * H;
  const delen: string[] = [];
  // Class zones: above the curve where factor × kans × effect reaches the bound, highest class drawn last.
  for (const [i, k] of klassen.entries()) {
    const pts: string[] = [];
    const stappen = 120;
    for (let s = 0; s <= stappen; s++) {
      const kv = (s / stappen) * maxKans;
      const ev = Math.min(maxEffect, effectOpGrens(k.grensWaarde, factor, kv));
      pts.push(`${n(x(kv))},${n(y(ev))}`);
    }
    pts.push(`${n(x(maxKans))},${n(y(maxEffect))}`, `${n(x(0))},${n(y(maxEffect))}`);
    delen.push(`<polygon points="${pts.join(' ')}" fill="${kleur(i)}" fill-opacity="0.14" stroke="none"/>`);
  }
  for (let v = 0; v <= maxKans; v++) {
    delen.push(`<line x1="${n(x(v))}" y1="${n(y(0))}" x2="${n(x(v))}" y2="${n(y(maxEffect))}" stroke="${v === 0 ? '#888888' : '#d0d0d0'}"/>`);
    delen.push(tekst(x(v), y(0) + 16, String(v), { grootte: 12, anker: 'middle', kleur: '#555555' }));
  }
  for (let v = 0; v <= maxEffect; v++) {
    delen.push(`<line x1="${n(x(0))}" y1="${n(y(v))}" x2="${n(x(maxKans))}" y2="${n(y(v))}" stroke="${v === 0 ? '#888888' : '#d0d0d0'}"/>`);
    delen.push(tekst(x(0) - 8, y(v), String(v), { grootte: 12, anker: 'end', basis: 'middle', kleur: '#555555' }));
  }
  delen.push(tekst(x(maxKans / 2), y(0) + 36, 'kans', { grootte: 12, anker: 'middle' }));
  delen.push(`<text x="${n(links - 40)}" y="${n(y(maxEffect / 2))}" font-size="12" text-anchor="middle" fill="#222222" transform="rotate(-90 ${n(links - 40)} ${n(y(maxEffect / 2))})">effect</text>`);

  const maxAantal = Math.max(1, ...[...punten.values()].map((p) => p.aantal));
  const straal = (a: number) => 5 + 11 * Math.sqrt((a - 1) / Math.max(1, maxAantal - 1));
  // Larger dots first, so that a small one is never hidden under a large one.
  const geordend = [...punten.values()].sort((a, b) => b.aantal - a.aantal || a.niveau - b.niveau || a.kans - b.kans || a.effect - b.effect);
  for (const p of geordend) {
    const namen = p.namen.join('; ') + (p.aantal > p.namen.length ? `; en ${nlGetal0(p.aantal - p.namen.length)} meer` : '');
    delen.push(markering(x(p.kans), y(p.effect), straal(p.aantal), p.niveau, kleur(p.niveau), `${p.klasse} (kans ${nlGetal(p.kans, 2)}, effect ${nlGetal(p.effect, 3)}): ${namen}`));
  }
  // The counts after every marker: a smaller dot drawn over a larger one never hides the larger one's count.
  for (const p of geordend) {
    if (p.aantal > 1) delen.push(tekst(x(p.kans), y(p.effect), nlGetal0(p.aantal), { grootte: 12, anker: 'middle', basis: 'middle', kleur: '#ffffff', vet: true }));
  }

  // Legend: every class with its colour, its bound and its number of activities.
  const lx = links + B + 28;
  delen.push(tekst(lx, boven + 4, 'klasse', { grootte: 12, vet: true }));
  const aantal = new Map(view.perKlasse.map((k) => [k.klasse, k.aantal]));
  [...klassen].reverse().forEach((k, i) => {
    const ly = boven + 24 + i * 40;
    delen.push(markering(lx + 7, ly, 7, k.niveau, kleur(k.niveau)));
    delen.push(tekst(lx + 20, ly, `${k.naam} (${nlGetal0(aantal.get(k.naam) ?? 0)})`, { grootte: 12, basis: 'middle' }));
    delen.push(tekst(lx + 20, ly + 15, `risico ${k.grens}`, { grootte: 12, basis: 'middle', kleur: '#555555' }));
  });
  const breedte = Math.max(lx + 20 + Math.max(...klassen.map((k) => Math.max(tekstBreedte(`${k.naam} (${nlGetal0(aantal.get(k.naam) ?? 0)})`, 12), tekstBreedte(`risico ${k.grens}`, 12)))) + 16, 560);
  const perKlasse = [...klassen].reverse().map((k) => `${nlGetal0(aantal.get(k.naam) ?? 0)} ${k.naam} (risico ${k.grens})`);
  const beschrijving = `${titel}: ${view.rijen.length} activiteiten naar kans en effect; ${perKlasse.join(', ')}. Hoogste risico: ${view.rijen.slice(0, 3).map((r) => `${r.activiteit} (${r.klasse})`).join(', ')}.`;
  return document(breedte, boven + H + 72, titel, bron, delen, beschrijving);
}

/**
 * A class's marker has its own shape as well as its colour (circle, square, triangle, diamond, …), so
 * that the chart reads in black and white and for readers who do not tell the colours apart.
 */
function markering(cx: number, cy: number, r: number, niveau: number, kleur: string, titel?: string): string {
  const t = titel ? `<title>${esc(titel)}</title>` : '';
  const stijl = `fill="${kleur}" fill-opacity="0.9" stroke="#ffffff"`;
  const punten = (ps: [number, number][]) => ps.map(([px, py]) => `${n(px)},${n(py)}`).join(' ');
  switch (niveau % 4) {
    case 1:
      return `<rect x="${n(cx - r * 0.9)}" y="${n(cy - r * 0.9)}" width="${n(r * 1.8)}" height="${n(r * 1.8)}" ${stijl}>${t}</rect>`;
    case 2:
      return `<polygon points="${punten([[cx, cy - r * 1.15], [cx + r * 1.1, cy + r * 0.8], [cx - r * 1.1, cy + r * 0.8]])}" ${stijl}>${t}</polygon>`;
    case 3:
      return `<polygon points="${punten([[cx, cy - r * 1.2], [cx + r * 1.2, cy], [cx, cy + r * 1.2], [cx - r * 1.2, cy]])}" ${stijl}>${t}</polygon>`;
    default:
      return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" ${stijl}>${t}</circle>`;
  }
}

/** Benodigd against beschikbaar per afdeling (external executors against their contracted hours). */
export function capaciteitGrafiek(v: CapaciteitView, titel: string, palet?: Palet): string {
  const rijen = [
    // Only what is known: an afdeling whose capacity is unknown has no bar (the table says why).
    ...v.afdelingen.filter((a) => a.beschikbaar).map((a) => ({ naam: a.afdeling, beschikbaar: a.beschikbaar!.toNumber(), benodigd: a.benodigd.toNumber() })),
    ...v.extern.filter((e) => e.ingekochteUren).map((e) => ({ naam: e.afdeling, beschikbaar: e.ingekochteUren!.toNumber(), benodigd: e.benodigd.toNumber() })),
  ];
  return staafGrafiek(
    titel,
    [
      { naam: 'beschikbaar', waarden: rijen.map((r) => ({ categorie: r.naam, waarde: r.beschikbaar })) },
      { naam: 'benodigd', waarden: rijen.map((r) => ({ categorie: r.naam, waarde: r.benodigd })) },
    ],
    'uren',
    'Bron: het programma en de capaciteitsopgave (beschikbaar na reserveringen)',
    palet,
  );
}

/**
 * Planned against realised hours per taakveld. Each bar's value is printed with the decimals the table
 * beside the chart gives that figure (`decimalen`, at most so many, as the templates' `getal … 0` and
 * `uren` print them), from the exact hours: 689,5 realised reads 689,5 in both, not 690 in the chart.
 */
export function realisatieGrafiek(
  taakvelden: { taakveld: string; planUren: Rational; uren: Rational }[],
  titel: string,
  bron: string,
  decimalen: { gepland: number; gerealiseerd: number },
  palet?: Palet,
): string {
  return staafGrafiek(
    titel,
    [
      { naam: 'gepland', waarden: taakvelden.map((t) => ({ categorie: t.taakveld, waarde: t.planUren.toNumber(), tekst: nlGetal(t.planUren, decimalen.gepland) })) },
      { naam: 'gerealiseerd', waarden: taakvelden.map((t) => ({ categorie: t.taakveld, waarde: t.uren.toNumber(), tekst: nlGetal(t.uren, decimalen.gerealiseerd) })) },
    ],
    'uren',
    bron,
    palet,
  );
}
