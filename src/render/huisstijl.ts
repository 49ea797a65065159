// A municipality's house style for the Word documents, taken from its own reference document the way
// pandoc's reference-docx works: its styles (found by name, so that Dutch Word's "Kop 1", whose style id
// is "Kop1", is the heading), numbering, theme, fonts, page size and margins, header and footer. What the
// reference lacks, vth adds in its own sober style.

export interface Sectie {
  breedte: number;
  hoogte: number;
  links: number;
  rechts: number;
  boven: number;
  onder: number;
}

export interface KopVoet {
  xml: string;
  rels?: string;
  /** Pictures the header or footer uses (a logo), by their path under word/. */
  media: [string, Uint8Array][];
}

export interface Huisstijl {
  naam: string;
  stijlen: string;
  nummering?: string;
  hoogsteNumId: number;
  hoogsteAbstractId: number;
  thema?: string;
  lettertypen?: string;
  sectie?: Sectie;
  koptekst?: KopVoet;
  voettekst?: KopVoet;
  /** The reference has a header or footer of its own for the first page (titlePg), which vth does not take. */
  eersteKoptekst?: boolean;
}

export interface StijlIds {
  standaard: string;
  titel: string;
  ondertitel: string;
  kop: [string, string, string, string];
  /** Whether a heading level's style numbers itself (numPr in the style), so that the text must not. */
  kopGenummerd: [boolean, boolean, boolean, boolean];
  bijschrift: string;
  inhoudKop: string;
  inhoud: [string, string];
  lijst: string;
  tabel: string;
  tabeltekst: string;
  hyperlink: string;
  koptekst: string;
  voettekst: string;
}

type Rol = 'standaard' | 'titel' | 'ondertitel' | 'kop1' | 'kop2' | 'kop3' | 'kop4' | 'bijschrift' | 'inhoudKop' | 'inhoud1' | 'inhoud2' | 'lijst' | 'tabel' | 'tabeltekst' | 'hyperlink' | 'koptekst' | 'voettekst';

/** The names a role's style has in English and in Dutch Word (compared lower case, without spaces). */
const NAMEN: Record<Rol, string[]> = {
  standaard: ['normal', 'standaard'],
  titel: ['title', 'titel'],
  ondertitel: ['subtitle', 'ondertitel'],
  kop1: ['heading1', 'kop1', 'hoofdstuk', 'hoofdstuktitel', 'kophoofdstuk'],
  kop2: ['heading2', 'kop2', 'paragraaf', 'paragraaftitel'],
  kop3: ['heading3', 'kop3', 'subparagraaf'],
  kop4: ['heading4', 'kop4'],
  bijschrift: ['caption', 'bijschrift'],
  inhoudKop: ['tocheading', 'kopvaninhoudsopgave'],
  inhoud1: ['toc1', 'inhopg1'],
  inhoud2: ['toc2', 'inhopg2'],
  lijst: ['listparagraph', 'lijstalinea'],
  tabel: ['tablegrid', 'tabelraster'],
  tabeltekst: ['vthtabeltekst'],
  hyperlink: ['hyperlink'],
  koptekst: ['header', 'koptekst'],
  voettekst: ['footer', 'voettekst'],
};

