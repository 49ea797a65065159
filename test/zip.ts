import { deflateRawSync } from 'node:zlib';

const CRC_TABEL = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABEL[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip as a hostile or unusual generator makes it: parts given as text or as ready deflated bytes
 * with a claimed size (a bomb's directory may say anything). Not a general zip writer.
 */
export function maakZip(delen: Record<string, string | { deflated: Uint8Array; claimed: number; crc?: number }>): Buffer {
  const lokaal: Buffer[] = [];
  const centraal: Buffer[] = [];
  let offset = 0;
  for (const [naam, inhoud] of Object.entries(delen)) {
    const naamB = Buffer.from(naam, 'utf8');
    const ruw = typeof inhoud === 'string' ? Buffer.from(inhoud, 'utf8') : undefined;
    const data = ruw ? deflateRawSync(ruw) : Buffer.from((inhoud as { deflated: Uint8Array }).deflated);
    const grootte = ruw ? ruw.length : (inhoud as { claimed: number }).claimed;
    const crc = ruw ? crc32(ruw) : ((inhoud as { crc?: number }).crc ?? 0);
    const kop = Buffer.alloc(30);
    kop.writeUInt32LE(0x04034b50, 0);
    kop.writeUInt16LE(20, 4);
    kop.writeUInt16LE(8, 8);
    kop.writeUInt32LE(crc, 14);
    kop.writeUInt32LE(data.length, 18);
    kop.writeUInt32LE(grootte >>> 0, 22);
    kop.writeUInt16LE(naamB.length, 26);
    lokaal.push(kop, naamB, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(grootte >>> 0, 24);
    c.writeUInt16LE(naamB.length, 28);
    c.writeUInt32LE(offset, 42);
    centraal.push(c, naamB);
    offset += 30 + naamB.length + data.length;
  }
  const cd = Buffer.concat(centraal);
  const eind = Buffer.alloc(22);
  eind.writeUInt32LE(0x06054b50, 0);
  eind.writeUInt16LE(Object.keys(delen).length, 8);
  eind.writeUInt16LE(Object.keys(delen).length, 10);
  eind.writeUInt32LE(cd.length, 12);
  eind.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokaal, cd, eind]);
}

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
