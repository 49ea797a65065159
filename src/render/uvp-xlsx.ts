import { type CelWaarde, Werkboek } from './xlsx-schrijver.js';
import type { UvpView } from '../report/uvp.js';
import type { VerantwoordingView } from '../report/verantwoording.js';
import { voegVerantwoordingBladToe } from './verantwoording-xlsx.js';
import { voegCapaciteitBladToe, voegUitstelBladToe } from './capaciteit-xlsx.js';
import { voegRisicoBladToe } from './risico-xlsx.js';
import { celTekst, getalFormaat, kopStijl } from './xlsx-stijl.js';

const n = (r: { toNumber(): number } | undefined) => (r === undefined ? null : r.toNumber());

/**
 * Programma: one row per line; uren = aantal × kental as a formula, fixed hours as a value, subtotals
 * per taakveld and the total as SUM formulas. Returns the cell of the grand total.
 */
function programmaBlad(wb: Werkboek, v: UvpView): { totaalCel: string; kostenCel?: string } {
  const geld = v.kosten;
  const ws = wb.addWorksheet('Programma', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [16, 12, 60, 26, 14, 12, 12, 10, 12, 40, 12, 40, ...(geld ? [14, 16] : [])] });
  // "Uren niet geteld" says why a line's hours are missing (vth's note); "Opmerking" is the user's own remark.
  const koppen = ['Taakveld', 'Code', 'Product', 'Afdeling', 'Aantal', 'Kental', 'Uren', 'Wettelijk', 'Prioriteit', 'Uren niet geteld', 'Prioriteitsgroep', 'Opmerking', ...(geld ? ['Tarief of prijs (€)', 'Bedrag (€)'] : [])];
  // PxQ as formulas: M holds the line's price (per unit of aantal) or the hourly rate, N = E×M or G×M.
  const kostenCellen = (row: { number: number; getCell(i: number): { value: CelWaarde; numFmt?: string } }, k: { bron: string; prijs?: { toNumber(): number }; bedrag?: { toNumber(): number } } | undefined, uren: boolean) => {
    if (!geld || !k) return;
    const i = row.number;
    if (k.bron === 'prijs' && k.prijs && k.bedrag) {
      row.getCell(13).value = k.prijs.toNumber();
      row.getCell(14).value = { formula: `E${i}*M${i}`, result: k.bedrag.toNumber() };
    } else if (k.bron === 'tarief' && geld.uurtarief && k.bedrag && uren) {
      row.getCell(13).value = geld.uurtarief.toNumber();
      row.getCell(14).value = { formula: `G${i}*M${i}`, result: k.bedrag.toNumber() };
    } else if (k.bron === 'onbekend') row.getCell(14).value = 'onbekend';
    row.getCell(13).numFmt = '#,##0.00';
    row.getCell(14).numFmt = '#,##0.00';
  };
  const kostenRijen: number[] = [];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  const subtotalen: string[] = [];
  for (const tv of v.programma.taakvelden) {
    const eerste = ws.rowCount + 1;
    for (const r of tv.regels) {
      const row = ws.addRow([celTekst(tv.taakveld), celTekst(r.code), celTekst(r.product), celTekst(r.afdeling), n(r.aantal), n(r.kental)]);
      const i = row.number;
      if (r.bron === 'berekend') row.getCell(7).value = { formula: `E${i}*F${i}`, result: r.uren!.toNumber() };
      else if (r.uren) row.getCell(7).value = r.uren.toNumber();
      row.getCell(8).value = r.wettelijk ? 'ja' : 'nee';
      row.getCell(9).value = celTekst(r.prioriteit);
      row.getCell(11).value = celTekst(r.groep);
      row.getCell(10).value = r.bron === 'geen-waarde' ? `geen waarde (${r.woord}): telt niet mee` : r.bron === 'onvolledig' ? 'uren onbekend: telt niet mee' : r.bron === 'telling' ? 'alleen een aantal, geen kental: uren onbekend' : null;
      if (r.opmerking) row.getCell(12).value = celTekst(r.opmerking);
      row.getCell(5).numFmt = getalFormaat(r.aantal);
      row.getCell(6).numFmt = getalFormaat(r.kental);
      row.getCell(7).numFmt = getalFormaat(r.uren);
      kostenCellen(row, r.kosten, r.bron === 'berekend' || r.uren !== undefined);
      if (geld) kostenRijen.push(i);
    }
    const laatste = ws.rowCount;
    const sub = ws.addRow([celTekst(tv.taakveld), null, celTekst(`Subtotaal ${tv.taakveld}`)]);
    // A subtotal over lines that all lack hours is unknown, not 0; with some unknown it is the known part, said beside it.
    if (tv.uren) {
      sub.getCell(7).value = { formula: `SUM(G${eerste}:G${laatste})`, result: tv.uren.toNumber() };
      sub.getCell(7).numFmt = getalFormaat(tv.uren);
    } else sub.getCell(7).value = 'onbekend';
    if (tv.zonderUren) sub.getCell(10).value = `${tv.uren ? 'bekende uren; ' : ''}${tv.zonderUren} ${tv.zonderUren === 1 ? 'regel' : 'regels'} zonder uren`;
    if (tv.aantal) {
      sub.getCell(5).value = { formula: `SUM(E${eerste}:E${laatste})`, result: tv.aantal.toNumber() };
      sub.getCell(5).numFmt = getalFormaat(tv.aantal);
    }
    sub.font = { bold: true };
    subtotalen.push(`G${sub.number}`);
  }
  let projectSub: string | undefined;
  if (v.programma.projecten.length) {
    ws.addRow([]);
    // Financiering and fase in the sheet's two wide text columns, so that the table above keeps its widths.
    const k = ws.addRow(['Regionaal', 'Code', 'Project of dienst', 'Afdeling', 'Regionale uren', 'Verdeelsleutel (%)', 'Uren', null, null, 'Financiering', null, 'Fase']);
    kopStijl(ws, 12, k.number);
    const eerste = ws.rowCount + 1;
    for (const p of v.programma.projecten) {
      const row = ws.addRow([celTekst(p.soort), celTekst(p.code), celTekst(p.project), celTekst(p.afdeling), p.regionaal ? n(p.regionaal) : celTekst(p.woord), n(p.verdeelsleutel)]);
      const i = row.number;
      if (p.uren) row.getCell(7).value = { formula: `E${i}*F${i}/100`, result: p.uren.toNumber() };
      if (p.financiering) row.getCell(10).value = celTekst(p.financiering);
      if (p.fase) row.getCell(12).value = celTekst(p.fase);
      row.getCell(5).numFmt = getalFormaat(p.regionaal);
      row.getCell(6).numFmt = getalFormaat(p.verdeelsleutel);
      row.getCell(7).numFmt = getalFormaat(p.uren);
      if (geld) {
        kostenCellen(row, p.kosten, p.uren !== undefined);
        kostenRijen.push(i);
      }
    }
    const laatste = ws.rowCount;
    const sub = ws.addRow([null, null, 'Subtotaal regionaal']);
    sub.getCell(5).value = { formula: `SUM(E${eerste}:E${laatste})`, result: v.programma.totaalRegionaal.toNumber() };
    sub.getCell(5).numFmt = getalFormaat(v.programma.totaalRegionaal);
    sub.getCell(7).value = { formula: `SUM(G${eerste}:G${laatste})`, result: v.programma.totaalProjecten.toNumber() };
    sub.getCell(7).numFmt = getalFormaat(v.programma.totaalProjecten);
    sub.font = { bold: true };
    projectSub = `G${sub.number}`;
  }
  ws.addRow([]);
  const tot = ws.addRow([null, null, 'Totaal benodigd']);
  // SUM over the subtotal cells, not a chain of +: an unknown subtotal is the word "onbekend", which + would turn into #VALUE!.
  const delen = [...subtotalen, ...(projectSub ? [projectSub] : [])];
  // Unknown (no line has hours) is the word, not a SUM that a spreadsheet would show as 0.
  tot.getCell(7).value = v.programma.totaal ? { formula: delen.length ? `SUM(${delen.join(',')})` : '0', result: v.programma.totaal.toNumber() } : 'onbekend';
  tot.getCell(7).numFmt = getalFormaat(v.programma.totaal);
  if (v.programma.zonderUren) tot.getCell(10).value = `bekende uren; ${v.programma.zonderUren} ${v.programma.zonderUren === 1 ? 'regel' : 'regels'} zonder uren`;
  let kostenCel: string | undefined;
  if (geld) {
    // The total of the known amounts: SUM skips the word "onbekend", and the note says how many lines lack one.
    tot.getCell(14).value = { formula: kostenRijen.length ? `SUM(${kostenRijen.map((r) => `N${r}`).join(',')})` : '0', result: geld.totaal.bedrag.toNumber() };
    tot.getCell(14).numFmt = '#,##0.00';
    if (geld.totaal.zonderBedrag) tot.getCell(12).value = `bekende bedragen; ${geld.totaal.zonderBedrag} zonder bedrag`;
    kostenCel = `N${tot.number}`;
  }
  tot.font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  return { totaalCel: `G${tot.number}`, kostenCel };
}

