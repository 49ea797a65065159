import type ExcelJS from 'exceljs';

const VASTE_DATUM = new Date(Date.UTC(2000, 0, 1));

/** Serialises a workbook with fixed metadata dates, so the same input gives the same content. */
export async function werkboekBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.creator = 'vth';
  wb.lastModifiedBy = 'vth';
  wb.created = VASTE_DATUM;
  wb.modified = VASTE_DATUM;
  // Printed (or saved as PDF) every sheet fits the page width, landscape: a college reads it on paper.
  for (const ws of wb.worksheets) {
    ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
