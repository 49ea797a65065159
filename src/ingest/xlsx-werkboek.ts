/**
 * Reads a werkmap workbook into tables without a workbook library: every worksheet in tab order,
 * hidden ones marked, values as exceljs gave them (cached formula results, shared formulas, dates by
 * style and the 1904 system, percent formats, rich text, errors) and merged cells repeated over their
 * range. It works on the parts `pakUit` has unpacked and bounded, so memory stays near the size of
 * the workbook's XML (exceljs kept some 25 times that).
 */
import { normaliseer } from './cel.js';
import { OnleesbaarFout } from './fout.js';
import { maakTabel, type Cel, type Rij, type Tabel } from './tabel.js';
import { bladLezer, celWaarde, gedeeldeTekstenLezer, kolomIndex, leesRelaties, leesStijlen, leesWerkboekDeel } from './xlsx-xml.js';
import { WERKMAP_DIEPTE } from './grenzen.js';
import { leesXml, XmlDiepteFout, XmlFout } from './xml.js';

function adres(ref: string): { rij: number; kol: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { rij: Number(m[2]), kol: kolomIndex(m[1]!) } : { rij: 0, kol: -1 };
}

export function leesWerkboekXml(delen: Map<string, Buffer>, bestand: string): Tabel[] {
  const fout = (s: string) => new OnleesbaarFout(`${bestand} kan niet als Excel-werkmap worden gelezen (beschadigd of geen .xlsx): ${s}`, { bestand });
  /** Reads one part with `lees`; an XML error names the part. */
  const metDeel = <T>(naam: string, lees: (b: Buffer) => T): T | undefined => {
    const b = delen.get(naam.toLowerCase());
    if (b === undefined) return undefined;
    try {
      return lees(b);
    } catch (e) {
      if (e instanceof XmlDiepteFout) throw new OnleesbaarFout(`${bestand} wordt niet gelezen: onderdeel ${naam} ${e.message} (een werkblad gaat zo'n 6 diep)`, { bestand });
      if (e instanceof XmlFout) throw fout(`onderdeel ${naam}: ${e.message}`);
      throw e;
    }
  };

  const opties = { maxDiepte: WERKMAP_DIEPTE };
  const workbook = metDeel('xl/workbook.xml', (b) => leesWerkboekDeel(b, opties));
  if (workbook === undefined) throw fout('er is geen werkboek');
  const rels = metDeel('xl/_rels/workbook.xml.rels', (b) => leesRelaties(b, 'xl/workbook.xml', opties)) ?? new Map<string, string>();
  const { datum1904 } = workbook;
  const stijlen = metDeel('xl/styles.xml', (b) => leesStijlen(b, opties)) ?? [];
  const gedeeld: string[] = [];
  metDeel('xl/sharedStrings.xml', (b) => leesXml(b, gedeeldeTekstenLezer((t) => gedeeld.push(t)), opties));

  const tabellen: Tabel[] = [];
  for (const blad of workbook.bladen) {
    const doel = blad.id ? rels.get(blad.id) : undefined;
    const waarden = new Map<number, Map<number, Cel>>();
    const masters = new Map<string, string>();
    const merges: string[] = [];
    const lezer = bladLezer(
      (nr, cellen) => {
        for (const c of cellen) {
          const stijl = stijlen[c.s];
          let w = celWaarde(c, (i) => gedeeld[i] ?? { error: '#REF!' }, stijl?.datum === true, datum1904);
          const f = c.f;
          if (f) {
            if (f.tekst !== '') {
              if (f.t === 'shared' && f.si !== undefined && c.ref) masters.set(f.si, c.ref);
              w = { formula: f.tekst, result: w };
            } else if (f.si !== undefined && masters.has(f.si)) w = { sharedFormula: masters.get(f.si)!, result: w };
          }
          if (w === undefined) continue;
          const cel = normaliseer(w as never, stijl?.numFmt);
          if (cel.t === 'leeg') continue;
          let rij = waarden.get(nr);
          if (!rij) waarden.set(nr, (rij = new Map()));
          rij.set(c.kol, cel);
        }
      },
      { perMerge: (ref) => merges.push(ref) },
    );
    // Chart sheets and sheets whose part is missing carry no cells; exceljs leaves them out too.
    if (!doel || metDeel(doel, (b) => (leesXml(b, lezer, opties), true)) === undefined || !lezer.isWerkblad()) continue;
    // A merged range shows its first cell's value in every cell, as exceljs reads it; only within the
    // used range (the rows and columns that hold values), so that `A2:XFD1048576` costs nothing
    // beyond the cells there are. Excel's merges never overlap: together they cover the used range at
    // most once, and more than that is refused rather than worked through.
    if (merges.length) {
      let maxRij = 0;
      let maxKol = -1;
      for (const [rn, rij] of waarden) {
        if (rn > maxRij) maxRij = rn;
        for (const k of rij.keys()) if (k > maxKol) maxKol = k;
      }
      let ruimte = maxRij * (maxKol + 1);
      for (const ref of new Set(merges)) {
        const [a, b] = ref.split(':');
        if (!a || !b) continue;
        const van = adres(a);
        const tot = adres(b);
        const meester = waarden.get(van.rij)?.get(van.kol);
        if (!meester || van.kol < 0 || tot.kol < 0) continue;
        const totRij = Math.min(tot.rij, maxRij);
        const totKol = Math.min(tot.kol, maxKol);
        if (totRij < van.rij || totKol < van.kol) continue;
        ruimte -= (totRij - van.rij + 1) * (totKol - van.kol + 1);
        if (ruimte < 0) throw fout(`blad "${blad.naam}": de samengevoegde cellen (${ref} en andere) overlappen elkaar`);
        for (let rn = van.rij; rn <= totRij; rn++) {
          for (let k = van.kol; k <= totKol; k++) {
            let rij = waarden.get(rn);
            if (!rij) waarden.set(rn, (rij = new Map()));
            rij.set(k, meester);
          }
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
    const tabel = maakTabel(bestand, blad.naam, rijen);
    tabellen.push(blad.verborgen ? { ...tabel, verborgen: true } : tabel);
  }
  return tabellen;
}
