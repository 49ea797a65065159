/**
 * Reads a werkmap workbook into tables without a workbook library: every worksheet in tab order,
 * hidden ones marked, values as exceljs gave them (cached formula results, shared formulas, dates by
 * style and the 1904 system, percent formats, rich text, errors) and merged cells repeated over their
 * range. It works on the parts `pakUit` has unpacked and bounded, so memory stays near the size of
 * the workbook's XML (exceljs kept some 25 times that).
 */
import path from 'node:path';
import { normaliseer } from './cel.js';
import { OnleesbaarFout } from './fout.js';
import { maakTabel, type Cel, type Rij, type Tabel } from './tabel.js';
import { attr, CEL, celWaardeXml, kolomIndex, prefixWisser, RIJ, runTekst, stijlInfo, xmlTekst } from './xlsx-xml.js';

function adres(ref: string): { rij: number; kol: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  return m ? { rij: Number(m[2]), kol: kolomIndex(m[1]!) } : { rij: 0, kol: -1 };
}

export function leesWerkboekXml(delen: Map<string, Buffer>, bestand: string): Tabel[] {
  const fout = (s: string) => new OnleesbaarFout(`${bestand} kan niet als Excel-werkmap worden gelezen (beschadigd of geen .xlsx): ${s}`, { bestand });
  const deel = (naam: string): string | undefined => {
    const b = delen.get(naam.toLowerCase());
    return b === undefined ? undefined : prefixWisser()(b.toString('utf8'), true);
  };

  const workbook = deel('xl/workbook.xml');
  if (workbook === undefined) throw fout('er is geen werkboek');
  const rels = new Map<string, string>();
  for (const m of (deel('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const doel = attr(m[1]!, 'Target');
    if (id && doel) rels.set(id, doel.startsWith('/') ? doel.slice(1) : path.posix.normalize(`xl/${doel}`));
  }
  const datum1904 = /<workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbook);
  const stijlen = stijlInfo(deel('xl/styles.xml') ?? '');
  const gedeeld: string[] = [];
  for (const m of (deel('xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) gedeeld.push(m[1] === undefined ? '' : runTekst(m[1]));
  const alsDatum = (v: number) => new Date(Math.round((v - (datum1904 ? 24107 : 25569)) * 86_400_000));

  const tabellen: Tabel[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = m[1]!;
    const naam = xmlTekst(attr(a, 'name') ?? '');
    const id = /\s(?:[\w.-]+:)?id="([^"]*)"/.exec(a)?.[1];
    const doel = id ? rels.get(id) : undefined;
    const xml = doel ? deel(doel) : undefined;
    // Chart sheets and sheets whose part is missing carry no cells; exceljs leaves them out too.
    if (xml === undefined || !/<worksheet\b/.test(xml)) continue;
    const verborgen = /^(hidden|veryHidden)$/.test(attr(a, 'state') ?? '');
    const waarden = new Map<number, Map<number, Cel>>();
    const masters = new Map<string, string>();
    let volgendeRij = 1;
    const sheetData = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml)?.[1] ?? '';
    for (const r of sheetData.matchAll(RIJ)) {
      const nr = Number(attr(r[1]!, 'r') ?? volgendeRij);
      volgendeRij = nr + 1;
      if (!r[2]) continue;
      let kol = 0;
      for (const c of r[2].matchAll(CEL)) {
        const ca = c[1]!;
        const ref = attr(ca, 'r');
        if (ref) kol = adres(ref).kol;
        const binnen = c[2] ?? '';
        const t = attr(ca, 't') ?? 'n';
        const stijl = stijlen[Number(attr(ca, 's') ?? 0)];
        let w = celWaardeXml(t, binnen, (i) => gedeeld[i] ?? { error: '#REF!' }, stijl?.datum === true, alsDatum);
        const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(binnen);
        if (f) {
          const fa = f[1]!;
          const si = attr(fa, 'si');
          if (f[2] !== undefined && f[2] !== '') {
            if (attr(fa, 't') === 'shared' && si !== undefined && ref) masters.set(si, ref);
            w = { formula: xmlTekst(f[2]), result: w };
          } else if (si !== undefined && masters.has(si)) w = { sharedFormula: masters.get(si)!, result: w };
        }
        if (w !== undefined) {
          const cel = normaliseer(w as never, stijl?.numFmt);
          if (cel.t !== 'leeg') {
            let rij = waarden.get(nr);
            if (!rij) waarden.set(nr, (rij = new Map()));
            rij.set(kol, cel);
          }
        }
        kol++;
      }
    }
    // A merged range shows its first cell's value in every cell, as exceljs reads it.
    for (const mc of xml.matchAll(/<mergeCell\b[^>]*?\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const van = adres(mc[1]!);
      const tot = adres(mc[2]!);
      const meester = waarden.get(van.rij)?.get(van.kol);
      if (!meester) continue;
      for (let rn = van.rij; rn <= tot.rij; rn++) {
        for (let k = van.kol; k <= tot.kol; k++) {
          let rij = waarden.get(rn);
          if (!rij) waarden.set(rn, (rij = new Map()));
          rij.set(k, meester);
        }
      }
    }
    const rijen: Rij[] = [...waarden.keys()]
      .sort((x, y) => x - y)
      .map((rn) => {
        const cellen: Cel[] = [];
        for (const [k, cel] of waarden.get(rn)!) cellen[k] = cel;
        for (let i = 0; i < cellen.length; i++) if (!cellen[i]) cellen[i] = { t: 'leeg' };
        return { rij: rn, cellen };
      });
    const tabel = maakTabel(bestand, naam, rijen);
    tabellen.push(verborgen ? { ...tabel, verborgen: true } : tabel);
  }
  return tabellen;
}
