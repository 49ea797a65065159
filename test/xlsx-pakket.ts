/** Complete .xlsx packages as Excel lays them out, from hand-made XML (for the reader tests). */
import { maakZip } from './zip.js';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
export const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${NS_R}"><workbookPr/><sheets><sheet name="Blad" sheetId="1" r:id="rId1"/></sheets></workbook>`;
/** Styles: 0 General, 1 a built-in date (14), 2 a custom date-time format, 3 a percentage. */
export const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy\\ hh:mm"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
export const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="3" uniqueCount="3"><si><t>productcode</t></si><si><t>uren</t></si><si><r><t>A1.</t></r><r><t>01.00</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>`;
/** A sheet body: a header and rows of every kind of value. */
export const RIJEN =
  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>datum</t></is></c><c r="D1" t="inlineStr"><is><t>overig</t></is></c></row>` +
  `<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>18632.57</v></c><c r="C2" s="1"><v>45658</v></c><c r="D2" t="b"><v>1</v></c></row>` +
  `<row r="3"><c r="A3" t="inlineStr"><is><t>B2.00.00</t></is></c><c r="B3"><v>-4</v></c><c r="C3" s="2"><v>45658.75</v></c><c r="D3" t="e"><v>#N/A</v></c></row>` +
  `<row r="4"><c r="A4" t="str"><f>A3</f><v>uit formule</v></c><c r="B4" s="3"><v>0.25</v></c><c r="D4"><f>1/0</f></c></row>`;

export interface Delen {
  workbook?: string;
  sheet?: string;
  sst?: string;
  styles?: string;
}

export const blad = (rijen: string, voor = '', na = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${NS_R}">${voor}<sheetData>${rijen}</sheetData>${na}</worksheet>`;

/** A complete package as Excel lays it out; a part given as bytes is stored as those bytes. */
export function pakket(d: Delen, bytes: Record<string, Buffer> = {}): Buffer {
  const delen: Record<string, string | Buffer> = {
    '[Content_Types].xml': CT,
    '_rels/.rels': RELS,
    'xl/workbook.xml': d.workbook ?? WORKBOOK,
    'xl/_rels/workbook.xml.rels': WB_RELS,
    'xl/styles.xml': d.styles ?? STYLES,
    'xl/sharedStrings.xml': d.sst ?? SST,
    'xl/worksheets/sheet1.xml': d.sheet ?? blad(RIJEN),
  };
  return maakZip({ ...delen, ...bytes } as never);
}

