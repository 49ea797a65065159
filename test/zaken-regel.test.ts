import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeKoppeling } from '../src/compute/koppeling.js';
import { ZakenTelling } from '../src/compute/zaken.js';
import { verwerkZaken } from '../src/laden/zaken.js';
import { dagnummer, dagnummerBerekend, jaarVanDag, ZakenLezer, type Zaak } from '../src/model/zaken.js';
// @ts-expect-error a script without types
import { CODES, KOPPEN as EXPORT_KOPPEN, zaken as genereer } from '../scripts/zaken-genereren.mjs';
import { tijdelijkeMap } from './helpers.js';

// The plain-line reader (ZakenLezer.regel: cells cut in the line, dates and hours read from its
// characters, values read once per distinct value) against the full route (ZakenLezer.rij on the
// split line) on random exports: the same cases, the same findings at the same rows and columns, the
// same counts. Values are drawn from what exports hold and from what goes wrong in them.

const KOPPEN: Record<string, string[]> = {
  zaaknummer: ['zaaknummer', 'Zaak ID'],
  productcode: ['productcode', 'Code'],
  product: ['product', 'Zaaktype'],
  ontvangen: ['ontvangen', 'Datum ontvangst'],
  besluit: ['besluit', 'Besluitdatum'],
  procedure: ['procedure'],
  verdaagd: ['verdaagd'],
  status: ['status'],
  uren: ['uren', 'Geboekte uren'],
  resultaat: ['resultaat', 'Overtreding?'],
  object: ['object'],
  medewerker: ['medewerker'],
  deelnemer: ['deelnemer'],
  overig: ['opmerking', 'x'],
};

/** Mostly what exports hold, now and then what goes wrong in them. */
const meestal = (gewoon: fc.Arbitrary<string>, afwijkend: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: gewoon }, { weight: 1, arbitrary: afwijkend });
const tekst = (woorden: string[]) => fc.constantFrom(...woorden);
const tweeCijfers = (n: number) => String(n).padStart(2, '0');

