import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseer } from '../src/compute/controle.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { docxDelen, INSTELLINGEN_CSV, maakMap, ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';

/**
 * A werkmap shaped like a real municipal programme typed from its published document (issue 24):
 * afdelingen with fte "n.t.b.", an omgevingsdienst without purchased hours, count-only lines,
 * remarks, "3 fte" and "400 dossiers" in cells, projects with financiering, fase and printed totals
 * (one of them wrong), a goal with two indicators, a code whose prefix is a typo.
 */
const GROOTSTAD = path.join(ROOT, 'test/programmas/grootstad');

async function laad(pad: string) {
  return bouwWerkmap(await leesWerkmap(pad));
}

describe('an unknown capacity is never adequate', () => {
  it('vth capaciteit: niet te beoordelen, naming every missing fact, exit 1', () => {
    const r = vth(['capaciteit', GROOTSTAD]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('toereikend voor het geplande werk');
    expect(r.stdout).toContain('Of de beschikbare capaciteit toereikend is, is niet te beoordelen.');
    for (const feit of [
      'de formatie (fte) van Vergunningen ("n.t.b.")',
      'de formatie (fte) van Toezicht en handhaving ("n.t.b.")',
      'de ingekochte uren bij Omgevingsdienst Twente (niet opgegeven)',
      'de uren van 5 producten van Toezicht en handhaving (Toezicht nieuwbouw, Evenementen, MIA-acties, Steekproefsgewijs toezicht, Handhavingsverzoek)',
      'de uren van 1 product van Vergunningen (Bouwplantoetsing)',
      'wie 2.146 uur uitvoert',
    ]) {
      expect(r.stdout).toContain(feit);
    }
    // Unknown is printed as unknown, never as 0.
    expect(r.stdout).toMatch(/Totaal: beschikbaar onbekend, benodigd 7\.120 uur \(bekend; 6 regels hebben geen uren\), saldo onbekend\./);
    expect(r.stdout).toMatch(/Vergunningen +onbekend +1\.300 +onbekend +0 +onbekend +0 \+ 1 zonder uren +onbekend +onbekend +niet te beoordelen/);
  });

  it('json: toereikend null, unknown figures null, the missing facts listed', () => {
    const j = JSON.parse(vth(['capaciteit', GROOTSTAD, '--format', 'json']).stdout);
    expect(j).toMatchObject({ toereikend: null, oordeel: 'niet te beoordelen' });
    expect(j.ontbreekt).toHaveLength(6);
    expect(j.totaal).toEqual({ beschikbaar: null, benodigd: 7120, saldo: null, regelsZonderUren: 6 });
    expect(j.afdelingen[1]).toMatchObject({ afdeling: 'Toezicht en handhaving', fte: null, bruto: null, gereserveerd: null, beschikbaar: null, benodigd: 3900, saldo: null, oordeel: 'niet te beoordelen' });
    expect(j.extern[0]).toMatchObject({ afdeling: 'Omgevingsdienst Twente', ingekochteUren: null, benodigd: 3220, saldo: null, oordeel: 'niet te beoordelen' });
  });

  it('the executor whose purchase is unknown is never "not short"; a known shortfall stands beside unknowns', async () => {
    // Only the executor, without purchased hours: before, "beschikbaar 0, benodigd 0, saldo 0 … toereikend", exit 0.
    const alleenOd = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'capaciteit.csv': 'afdeling;fte;extern;ingekochte uren\nOD;;ja;\n',
      'producten.csv': 'code;product;afdeling;aantal;kental;uren\nA1.01.00;Vergunning;OD;n.t.b.;;\nA2.01.00;Toezicht;OD;PM;;\n',
    });
    const r = vth(['capaciteit', alleenOd]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('niet te beoordelen. Nog onbekend: de ingekochte uren bij OD (niet opgegeven); de uren van 2 producten van OD (A1.01.00, A2.01.00).');
    // A known shortfall of 100 h with one line of unknown hours: niet toereikend, "ten minste", and the unknown named.
    const kort = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'capaciteit.csv': 'afdeling;fte;extern;ingekochte uren\nToezicht;1;nee;\n',
      'producten.csv': 'code;product;afdeling;aantal;kental;uren\nA2.01.00;Controle;Toezicht;130;10;\nA2.02.00;Hercontrole;Toezicht;PM;;\n',
    });
    const k = vth(['capaciteit', kort]);
    expect(k.code).toBe(1);
    expect(k.stdout).toContain('De beschikbare capaciteit is niet toereikend: Toezicht komt ten minste 100 uur (0,08 fte) tekort. Nog onbekend: de uren van 1 product van Toezicht (A2.02.00).');
    // "n.v.t." and "-" are no work: they keep no verdict open.
    const nvt = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'capaciteit.csv': 'afdeling;fte;extern;ingekochte uren\nToezicht;1;nee;\n',
      'producten.csv': 'code;product;afdeling;aantal;kental;uren\nA2.01.00;Controle;Toezicht;100;10;\nA2.02.00;Vervallen;Toezicht;n.v.t.;;\nA2.03.00;Niets;Toezicht;-;;\n',
    });
    expect(vth(['capaciteit', nvt]).stdout).toContain('De beschikbare capaciteit is toereikend voor het geplande werk.');
  });

  it('vth ibt: the capacity criterion is niet te beoordelen (grijs) with its reason, never groen', () => {
    const regio = tijdelijkeMap();
    cpSync(GROOTSTAD, path.join(regio, 'grootstad'), { recursive: true });
    const uit = tijdelijkeMap();
    const r = vth(['ibt', regio, '-o', uit]);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(uit, 'ibt-2025-grootstad.md'), 'utf8');
    expect(md).toMatch(/\| 4 \| Capaciteit in beeld en toereikend \| niet te beoordelen \| grijs \| Of de capaciteit toereikend is, is niet te beoordelen\. Nog onbekend: de formatie \(fte\) van Vergunningen/);
    expect(md).toContain('- benodigd 7.120 uur (bekend; 6 producten zonder uren), beschikbaar onbekend');
  });
});

