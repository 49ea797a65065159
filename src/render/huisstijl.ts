import path from 'node:path';
import { mbTekst } from '../ingest/grenzen.js';
import { leesXml, NS_PKG_RELS, NS_R, NS_R_STRICT, XmlDecoder } from '../ingest/xml.js';

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
  /** What was left out of the reference, for the user (Dutch). */
  waarschuwingen?: string[];
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

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R_DOC = [NS_R, NS_R_STRICT];
const TYPE_AFBEELDING = /\/relationships\/image$/;
/** Pictures a header may carry, by extension, with their content type's extension. */
const AFBEELDING = /\.(png|jpe?g|gif|bmp|emf|wmf|tiff?)$/i;
/** One picture in a header or footer (a logo is some KB) and all of them together. */
export const MAX_AFBEELDING = 4 * 1024 * 1024;
export const MAX_AFBEELDINGEN = 16 * 1024 * 1024;
/** Field codes that make Word or LibreOffice fetch a file or URL when the document is opened or exported. */
const HALEND_VELD = /^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDE|DDEAUTO|IMPORT|HYPERLINK\s+\S*\\l)\b/i;

interface Relatie {
  id: string;
  type: string;
  /** The target as written. */
  doel: string;
  /** The target's part name (resolved against the source's folder), when it is internal. */
  deel?: string;
}

/** A part's relationships, read as XML; external targets have no `deel`. */
function relatiesVan(b: Buffer | undefined, bronDeel: string): Relatie[] {
  const uit: Relatie[] = [];
  if (!b) return uit;
  const map = path.posix.dirname(bronDeel);
  leesXml(b, {
    open(el) {
      if (el.naam !== 'Relationship' || el.ns !== NS_PKG_RELS) return;
      const id = el.attr('Id');
      const doel = el.attr('Target')?.trim();
      if (!id || !doel) return;
      const extern = el.attr('TargetMode')?.trim() === 'External';
      const deel = extern ? undefined : doel.startsWith('/') ? path.posix.normalize(doel).slice(1) : path.posix.normalize(`${map}/${doel}`);
      uit.push({ id, type: el.attr('Type') ?? '', doel, deel });
    },
  });
  return uit;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const reEsc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A header or footer taken by an allow-list: its own embedded pictures, each once and within a size
 * bound, under names of vth's own; every other relationship (an external or linked picture, a
 * hyperlink, a macro part, another part of the document, a target outside word/) is left out, and
 * references to it are removed from the XML. A header with a field that fetches (INCLUDEPICTURE,
 * INCLUDETEXT, LINK, DDE…) is not taken at all. The .docx that vth writes references nothing outside
 * itself.
 */
