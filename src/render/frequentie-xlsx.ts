import type { FrequentieView } from '../report/frequentie.js';
import { type Werkboek } from './xlsx-schrijver.js';
import { celTekst, kopStijl } from './xlsx-stijl.js';

/**
 * Sheet Objecten: every object with its interval; the next date and the controls in the year are
 * formulas over the last control and the interval (EDATE keeps a month's end as vth does), so that a
 * user who corrects a date sees the plan move. Sheet Per code: the controls per programme code as SUMIF.
 */
export function voegFrequentieBladenToe(wb: Werkboek, v: FrequentieView): void {
  const ws = wb.addWorksheet('Objecten', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [12, 36, 10, 14, 14, 12, 14, 12, 12, 12, 90] });
  const koppen = ['Object', 'Naam', 'Klasse', 'Naleefgedrag', 'Laatste controle', 'Interval (maanden)', 'Volgende controle', `Controles in ${v.jaar}`, 'Achterstallig', 'Productcode', 'Reden'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  const begin = `DATE(${v.jaar},1,1)`;
  const einde = `DATE(${v.jaar},12,31)`;
  for (const o of v.objecten) {
    const row = ws.addRow([celTekst(o.object), celTekst(o.naam), celTekst(o.klasse), celTekst(o.naleefgedrag), o.laatste ?? null, o.interval ?? null]);
    const i = row.number;
    if (o.interval !== undefined) {
      row.getCell(7).value = { formula: `IF(E${i}="",${begin},MAX(${begin},EDATE(E${i},F${i})))`, result: o.volgende! };
      // Whole months from the first date to 31 December, divided by the interval: the later dates that still fit.
      row.getCell(8).value = { formula: `IF(G${i}>${einde},0,1+INT(DATEDIF(G${i},${einde},"m")/F${i}))`, result: o.aantal };
    } else row.getCell(8).value = 0;
    row.getCell(9).value = o.achterstallig ? 'ja' : 'nee';
    row.getCell(10).value = celTekst(o.code);
    row.getCell(11).value = celTekst(o.reden);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  const laatste = ws.rowCount;
  const pc = wb.addWorksheet('Per code', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [14, 12, 14] });
  pc.addRow(['Productcode', 'Objecten', `Controles in ${v.jaar}`]);
  kopStijl(pc, 3);
  for (const c of v.perCode) {
    const row = pc.addRow([celTekst(c.code)]);
    const i = row.number;
    row.getCell(2).value = { formula: `COUNTIF(Objecten!J2:J${laatste},A${i})`, result: c.objecten };
    row.getCell(3).value = { formula: `SUMIF(Objecten!J2:J${laatste},A${i},Objecten!H2:H${laatste})`, result: c.aantal };
  }
}
