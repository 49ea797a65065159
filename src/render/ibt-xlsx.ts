import { type Cel, Werkboek } from './xlsx-schrijver.js';
import type { Kleur } from '../compute/ibt.js';
import type { IbtView, OverzichtRij } from '../report/ibt.js';
import { celTekst, kopStijl } from './xlsx-stijl.js';

const VULLING: Record<Kleur | 'niet te beoordelen', string> = { groen: 'FF2E7D32', oranje: 'FFEF6C00', rood: 'FFC62828', grijs: 'FF757575', 'niet te beoordelen': 'FF757575' };

function kleurCel(c: Cel, kleur: Kleur | 'niet te beoordelen'): void {
  c.value = kleur;
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: VULLING[kleur] } };
  c.font = { color: { argb: 'FFFFFFFF' }, bold: true };
}

/** One municipality: the criteria with colour fill, reason and evidence; the improvement points. */
export async function ibtXlsx(v: IbtView): Promise<Uint8Array> {
  const wb = new Werkboek();
  wb.title = v.titel;
  const ws = wb.addWorksheet('Criteria', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [6, 44, 14, 10, 70, 90] });
  const koppen = ['Nr', 'Criterium', 'Oordeel', 'Kleur', 'Reden', 'Onderbouwing'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  for (const c of v.criteria) {
    const r = ws.addRow([c.nr, celTekst(c.naam), celTekst(c.oordeel), null, celTekst(c.reden), celTekst(c.bewijs.join('; '))]);
    kleurCel(r.getCell(4), c.kleur);
  }
  const t = ws.addRow([null, 'Totaaloordeel', celTekst(v.totaalOordeel), null, celTekst(v.regel)]);
  t.font = { bold: true };
  kleurCel(t.getCell(4), v.totaal);
  const k = wb.addWorksheet('Kerncijfers', { breedtes: [32, 80] });
  // The workbook says whose and which year it is, on screen and on paper.
  k.addRow(['Gemeente', celTekst(v.gemeente)]);
  k.addRow(['Jaar', v.jaar]);
  k.addRow(['Provincieprofiel', celTekst(v.profiel.naam)]);
  k.addRow(['Bron van het profiel', celTekst(v.profiel.bron)]);
  if (v.peildatum) k.addRow(['Peildatum', v.peildatum]);
  if (v.profiel.opmerking) k.addRow(['Opmerking', celTekst(v.profiel.opmerking)]);
  for (const b of v.bevindingen) k.addRow(['Bevinding', celTekst(b)]);
  for (const x of v.kerncijfers) k.addRow([x.label, x.waarde]);
  const vp = wb.addWorksheet('Verbeterpunten', { views: [{ state: 'frozen', ySplit: 1 }], breedtes: [6, 70, 16, 60] });
  vp.addRow(['Nr', 'Verbeterpunt', 'Status', 'Toelichting']);
  kopStijl(vp, 4);
  for (const p of v.verbeterpunten) vp.addRow([celTekst(p.nr), celTekst(p.verbeterpunt), p.status, celTekst(p.toelichting)]);
  for (const blad of wb.worksheets) blad.headerFooter.oddHeader = `&L${v.titel.replace(/&/g, '&&')}`;
  return wb.bytes();
}

/** The region overview: a row per municipality, the colour per criterion as fill and as word. */
export async function overzichtXlsx(jaar: number | string, rijen: OverzichtRij[], criteria: string[], regel: string): Promise<Uint8Array> {
  const wb = new Werkboek();
  wb.title = `IBT-overzicht VTH ${jaar}`;
  const ws = wb.addWorksheet('Overzicht', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], breedtes: [28, ...criteria.map(() => 14), 18, 14, 16, 14, 12, 14, 18, 16, 30, 60] });
  const koppen = ['Gemeente', ...criteria.map((c, i) => `${i + 1}. ${c}`), 'Totaal', 'Benodigd (uren)', 'Beschikbaar (uren)', 'Realisatie (%)', 'Tijdig (%)', 'Doelen behaald', 'Open verbeterpunten', 'Profiel', 'Bron', 'Opmerking'];
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  for (const r of rijen) {
    const k = r.kerncijfers;
    const row = ws.addRow([celTekst(r.gemeente), ...criteria.map(() => null), null, k.benodigd, k.beschikbaar, k.realisatieProcent, k.tijdig, celTekst(k.doelen), k.openVerbeterpunten, celTekst(r.profiel), celTekst(r.bron), celTekst(r.reden)]);
    r.kleuren.forEach((kl, i) => kleurCel(row.getCell(i + 2), kl));
    kleurCel(row.getCell(criteria.length + 2), r.totaal);
    for (const c of [criteria.length + 3, criteria.length + 4]) row.getCell(c).numFmt = '#,##0';
    for (const c of [criteria.length + 5, criteria.length + 6]) row.getCell(c).numFmt = '0.0';
  }
  ws.getRow(1).height = 60;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  const u = wb.addWorksheet('Toelichting', { breedtes: [16, 100] });
  // Profile texts (a user's own profile) go through the same guard as werkmap text: never a formula.
  u.addRow(['Totaaloordeel', celTekst(regel)]);
  criteria.forEach((c, i) => u.addRow([`Criterium ${i + 1}`, celTekst(c)]));
  return wb.bytes();
}
