// Builds fixtures/huisstijl/dinkelberg.docx: the example municipality's house style as a Dutch Word
// reference document would hold it (invented): style ids as Dutch Word writes them (Standaard, Kop1, Kop2,
// Titel, Bijschrift, with the English built-in names "heading 1" …), headings in a green Georgia and
// numbered through numbering.xml (the trap: without that part the numbering turns into stray bullets or
// disappears), a header with the municipality's name and a logo, A4 with margins of 2 cm. No footer, so
// vth's page-number footer is used. A theme as Word writes one, with the municipality's green as accent1
// and a blue as accent2: the charts in Word and PDF take their colours from it.
// Run after `npm run build`:  node scripts/maak-huisstijl.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svgNaarPng } from '../dist/render/png.js';
import { zip } from '../dist/render/zip.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const GROEN = '2E6B30';

const kop = (id, naam, niveau, pt) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${naam}"/><w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:uiPriority w:val="9"/><w:qFormat/>` +
  `<w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="${niveau}"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="320" w:after="120"/><w:outlineLvl w:val="${niveau}"/></w:pPr>` +
  `<w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:b/><w:color w:val="${GROEN}"/><w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/></w:rPr></w:style>`;

const styles =
  `${KOP}<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana" w:hAnsi="Verdana" w:eastAsia="Verdana" w:cs="Verdana"/><w:sz w:val="18"/><w:szCs w:val="18"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
  kop('Kop1', 'heading 1', 0, 16) +
  kop('Kop2', 'heading 2', 1, 13) +
  `<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standaard"/><w:qFormat/><w:pPr><w:spacing w:before="3000" w:after="300"/></w:pPr><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="${GROEN}"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Bijschrift"><w:name w:val="caption"/><w:basedOn w:val="Standaard"/><w:qFormat/><w:rPr><w:i/><w:color w:val="${GROEN}"/><w:sz w:val="16"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Koptekst"><w:name w:val="header"/><w:basedOn w:val="Standaard"/><w:rPr><w:color w:val="${GROEN}"/><w:sz w:val="16"/></w:rPr></w:style>` +
  `<w:style w:type="character" w:default="1" w:styleId="Standaardalinea-lettertype"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="Standaardtabel"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  `<w:style w:type="table" w:styleId="Tabelraster"><w:name w:val="Table Grid"/><w:basedOn w:val="Standaardtabel"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="${GROEN}"/><w:left w:val="single" w:sz="4" w:space="0" w:color="${GROEN}"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="${GROEN}"/><w:right w:val="single" w:sz="4" w:space="0" w:color="${GROEN}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${GROEN}"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="${GROEN}"/></w:tblBorders></w:tblPr></w:style>` +
  `</w:styles>`;

// Heading numbering: 1., 1.1.
const numbering =
  `${KOP}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>` +
  `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop1"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>` +
  `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop2"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>` +
  `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" rx="6" fill="#${GROEN}"/><text x="20" y="28" font-size="24" font-weight="bold" text-anchor="middle" fill="white" font-family="Liberation Sans">D</text></svg>`;
const logo = svgNaarPng(logoSvg, 2).png;

const header =
  `${KOP}<w:hdr xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
  `<w:p><w:pPr><w:pStyle w:val="Koptekst"/></w:pPr>` +
  `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="360000" cy="360000"/><wp:docPr id="1" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="360000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>` +
  `<w:r><w:t xml:space="preserve">  Gemeente Dinkelberg</w:t></w:r></w:p></w:hdr>`;

const document =
  `${KOP}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
  `<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Sjabloon gemeente Dinkelberg</w:t></w:r></w:p>` +
  `<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Kop 1</w:t></w:r></w:p>` +
  `<w:p><w:r><w:t>Standaardtekst.</w:t></w:r></w:p>` +
  `<w:sectPr><w:headerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>` +
  `</w:body></w:document>`;

// A complete theme part (Word refuses a theme without its font and format schemes), with the house colours.
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const kleur = (naam, hex) => `<a:${naam}><a:srgbClr val="${hex}"/></a:${naam}>`;
const vlak = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const lijn = (w) => `<a:ln w="${w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`;
const thema =
  `${KOP}<a:theme xmlns:a="${A}" name="Dinkelberg"><a:themeElements>` +
  `<a:clrScheme name="Dinkelberg"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
  kleur('dk2', '1F3A22') + kleur('lt2', 'EEF3EE') + kleur('accent1', GROEN) + kleur('accent2', '1F5F8B') + kleur('accent3', 'C27C0E') +
  kleur('accent4', '6B8E23') + kleur('accent5', '5B6770') + kleur('accent6', '8C2D19') + kleur('hlink', '1F5F8B') + kleur('folHlink', '6B4C9A') +
  `</a:clrScheme>` +
  `<a:fontScheme name="Dinkelberg"><a:majorFont><a:latin typeface="Georgia"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Verdana"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="Dinkelberg"><a:fillStyleLst>${vlak}${vlak}${vlak}</a:fillStyleLst><a:lnStyleLst>${lijn(6350)}${lijn(12700)}${lijn(19050)}</a:lnStyleLst>` +
  `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
  `<a:bgFillStyleLst>${vlak}${vlak}${vlak}</a:bgFillStyleLst></a:fmtScheme>` +
  `</a:themeElements></a:theme>`;

const rels = (lijst) => `${KOP}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${lijst.join('')}</Relationships>`;
const delen = [
  [
    '[Content_Types].xml',
    `${KOP}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`,
  ],
  ['_rels/.rels', rels([`<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>`])],
  ['word/document.xml', document],
  ['word/styles.xml', styles],
  ['word/numbering.xml', numbering],
  ['word/theme/theme1.xml', thema],
  // header2.xml, as Word often numbers them: the name must not matter.
  ['word/header2.xml', header],
  ['word/_rels/header2.xml.rels', rels([`<Relationship Id="rId1" Type="${R}/image" Target="media/image1.png"/>`])],
  ['word/media/image1.png', logo],
  [
    'word/_rels/document.xml.rels',
    rels([
      `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>`,
      `<Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>`,
      `<Relationship Id="rId9" Type="${R}/header" Target="header2.xml"/>`,
      `<Relationship Id="rId3" Type="${R}/theme" Target="theme/theme1.xml"/>`,
    ]),
  ],
];
const doel = path.join(root, 'fixtures/huisstijl');
mkdirSync(doel, { recursive: true });
writeFileSync(path.join(doel, 'dinkelberg.docx'), zip(delen));
console.log(`geschreven: ${path.join(doel, 'dinkelberg.docx')}`);
