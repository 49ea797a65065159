import type { Blad, Werkboek } from './xlsx-schrijver.js';
import type { CapaciteitView } from '../report/capaciteit.js';
import { celTekst, kopStijl, nlFormaat } from './xlsx-stijl.js';

/**
 * The balance per afdeling as live formulas: bruto = fte × productieve uren, beschikbaar = bruto −
 * gereserveerd, saldo = beschikbaar − benodigd. Percent reservations stay a formula on bruto.
 * `benodigdFormule` lets the UVP point benodigd at its Programma sheet; otherwise it is a value.
 */
export function voegCapaciteitBladToe(
  wb: Werkboek,
  v: CapaciteitView,
  opties: { benodigdFormule?: (afdeling: string) => string } = {},
): Blad {
  const ws = wb.addWorksheet('Capaciteit', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [32, 10, 14, 12, 14, 16, 14, 14, 14, 14, 12, 40] });
  const koppen = ['Afdeling', 'Fte', 'Productieve uren per fte', 'Bruto uren', 'Reservering %', 'Reservering uren', 'Gereserveerd', 'Beschikbaar', 'Benodigd', 'Saldo (uren)', 'Saldo (fte)', 'Oordeel'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  // An unknown figure is the word "onbekend", never a formula over an empty cell (which a
  // spreadsheet would show as 0) and never left out of a total that would then look complete.
  const ONBEKEND = 'onbekend';
  v.afdelingen.forEach((a, i) => {
    const r = i + 2;
    const row = ws.addRow([celTekst(a.afdeling), a.fte?.toNumber() ?? ONBEKEND, a.productieveUrenPerFte.toNumber()]);
    row.getCell(4).value = a.bruto ? { formula: `B${r}*C${r}`, result: a.bruto.toNumber() } : ONBEKEND;
    row.getCell(5).value = a.reserveringenProcent.toNumber();
    row.getCell(6).value = a.reserveringenUren.toNumber();
    row.getCell(7).value = a.gereserveerd ? { formula: `D${r}*E${r}/100+F${r}`, result: a.gereserveerd.toNumber() } : ONBEKEND;
    row.getCell(8).value = a.beschikbaar ? { formula: `D${r}-G${r}`, result: a.beschikbaar.toNumber() } : ONBEKEND;
    const bf = opties.benodigdFormule?.(a.afdeling);
    row.getCell(9).value = bf ? { formula: bf, result: a.benodigd.toNumber() } : a.benodigd.toNumber();
    row.getCell(10).value = a.saldo ? { formula: `H${r}-I${r}`, result: a.saldo.toNumber() } : ONBEKEND;
    row.getCell(11).value = a.saldoFte ? { formula: `J${r}/C${r}`, result: a.saldoFte.toNumber() } : ONBEKEND;
    row.getCell(12).value = celTekst(a.oordeelTekst);
    for (const c of [3, 4, 6, 7, 8, 9, 10]) row.getCell(c).numFmt = nlFormaat(0);
    row.getCell(2).numFmt = nlFormaat(2);
    row.getCell(5).numFmt = nlFormaat(2);
    row.getCell(11).numFmt = nlFormaat(2);
    if (a.oordeel === 'niet toereikend') row.getCell(10).font = { color: { argb: 'FFC62828' }, bold: true };
  });
  const eerste = 2;
  const laatste = v.afdelingen.length + 1;
  if (v.afdelingen.length > 0) {
    const t = ws.addRow(['Totaal eigen formatie']);
    t.font = { bold: true };
    const totalen: [number, string, { toNumber(): number } | undefined][] = [
      [2, 'B', v.eigen.fte],
      [4, 'D', v.eigen.bruto],
      [7, 'G', v.eigen.gereserveerd],
      [8, 'H', v.eigen.beschikbaar],
      [9, 'I', v.eigen.benodigd],
      [10, 'J', v.eigen.saldo],
    ];
    for (const [c, l, resultaat] of totalen) {
      t.getCell(c).value = resultaat ? { formula: `SUM(${l}${eerste}:${l}${laatste})`, result: resultaat.toNumber() } : ONBEKEND;
      t.getCell(c).numFmt = nlFormaat(c === 2 ? 2 : 0);
    }
  }
  if (v.extern.length) {
    ws.addRow([]);
    const k = ws.addRow(['Externe uitvoerder', 'Ingekochte uren', 'Benodigd', 'Saldo (uren)', 'Oordeel']);
    kopStijl(ws, 5, k.number);
    for (const e of v.extern) {
      const row = ws.addRow([celTekst(e.afdeling), e.ingekochteUren?.toNumber() ?? 'niet opgegeven', e.benodigd.toNumber()]);
      row.getCell(4).value = e.saldo ? { formula: `B${row.number}-C${row.number}`, result: e.saldo.toNumber() } : 'onbekend';
      row.getCell(5).value = celTekst(e.oordeelTekst);
      for (const c of [2, 3, 4]) row.getCell(c).numFmt = nlFormaat(0);
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  return ws;
}

/** The deferral proposal as a sheet. */
export function voegUitstelBladToe(wb: Werkboek, v: CapaciteitView): Blad {
  const ws = wb.addWorksheet('Uitstel', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [28, 10, 50, 12, 10, 10, 12, 90] });
  const koppen = ['Afdeling', 'Code', 'Product', 'Aantal uitgesteld', 'Van aantal', 'Uren', 'Klasse', 'Reden'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  for (const u of v.uitgesteld) {
    ws.addRow([celTekst(u.afdeling), celTekst(u.code), celTekst(u.product), u.aantal?.toNumber() ?? null, u.vanAantal?.toNumber() ?? null, u.uren.toNumber(), celTekst(u.klasse), celTekst(u.reden)]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  return ws;
}
