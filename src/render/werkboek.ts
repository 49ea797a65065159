import type ExcelJS from 'exceljs';

const VASTE_DATUM = new Date(Date.UTC(2000, 0, 1));

/** Serialises a workbook with fixed metadata dates, so the same input gives the same content. */
export async function werkboekBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.creator = 'vth';
  wb.lastModifiedBy = 'vth';
  wb.created = VASTE_DATUM;
  wb.modified = VASTE_DATUM;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
