import type { VerantwoordingView } from '../report/verantwoording.js';
import type { Werkboek } from './xlsx-schrijver.js';
import { celTekst, kopStijl } from './xlsx-stijl.js';

/** Sheet Verantwoording: the chapters without the municipality's own text, then the input findings. */
export function voegVerantwoordingBladToe(wb: Werkboek, v: VerantwoordingView): void {
  const ws = wb.addWorksheet('Verantwoording', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [16, 100, 50] });
  const koppen = ['Soort', 'Bevinding', 'Plaats'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  for (const t of v.ontbrekendeTeksten) {
    ws.addRow(['tekst ontbreekt', celTekst(`Hoofdstuk "${t.hoofdstuk}" heeft geen eigen tekst: ${t.hint}`), celTekst(`blad Teksten, sectie "${t.sleutel}"`)]);
  }
  for (const m of v.meldingen) ws.addRow([m.niveau, celTekst(m.bericht), celTekst(m.waar)]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
}