function doelenBlad(wb: Werkboek, v: UvpView): void {
  const ws = wb.addWorksheet('Doelen', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [8, 22, 50, 60, 14, 10, 10, 60, 30, 12] });
  const koppen = ['Id', 'Thema', 'Doel', 'Indicator', 'Streefwaarde', 'Eenheid', 'Volledig', 'Activiteiten in het programma', 'Afdelingen', 'Uren'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  for (const d of v.doelen.rijen) {
    const row = ws.addRow([celTekst(d.id), celTekst(d.thema), celTekst(d.doel), celTekst(d.indicator), celTekst(d.streefwaarde), celTekst(d.eenheid), d.volledig ? 'ja' : 'nee', celTekst(d.bijdragen.join('; ')), celTekst(d.afdelingen), n(d.uren)]);
    row.getCell(10).numFmt = getalFormaat(d.uren);
    if (!d.volledig) row.getCell(7).font = { color: { argb: 'FFC62828' }, bold: true };
    // A goal's further indicators, each on its own row under the same id (so that a filter on id keeps them).
    for (const x of d.indicatoren.slice(1)) ws.addRow([celTekst(d.id), null, null, celTekst(x.indicator), celTekst(x.streefwaarde)]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
}

/**
 * Prioriteiten: the planned hours per priority group as SUMIF over the Programma sheet's Prioriteitsgroep
 * column (K), so that a line moved to another class moves its hours; then the high-priority activities without
 * a programme line.
 */
function prioriteitenBlad(wb: Werkboek, v: UvpView): void {
  const ws = wb.addWorksheet('Prioriteiten', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [30, 10, 12, 10] });
  const koppen = ['Prioriteit', 'Regels', 'Uren', 'Aandeel'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  const eerste = 2;
  const totaalRij = eerste + v.programma.urenPerKlasse.length;
  for (const k of v.programma.urenPerKlasse) {
    const row = ws.addRow([celTekst(k.klasse)]);
    const i = row.number;
    row.getCell(2).value = { formula: `COUNTIF(Programma!K:K,"${sumifGelijk(k.klasse)}")`, result: k.regels };
    row.getCell(3).value = { formula: `SUMIF(Programma!K:K,"${sumifGelijk(k.klasse)}",Programma!G:G)`, result: k.uren.toNumber() };
    row.getCell(3).numFmt = getalFormaat(k.uren);
    row.getCell(4).value = { formula: `IF(C${totaalRij}=0,"",C${i}/C${totaalRij})`, result: k.procent ? k.procent.toNumber() / 100 : '' };
    row.getCell(4).numFmt = '0.0%';
  }
  const laatste = ws.rowCount;
  const tot = ws.addRow(['Totaal programmaregels']);
  tot.getCell(2).value = { formula: `SUM(B${eerste}:B${laatste})`, result: v.programma.urenPerKlasse.reduce((s, k) => s + k.regels, 0) };
  tot.getCell(3).value = v.programma.totaalRegels ? { formula: `SUM(C${eerste}:C${laatste})`, result: v.programma.totaalRegels.toNumber() } : 'onbekend';
  tot.getCell(3).numFmt = getalFormaat(v.programma.totaalRegels);
  tot.font = { bold: true };
  if (v.programma.gaten.length) {
    ws.addRow([]);
    const k = ws.addRow(['Hoge prioriteit zonder programmaregel', 'Id', 'Klasse', 'Risico']);
    kopStijl(ws, 4, k.number);
    for (const g of v.programma.gaten) ws.addRow([celTekst(g.activiteit), celTekst(g.id), celTekst(g.klasse), celTekst(g.risico)]);
  }
}

function verbeterpuntenBlad(wb: Werkboek, v: UvpView): void {
  const ws = wb.addWorksheet('Verbeterpunten', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [6, 70, 16, 70] });
  const koppen = ['Nr', 'Verbeterpunt', 'Status', 'Wat dit programma eraan doet'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  for (const p of v.verbeterpunten) ws.addRow([celTekst(p.nr), celTekst(p.verbeterpunt), p.status, celTekst(p.toelichting)]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
}

/**
 * A SUMIF criterion that matches exactly this text (case aside, as vth groups afdelingen): `*`, `?`
 * and `~` are wildcards to Excel and LibreOffice and are escaped with `~`; a leading `=` makes a
 * name that starts with `<`, `>` or `=` a value, not a comparison.
 */
export function sumifGelijk(tekst: string): string {
  return `=${tekst.replace(/[~*?]/g, '~$&')}`.replace(/"/g, '""');
}

/** The UVP workbook: Samenvatting, Risicoanalyse, Doelen, Programma, Prioriteiten, Capaciteit (+ Uitstel), Verbeterpunten, Verantwoording. */
export async function uvpXlsx(v: UvpView, verantwoording: VerantwoordingView): Promise<Uint8Array> {
  const wb = new Werkboek();
  wb.title = v.titel;
  wb.koptekst = v.titel;
  const sam = wb.addWorksheet('Samenvatting', { breedtes: [44, 60] });
  if (v.risico) voegRisicoBladToe(wb, v.risico);
  doelenBlad(wb, v);
  const { totaalCel, kostenCel } = programmaBlad(wb, v);
  prioriteitenBlad(wb, v);
  let capaciteitTotaal: string | undefined;
  if (v.capaciteit) {
    // Benodigd per afdeling points at the Programma sheet, so that editing an aantal moves the saldo.
    voegCapaciteitBladToe(wb, v.capaciteit, {
      benodigdFormule: (afdeling) => `SUMIF(Programma!D:D,"${sumifGelijk(afdeling)}",Programma!G:G)`,
    });
    // The sheet's total row for the own afdelingen sits right below them.
    capaciteitTotaal = v.capaciteit.afdelingen.length ? String(v.capaciteit.afdelingen.length + 2) : undefined;
    if (v.capaciteit.uitgesteld.length) voegUitstelBladToe(wb, v.capaciteit);
  }
  if (v.verbeterpunten.length) verbeterpuntenBlad(wb, v);
  voegVerantwoordingBladToe(wb, verantwoording);

  sam.addRow([v.titel]).font = { bold: true, size: 14 };
  sam.addRow([]);
  const rij = (label: string, waarde: CelWaarde, fmt?: string) => {
    const r = sam.addRow([label, waarde]);
    if (fmt) r.getCell(2).numFmt = fmt;
    return r;
  };
  rij('Gemeente', celTekst(v.gemeente));
  rij('Jaar', typeof v.jaar === 'number' ? v.jaar : null);
  rij('Benodigde uren', v.samenvatting.benodigd ? { formula: `Programma!${totaalCel}`, result: v.samenvatting.benodigd.toNumber() } : 'onbekend', '#,##0');
  if (v.kosten && kostenCel) rij(v.kosten.totaal.zonderBedrag ? 'Kosten (€, bekende bedragen)' : 'Kosten (€)', { formula: `Programma!${kostenCel}`, result: v.kosten.totaal.bedrag.toNumber() }, '#,##0.00');
  if (v.capaciteit && capaciteitTotaal) {
    const e = v.capaciteit.eigen;
    rij('Beschikbaar eigen formatie (uren)', e.beschikbaar ? { formula: `Capaciteit!H${capaciteitTotaal}`, result: e.beschikbaar.toNumber() } : 'onbekend', '#,##0');
    rij('Benodigd eigen formatie (uren)', { formula: `Capaciteit!I${capaciteitTotaal}`, result: e.benodigd.toNumber() }, '#,##0');
    rij('Saldo eigen formatie (uren)', e.saldo ? { formula: `Capaciteit!J${capaciteitTotaal}`, result: e.saldo.toNumber() } : 'onbekend', '#,##0');
  }
  rij('Oordeel capaciteit', celTekst(v.samenvatting.oordeel));
  for (const p of v.samenvatting.perKlasse) rij(`Activiteiten met prioriteit ${p.klasse}`, p.aantal);
  rij('Doelen', v.samenvatting.doelenTotaal);
  rij('Doelen zonder indicator of streefwaarde', v.samenvatting.doelenOnvolledig);
  // Left-aligned and not wrapped: a long verdict runs on into the empty columns beside it.
  sam.getColumn(2).alignment = { horizontal: 'left' };
  return wb.bytes();
}
