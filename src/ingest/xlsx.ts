import { OnleesbaarFout } from './fout.js';
import { mbTekst, werkmapGrenzen } from './grenzen.js';
import type { Tabel } from './tabel.js';
import { leesWerkboekXml } from './xlsx-werkboek.js';
import { geenZipReden, isCompoundFile, leesZipInhoud, pakUit, zoekEinde } from './zip.js';

/**
 * Reads a whole workbook into tables, one per worksheet (hidden sheets included and marked). The
 * parts are bounded by what they really unpack to before anything is parsed; then vth's own reader
 * (`xlsx-werkboek.ts`) reads them. exceljs is no longer needed to read: it took some 25 times the
 * XML in memory and failed on openpyxl's comments (issue 2797); test/xlsx-werkboek.test.ts keeps it
 * as the oracle that the own reader must agree with on every workbook in the repository.
 */
export async function leesXlsx(buf: Buffer, bestand: string): Promise<Tabel[]> {
  if (buf.length === 0) throw new OnleesbaarFout(`${bestand} is leeg`, { bestand });
  if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
    // A zip with something before it (a damaged download, a self-extracting archive) is no .xlsx
    // Excel writes, but neither an old .xls: say which.
    if (!isCompoundFile(buf) && zoekEinde(buf.subarray(Math.max(0, buf.length - 65_557)))) {
      throw new OnleesbaarFout(`${bestand} is beschadigd: er staan gegevens vóór de inhoud van de werkmap; open het in Excel of LibreOffice en sla het opnieuw op als .xlsx`, { bestand });
    }
    throw new OnleesbaarFout(`${bestand} ${geenZipReden(buf, true)}`, { bestand });
  }
  const inhoud = leesZipInhoud(buf);
  if (!inhoud) {
    throw new OnleesbaarFout(`${bestand} kan niet als Excel-werkmap worden gelezen (beschadigd of afgebroken bestand)`, { bestand });
  }
  if (!inhoud.namen.some((n) => /^xl\/workbook\.xml$/i.test(n))) {
    throw new OnleesbaarFout(`${bestand} is wel een zip-bestand, maar geen Excel-werkmap (er zit geen werkboek in)`, { bestand });
  }
  const g = werkmapGrenzen();
  const GRENS = 'grens: VTH_MAX_WERKMAP_MB, zie docs/werkmap.md';
  if (inhoud.grootste.grootte > g.maxDeel || inhoud.totaal > g.maxTotaal) {
    throw new OnleesbaarFout(
      `${bestand} wordt niet gelezen: uitgepakt zou het ${mbTekst(inhoud.totaal)} zijn (onderdeel ${inhoud.grootste.naam}: ${mbTekst(inhoud.grootste.grootte)}); dat is voor een werkmap onwaarschijnlijk groot (${GRENS})`,
      { bestand },
    );
  }
  // What the directory claims may be a lie: the parts are unpacked once, bounded, before parsing.
  const uit = pakUit(buf, inhoud, g);
  if ('reden' in uit) throw new OnleesbaarFout(`${bestand} wordt niet gelezen: ${uit.reden}${uit.grootte ? ` (${GRENS})` : ''}`, { bestand });
  const tabellen = leesWerkboekXml(uit.delen, bestand);
  if (tabellen.length === 0) throw new OnleesbaarFout(`${bestand} bevat geen werkbladen`, { bestand });
  return tabellen;
}