describe('a programme as it is written', () => {
  it('counted lines, units in cells, remarks and shares in the UVP Markdown', () => {
    const uit = tijdelijkeMap();
    const r = vth(['uvp', GROOTSTAD, '-o', uit, '--format', 'md,xlsx,docx']);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(uit, 'uvp-2025-grootstad.md'), 'utf8');
    // Counted lines show their count; no subtotal over lines without hours is 0.
    expect(md).toContain('|  | Toezicht nieuwbouw | Toezicht en handhaving |  | 85 |  | onbekend |  |');
    expect(md).toContain('| | **Subtotaal Toezicht** (bekende uren; 4 producten zonder uren) | | | **324** | | **1.300** | |');
    expect(md).toContain('| | **Subtotaal Handhaving** (bekende uren; 1 product zonder uren) | | | **60** | | **3.900** |');
    expect(md).not.toMatch(/Subtotaal [^|]*\*\* \| [^\n]*\| \*\*0\*\*/);
    expect(md).toContain('| Benodigde uren (programma en regionale taken, voor zover bekend) | 9.266 |');
    expect(md).toContain('| Producten waarvan de uren nog niet bekend zijn | 6 |');
    // "400 dossiers" is 400; "3 fte" is 3 × 1.300 hours.
    expect(md).toContain('| A1.35.03 | Melding asbest verwijderen | Omgevingsdienst Twente | wettelijk | 400 | 3 | 1.200 |');
    expect(md).toContain('|  | Juridische ondersteuning handhaving | Toezicht en handhaving | wettelijk |  |  | 3.900 |');
    // The user's remarks beside their lines.
    expect(md).toContain('| Waarvan 4 meerdaagse evenementen |');
    expect(md).toContain('| tussen de 8 en 10 MIA-acties |');
    expect(md).toContain('| Reactief toezicht |');
    // Regional shares as printed: the regional total beside the share, whole hours, with financiering and fase.
    expect(md).toContain('| OD3 | Energie en duurzaamheid | project | Extern gefinancierd | Realisatiefase | n.v.t. | 12,02% | n.v.t. |');
    expect(md).toContain('| | Subtotaal projecten | | | | 6.150 | | 739 |');
    expect(md).toContain('| | Subtotaal diensten | | | | 11.700 | | 1.406 |');
    // A goal with two indicators is one goal.
    expect(md).toContain('| FP1 | Fysieke leefomgeving | Veilige bouwwerken | Percentage risicovolle bouwwerken gecontroleerd | ≥ 90% |');
    expect(md).toContain('|  |  |  | Percentage overtredingen beëindigd na hercontrole | ≥ 25% |');
    expect(md).toContain('Elk doel heeft een indicator en een streefwaarde.');
    // The capacity chapter: a short verdict, no figure for what is unknown.
    expect(md).toContain('**Of de beschikbare capaciteit toereikend is, is niet te beoordelen: daarvoor ontbreken de gegevens die onder de tabel staan.**');
    expect(md).toContain('| Toezicht en handhaving | onbekend | 1.300 | onbekend | onbekend | onbekend | 3.900 | onbekend | onbekend |');
    expect(md).not.toContain('De eigen formatie telt  fte');
    // The remarks reach Word too.
    const doc = docxDelen(path.join(uit, 'uvp-2025-grootstad.docx')).get('word/document.xml')!.toString('utf8');
    for (const t of ['Waarvan 4 meerdaagse evenementen', 'tussen de 8 en 10 MIA-acties', 'Extern gefinancierd', 'niet te beoordelen']) expect(doc).toContain(t);
  });

  it('the workbook: remarks in their own column, unknown subtotals and capacity as words, exact shares kept', async () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', GROOTSTAD, '-o', uit, '--format', 'xlsx']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(uit, 'uvp-2025-grootstad.xlsx'));
    const ws = wb.getWorksheet('Programma')!;
    expect(ws.getRow(1).getCell(12).value).toBe('Opmerking');
    const rijen: unknown[][] = [];
    ws.eachRow((r) => rijen.push(r.values as unknown[]));
    const evenementen = rijen.find((r) => r[3] === 'Evenementen')!;
    expect(evenementen[12]).toBe('Waarvan 4 meerdaagse evenementen');
    expect(evenementen[10]).toBe('alleen een aantal, geen kental: uren onbekend');
    const cap = wb.getWorksheet('Capaciteit')!;
    expect(cap.getCell('B3').value).toBe('onbekend');
    expect(cap.getCell('H3').value).toBe('onbekend');
    expect(String(cap.getCell('L3').value)).toContain('niet te beoordelen');
    // The exact share stays in the workbook (180,3), while the document prints 180.
    const od1 = rijen.find((r) => r[3] === 'Omgevingswet')!;
    expect((od1[7] as { result: number }).result ?? od1[7]).toBeCloseTo(180.3, 6);
  });

  it('findings: a printed share total that does not add up, the fte and unit readings, at their cells', async () => {
    const wm = await laad(GROOTSTAD);
    const { meldingen } = analyseer(wm, {});
    const bij = (code: string) => meldingen.filter((m) => m.code === code);
    const aandeel = bij('subtotaal-afwijkend').find((m) => m.bericht.includes('999'))!;
    expect(aandeel).toMatchObject({ niveau: 'waarschuwing', plaats: { bestand: 'projecten.csv', rij: 14, kolom: 'uren gemeente' } });
    expect(aandeel.bericht).toContain('739,23');
    // The printed regional totals 6.150 and 11.700 and the share total 1.406 (of 1.406,34) pass.
    expect(bij('subtotaal-afwijkend').filter((m) => m.plaats.bestand === 'projecten.csv')).toHaveLength(1);
    expect(bij('fte-als-uren')[0]).toMatchObject({ niveau: 'melding', plaats: { rij: 20, kolom: 'uren' } });
    expect(bij('fte-als-uren')[0]!.bericht).toContain('"3 fte" gelezen als 3 × 1.300 = 3.900 uur');
    expect(bij('eenheid-gelezen').some((m) => m.plaats.rij === 5 && m.bericht.includes('"400 dossiers" gelezen als aantal 400'))).toBe(true);
    expect(bij('regel-telling').map((m) => m.plaats.rij)).toEqual([8, 14, 15, 16, 19]);
    expect(meldingen.filter((m) => m.niveau === 'fout')).toEqual([]);
  });

  it('a code prefix that disagrees with its block stays in the block, with a warning naming both', async () => {
    // No taakveld column and no heading rows: only the code prefixes and the total rows give the blocks.
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': [
        'code;product;aantal;kental;uren',
        'A2.02.01;Periodieke controle;120;8;960',
        'A3.02.05;Hercontrole;40;4;160',
        'A2.09.01;Toezicht bodem;30;6;180',
        ';Totaal toezicht;;;1.300',
        'A3.01.00;Handhavingsverzoek;10;20;200',
        'A3.03.00;Last onder dwangsom;5;30;150',
        ';Totaal handhaving;;;350',
      ].join('\n'),
    });
    const wm = await laad(map);
    const { vraag, meldingen } = analyseer(wm, {});
    expect(vraag.perTaakveld.map((t) => [t.naam, t.uren.toString()])).toEqual([
      ['Toezicht', '1300'],
      ['Handhaving', '350'],
    ]);
    const w = meldingen.find((m) => m.code === 'code-taakveld')!;
    expect(w).toMatchObject({ niveau: 'waarschuwing', plaats: { rij: 3, kolom: 'code' } });
    expect(w.bericht).toContain('hoort volgens het voorvoegsel bij Handhaving (A3), maar de regel staat tussen 2 regels van Toezicht (A2)');
    expect(meldingen.filter((m) => m.code === 'subtotaal-afwijkend')).toEqual([]);
  });
});

