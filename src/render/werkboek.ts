import type { Werkboek } from './xlsx-schrijver.js';

/** Serialises a document workbook: printed (or saved as PDF) every sheet fits the page width, landscape, on A4. */
export function werkboekBytes(wb: Werkboek): Uint8Array {
  for (const ws of wb.worksheets) {
    ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  }
  return wb.bytes();
}
