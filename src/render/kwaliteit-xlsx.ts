import type { KwaliteitView } from '../report/kwaliteit.js';
import type { Werkboek } from './xlsx-schrijver.js';
import { celTekst, kopStijl, nlFormaat } from './xlsx-stijl.js';

const KLEUR: Record<string, string> = {
  voldoet: 'FFC8E6C9',
  'voldoet niet': 'FFFFCDD2',
  'gemotiveerd afgeweken': 'FFFFE0B2',
  'elders belegd': 'FFE3F2FD',
  'niet te beoordelen': 'FFE0E0E0',
};

/**
 * Sheet Kwaliteitscriteria: per area the norm, the people and the qualified among them, the latter a
 * COUNTIFS over sheet Medewerkers, so that a user who corrects a person's row sees the count move.
 * Sheet Medewerkers: every person per area with what they fall short on.
 */
export function voegKwaliteitBladenToe(wb: Werkboek, v: KwaliteitView, opties: { medewerkers?: boolean } = {}): void {
  // The jaarverslag's workbook goes to the college with the document: areas only, no one by name.
  const metMedewerkers = opties.medewerkers ?? true;
  const ws = wb.addWorksheet('Kwaliteitscriteria', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [30, 12, 14, 14, 24, 24, 12, 14, 22, 60, 60, 50] });
  const koppen = ['Gebied', 'Norm: aantal', 'Norm: uren per persoon', 'Norm: werkervaring (jaren)', 'Opleiding', 'Belegd bij', 'Medewerkers', 'Gekwalificeerd', 'Oordeel', 'Reden', 'Motivering', 'Ontbreekt'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  const personen = v.gebieden.reduce((n, g) => n + g.personen.length, 0);
  const laatste = personen + 1;
  for (const g of v.gebieden) {
    const row = ws.addRow([celTekst(g.gebied), g.normWaarden.aantal, g.normWaarden.frequentie, g.normWaarden.werkervaring, celTekst(g.norm.opleiding), celTekst(g.belegdBij)]);
    const i = row.number;
    row.getCell(7).value = metMedewerkers ? { formula: `COUNTIF(Medewerkers!$A$2:$A$${laatste},A${i})`, result: g.medewerkers } : g.medewerkers;
    row.getCell(8).value = metMedewerkers ? { formula: `COUNTIFS(Medewerkers!$A$2:$A$${laatste},A${i},Medewerkers!$H$2:$H$${laatste},"ja")`, result: g.gekwalificeerd } : g.gekwalificeerd;
    row.getCell(9).value = g.oordeel;
    row.getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: KLEUR[g.oordeel]! } };
    row.getCell(10).value = celTekst(g.reden);
    row.getCell(11).value = celTekst(g.motivering);
    row.getCell(12).value = celTekst(g.ontbreekt.join('; '));
    for (const c of [2, 3, 4, 7, 8]) row.getCell(c).numFmt = nlFormaat(0);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  if (!metMedewerkers) return;

  const mw = wb.addWorksheet('Medewerkers', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [30, 24, 22, 14, 14, 12, 14, 14, 60] });
  const mk = ['Gebied', 'Medewerker', 'Afdeling', 'Opleiding', 'Werkervaring (jaren)', 'Uren', 'Bron uren', 'Gekwalificeerd', 'Toelichting'];
  mw.addRow(mk);
  kopStijl(mw, mk.length);
  for (const g of v.gebieden) {
    for (const p of g.personen) {
      const row = mw.addRow([
        celTekst(g.gebied),
        celTekst(p.medewerker),
        celTekst(p.afdeling),
        celTekst(p.opleiding),
        p.werkervaringGetal ?? 'onbekend',
        p.urenGetal ?? 'onbekend',
        p.urenBron,
        p.status === 'gekwalificeerd' ? 'ja' : p.status === 'tekort' ? 'nee' : 'onbekend',
        celTekst(p.toelichting),
      ]);
      row.getCell(5).numFmt = nlFormaat(0);
      row.getCell(6).numFmt = nlFormaat(0);
    }
  }
  mw.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: mk.length } };
}
