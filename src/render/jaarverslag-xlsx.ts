import { type Blad, type CelWaarde, type Rij, Werkboek } from './xlsx-schrijver.js';
import type { JaarverslagView } from '../report/jaarverslag.js';
import type { VerantwoordingView } from '../report/verantwoording.js';
import { voegVerantwoordingBladToe } from './verantwoording-xlsx.js';
import { celTekst, getalFormaat, kopStijl } from './xlsx-stijl.js';
import { voegKwaliteitBladenToe } from './kwaliteit-xlsx.js';

const n = (r: { toNumber(): number } | undefined) => (r === undefined ? null : r.toNumber());

function blad(wb: Werkboek, naam: string, koppen: string[], breedtes: number[]): Blad {
  const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }], breedtes });
  ws.addRow(koppen);
  kopStijl(ws, koppen.length);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: koppen.length } };
  return ws;
}

/** Percentage as a live formula over two cells of the same row, with the tool's figure cached. */
function procentCel(row: Rij, kol: number, deel: string, geheel: string, waarde: { toNumber(): number } | undefined): void {
  if (waarde === undefined) return;
  row.getCell(kol).value = { formula: `IF(${geheel}${row.number}=0,"",${deel}${row.number}/${geheel}${row.number})`, result: waarde.toNumber() / 100 };
  row.getCell(kol).numFmt = '0.0%';
}

