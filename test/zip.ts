// @ts-expect-error: a plain .mjs script without types
import { maakZip as zipUitScript } from '../scripts/maak-corpus.mjs';

/**
 * A zip as a hostile or unusual generator makes it (the corpus script's writer): parts as text, or as
 * ready deflated bytes with a claimed size (a bomb's directory may say anything).
 */
export const maakZip = zipUitScript as (delen: Record<string, string | { deflated: Uint8Array; claimed: number }>) => Buffer;

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/** A minimal workbook's parts around one sheet, in a namespace prefix if asked (`x:` as the OpenXML SDK writes). */
export function werkboekDelen(sheet: string, extra: Record<string, string> = {}, opties: { prefix?: string; date1904?: boolean } = {}): Record<string, string> {
  const p = opties.prefix ? `${opties.prefix}:` : '';
  const ns = opties.prefix ? `xmlns:${opties.prefix}` : 'xmlns';
  return {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': `<?xml version="1.0"?><${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opties.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets><${p}sheet name="Export" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${sheet}</${p}sheetData></${p}worksheet>`,
    ...extra,
  };
}
