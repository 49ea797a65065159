import type { OmgevingsdienstView } from '../report/omgevingsdienst.js';
import { celTekst, kopStijl } from './xlsx-stijl.js';
import { Werkboek } from './xlsx-schrijver.js';

const n = (r: { toNumber(): number } | undefined) => (r === undefined ? null : r.toNumber());

/** A1-style column letter of a 1-based column number. */
function kolom(i: number): string {
  let s = '';
  for (let k = i; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const UREN = '#,##0';
const EURO = '#,##0.00';

/**
 * The omgevingsdienst's programme as a workbook. Deelnemers holds the keys and rates; Uren and Kosten
 * the matrix deelnemer × taakveld, each cell its part's figure, every total a SUM; the regional shares
 * are formulas on Deelnemers' keys (regionale uren × sleutel), the whole hours beside them.
 */
export async function omgevingsdienstXlsx(v: OmgevingsdienstView): Promise<Uint8Array> {
  const wb = new Werkboek();
  wb.title = v.titel;
  wb.koptekst = v.titel;
  const aantal = v.deelnemers.length;

  // Deelnemers: A name, B verdeelsleutel (%), then the key columns, then the rate.
  const dn = wb.addWorksheet('Deelnemers', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [30, 16, ...v.sleutels.map(() => 14), 14] });
  const dkoppen = ['Deelnemer', 'Verdeelsleutel (%)', ...v.sleutels.map((s) => s.kop), 'Uurtarief (€)'];
  dn.addRow(dkoppen);
  kopStijl(dn, dkoppen.length);
  v.deelnemers.forEach((d, i) => {
    const row = dn.addRow([celTekst(d.naam), n(d.verdeelsleutel), ...v.sleutels.map((s) => n(s.waarden[i])), n(d.uurtarief)]);
    row.getCell(2).numFmt = '0.00##';
    row.getCell(dkoppen.length).numFmt = EURO;
  });
  const dLaatste = aantal + 1;
  const som = dn.addRow(['Totaal']);
  som.getCell(2).value = { formula: `SUM(B2:B${dLaatste})`, result: v.deelnemers.reduce((t, d) => t + (d.verdeelsleutel?.toNumber() ?? 0), 0) };
  v.sleutels.forEach((s, j) => {
    const c = kolom(3 + j);
    som.getCell(3 + j).value = { formula: `SUM(${c}2:${c}${dLaatste})`, result: s.waarden.reduce((t, w) => t + (w?.toNumber() ?? 0), 0) };
  });
  som.font = { bold: true };

  const matrixBlad = (naam: string, geld: boolean) => {
    const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], breedtes: [30, ...v.taakvelden.map(() => 16), 16, 16, ...(geld ? [] : [16])] });
    const koppen = ['Deelnemer', ...v.taakvelden, geld ? 'Regionaal (€)' : 'Regionaal (exact)', geld ? 'Totaal (€)' : 'Totaal', ...(geld ? [] : ['Regionaal (hele uren)'])];
    ws.addRow(koppen);
    kopStijl(ws, koppen.length);
    const laatsteWaarde = v.taakvelden.length + 2;
    for (const r of v.matrix) {
      const cellen = geld ? [...r.perTaakveld.map((t) => n(t.bedrag)), n(r.regionaalBedrag)] : [...r.perTaakveld.map((t) => n(t.uren)), n(r.regionaal)];
      const row = ws.addRow([celTekst(r.deelnemer), ...cellen]);
      const i = row.number;
      row.getCell(laatsteWaarde + 1).value = { formula: `SUM(B${i}:${kolom(laatsteWaarde)}${i})`, result: (geld ? r.bedrag : r.totaal)?.toNumber() ?? 0 };
      if (!geld) row.getCell(laatsteWaarde + 2).value = r.regionaalAfgerond.toNumber();
      for (let c = 2; c <= koppen.length; c++) row.getCell(c).numFmt = geld ? EURO : UREN;
    }
    const t = ws.addRow(['Totaal']);
    const eind = aantal + 1;
    const totalen = geld
      ? [...v.totaal.perTaakveld.map((x) => x.bedrag), v.totaal.regionaalBedrag, v.totaal.bedrag]
      : [...v.totaal.perTaakveld.map((x) => x.uren), v.totaal.regionaal, v.totaal.totaal, v.totaal.regionaalAfgerond];
    totalen.forEach((x, j) => {
      const c = kolom(2 + j);
      t.getCell(2 + j).value = { formula: `SUM(${c}2:${c}${eind})`, result: x?.toNumber() ?? 0 };
      t.getCell(2 + j).numFmt = geld ? EURO : UREN;
    });
    t.font = { bold: true };
  };
  matrixBlad('Uren', false);
  if (v.metGeld) matrixBlad('Kosten', true);

  // Regionaal: per line the regional hours (E) and per deelnemer its exact share as a formula on its key.
  const rg = wb.addWorksheet('Regionaal', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }], breedtes: [8, 40, 10, 16, 14, ...v.deelnemers.map(() => 14)] });
  const rkoppen = ['Code', 'Project of dienst', 'Soort', 'Sleutel', 'Regionale uren', ...v.deelnemers.map((d) => d.naam)];
  rg.addRow(rkoppen.map((k) => celTekst(k)));
  kopStijl(rg, rkoppen.length);
  const eerste = 2;
  for (const r of v.regionaal) {
    const row = rg.addRow([celTekst(r.code), celTekst(r.project), r.soort, celTekst(r.sleutel), r.regionaal ? n(r.regionaal) : celTekst(r.woord)]);
    const i = row.number;
    const s = v.sleutels.findIndex((x) => x.kop === r.sleutel);
    r.aandelen.forEach((a, j) => {
      const cel = row.getCell(6 + j);
      if (!a.uren) return;
      // Deelnemers' row j+2: the verdeelsleutel in B, or the key column's value over its sum.
      const formule = s < 0 ? `E${i}*Deelnemers!B${j + 2}/100` : `E${i}*Deelnemers!${kolom(3 + s)}${j + 2}/Deelnemers!${kolom(3 + s)}${dLaatste + 1}`;
      cel.value = { formula: formule, result: a.uren.toNumber() };
      cel.numFmt = '#,##0.00';
    });
  }
  const rLaatste = rg.rowCount;
  const rt = rg.addRow([null, 'Totaal (exact)']);
  for (let c = 5; c <= rkoppen.length; c++) {
    const k = kolom(c);
    const waarde = c === 5 ? v.regionaal.reduce((t, r) => t + (r.regionaal && r.aandelen.some((a) => a.uren) ? r.regionaal.toNumber() : 0), 0) : v.matrix[c - 6]!.regionaal.toNumber();
    rt.getCell(c).value = { formula: `SUM(${k}${eerste}:${k}${rLaatste})`, result: waarde };
    rt.getCell(c).numFmt = '#,##0.00';
  }
  rt.font = { bold: true };
  rg.addRow([]);
  rg.addRow([null, celTekst(v.afrondingsregel)]);
  const hk = rg.addRow(['Code', 'In hele uren', 'Soort', 'Sleutel', 'Regionale uren', ...v.deelnemers.map((d) => celTekst(d.naam))]);
  kopStijl(rg, rkoppen.length, hk.number);
  for (const r of v.regionaal) {
    rg.addRow([celTekst(r.code), celTekst(r.project), r.soort, celTekst(r.sleutel), r.regionaal ? n(r.regionaal) : celTekst(r.woord), ...r.aandelen.map((a) => n(a.afgerond))]);
  }
  for (const s of v.regionaalPerSoort) {
    const row = rg.addRow([null, celTekst(`Totaal ${s.soort}`), null, null, n(s.regionaal), ...s.afgerond.map((x) => n(x))]);
    row.font = { bold: true };
  }
  return wb.bytes();
}