/** The jaarverslag workbook: Samenvatting, Realisatie, Taakvelden, Projecten, Uitstel, Doelen, Tijdigheid, Verbeterpunten, Verantwoording. */
export async function jaarverslagXlsx(v: JaarverslagView, verantwoording: VerantwoordingView): Promise<Uint8Array> {
  const wb = new Werkboek();
  wb.title = v.titel;
  wb.koptekst = v.titel;
  const sam = wb.addWorksheet('Samenvatting', { breedtes: [40, 30] });
  const real = blad(wb, 'Realisatie', ['Code', 'Product', 'Taakveld', 'Afdeling', 'Gepland aantal', 'Gerealiseerd aantal', '% aantal', 'Geplande uren', 'Gerealiseerde uren', '% uren', 'Bron', 'Afwijking', 'Toelichting'], [12, 50, 16, 26, 12, 12, 10, 12, 12, 10, 10, 10, 60]);
  for (const r of v.realisatie.regels) {
    const row = real.addRow([celTekst(r.code), celTekst(r.product), celTekst(r.taakveld), celTekst(r.afdeling), n(r.planAantal), n(r.aantal), null, n(r.planUren), n(r.uren), null, r.bron === 'geen' ? 'onbekend' : r.bron, r.afwijking ? 'ja' : 'nee', celTekst(r.toelichting ?? '')]);
    procentCel(row, 7, 'F', 'E', r.aantal && r.planAantal ? r.procentAantal : undefined);
    procentCel(row, 10, 'I', 'H', r.uren && r.planUren ? r.procentUren : undefined);
    for (const [k, w] of [[5, r.planAantal], [6, r.aantal], [8, r.planUren], [9, r.uren]] as const) row.getCell(k).numFmt = getalFormaat(w);
  }
  // Every realised hour once: the percentage compares the lines with a plan; what was realised on lines
  // planned without a count or hours has its own column, and the total is the sum of both.
  const tv = blad(
    wb,
    'Taakvelden',
    ['Taakveld', 'Gepland aantal', 'Gerealiseerd aantal (regels met plan)', '% aantal', 'Gerealiseerd aantal (regels zonder plan)', 'Geplande uren', 'Gerealiseerde uren (regels met plan)', '% uren', 'Gerealiseerde uren (regels zonder plan)', 'Gerealiseerde uren totaal'],
    [24, 14, 16, 10, 16, 14, 16, 10, 16, 14],
  );
  for (const t of v.realisatie.taakvelden) {
    const row = tv.addRow([celTekst(t.taakveld), n(t.planAantal), n(t.aantalMetPlan), null, n(t.aantalZonderPlan), n(t.planUren), n(t.urenMetPlan), null, n(t.urenZonderPlan)]);
    row.getCell(10).value = { formula: `G${row.number}+I${row.number}`, result: t.uren.toNumber() };
    procentCel(row, 4, 'C', 'B', t.procentAantal);
    procentCel(row, 8, 'G', 'F', t.procentUren);
    for (const [k, w] of [[2, t.planAantal], [3, t.aantalMetPlan], [5, t.aantalZonderPlan], [6, t.planUren], [7, t.urenMetPlan], [9, t.urenZonderPlan], [10, t.uren]] as const) row.getCell(k).numFmt = getalFormaat(w);
  }
  if (v.projecten.regels.length) {
    const pr = blad(wb, 'Projecten', ['Code', 'Project of dienst', 'Soort', 'Geplande uren', 'Gerealiseerde uren', '% uren', 'Toelichting'], [10, 44, 10, 14, 14, 10, 60]);
    for (const p of v.projecten.regels) {
      const row = pr.addRow([celTekst(p.code), celTekst(p.project), p.soort, p.planUren ? n(p.planUren) : celTekst(p.woord), n(p.uren), null, celTekst(p.toelichting ?? '')]);
      procentCel(row, 6, 'E', 'D', p.uren && p.planUren ? p.procent : undefined);
      for (const [k, w] of [[4, p.planUren], [5, p.uren]] as const) row.getCell(k).numFmt = getalFormaat(w);
    }
  }
  if (v.uitstel.length) {
    const us = blad(wb, 'Uitstel', ['Code', 'Product', 'Afdeling', 'Klasse', 'Gepland aantal', 'Uitgesteld aantal', 'Gerealiseerd aantal', 'Geplande uren', 'Uitgestelde uren', 'Gerealiseerde uren', 'Uitkomst', 'Uitleg'], [10, 44, 24, 10, 12, 12, 12, 12, 12, 12, 26, 60]);
    for (const u of v.uitstel) {
      const row = us.addRow([celTekst(u.code), celTekst(u.product), celTekst(u.afdeling), celTekst(u.klasse), n(u.planAantal), n(u.uitgesteldAantal), n(u.aantal), n(u.planUren), n(u.uitgesteldUren), n(u.uren), u.uitkomst, celTekst(u.uitleg)]);
      for (const [k, w] of [[5, u.planAantal], [6, u.uitgesteldAantal], [7, u.aantal], [8, u.planUren], [9, u.uitgesteldUren], [10, u.uren]] as const) row.getCell(k).numFmt = getalFormaat(w);
    }
  }
  const doelen = blad(wb, 'Doelen', ['Id', 'Doel', 'Indicator', 'Streefwaarde', 'Gerealiseerd', 'Uitkomst', 'Toelichting'], [8, 50, 50, 14, 14, 14, 60]);
  for (const d of v.doelen) {
    const row = doelen.addRow([celTekst(d.id), celTekst(d.doel), celTekst(d.indicator), celTekst(d.streefwaarde), celTekst(d.waarde), d.uitkomst, celTekst(d.reden)]);
    row.getCell(6).font = { bold: true, color: { argb: d.uitkomst === 'behaald' ? 'FF2E7D32' : d.uitkomst === 'niet behaald' ? 'FFC62828' : 'FF616161' } };
    // With several indicators the row above is the goal's outcome over all of them; each indicator follows with its own.
    if (d.indicatoren.length > 1) for (const x of d.indicatoren) doelen.addRow([celTekst(d.id), null, celTekst(x.indicator), celTekst(x.streefwaarde), celTekst(x.waarde), x.uitkomst]);
  }
  if (v.tijdigheid) {
    const t = blad(wb, 'Tijdigheid', ['Procedure', 'Termijn', 'Besloten', 'Binnen termijn', 'Te laat', '% tijdig', 'Verdaagd', 'Open eind jaar', 'Open over termijn'], [20, 28, 10, 14, 10, 10, 10, 14, 16]);
    for (const p of v.tijdigheid.perProcedure) {
      const row = t.addRow([p.procedure, p.termijn, p.besloten, p.binnenTermijn, p.teLaat, null, p.verdaagd, p.open, p.openOverTermijn]);
      if (p.aandeelTijdig) {
        row.getCell(6).value = { formula: `IF(D${row.number}+E${row.number}=0,"",D${row.number}/(D${row.number}+E${row.number}))`, result: p.aandeelTijdig.toNumber() / 100 };
        row.getCell(6).numFmt = '0.0%';
      }
    }
  }
  const vp = blad(wb, 'Verbeterpunten', ['Nr', 'Verbeterpunt', 'Status', 'Toelichting'], [6, 70, 16, 60]);
  for (const p of v.verbeterpunten) vp.addRow([celTekst(p.nr), celTekst(p.verbeterpunt), p.status, celTekst(p.toelichting)]);
  if (v.kwaliteitscriteria) voegKwaliteitBladenToe(wb, v.kwaliteitscriteria, { medewerkers: false });
  voegVerantwoordingBladToe(wb, verantwoording);

  sam.addRow([v.titel]).font = { bold: true, size: 14 };
  sam.addRow([]);
  const rij = (label: string, waarde: CelWaarde, fmt?: string) => {
    const r = sam.addRow([label, waarde]);
    if (fmt) r.getCell(2).numFmt = fmt;
  };
  rij('Gemeente', celTekst(v.gemeente));
  rij('Jaar', typeof v.jaar === 'number' ? v.jaar : null);
  rij('Geplande uren (regels met realisatie)', n(v.samenvatting.planUren), '#,##0');
  rij('Gerealiseerde uren op die regels', n(v.samenvatting.urenMetPlan), '#,##0');
  if (v.samenvatting.procentUren) rij('Realisatie uren', { formula: 'IF(B5=0,"",B6/B5)', result: v.samenvatting.procentUren.toNumber() / 100 }, '0.0%');
  rij('Gerealiseerde uren op regels zonder geplande uren', n(v.samenvatting.urenZonderPlan), '#,##0');
  rij('Gerealiseerde uren totaal', n(v.samenvatting.uren), '#,##0');
  rij('Doelen behaald', `${v.samenvatting.doelenBehaald} van ${v.samenvatting.doelenMetStreefwaarde}`);
  return wb.bytes();
}