const KLEUR = '1F4E79';
// Elements in the schema's order (name, basedOn, next, qFormat, pPr, rPr): Word refuses styles out of order.
const para = (id: string, naam: string, inhoud: string, volgende = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${naam}"/><w:basedOn w:val="Normal"/>${volgende ? `<w:next w:val="${volgende}"/>` : ''}<w:qFormat/>${inhoud}</w:style>`;
const kop = (id: string, naam: string, niveau: number, pt: number, cursief = false) =>
  para(id, naam, `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${niveau === 0 ? 360 : 240}" w:after="120"/><w:outlineLvl w:val="${niveau}"/></w:pPr><w:rPr><w:b/>${cursief ? '<w:i/>' : ''}<w:color w:val="${KLEUR}"/><w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/></w:rPr>`, 'Normal');

/** vth's own style per role: a sober house style (Arial, dark blue headings). */
const EIGEN: Record<Rol, { id: string; xml: string }> = {
  standaard: { id: 'Normal', xml: `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` },
  titel: { id: 'Title', xml: para('Title', 'Title', `<w:pPr><w:spacing w:before="2400" w:after="360"/></w:pPr><w:rPr><w:b/><w:color w:val="${KLEUR}"/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr>`) },
  ondertitel: { id: 'Subtitle', xml: para('Subtitle', 'Subtitle', `<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`) },
  kop1: { id: 'Heading1', xml: kop('Heading1', 'heading 1', 0, 16) },
  kop2: { id: 'Heading2', xml: kop('Heading2', 'heading 2', 1, 13) },
  kop3: { id: 'Heading3', xml: kop('Heading3', 'heading 3', 2, 11) },
  kop4: { id: 'Heading4', xml: kop('Heading4', 'heading 4', 3, 10, true) },
  bijschrift: { id: 'Caption', xml: para('Caption', 'caption', `<w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`) },
  inhoudKop: { id: 'TOCHeading', xml: para('TOCHeading', 'TOC Heading', `<w:pPr><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="${KLEUR}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>`) },
  inhoud1: { id: 'TOC1', xml: para('TOC1', 'toc 1', `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="60"/></w:pPr>`) },
  inhoud2: { id: 'TOC2', xml: para('TOC2', 'toc 2', `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="220"/></w:pPr>`) },
  lijst: { id: 'ListParagraph', xml: para('ListParagraph', 'List Paragraph', `<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>`) },
  tabel: {
    id: 'TableGrid',
    xml: `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
  },
  tabeltekst: { id: 'VthTabeltekst', xml: para('VthTabeltekst', 'vth tabeltekst', `<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`) },
  hyperlink: { id: 'Hyperlink', xml: `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>` },
  koptekst: { id: 'Header', xml: para('Header', 'header', `<w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>`) },
  voettekst: { id: 'Footer', xml: para('Footer', 'footer', `<w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>`) },
};

const naamSleutel = (s: string) => s.toLowerCase().replace(/\s+/g, '');

interface Stijl {
  id: string;
  naam: string;
  type: string;
  genummerd: boolean;
  /** The outline level its paragraphs have (0: a chapter heading), whatever the style is called. */
  niveau?: number;
}

/** The styles of a styles.xml by normalised name, with their type. */
function stijlenPerNaam(stijlen: string): Map<string, Stijl> {
  const uit = new Map<string, Stijl>();
  for (const m of stijlen.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = m[1]!;
    const id = /w:styleId="([^"]*)"/.exec(attrs)?.[1];
    const type = /w:type="([^"]*)"/.exec(attrs)?.[1] ?? 'paragraph';
    const naam = /<w:name w:val="([^"]*)"/.exec(m[2]!)?.[1];
    const niveau = /<w:outlineLvl w:val="(\d)"/.exec(m[2]!)?.[1];
    if (id && naam && !uit.has(naamSleutel(naam))) uit.set(naamSleutel(naam), { id, naam, type, genummerd: /<w:numPr>[\s\S]*?<w:numId w:val="[1-9]/.test(m[2]!), ...(niveau !== undefined ? { niveau: Number(niveau) } : {}) });
  }
  return uit;
}

const KOPROLLEN = ['kop1', 'kop2', 'kop3', 'kop4'] as const;

/**
 * The house style's style for a heading level: by name (Heading 1, Kop 1, Hoofdstuk …), else the first
 * paragraph style whose outline level makes it that heading (a style called "H1 Gemeente").
 */
function kopStijl(bekend: Map<string, Stijl>, n: number): Stijl | undefined {
  const rol = KOPROLLEN[n]!;
  return NAMEN[rol].map((x) => bekend.get(x)).find((s) => s?.type === 'paragraph') ?? [...bekend.values()].find((s) => s.type === 'paragraph' && s.niveau === n && !/^toc|^inhopg/i.test(naamSleutel(s.naam)));
}

/**
 * What of a house style vth takes other than by its standard names, or not at all, in words for the
 * user: a heading style called "Hoofdstuk", a chapter style it lacks, a first-page header it leaves.
 */
export function huisstijlOpmerkingen(hs: Huisstijl): string[] {
  const bekend = stijlenPerNaam(hs.stijlen);
  const uit: string[] = [];
  for (const n of [0, 1]) {
    const s = kopStijl(bekend, n);
    const standaard = NAMEN[KOPROLLEN[n]!].slice(0, 2).some((x) => bekend.get(x)?.type === 'paragraph');
    if (!s) uit.push(`de huisstijl heeft geen stijl voor Kop ${n + 1} (Kop ${n + 1}, Heading ${n + 1}${n === 0 ? ', Hoofdstuk' : ', Paragraaf'} of een stijl met overzichtsniveau ${n + 1}); vth gebruikt daarvoor zijn eigen kopstijl`);
    else if (!standaard) uit.push(`de stijl "${s.naam}" van de huisstijl is gebruikt als Kop ${n + 1}`);
  }
  if (hs.eersteKoptekst) uit.push('de huisstijl heeft een eigen koptekst of voettekst voor de eerste pagina; vth neemt alleen de gewone over, op elke pagina (ook de titelpagina)');
  return uit;
}

/** Which style id serves each role: the house style's by name where it has one, else vth's own (to be added). */
export function stijlIdsUit(hs: Huisstijl | undefined): { ids: StijlIds; ontbreekt: string[] } {
  const bekend = hs ? stijlenPerNaam(hs.stijlen) : new Map<string, Stijl>();
  const bezet = new Set([...bekend.values()].map((s) => s.id.toLowerCase()));
  const ontbreekt: string[] = [];
  const id = (rol: Rol): string => {
    const k = (KOPROLLEN as readonly string[]).indexOf(rol);
    const gevonden = k >= 0 ? kopStijl(bekend, k) : NAMEN[rol].map((n) => bekend.get(n)).find((s) => s && (rol === 'tabel' ? s.type === 'table' : rol === 'hyperlink' ? s.type === 'character' : s.type === 'paragraph'));
    if (gevonden) return gevonden.id;
    // Ours, under an id the reference does not use for something else.
    let eigen = EIGEN[rol];
    if (hs && bezet.has(eigen.id.toLowerCase())) {
      const nieuw = `Vth${eigen.id}`;
      eigen = { id: nieuw, xml: eigen.xml.replace(`w:styleId="${EIGEN[rol].id}"`, `w:styleId="${nieuw}"`).replace(/<w:name w:val="[^"]*"\/>/, `<w:name w:val="vth ${rol}"/>`) };
    }
    ontbreekt.push(rol === 'standaard' && hs ? eigen.xml.replace(' w:default="1"', '') : eigen.xml);
    return eigen.id;
  };
  const ids: StijlIds = {
    standaard: id('standaard'),
    titel: id('titel'),
    ondertitel: id('ondertitel'),
    kop: [id('kop1'), id('kop2'), id('kop3'), id('kop4')],
    kopGenummerd: [0, 1, 2, 3].map((n) => !!kopStijl(bekend, n)?.genummerd) as StijlIds['kopGenummerd'],
    bijschrift: id('bijschrift'),
    inhoudKop: id('inhoudKop'),
    inhoud: [id('inhoud1'), id('inhoud2')],
    lijst: id('lijst'),
    tabel: id('tabel'),
    tabeltekst: id('tabeltekst'),
    hyperlink: id('hyperlink'),
    koptekst: id('koptekst'),
    voettekst: id('voettekst'),
  };
  // Styles based on Normal need a Normal; a reference always has one, vth's own set brings its own.
  if (hs) ontbreekt.forEach((s, i) => (ontbreekt[i] = s.replace('<w:basedOn w:val="Normal"/>', `<w:basedOn w:val="${ids.standaard}"/>`).replace('<w:next w:val="Normal"/>', `<w:next w:val="${ids.standaard}"/>`)));
  return { ids, ontbreekt };
}

/** styles.xml: the reference's with vth's missing styles added, or vth's own. */
export function voegStijlenToe(stijlen: string | undefined, ontbreekt: string[]): string {
  if (stijlen) return stijlen.replace(/<\/w:styles>\s*$/, `${ontbreekt.join('')}</w:styles>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' +
    ontbreekt.join('') +
    '</w:styles>'
  );
}

const tekst = (b: Buffer | undefined) => b?.toString('utf8');

/** The relationships of a part, as id → target (relative to word/). */
function relaties(rels: string | undefined): Map<string, string> {
  const uit = new Map<string, string>();
  for (const m of (rels ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const doel = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && doel && !/TargetMode="External"/.test(m[0])) uit.set(id, doel.replace(/^\/?word\//, '').replace(/^\.\//, ''));
  }
  return uit;
}

/**
 * The house style from a reference document's parts (by lower-case name, as `pakUit` gives them).
 * Throws a Dutch message when it is not a Word document.
 */
export function leesHuisstijl(delen: Map<string, Buffer>, naam: string): Huisstijl {
  const document = tekst(delen.get('word/document.xml'));
  const stijlen = tekst(delen.get('word/styles.xml'));
  if (!document || !stijlen) throw new Error(`${naam} is geen Word-document (word/document.xml of word/styles.xml ontbreekt)`);
  const docRels = relaties(tekst(delen.get('word/_rels/document.xml.rels')));
  const sect = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].pop()?.[0] ?? '';
  const attr = (el: string, a: string) => {
    const m = new RegExp(`<w:${el}\\b[^>]*\\bw:${a}="(\\d+)"`).exec(sect);
    return m ? Number(m[1]) : undefined;
  };
  const breedte = attr('pgSz', 'w');
  const hoogte = attr('pgSz', 'h');
  const sectie =
    breedte && hoogte
      ? { breedte, hoogte, links: attr('pgMar', 'left') ?? 1418, rechts: attr('pgMar', 'right') ?? 1418, boven: attr('pgMar', 'top') ?? 1418, onder: attr('pgMar', 'bottom') ?? 1418 }
      : undefined;
  const kopVoet = (soort: 'header' | 'footer'): KopVoet | undefined => {
    const id = new RegExp(`<w:${soort}Reference\\b[^>]*w:type="default"[^>]*r:id="([^"]*)"|<w:${soort}Reference\\b[^>]*r:id="([^"]*)"[^>]*w:type="default"`).exec(sect);
    const doel = id ? docRels.get(id[1] ?? id[2]!) : undefined;
    const xml = doel ? tekst(delen.get(`word/${doel.toLowerCase()}`)) : undefined;
    if (!doel || !xml) return undefined;
    const bestand = doel.split('/').pop()!;
    const rels = tekst(delen.get(`word/_rels/${bestand.toLowerCase()}.rels`));
    const media: [string, Uint8Array][] = [];
    for (const d of relaties(rels).values()) {
      const inhoud = delen.get(`word/${d.toLowerCase()}`);
      if (inhoud) media.push([d, new Uint8Array(inhoud)]);
    }
    return { xml, rels, media };
  };
  const nummering = tekst(delen.get('word/numbering.xml'));
  const hoogste = (re: RegExp) => Math.max(0, ...[...(nummering ?? '').matchAll(re)].map((m) => Number(m[1])));
  return {
    naam,
    stijlen,
    nummering,
    hoogsteNumId: hoogste(/<w:num\b[^>]*w:numId="(\d+)"/g),
    hoogsteAbstractId: hoogste(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"/g),
    thema: tekst(delen.get('word/theme/theme1.xml')),
    lettertypen: tekst(delen.get('word/fonttable.xml')),
    sectie,
    koptekst: kopVoet('header'),
    voettekst: kopVoet('footer'),
    eersteKoptekst: /<w:titlePg(?:\s*\/>|\s+w:val="(?:1|true|on)")/.test(sect) && /<w:(?:header|footer)Reference\b[^>]*w:type="first"/.test(sect),
  };
}