describe('every realised hour counted once', () => {
  it('the jaarverslag: every total is the sum of its lines, in JSON and Markdown', () => {
    const uit = tijdelijkeMap();
    const r = vth(['jaarverslag', VOORBEELD, '--zaken', path.join(ROOT, 'fixtures/voorbeeldgemeente/zaken-2025.csv'), '-o', uit, '--format', 'md,json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.json'), 'utf8'));
    const real = j.realisatie;
    const som = (xs: { uren?: number | null; aantal?: number | null }[], k: 'uren' | 'aantal') => xs.reduce((s, x) => s + (x[k] ?? 0), 0);
    // Before: 15.919,3 h while the lines carry 16.124,1 (GT.11 179,8 h and GH.04 25 h vanished).
    expect(real.totaal.uren).toBeCloseTo(16124.1, 6);
    expect(real.totaal.uren).toBeCloseTo(som(real.regels, 'uren'), 6);
    expect(real.totaal.aantal).toBeCloseTo(som(real.regels, 'aantal'), 6);
    expect(real.totaal.urenZonderPlan).toBeCloseTo(204.8, 6);
    for (const t of real.taakvelden) {
      const regels = real.regels.filter((x: { taakveld: string }) => x.taakveld === t.taakveld);
      expect(t.uren).toBeCloseTo(som(regels, 'uren'), 6);
      expect(t.aantal).toBeCloseTo(som(regels, 'aantal'), 6);
      expect(t.uren).toBeCloseTo(t.urenMetPlan + t.urenZonderPlan, 6);
    }
    const toezicht = real.taakvelden.find((t: { taakveld: string }) => t.taakveld === 'Toezicht');
    // 638 on the planned lines and 60 on GT.11: the 698 cases of the next table.
    expect([toezicht.aantalMetPlan, toezicht.aantalZonderPlan, toezicht.aantal]).toEqual([638, 60, 698]);
    const afd = real.perAfdeling.reduce((s: number, a: { uren: number }) => s + a.uren, 0);
    expect(afd).toBeCloseTo(16124.1, 6);
    const md = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg.md'), 'utf8');
    expect(md).toContain('| Toezicht: producten zonder gepland aantal of uren | | 60 | | | 179,8 | |');
    // The total is the sum of the rows above it; the percentage has its own row over the planned lines.
    expect(md).toContain('| **Totaal gerealiseerd** | **2.693** | **2.740** | | **16.487** | **16.124,1** | |');
    expect(md).toContain('| Van het plan gerealiseerd (producten met een planning) | 2.693 | 2.678 | 99,4% | 16.487 | 15.919,3 | 96,6% |');
    expect(md).toContain('| Regionale projecten en diensten, gemelde realisatie | 610 uur besteed op 631 van de 2.146 geplande uren (96,7%); van 17 projecten en diensten is de realisatie niet gemeld |');
    // The chart of all taakvelden: planned against what the planned lines realised, the table's rows.
    const grafiek = readFileSync(path.join(uit, 'jaarverslag-2025-dinkelberg-realisatie.svg'), 'utf8');
    expect(grafiek).toContain('>3.203<');
    expect(grafiek).not.toContain('>3.383<');
    expect(md).toContain('| Gerealiseerde uren op producten in totaal (zonder de regionale projecten en diensten) | 16.124 |');
    expect(md).toContain('(GT.11 Hercontroles, GH.04 Gedoogbeschikkingen), staat op een eigen regel en telt mee in het totaal');
  });
});

