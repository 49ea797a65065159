// Builds test/corpus: werkmappen with one thing wrong each, and verwacht.json with what `vth
// controleer` must say of each (exit code, finding code, place, words of the message).
// Small files are committed; the large ones (a million characters, a million empty rows, a zip that
// claims gigabytes) are made by `groteGevallen()` at test time in a temporary folder.
//   node scripts/maak-corpus.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(root, 'test/corpus');
const INST = 'instelling;waarde\r\ngemeente;Corpusdorp\r\njaar;2025\r\nproductieve uren per fte;1200\r\n';
const KOP = 'code;product;taakveld;afdeling;aantal;kental;uren\r\n';
const CAP = 'afdeling;fte\r\nToezicht;2\r\n';

/** Folder cases: name → files, and the expectation. */
function gevallen() {
  const g = [];
  const map = (naam, bestanden, verwacht) => g.push({ naam, bestanden, verwacht });
  const prod = (regels, extra = {}) => ({ 'instellingen.csv': INST, 'capaciteit.csv': CAP, 'producten.csv': KOP + regels, ...extra });
  const fout = (code, plaats, woorden) => ({ exit: 1, code, niveau: 'fout', plaats, woorden });
  const waarsch = (code, plaats, woorden) => ({ exit: 0, code, niveau: 'waarschuwing', plaats, woorden });
  const P = (rij, kolom) => ({ bestand: 'producten.csv', rij, kolom });

  map('tekst-in-getal', prod('A2.02.00;Controle;Toezicht;Toezicht;veel;4;\r\n'), fout('waarde-onleesbaar', P(2, 'aantal'), '"veel" is geen getal'));
  map('negatief-kental', prod('A2.02.00;Controle;Toezicht;Toezicht;4;-3;\r\n'), fout('waarde-negatief', P(2, 'kental'), 'mag niet negatief zijn'));
  map('nan', prod('A2.02.00;Controle;Toezicht;Toezicht;NaN;4;\r\n'), fout('waarde-onleesbaar', P(2, 'aantal'), '"NaN" is geen getal'));
  map('1e308', prod('A2.02.00;Controle;Toezicht;Toezicht;1e308;4;\r\n'), fout('waarde-onleesbaar', P(2, 'aantal'), '"1e308" is geen getal'));
  map('infinity', prod('A2.02.00;Controle;Toezicht;Toezicht;4;Infinity;\r\n'), fout('waarde-onleesbaar', P(2, 'kental'), '"Infinity" is geen getal'));
  map('te-groot-getal', prod('A2.02.00;Controle;Toezicht;Toezicht;4;10.000.000.000.000;\r\n'), fout('waarde-onleesbaar', P(2, 'kental'), 'onwaarschijnlijk groot'));
  map('lege-verplichte-cel', prod('A2.02.00;;Toezicht;Toezicht;4;4;\r\n'), fout('waarde-leeg', P(2, 'product'), 'geen productnaam'));
  map('uren-onbekend', prod('A2.02.00;Controle;Toezicht;Toezicht;4;;\r\n'), fout('uren-onbekend', P(2, 'kental'), 'heeft geen kental'));
  map('dubbele-kop', { 'instellingen.csv': INST, 'producten.csv': 'code;product;aantal;Aantal;kental\r\nA1.05.00;Toets;4;5;20\r\n' }, fout('kolom-dubbel', { bestand: 'producten.csv', rij: 1, kolom: 'Aantal' }, 'komt twee keer voor'));
  map('ontbrekende-kolom', { 'instellingen.csv': INST, 'producten.csv': 'code;omschrijving2;aantal;kental\r\nA1.05.00;Toets;4;20\r\n' }, fout('kolom-ontbreekt', { bestand: 'producten.csv', rij: 1 }, 'verplichte kolom "product" ontbreekt'));
  map('kolom-zonder-kop', { 'instellingen.csv': INST, 'producten.csv': 'code;product;;kental;aantal\r\nA1.05.00;Toets;x;20;4\r\n' }, waarsch('kolom-zonder-kop', { bestand: 'producten.csv', rij: 1, kolom: 'C' }, 'heeft gegevens maar geen kop'));
  map('onbekende-kolom', { 'instellingen.csv': INST, 'producten.csv': 'code;product;aantal;kental;kleur\r\nA1.05.00;Toets;4;20;rood\r\n' }, { exit: 0, code: 'kolom-onbekend', niveau: 'melding', plaats: { bestand: 'producten.csv', rij: 1, kolom: 'kleur' }, woorden: 'is onbekend en wordt genegeerd' });
  map('alleen-koppen', { 'instellingen.csv': INST, 'producten.csv': KOP }, waarsch('blad-zonder-regels', { bestand: 'producten.csv', rij: 1 }, 'heeft koppen maar geen regels'));
  map('leeg-blad', { 'instellingen.csv': INST, 'producten.csv': ';;;\r\n;;\r\n' }, waarsch('blad-leeg', { bestand: 'producten.csv' }, 'is leeg'));
  // Kwaliteitscriteria and Medewerkers (issue 29).
  const KC = 'gebied;aantal;frequentie;werkervaring\r\nJuridisch;2;500;2\r\n';
  const kc = (medewerkers) => ({ 'instellingen.csv': INST, 'kwaliteitscriteria.csv': KC, 'medewerkers.csv': 'medewerker;gebied;opleiding;werkervaring;uren\r\n' + medewerkers });
  const M = (rij, kolom) => ({ bestand: 'medewerkers.csv', rij, kolom });
  map('kc-medewerker-dubbel', kc('A. Smit;Juridisch;ja;4;600\r\nA. Smit;Juridisch;ja;4;300\r\n'), fout('medewerker-dubbel', M(3, 'medewerker'), 'ook op rij 2'));
  map('kc-gebied-tikfout', kc('A. Smit;Juridsch;ja;4;600\r\n'), waarsch('gebied-onbekend', M(2, 'gebied'), 'bedoelt u "Juridisch"?'));
  map('kc-uren-hoog', kc('A. Smit;Juridisch;ja;4;2.400\r\n'), waarsch('uren-hoog', M(2, 'uren'), 'meer dan 2.000'));
  map('kc-ervaring-hoog', kc('A. Smit;Juridisch;ja;55;600\r\n'), waarsch('werkervaring-hoog', M(2, 'werkervaring'), 'meer dan 50'));
  map('kc-opleiding-onleesbaar', kc('A. Smit;Juridisch;misschien;4;600\r\n'), fout('waarde-onleesbaar', M(2, 'opleiding'), 'moet ja, nee, EVC of in opleiding zijn'));
  map('code-dubbel', prod('A2.02.00;Controle;Toezicht;Toezicht;4;4;\r\nA2.02.00;Controle 2;Toezicht;Toezicht;2;4;\r\n'), waarsch('code-dubbel', P(3, 'code'), 'komt ook voor op rij 2'));
  map('code-taakveld', prod('A3.01.00;Handhavingscontrole;Toezicht;Toezicht;4;4;\r\n'), waarsch('code-taakveld', P(2, 'code'), 'de regel blijft bij Toezicht'));
  map('code-onjuist', prod('A2.02.;Controle;Toezicht;Toezicht;4;4;\r\n'), waarsch('code-onjuist', P(2, 'code'), 'is geen geldige productcode'));
  map('regeltotaal', prod('A2.02.00;Controle;Toezicht;Toezicht;4;4;17\r\n'), waarsch('regeltotaal-afwijkend', P(2, 'uren'), '4 × 4 = 16'));
  map('subtotaal', prod('A2.02.00;Controle;Toezicht;Toezicht;4;4;\r\n;Totaal toezicht;;;;;20\r\n'), waarsch('subtotaal-afwijkend', P(3, 'uren'), 'het opgegeven totaal 20 uur wijkt af'));
  map('afdeling-onbekend', prod('A2.02.00;Controle;Toezicht;Toezicht en handhaving;4;4;\r\n'), fout('afdeling-onbekend', P(2, 'afdeling'), '"Toezicht en handhaving"'));
  map('gemengde-scheidingstekens', { 'instellingen.csv': INST, 'producten.csv': 'code;product;aantal;kental\r\nA1.05.00,Toets,4,20\r\n' }, fout('waarde-leeg', { bestand: 'producten.csv', rij: 2, kolom: 'product' }, 'heeft geen productnaam'));
  map('jaar-ontbreekt', { 'instellingen.csv': 'instelling;waarde\r\ngemeente;X\r\n' }, fout('instelling-ontbreekt', { bestand: 'instellingen.csv' }, 'instelling "jaar" ontbreekt'));
  map('jaar-onleesbaar', { 'instellingen.csv': 'instelling;waarde\r\ngemeente;X\r\njaar;volgend jaar\r\n' }, fout('waarde-onleesbaar', { bestand: 'instellingen.csv', rij: 3, kolom: 'waarde' }, '"volgend jaar" is geen getal'));
  map('datum-bestaat-niet', { 'instellingen.csv': INST + 'uvp vastgesteld op;31-02-2025\r\n' }, fout('waarde-onleesbaar', { bestand: 'instellingen.csv', rij: 5, kolom: 'waarde' }, '"31-02-2025" is geen datum'));
  map('instellingen-ontbreekt', { 'producten.csv': KOP + 'A1.05.00;Toets;Vergunningen;;4;20;\r\n' }, fout('blad-ontbreekt', {}, 'blad Instellingen ontbreekt'));
  map('dubbel-blad', { 'instellingen.csv': INST, 'producten.csv': KOP, 'Programma.csv': KOP }, fout('blad-dubbel', { bestand: 'producten.csv' }, 'komt twee keer voor (ook in Programma.csv'));
  map('ja-nee', { 'instellingen.csv': INST, 'producten.csv': 'code;product;aantal;kental;wettelijk\r\nA2.02.00;Controle;4;4;misschien\r\n' }, fout('waarde-onleesbaar', { bestand: 'producten.csv', rij: 2, kolom: 'wettelijk' }, '"misschien" is geen ja of nee'));
  map('afdeling-dubbel', { 'instellingen.csv': INST, 'capaciteit.csv': 'afdeling;fte\r\nToezicht;2\r\ntoezicht;1\r\n' }, fout('afdeling-dubbel', { bestand: 'capaciteit.csv', rij: 3, kolom: 'afdeling' }, 'staat ook op rij 2'));
  map('reservering-te-groot', { 'instellingen.csv': INST, 'capaciteit.csv': CAP, 'reserveringen.csv': 'afdeling;omschrijving;percentage\r\nToezicht;alles;120%\r\n' }, fout('waarde-te-groot', { bestand: 'reserveringen.csv', rij: 2, kolom: 'percentage' }, 'meer dan 100%'));
  map('verdeelsleutel-ontbreekt', { 'instellingen.csv': INST, 'projecten.csv': 'code;project;uren;verdeelsleutel\r\nOD1;Omgevingswet;1500;\r\n' }, fout('waarde-leeg', { bestand: 'projecten.csv', rij: 2, kolom: 'verdeelsleutel' }, 'geen verdeelsleutel'));
  map('streefwaarde-onleesbaar', { 'instellingen.csv': INST, 'doelen.csv': 'id;doel;indicator;streefwaarde\r\nD1;Tijdig;aandeel;veel\r\n' }, fout('streefwaarde-onleesbaar', { bestand: 'doelen.csv', rij: 2, kolom: 'streefwaarde' }, 'is onleesbaar'));
  const MODEL = 'soort;naam;waarde\r\ndimensie;V;1\r\nklasse;Laag;0\r\nklasse;Hoog;5\r\n';
  map('model-gewicht-nul', { 'instellingen.csv': INST, 'risicomodel.csv': 'soort;naam;waarde\r\ndimensie;V;0\r\nklasse;Laag;0\r\n', 'risicoanalyse.csv': 'activiteit;V;kans\r\nx;1;1\r\n' }, fout('model-gewicht', { bestand: 'risicomodel.csv', rij: 2, kolom: 'waarde' }, 'groter dan 0'));
  map('model-grenzen-aflopend', { 'instellingen.csv': INST, 'risicomodel.csv': 'soort;naam;waarde\r\ndimensie;V;1\r\nklasse;Laag;0\r\nklasse;Hoog;7\r\nklasse;Midden;>4\r\n', 'risicoanalyse.csv': 'activiteit;V;kans\r\nx;1;1\r\n' }, fout('model-grenzen', { bestand: 'risicomodel.csv', rij: 5, kolom: 'waarde' }, 'ligt niet boven'));
  map('model-zonder-dimensies', { 'instellingen.csv': INST, 'risicomodel.csv': 'soort;naam;waarde\r\nklasse;Laag;0\r\n' }, fout('model-geen-dimensies', { bestand: 'risicomodel.csv' }, 'heeft geen dimensies'));
  map('dimensie-zonder-kolom', { 'instellingen.csv': INST, 'risicomodel.csv': MODEL + 'dimensie;Natuur;1\r\n', 'risicoanalyse.csv': 'activiteit;V;kans\r\nx;1;1\r\n' }, fout('kolom-ontbreekt', { bestand: 'risicoanalyse.csv', rij: 1 }, '"Natuur" ontbreekt'));
  map('motivatie-ontbreekt', { 'instellingen.csv': INST, 'risicomodel.csv': MODEL, 'risicoanalyse.csv': 'activiteit;V;kans;bijgestelde klasse\r\nx;1;1;Hoog\r\n' }, fout('motivatie-ontbreekt', { bestand: 'risicoanalyse.csv', rij: 2, kolom: 'bijgestelde klasse' }, 'zonder motivatie'));
  map('kans-ontbreekt', { 'instellingen.csv': INST, 'risicomodel.csv': MODEL, 'risicoanalyse.csv': 'activiteit;V;kans\r\nx;1;\r\n' }, fout('kans-ontbreekt', { bestand: 'risicoanalyse.csv', rij: 2, kolom: 'kans' }, 'geen standaard kans'));
  map('productieve-uren-ontbreekt', { 'instellingen.csv': 'instelling;waarde\r\ngemeente;X\r\njaar;2025\r\n', 'capaciteit.csv': CAP }, fout('productieve-uren-ontbreekt', { bestand: 'capaciteit.csv', rij: 2, kolom: 'afdeling' }, 'er is geen standaardwaarde'));
  // Encodings and CSV shapes that must read correctly: the expectation is on what was read.
  const accenten = 'instelling;waarde\r\ngemeente;Súdwest-Fryslân\r\njaar;2025\r\n';
  map('utf16', { 'instellingen.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(accenten.replace(/;/g, '\t'), 'utf16le')]) }, { exit: 0, gemeente: 'Súdwest-Fryslân' });
  map('windows-1252', { 'instellingen.csv': cp1252(accenten.replace('Súdwest-Fryslân', 'Gemeente Zoë – Financiën')) }, { exit: 0, gemeente: 'Gemeente Zoë – Financiën' });
  map('bom-puntkomma', { 'instellingen.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(accenten, 'utf8')]) }, { exit: 0, gemeente: 'Súdwest-Fryslân' });
  map('aanhalingstekens', { 'instellingen.csv': 'instelling;waarde\r\ngemeente;"Berg; Dal\r\nen ""Meer"""\r\njaar;2025\r\n' }, { exit: 0, gemeente: 'Berg; Dal\nen "Meer"' });
  map('lege-map', {}, { exit: 2, stderr: 'bevat geen .xlsx- of .csv-bestanden' });
  map('leeg-bestand', { 'instellingen.csv': '' }, { exit: 2, stderr: 'instellingen.csv is leeg' });
  map('binair-als-csv', { 'instellingen.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]) }, { exit: 2, stderr: 'geen tekstbestand' });
  return g;
}

/** Windows-1252 bytes for text that fits in it (the en dash is 0x96). */
function cp1252(s) {
  return Buffer.from([...s].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0))));
}

// --- Workbook cases, built as raw zip files so that every byte is under control. ---

const crcTabel = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTabel[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A minimal zip writer; `liegen` lets an entry claim another uncompressed size. An entry given as
 * `{ deflated, claimed }` is stored as those bytes (a bomb made without holding what it inflates to).
 */
export function maakZip(bestanden, liegen = {}) {
  const lokaal = [];
  const centraal = [];
  let offset = 0;
  for (const [naam, tekst] of Object.entries(bestanden)) {
    const klaar = typeof tekst === 'object' && !Buffer.isBuffer(tekst) && tekst.deflated;
    const data = klaar ? Buffer.alloc(0) : Buffer.isBuffer(tekst) ? tekst : Buffer.from(tekst, 'utf8');
    const comp = klaar ? Buffer.from(tekst.deflated) : deflateRawSync(data);
    const n = Buffer.from(naam, 'utf8');
    const grootte = liegen[naam] ?? (klaar ? tekst.claimed : data.length);
    const kop = Buffer.alloc(30);
    kop.writeUInt32LE(0x04034b50, 0);
    kop.writeUInt16LE(20, 4);
    kop.writeUInt16LE(8, 8);
    kop.writeUInt32LE(crc32(data), 14);
    kop.writeUInt32LE(comp.length, 18);
    kop.writeUInt32LE(grootte, 22);
    kop.writeUInt16LE(n.length, 26);
    lokaal.push(kop, n, comp);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(grootte, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    centraal.push(c, n);
    offset += 30 + n.length + comp.length;
  }
  const cd = Buffer.concat(centraal);
  const eind = Buffer.alloc(22);
  eind.writeUInt32LE(0x06054b50, 0);
  eind.writeUInt16LE(Object.keys(bestanden).length, 8);
  eind.writeUInt16LE(Object.keys(bestanden).length, 10);
  eind.writeUInt32LE(cd.length, 12);
  eind.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokaal, cd, eind]);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A workbook of one or more sheets; a cell is a string, a number, or raw XML for the <c> element's inside. */
export function maakXlsx(bladen, extra = {}) {
  const namen = Object.keys(bladen);
  const bestanden = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${namen.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${extra['xl/sharedStrings.xml'] ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${namen.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${namen.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${extra['xl/sharedStrings.xml'] ? `<Relationship Id="rId${namen.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
  };
  namen.forEach((naam, i) => {
    const { rijen, voor = '', na = '' } = bladen[naam];
    const xml = rijen
      .map((rij, r) => `<row r="${r + 1}">${rij.map((c, k) => {
        const ref = `${String.fromCharCode(65 + k)}${r + 1}`;
        if (c === null || c === undefined) return '';
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        if (typeof c === 'object') return `<c r="${ref}"${c.attr ?? ''}>${c.xml}</c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
      }).join('')}</row>`)
      .join('');
    bestanden[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${voor}<sheetData>${xml}</sheetData>${na}</worksheet>`;
  });
  return { bestanden: { ...bestanden, ...extra } };
}

function xlsxGevallen() {
  const g = [];
  const INSTB = { rijen: [['instelling', 'waarde'], ['gemeente', 'Corpusdorp'], ['jaar', 2025]] };
  const prod = (rij) => ({ Instellingen: INSTB, Producten: { rijen: [['code', 'product', 'aantal', 'kental'], rij] } });
  const zip = (b) => maakZip(maakXlsx(b).bestanden);
  const P = (rij, kolom) => ({ bestand: 'werkmap.xlsx', blad: 'Producten', rij, kolom });
  g.push({ naam: 'formule-zonder-uitkomst.xlsx', inhoud: zip(prod(['A1.05.00', 'Toets', 4, { xml: '<f>B9*2</f>' }])), verwacht: { exit: 1, code: 'formule-zonder-uitkomst', niveau: 'fout', plaats: { ...P(2, 'kental'), bestand: 'formule-zonder-uitkomst.xlsx' }, woorden: 'zonder opgeslagen uitkomst' } });
  g.push({ naam: 'foutcel.xlsx', inhoud: zip(prod(['A1.05.00', 'Toets', 4, { attr: ' t="e"', xml: '<v>#DIV/0!</v>' }])), verwacht: { exit: 1, code: 'waarde-onleesbaar', niveau: 'fout', plaats: { ...P(2, 'kental'), bestand: 'foutcel.xlsx' }, woorden: '#DIV/0!' } });
  g.push({ naam: 'ref-fout.xlsx', inhoud: zip(prod(['A1.05.00', 'Toets', { attr: ' t="e"', xml: '<f>#REF!*2</f><v>#REF!</v>' }, 20])), verwacht: { exit: 1, code: 'waarde-onleesbaar', niveau: 'fout', plaats: { ...P(2, 'aantal'), bestand: 'ref-fout.xlsx' }, woorden: '#REF!' } });
  g.push({ naam: 'getal-1e308.xlsx', inhoud: zip(prod(['A1.05.00', 'Toets', 1e308, 20])), verwacht: { exit: 1, code: 'waarde-onleesbaar', niveau: 'fout', plaats: { ...P(2, 'aantal'), bestand: 'getal-1e308.xlsx' }, woorden: 'onwaarschijnlijk groot' } });
  g.push({
    naam: 'samengevoegde-kop.xlsx',
    inhoud: zip({ Instellingen: INSTB, Producten: { rijen: [['product', null, 'aantal', 'kental'], ['Toets', 'x', 4, 20]], na: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' } }),
    verwacht: { exit: 1, code: 'kolom-dubbel', niveau: 'fout', plaats: { bestand: 'samengevoegde-kop.xlsx', blad: 'Producten', rij: 1, kolom: 'product' }, woorden: 'komt twee keer voor' },
  });
  g.push({ naam: 'absurde-dimensie.xlsx', inhoud: zip({ Instellingen: { ...INSTB, voor: '<dimension ref="A1:XFD1048576"/>' } }), verwacht: { exit: 0, gemeente: 'Corpusdorp' } });
  g.push({
    naam: 'absurde-telling-gedeelde-strings.xlsx',
    inhoud: maakZip(maakXlsx({ Instellingen: { rijen: [[{ attr: ' t="s"', xml: '<v>0</v>' }, { attr: ' t="s"', xml: '<v>1</v>' }], ['gemeente', 'Corpusdorp'], ['jaar', 2025]] } }, { 'xl/sharedStrings.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000"><si><t>instelling</t></si><si><t>waarde</t></si></sst>' }).bestanden),
    verwacht: { exit: 0, gemeente: 'Corpusdorp' },
  });
  const heel = zip(prod(['A1.05.00', 'Toets', 4, 20]));
  g.push({ naam: 'afgekapt.xlsx', inhoud: heel.subarray(0, Math.floor(heel.length * 0.6)), verwacht: { exit: 2, stderr: 'kan niet als Excel-werkmap worden gelezen' } });
  g.push({ naam: 'zip-zonder-werkboek.xlsx', inhoud: maakZip({ 'notities.txt': 'geen werkmap' }), verwacht: { exit: 2, stderr: 'geen Excel-werkmap (er zit geen werkboek in)' } });
  g.push({ naam: 'leeg.xlsx', inhoud: Buffer.alloc(0), verwacht: { exit: 2, stderr: 'leeg.xlsx is leeg' } });
  g.push({ naam: 'tekst-als-xlsx.xlsx', inhoud: Buffer.from('gemeente;jaar\r\nX;2025\r\n'), verwacht: { exit: 2, stderr: 'geen Excel-werkmap (.xlsx)' } });
  g.push({ naam: 'oud-formaat.xls', inhoud: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), verwacht: { exit: 2, stderr: 'onbekend bestandstype ".xls"' } });
  return g;
}

/** Cases too large to commit, made at test time (the test imports this). */
export function groteGevallen() {
  const bom = maakXlsx({ Instellingen: { rijen: [['instelling', 'waarde'], ['gemeente', 'X'], ['jaar', 2025]] } }, { 'xl/sharedStrings.xml': 'x'.repeat(1000) });
  return [
    {
      naam: 'miljoen-tekens',
      bestanden: { 'instellingen.csv': INST, 'producten.csv': `${KOP}A2.02.00;${'Toezicht '.repeat(111_112)};Toezicht;;4;4;\r\nA2.02.00;dubbel;Toezicht;;1;1;\r\n` },
      verwacht: { exit: 0, code: 'code-dubbel', niveau: 'waarschuwing', plaats: { bestand: 'producten.csv', rij: 3, kolom: 'code' }, woorden: 'komt ook voor op rij 2', maxUitvoer: 20_000 },
    },
    { naam: 'miljoen-lege-rijen', bestanden: { 'instellingen.csv': INST, 'producten.csv': KOP + ';;;;;;\r\n'.repeat(1_000_000) }, verwacht: { exit: 0, code: 'blad-zonder-regels', niveau: 'waarschuwing', plaats: { bestand: 'producten.csv', rij: 1 }, woorden: 'heeft koppen maar geen regels' } },
    // The shared-strings part claims 3 GB once unpacked: refused from the directory, nothing is inflated.
    { naam: 'zipbom.xlsx', inhoud: maakZip(bom.bestanden, { 'xl/sharedStrings.xml': 3_000_000_000 }), verwacht: { exit: 2, stderr: 'onwaarschijnlijk groot' } },
  ];
}

function main() {
  rmSync(CORPUS, { recursive: true, force: true });
  mkdirSync(CORPUS, { recursive: true });
  const verwacht = {};
  for (const g of gevallen()) {
    const map = path.join(CORPUS, g.naam);
    mkdirSync(map, { recursive: true });
    for (const [naam, inhoud] of Object.entries(g.bestanden)) writeFileSync(path.join(map, naam), inhoud);
    // git keeps no empty folders; a hidden file is no part of a werkmap, so the case stays "empty".
    if (Object.keys(g.bestanden).length === 0) writeFileSync(path.join(map, '.gitkeep'), '');
    verwacht[g.naam] = g.verwacht;
  }
  for (const g of xlsxGevallen()) {
    writeFileSync(path.join(CORPUS, g.naam), g.inhoud);
    verwacht[g.naam] = g.verwacht;
  }
  writeFileSync(path.join(CORPUS, 'verwacht.json'), JSON.stringify(verwacht, null, 2) + '\n');
  console.log(`${Object.keys(verwacht).length} gevallen in ${CORPUS} (en ${groteGevallen().length} grote bij het testen)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
