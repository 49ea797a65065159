import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { berekenRisico } from '../src/compute/risico.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { capaciteitGrafiek, MAX_CATEGORIEEN, risicoGrafiek, staafGrafiek } from '../src/render/grafieken.js';
import { breekAf, schaal, tekstBreedte } from '../src/render/svg.js';
import { risicoView } from '../src/report/risico.js';
import { capaciteitView } from '../src/report/capaciteit.js';
import { analyseer } from '../src/compute/controle.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tijdelijkeMap, vth, VOORBEELD } from './helpers.js';

/** The SVG as an XML parser reads it (Python's ElementTree): fails on anything not well-formed. Returns every text, in order. */
function teksten(svg: string): string[] {
  const r = spawnSync('python3', ['-c', 'import sys,json,xml.etree.ElementTree as E;t=E.fromstring(sys.stdin.read());print(json.dumps(["".join(e.itertext()) for e in t.iter("{http://www.w3.org/2000/svg}text")]))'], {
    input: svg,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('charts: readable, complete, and valid SVG', () => {
  it('a bar chart shows every value and the full label of every category, with title, legend, unit and source', () => {
    const lang = 'Regionale uitvoeringsdienst voor bodem, bouwen en milieu van de gemeenten in Twente';
    const svg = staafGrafiek(
      'Capaciteit Testdorp 2025',
      [
        { naam: 'beschikbaar', waarden: [{ categorie: lang, waarde: 12345 }, { categorie: 'Toezicht', waarde: 800 }] },
        { naam: 'benodigd', waarden: [{ categorie: lang, waarde: 9000 }, { categorie: 'Toezicht', waarde: 1020 }] },
      ],
      'uren',
      'Bron: testgegevens',
    );
    const t = teksten(svg);
    for (const s of ['Capaciteit Testdorp 2025', 'beschikbaar', 'benodigd', '12.345', '9.000', '800', '1.020', 'uren', 'Bron: testgegevens', 'Toezicht']) expect(t, s).toContain(s);
    // The long name is wrapped over lines, not cut: every word is there, in order.
    expect(t.join(' ')).toContain(lang);
    expect(t.filter((x) => lang.includes(x) && x !== '').length).toBeGreaterThan(1);
  });

  it(`beyond ${MAX_CATEGORIEEN} categories the smallest are one bar "overige …", and no hours are lost`, () => {
    const waarden = Array.from({ length: 40 }, (_, i) => ({ categorie: `afdeling ${i + 1}`, waarde: (i + 1) * 10 }));
    const svg = staafGrafiek('Veel', [{ naam: 'uren', waarden }], 'uren', 'Bron: test');
    const t = teksten(svg);
    // 40 categories: the largest MAX − 1 keep their bar, the other ones are one bar with their sum.
    const samen = 40 - (MAX_CATEGORIEEN - 1);
    expect(t).toContain(`overige ${samen} samen`);
    const som = (samen * (samen + 1) * 10) / 2;
    expect(t).toContain(som.toLocaleString('nl-NL'));
    expect(t).toContain('afdeling 40');
    expect(t).not.toContain(`afdeling ${samen}`);
    expect(t).toContain(`afdeling ${samen + 1}`);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(MAX_CATEGORIEEN);
  });

  it('the risk grid of the example: a dot per point whose counts add up to every activity, the class zones and a legend with counts', async () => {
    const wm = bouwWerkmap(await leesWerkmap(VOORBEELD));
    const r = berekenRisico(wm.risicomodel!, wm.risicoanalyse!);
    const view = risicoView(r);
    const svg = risicoGrafiek(view, 'Risicoanalyse Dinkelberg 2025');
    const t = teksten(svg);
    expect(t).toEqual(expect.arrayContaining(['Risicoanalyse Dinkelberg 2025', 'kans', 'effect', 'klasse', 'Hoog (19)', 'Midden (16)', 'Laag (6)', 'risico vanaf 7']));
    // The class zones: three polygons without a tooltip.
    expect(svg.match(/<polygon [^>]*\/>/g)).toHaveLength(3);
    // A marker per point, its shape by class (readable without colour): circle, square, triangle.
    const stippen = [...svg.matchAll(/<(circle|rect|polygon) [^>]*fill-opacity="0.9"[^>]*><title>([^<]*)<\/title><\/\1>/g)];
    const vormPerKlasse = new Map<string, Set<string>>();
    for (const m of stippen) {
      const klasse = m[2]!.split(' (')[0]!;
      vormPerKlasse.set(klasse, (vormPerKlasse.get(klasse) ?? new Set()).add(m[1]!));
    }
    expect(Object.fromEntries([...vormPerKlasse].map(([k, v]) => [k, [...v]]))).toEqual({ Hoog: ['polygon'], Midden: ['rect'], Laag: ['circle'] });
    // Every count is drawn after every dot, so that no dot hides another's count.
    const laatsteStip = Math.max(...stippen.map((m) => m.index!));
    const eersteTelling = svg.search(/<text [^>]*fill="#ffffff"/);
    expect(eersteTelling).toBeGreaterThan(laatsteStip);
    // What the chart shows, in words: its description (the alternative text in Word and PDF).
    expect(svg).toMatch(/<desc>Risicoanalyse Dinkelberg 2025: 41 activiteiten naar kans en effect; 19 Hoog \(risico vanaf 7\), 16 Midden \(risico boven 4\), 6 Laag \(risico vanaf 0\)\. Hoogste risico: /);
    const labels = stippen.length;
    expect(labels).toBeGreaterThan(20);
    // Every dot's tooltip names its activities; a dot of more than one carries its count as text.
    const getoond = [...svg.matchAll(/<text [^>]*font-weight="bold" fill="#ffffff">(\d+)<\/text>/g)].reduce((s, m) => s + Number(m[1]) - 1, 0);
    expect(labels + getoond).toBe(view.totaal);
    expect(risicoGrafiek(view, 'Risicoanalyse Dinkelberg 2025')).toBe(svg);
  });

  it('the capacity chart of the example names every department and its hours after reservations', async () => {
    const wm = bouwWerkmap(await leesWerkmap(VOORBEELD));
    const a = analyseer(wm);
    const view = capaciteitView(a.capaciteit!, a.vraag);
    const t = teksten(capaciteitGrafiek(view, 'Capaciteit'));
    for (const s of ['Vergunningen', 'Toezicht en handhaving', 'Juridische zaken', 'Omgevingsdienst Twente', '4.320', '4.481']) expect(t, s).toContain(s);
  });

  it('labels are broken at spaces and a word longer than a line is cut with a hyphen, never dropped', () => {
    const r = breekAf('Omgevingsvergunningverleningsaanvraagbehandeling voor bouwen', 120, 11);
    expect(r.join('').replace(/-/g, '').replace(/ /g, '')).toBe('Omgevingsvergunningverleningsaanvraagbehandelingvoorbouwen');
    for (const regel of r) expect(tekstBreedte(regel, 11)).toBeLessThanOrEqual(120);
  });

  it('axis steps are 1, 2 or 5 × 10^k and reach the maximum', () => {
    expect(schaal(8700)).toEqual({ tot: 10000, stappen: [0, 2000, 4000, 6000, 8000, 10000] });
    expect(schaal(672).tot).toBeGreaterThanOrEqual(672);
    expect(schaal(0)).toEqual({ tot: 1, stappen: [0, 1] });
  });
});

describe('the jaarverslag\'s charts and its tables', () => {
  it('every value beside a bar of gepland en gerealiseerd is printed so in a table of the document', () => {
    const uit = tijdelijkeMap();
    const zaken = path.join(path.dirname(VOORBEELD), 'zaken-2025.csv');
    expect(vth(['jaarverslag', VOORBEELD, '--zaken', zaken, '-o', uit, '--format', 'md', '-q']).code).toBe(0);
    const md = readFileSync(path.join(uit, readdirSync(uit).find((f) => f.endsWith('.md') && !f.includes('verantwoording'))!), 'utf8');
    const svgs = readdirSync(uit).filter((f) => f.includes('-realisatie') && f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(1);
    let waarden = 0;
    for (const f of svgs) {
      // Each bar's title names its value as the label beside it does; a bar of the smallest products
      // together ("overige 7 samen") is a sum no table prints.
      for (const [, naam, v] of readFileSync(path.join(uit, f), 'utf8').matchAll(/<title>([^<]*): ([\d.,]+) uren<\/title>/g)) {
        if (naam!.startsWith('overige ')) continue;
        waarden++;
        // 689,5 realised in the table is 689,5 in the chart, not 690.
        expect(md, `${f}: ${v}`).toContain(`| ${v} |`);
      }
    }
    expect(waarden).toBeGreaterThan(20);
  });
});