describe('what real programmes carry (issue 27 item 8)', () => {
  it('abbreviations: whole words, case as written, the built-in meanings and the municipality\'s own', async () => {
    const { gebruikteAfkortingen } = await import('../src/report/afkortingen.js');
    const eigen = [{ plaats: { bestand: 'x' }, afkorting: 'PVH', betekenis: 'team Publiekszaken, Vergunningen en Handhaving' }];
    const tekst = 'Het Bal en de Wkb; KC 3.0 per 1-1-2025; het team PVH. Niet: bal, BALANS, OD1, wkbx.';
    expect(gebruikteAfkortingen(tekst, eigen)).toEqual([
      { afkorting: 'Bal', betekenis: 'Besluit activiteiten leefomgeving' },
      { afkorting: 'KC', betekenis: 'kwaliteitscriteria VTH' },
      { afkorting: 'PVH', betekenis: 'team Publiekszaken, Vergunningen en Handhaving' },
      { afkorting: 'Wkb', betekenis: 'Wet kwaliteitsborging voor het bouwen' },
    ]);
    expect(gebruikteAfkortingen('niets hier')).toEqual([]);
  });

  it('capitals that no meaning explains are named for the author; codes, known ones and their combinations are not', async () => {
    const { onverklaardeAfkortingen } = await import('../src/report/afkortingen.js');
    const eigen = [{ plaats: { bestand: 'x' }, afkorting: 'PVH', betekenis: 'team Publiekszaken, Vergunningen en Handhaving' }];
    const tekst = 'Team PVH en REV; de BIG-8; GT.01, KD3, R18, OD12 en A1.05.00; VTH/IBT; OM en KC; het BIS en het BIS.';
    expect(onverklaardeAfkortingen(tekst, eigen)).toEqual(['BIS', 'REV']);
  });

  it('the UVP: a list of the abbreviations it uses, the toezichtprotocol as an annex, the last IBT judgement', () => {
    const uit = tijdelijkeMap();
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md']).code).toBe(0);
    const md = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8');
    const lijst = md.slice(md.indexOf('## Afkortingen'));
    expect(lijst).toContain('| LHSO | Landelijke Handhavingsstrategie Omgevingsrecht |');
    expect(lijst).toContain('| VTH | vergunningverlening, toezicht en handhaving |');
    // Only what the document uses: no Bbl in this programme, so not in its list.
    expect(md.slice(0, md.indexOf('## Afkortingen'))).not.toMatch(/(?<![\p{L}])Bbl(?![\p{L}])/u);
    expect(lijst).not.toContain('| Bbl |');
    expect(md).toContain('### C. Toezichtprotocol');
    expect(md).toContain('| RK1 | 1 | 0 | 2 | 23 | 44 | 3 | 1.330 | **22,17** |');
    expect(md).toMatch(/\| 18\.4 \| [^|]+ \| \S+ \| \S+ \| \S+ \| \S+ \|/);
    expect(md).toContain('Bij het laatste interbestuurlijk toezicht was het oordeel van de provincie Overijssel: oranje (november 2024).');
  });

  it('a sheet Afkortingen adds the municipality\'s own, where the document uses them', () => {
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': 'code;product;aantal;kental\nA2.01.00;Toezicht door team PVH;10;2\n',
      'afkortingen.csv': 'afkorting;betekenis\nPVH;team Publiekszaken, Vergunningen en Handhaving\nXYZ;niet gebruikt\n',
    });
    const uit = tijdelijkeMap();
    expect(vth(['uvp', map, '-o', uit, '--format', 'md']).code).toBe(0);
    const md = readFileSync(path.join(uit, 'uvp-2025-testdorp.md'), 'utf8');
    expect(md).toContain('| PVH | team Publiekszaken, Vergunningen en Handhaving |');
    expect(md).not.toContain('XYZ');
  });
});