const datum = meestal(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), j: fc.constantFrom(2024, 2025, 2026) }).chain(({ d, m, j }) => tekst([`${tweeCijfers(d)}-${tweeCijfers(m)}-${j}`, `${j}-${tweeCijfers(m)}-${tweeCijfers(d)}`, `${tweeCijfers(d)}.${tweeCijfers(m)}.${j}`])) },
    { weight: 1, arbitrary: tekst(['']) },
  ),
  fc.oneof(
    fc.record({ d: fc.integer({ min: 0, max: 32 }), m: fc.integer({ min: 0, max: 13 }), j: fc.constantFrom(1989, 1990, 2024, 2025, 2100, 2101) }).chain(({ d, m, j }) => {
      const dd = tweeCijfers(d);
      const mm = tweeCijfers(m);
      return tekst([`${dd}-${mm}-${j}`, `${j}-${mm}-${dd}`, `${dd}.${mm}.${j}`, `${d}-${m}-${j}`, `${dd}/${mm}/${j}`, `${d}/${m}/${String(j).slice(2)}`, `${j}-${mm}-${dd} 10:15`, ` ${dd}-${mm}-${j}`]);
    }),
    tekst(['', ' ', 'onbekend', '45000', '29-02-2024', '29-02-2025', '31-04-2025', '1-1-25', '2025-1-5', '13/13/2025', '12-31-2025']),
  ),
);
const uren = meestal(
  fc.integer({ min: 0, max: 9999 }).chain((n) => tekst([String(n), `${n},5`, `${n}.25`, `${n},0001`, ''])),
  fc.oneof(
    fc.integer({ min: 0, max: 9999 }).chain((n) => tekst([`${n},125`, `${n}.500`, `${Math.floor(n / 100)}.${String(n % 1000).padStart(3, '0')}`])),
    tekst([' 2', '2 ', '-1', 'abc', '1.500', '1,500', '1.234,5', '1,234.5', '99999999999999', '123456789012345', '12 uur', '1e3', ',5', '5,']),
  ),
);
const waarden: Record<string, fc.Arbitrary<string>> = {
  zaaknummer: meestal(
    fc.integer({ min: 1, max: 99999 }).map((n) => `Z${n}`),
    tekst(['', ' Z7 ', 'Totaal', 'totaal toezicht', 'Som', 'Subtotaal', 'Eindtotaal', 'Grand total', 'generaal totaal', 'Sommige', 'Tekening', 'é-zaak', '\u00a0Z9', 'Z\u00a0']),
  ),
  productcode: meestal(tekst(['A1.01', 'A1.01.00', 'A2.02.00', 'A2.03.00', 'A2.12', 'GT.01', 'XYZ', 'A1.01.00.00.01']), tekst(['a1.01', ' A2.02.00', 'A2.03.00 ', '', 'Totaal', 'A1.01\u00a0', 'Ä1', '\ufeffA1.01'])),
  product: meestal(tekst(['Omgevingsvergunning bouwen', 'Controle', '']), tekst([' controle ', 'Totaal', 'Café-controle'])),
  ontvangen: datum,
  besluit: datum,
  procedure: meestal(tekst(['regulier', 'uitgebreid', 'hhv', 'Handhavingsverzoek', '']), tekst(['Regulier', ' uitgebreid', 'uitgebreide procedure', 'anders', 'REGULIER '])),
  verdaagd: meestal(tekst(['ja', 'nee', '']), tekst(['Ja', ' nee', 'x', 'waar', '1', '0', 'misschien'])),
  status: meestal(tekst(['afgehandeld', 'open', '']), tekst(['Open', ' open ', 'In behandeling'])),
  uren,
  resultaat: meestal(tekst(['conform', 'overtreding', 'geen overtreding', '']), tekst(['Geen overtreding', ' niet conform', 'ja', 'nee', 'yes', 'onbekend', 'n.v.t.'])),
  object: meestal(tekst(['OBJ-1', 'OBJ-2', 'OBJ-3', '']), tekst(['obj-1', ' OBJ-2'])),
  medewerker: meestal(tekst(['Jan', 'Marie', '']), tekst(['jan', 'Piet '])),
  deelnemer: meestal(tekst(['Dinkelstad', 'Onbekend', '']), tekst(['dinkelstad', ' Dinkelstad'])),
  overig: tekst(['', 'iets', 'Totaal', 'x;y']),
};

/** An export: a header of some of the fields in some order, and rows of values (now and then one cell too few or too many, or a blank line). */
const export_ = fc
  .shuffledSubarray(Object.keys(KOPPEN), { minLength: 2 })
  .filter((velden) => velden.includes('productcode') || velden.includes('product'))
  .chain((velden) =>
    fc.record({
      velden: fc.constant(velden),
      koppen: fc.tuple(...velden.map((v) => fc.constantFrom(...KOPPEN[v]!))),
      rijen: fc.array(
        fc.oneof(
          { weight: 12, arbitrary: fc.tuple(...velden.map((v) => waarden[v]!)).map((r) => r.join(';')) },
          { weight: 1, arbitrary: fc.tuple(...velden.map((v) => waarden[v]!)).map((r) => r.slice(0, -1).join(';')) },
          { weight: 1, arbitrary: fc.tuple(...velden.map((v) => waarden[v]!)).map((r) => [...r, 'extra'].join(';')) },
          { weight: 1, arbitrary: fc.constantFrom('', ';;;', ' ') },
          // Text only right of the columns in use: not blank, a case without a code (or a total).
          { weight: 1, arbitrary: fc.constantFrom('iets', 'Totaal').map((t) => ';'.repeat(velden.length) + t) },
        ),
        { maxLength: 40, size: 'max' },
      ),
      hint: fc.boolean(),
    }),
  );

interface Uitkomst {
  zaken: Zaak[];
  lezer: ZakenLezer;
  telling: ReturnType<ZakenTelling['resultaat']>;
}