function kopVoetUit(delen: Map<string, Buffer>, deel: string, soort: 'koptekst' | 'voettekst', budget: { over: number }, waarschuwingen: string[]): KopVoet | undefined {
  const ruw = delen.get(deel.toLowerCase());
  if (!ruw) return undefined;
  const decoder = new XmlDecoder();
  let xml = decoder.write(ruw) + decoder.end();
  // Written again as UTF-8 under vth's own declaration.
  xml = xml.replace(/^\s*<\?xml[^?]*\?>\s*/, '');
  const relaties = relatiesVan(delen.get(`${path.posix.dirname(deel)}/_rels/${path.posix.basename(deel)}.rels`.toLowerCase()), deel);
  const verwijzingen: { qnaam: string; waarde: string }[] = [];
  let halend: string | undefined;
  let inInstr = false;
  leesXml(Buffer.from(xml, 'utf8'), {
    open(el) {
      for (const a of el.alle()) if (NS_R_DOC.includes(a.ns)) verwijzingen.push({ qnaam: a.qnaam, waarde: a.waarde });
      if (el.ns !== NS_W) return;
      if (el.naam === 'instrText') inInstr = true;
      else if (el.naam === 'fldSimple') {
        const instr = el.attr('instr', NS_W) ?? '';
        if (HALEND_VELD.test(instr)) halend ??= instr.trim();
      }
    },
    sluit(naam, ns) {
      if (ns === NS_W && naam === 'instrText') inInstr = false;
    },
    tekst(t) {
      if (inInstr && HALEND_VELD.test(t)) halend ??= t.trim();
    },
  });
  if (halend) {
    waarschuwingen.push(`de ${soort} van de huisstijl is niet overgenomen: het veld ${halend.split(/\s+/)[0]} haalt iets van buiten het document`);
    return undefined;
  }
  const media: [string, Uint8Array][] = [];
  const nieuweNaam = new Map<string, string>();
  const behouden: Relatie[] = [];
  const weg: string[] = [];
  for (const r of relaties) {
    const inhoud = r.deel && r.deel.startsWith('word/') && AFBEELDING.test(r.deel) && TYPE_AFBEELDING.test(r.type) ? delen.get(r.deel.toLowerCase()) : undefined;
    if (!inhoud) {
      weg.push(r.doel);
      continue;
    }
    let naam = nieuweNaam.get(r.deel!.toLowerCase());
    if (!naam) {
      if (inhoud.length > MAX_AFBEELDING) throw new Error(`${r.deel} in de ${soort} is ${mbTekst(inhoud.length)}; een afbeelding in de huisstijl mag hoogstens ${mbTekst(MAX_AFBEELDING)} zijn`);
      budget.over -= inhoud.length;
      if (budget.over < 0) throw new Error(`de afbeeldingen in koptekst en voettekst zijn samen meer dan ${mbTekst(MAX_AFBEELDINGEN)}`);
      const ext = AFBEELDING.exec(r.deel!)![1]!.toLowerCase().replace('jpg', 'jpeg').replace('tif', 'tiff').replace('tifff', 'tiff');
      naam = `media/huisstijl-${soort}-${nieuweNaam.size + 1}.${ext}`;
      nieuweNaam.set(r.deel!.toLowerCase(), naam);
      media.push([naam, new Uint8Array(inhoud)]);
    }
    behouden.push({ ...r, doel: naam });
  }
  const houden = new Set(behouden.map((r) => r.id));
  for (const v of verwijzingen) {
    if (houden.has(v.waarde)) continue;
    xml = xml.replace(new RegExp(`\\s${reEsc(v.qnaam)}\\s*=\\s*(["'])${reEsc(xmlAttr(v.waarde))}\\1`, 'g'), '');
  }
  if (weg.length) waarschuwingen.push(`uit de ${soort} van de huisstijl ${weg.length === 1 ? 'is 1 verwijzing' : `zijn ${weg.length} verwijzingen`} niet overgenomen (alleen eigen afbeeldingen): ${[...new Set(weg)].slice(0, 3).join(', ')}${weg.length > 3 ? ', …' : ''}`);
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}">${behouden.map((r) => `<Relationship Id="${xmlAttr(r.id)}" Type="${xmlAttr(r.type)}" Target="${xmlAttr(r.doel)}"/>`).join('')}</Relationships>`;
  return { xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`, rels, media };
}

/**
 * The house style from a reference document's parts (by lower-case name, as `pakUit` gives them).
 * Throws a Dutch message when it is not a Word document.
 */
export function leesHuisstijl(delen: Map<string, Buffer>, naam: string): Huisstijl {
  const document = tekst(delen.get('word/document.xml'));
  const stijlen = tekst(delen.get('word/styles.xml'));
  if (!document || !stijlen) throw new Error(`${naam} is geen Word-document (word/document.xml of word/styles.xml ontbreekt)`);
  const docRels = relatiesVan(delen.get('word/_rels/document.xml.rels'), 'word/document.xml');
  const waarschuwingen: string[] = [];
  const budget = { over: MAX_AFBEELDINGEN };
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
    const rel = id ? docRels.find((r) => r.id === (id[1] ?? id[2])) : undefined;
    // Only a header or footer part of this document, inside word/.
    if (!rel?.deel || !rel.deel.startsWith('word/') || !new RegExp(`/relationships/${soort}$`).test(rel.type)) return undefined;
    return kopVoetUit(delen, rel.deel, soort === 'header' ? 'koptekst' : 'voettekst', budget, waarschuwingen);
  };
  const nummering = tekst(delen.get('word/numbering.xml'));
  // A loop, not Math.max(...spread): a numbering.xml with a million entries overflowed the stack.
  const hoogste = (re: RegExp) => {
    let h = 0;
    for (const m of (nummering ?? '').matchAll(re)) h = Math.max(h, Number(m[1]));
    return h;
  };
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
    waarschuwingen,
  };
}