describe('one figure, one value (issue 27 item 3)', () => {
  it('annex C defers exactly the controls the capacity chapter defers, and picks the objects that can wait best', async () => {
    const { analyseerUvp } = await import('../src/compute/uvp.js');
    const a = analyseerUvp(await laad(VOORBEELD));
    const uitgesteld = a.capaciteit!.tekorten.flatMap((t) => t.uitgesteld).filter((u) => u.aantal);
    for (const u of uitgesteld) {
      const code = u.regel.code!;
      const perObject = [...a.uitgesteldeObjecten].filter(([o]) => o.object.code === code);
      expect(perObject.reduce((s, [, n]) => s + n, 0), code).toBe(Number(u.aantal!.toString()));
      // Every waiting object complies at least as well as every object that keeps its control.
      const rang = (n?: string) => ({ goed: 0, matig: 2, slecht: 3 } as Record<string, number>)[n ?? 'matig'];
      const wacht = perObject.map(([o]) => rang(o.naleefgedrag));
      const blijft = a.frequenties!.objecten.filter((o) => o.object.code === code && o.aantal > 0 && !a.uitgesteldeObjecten.has(o)).map((o) => rang(o.naleefgedrag));
      if (blijft.length) expect(Math.max(...wacht)).toBeLessThanOrEqual(Math.min(...blijft));
    }
    expect(uitgesteld.map((u) => [u.regel.code, u.aantal!.toString()])).toEqual([['GT.06', '27']]);
    const uit = tijdelijkeMap();
    expect(vth(['uvp', VOORBEELD, '-o', uit, '--format', 'md']).code).toBe(0);
    const md = readFileSync(path.join(uit, 'uvp-2025-dinkelberg.md'), 'utf8');
    expect(md).toContain('Door het uitstel in hoofdstuk 9 wachten 27 controles bij 27 objecten');
    expect(md).toContain('Door het uitstel in hoofdstuk 9 wachten daarvan 27 controles');
    // The summary's demand is the programme chapter's total, rounded the same way.
    expect(md).toContain('| Benodigde uren (programma en regionale taken, voor zover bekend) | 18.633 |');
  });
});