function lees(koppen: string[], rijen: string[], snel: boolean, hint: boolean): Uitkomst {
  const lezer = new ZakenLezer('zaken.csv');
  if (hint) lezer.scheidingsteken(';');
  const telling = new ZakenTelling(2025);
  const zaken: Zaak[] = [];
  // The reader hands its own Zaak over; the test keeps copies, the tally keeps nothing of it.
  const uit = (z: Zaak) => {
    zaken.push({ ...z });
    telling.voegToe(z);
  };
  lezer.kop(koppen, 1);
  // The lines inside one text with other text around them, as in a block of the file.
  const tekst = `voorafgaand;x\n${rijen.join('\r\n')}\nna`;
  let begin = 'voorafgaand;x\n'.length;
  rijen.forEach((r, i) => {
    if (snel) lezer.regel(tekst, begin, begin + r.length, ';', i + 2, uit);
    else lezer.rij(r.split(';'), i + 2, uit);
    begin += r.length + 2;
  });
  lezer.einde();
  return { zaken, lezer, telling: telling.resultaat() };
}

describe('the plain-line reader of a case export', () => {
  it('gives the same cases, findings and counts as the full route on the split line', () => {
    fc.assert(
      fc.property(export_, ({ koppen, rijen, hint }) => {
        const snel = lees(koppen, rijen, true, hint);
        const vol = lees(koppen, rijen, false, hint);
        expect(snel.zaken).toEqual(vol.zaken);
        expect(snel.lezer.meldingen).toEqual(vol.lezer.meldingen);
        expect([snel.lezer.gelezen, snel.lezer.overgeslagen, snel.lezer.overigeFouten]).toEqual([vol.lezer.gelezen, vol.lezer.overgeslagen, vol.lezer.overigeFouten]);
        expect(snel.telling).toEqual(vol.telling);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a bad date on the plain route as a located finding, as before', () => {
    const koppen = ['zaaknummer', 'productcode', 'ontvangen', 'besluit', 'uren'];
    const { zaken, lezer } = lees(koppen, ['Z1;A1.01;01-02-2025;03-02-2025;1,5', 'Z2;A1.01;31-02-2025;03-03-2025;2', 'Z3;A1.01;01-02-2025;;2'], true, true);
    expect(zaken.map((z) => z.zaaknummer)).toEqual(['Z1', 'Z3']);
    expect(lezer.meldingen.find((m) => m.code === 'zaak-onleesbaar')).toMatchObject({ niveau: 'fout', plaats: { bestand: 'zaken.csv', rij: 3, kolom: 'ontvangen' } });
    expect(lezer.meldingen.find((m) => m.code === 'zaak-onleesbaar')!.bericht).toContain('"31-02-2025" is geen datum');
  });
});

describe('a case export of several blocks', () => {
  it('gives through the plain lines what it gives when every line goes through papaparse and the full route', async () => {
    // 40.000 cases (3 MB, CRLF) with what goes wrong in exports among them. The same rows with the
    // case number in quotes go the old way: papaparse, then ZakenLezer.rij. Both must agree.
    const rijen: string[][] = [];
    let i = 0;
    for (const r of genereer(40_000, 3) as Iterable<string[]>) {
      i++;
      if (i % 997 === 0) r[2] = '31-02-2025';
      if (i % 1499 === 0) r[7] = 'veel';
      if (i % 2003 === 0) r[3] = '3/4/2025';
      if (i % 2503 === 0) r[1] = '';
      if (i % 3001 === 0) r[7] = '1.500';
      if (i % 5003 === 0) rijen.push(['Subtotaal', '', '', '', '', '', '', '12,5', '']);
      if (i % 7001 === 0) rijen.push([]);
      rijen.push(r);
    }
    const map = tijdelijkeMap();
    const kaal = path.join(map, 'kaal.csv');
    const geciteerd = path.join(map, 'geciteerd.csv');
    writeFileSync(kaal, [EXPORT_KOPPEN.join(';'), ...rijen.map((r) => r.join(';'))].join('\r\n') + '\r\n');
    writeFileSync(geciteerd, [EXPORT_KOPPEN.join(';'), ...rijen.map((r) => (r.length ? [`"${r[0]}"`, ...r.slice(1)] : r).join(';'))].join('\r\n') + '\r\n');
    const koppeling = new CodeKoppeling((CODES as string[]).slice(0, 12).map((code) => ({ code, product: code })));
    const lees = async (pad: string) => {
      const u = await verwerkZaken(pad, 2025, undefined, undefined, { koppeling });
      return { ...u, meldingen: u.meldingen.map((m) => ({ ...m, plaats: { ...m.plaats, bestand: undefined } })) };
    };
    const [a, b] = [await lees(kaal), await lees(geciteerd)];
    expect(a.gelezen).toBe(40_000);
    expect(a.meldingen.some((m) => m.code === 'zaak-onleesbaar' && m.plaats.rij === 998 && m.plaats.kolom === 'ontvangen')).toBe(true);
    expect(a.meldingen.some((m) => m.code === 'totaalregel')).toBe(true);
    expect(a.resultaat.koppeling.ongekoppeld.zaken).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});

describe('memory of the plain-line reader', () => {
  it('keeps no 1 MB block alive through a value it keeps: a kept value is a string of its own, not a slice', async () => {
    // 24 MB with a new long code (over 12 characters: V8 would slice it) every 1.500 cases, so that
    // every block brings codes the reader keeps. Were they slices, each would hold its whole block.
    const pad = path.join(tijdelijkeMap(), 'lang.csv');
    const schrijf = (uit: string) => {
      const regels = ['zaaknummer;productcode;ontvangen;besluit;uren'];
      for (let i = 0; i < 450_000; i++) regels.push(`Z${i};LANGEPRODUCTCODE-${Math.floor(i / 1500)};01-02-2025;03-02-2025;1,5`);
      writeFileSync(uit, regels.join('\n') + '\n');
    };
    schrijf(pad);
    await new Promise((klaar) => setTimeout(klaar, 0));
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const levend = () => {
      gc();
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.external;
    };
    const voor = levend();
    let eind = 0;
    const u = await verwerkZaken(pad, 2025, (gelezen, totaal) => {
      // At the end of reading, while the reader and its values are still alive.
      if (gelezen === totaal) eind = levend();
    });
    const na = levend();
    expect(u.gelezen).toBe(450_000);
    expect(u.resultaat.perCode).toHaveLength(300);
    // With slices, each of the 24 blocks would stay alive in the reader and in the result's codes.
    expect(eind - voor).toBeLessThan(8 * 1024 * 1024);
    expect(na - voor).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('day numbers', () => {
  it('from the table of month starts equal the arithmetic, for every day of 1900-2199 and beyond the table', () => {
    for (let j = 1895; j < 2205; j++) for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) if (dagnummer(j, m, d) !== dagnummerBerekend(j, m, d)) expect([j, m, d, dagnummer(j, m, d)]).toEqual([j, m, d, dagnummerBerekend(j, m, d)]);
    expect(dagnummer(1970, 1, 1)).toBe(0);
    expect(dagnummer(2025, 12, 31)).toBe(Date.UTC(2025, 11, 31) / 86_400_000);
    expect(dagnummer(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(dagnummer(2025, 2, 29)).toBeUndefined();
    expect(dagnummer(2199, 12, 31)).toBe(Date.UTC(2199, 11, 31) / 86_400_000);
  });

  it('give their year as a Date does, inside the table and beyond it', () => {
    for (let dag = dagnummer(1895, 1, 1)!; dag < dagnummer(2205, 1, 1)!; dag++) if (jaarVanDag(dag) !== new Date(dag * 86_400_000).getUTCFullYear()) expect([dag, jaarVanDag(dag)]).toEqual([dag, new Date(dag * 86_400_000).getUTCFullYear()]);
  });
});
