import type { Blad, Lettertype, Vulling, Werkboek } from './xlsx-schrijver.js';
import type { RisicoView } from '../report/risico.js';
import { klasseKleur } from './kleuren.js';
import { celTekst, kopStijl, nlFormaat } from './xlsx-stijl.js';

const KLASSE_LETTER: Lettertype = { color: { argb: 'FFFFFFFF' }, bold: true };

/** Adds the ranked risk table as a sheet. Effect and risico are live formulas over the scores. */
export function voegRisicoBladToe(wb: Werkboek, view: RisicoView, naam = 'Risicoanalyse'): Blad {
  const dims = view.model.dimensies;
  const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [6, 8, 60, 24, ...dims.map(() => 12), 10, 8, 10, 12, 16, 50] });
  const koppen = ['Rang', 'Id', 'Activiteit', 'Groep', ...dims.map((d) => d.naam), 'Effect', 'Kans', 'Risico', 'Klasse', 'Berekende klasse', 'Motivatie'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  // Weights and factor live in the formulas so that a user who edits a score sees the effect.
  const gewichtSom = dims.reduce((a, d) => a + d.gewicht.toNumber(), 0);
  const eersteDim = 5;
  const kol = (i: number) => ws.getColumn(i).letter;
  // One fill per class, made once: the writer finds a style by its value, and 100.000 rows share a few.
  const vullingen = new Map<number, Vulling>();
  const vulling = (niveau: number): Vulling => {
    let v = vullingen.get(niveau);
    if (!v) vullingen.set(niveau, (v = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + klasseKleur(niveau, view.model.klassen.length).slice(1).toUpperCase() } }));
    return v;
  };
  view.rijen.forEach((r, i) => {
    const rij = i + 2;
    const scores = r.scores;
    const row = ws.addRow([
      r.rang,
      celTekst(r.id),
      celTekst(r.activiteit),
      celTekst(r.groep),
      ...dims.map((d) => scores.find((s) => s.naam === d.naam)?.score.toNumber() ?? null),
    ]);
    const somTerm = dims.map((d, j) => `${d.gewicht.toNumber()}*${kol(eersteDim + j)}${rij}`).join('+');
    const eCol = eersteDim + dims.length;
    row.getCell(eCol).value = { formula: `(${somTerm})/${gewichtSom}`, result: r.effect.toNumber() };
    row.getCell(eCol + 1).value = r.kans.toNumber();
    row.getCell(eCol + 2).value = {
      formula: `${view.model.factor.toNumber()}*${kol(eCol)}${rij}*${kol(eCol + 1)}${rij}`,
      result: r.risico.toNumber(),
    };
    row.getCell(eCol + 3).value = celTekst(r.klasse);
    row.getCell(eCol + 4).value = celTekst(r.klasseBerekend);
    row.getCell(eCol + 5).value = celTekst(r.motivatie);
    row.getCell(eCol).numFmt = nlFormaat(view.model.decimalen.effect);
    row.getCell(eCol + 2).numFmt = nlFormaat(view.model.decimalen.risico);
    row.getCell(eCol + 3).fill = vulling(r.klasseNiveau);
    row.getCell(eCol + 3).font = KLASSE_LETTER;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  return ws;
}
