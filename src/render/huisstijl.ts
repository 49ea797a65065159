import path from 'node:path';
import { mbTekst } from '../ingest/grenzen.js';
import { leesXml, NS_PKG_RELS, NS_R, NS_R_STRICT, XmlFout, type XmlElement } from '../ingest/xml.js';
import { aan, XML_DECLARATIE, XmlKopie, type KopieHandlers } from './xml-kopie.js';

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

/** A part taken from the reference: its XML written again as UTF-8, its own relationships and the parts they keep. */
export interface KopVoet {
  xml: string;
  rels?: string;
  /** Pictures (a logo) or embedded fonts the part uses, by their path under word/. */
  media: [string, Uint8Array][];
}

/** A part vth adds to: its XML, the places to add at, and whether the root binds `w:` to WordprocessingML. */
export interface AanvulDeel {
  xml: string;
  /** Where elements of ours go in (before the root's end tag, or before the first `w:num`). */
  plek: number;
  /** numbering.xml: where a `w:num` of ours goes (after the last of the reference's). */
  numPlek?: number;
  /** Whether `w:` is bound to WordprocessingML at the root: otherwise what vth adds declares it itself. */
  w: boolean;
}

export interface Huisstijl {
  naam: string;
  /** What was left out of the reference, for the user (Dutch). */
  waarschuwingen?: string[];
  stijlen: AanvulDeel;
  /** The reference's styles, read from styles.xml as XML. */
  stijlLijst: Stijl[];
  /** The body text's font (the default paragraph style's, else the document defaults'), for column widths. */
  letter?: string;
  nummering?: AanvulDeel;
  hoogsteNumId: number;
  hoogsteAbstractId: number;
  thema?: string;
  lettertypen?: KopVoet;
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

export interface Stijl {
  id: string;
  naam: string;
  type: string;
  genummerd: boolean;
  /** The outline level its paragraphs have (0: a chapter heading), whatever the style is called. */
  niveau?: number;
}

/** The styles by normalised name (the first of a name counts, as in Word). */
function stijlenPerNaam(lijst: Stijl[]): Map<string, Stijl> {
  const uit = new Map<string, Stijl>();
  for (const s of lijst) if (!uit.has(naamSleutel(s.naam))) uit.set(naamSleutel(s.naam), s);
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
  const bekend = stijlenPerNaam(hs.stijlLijst);
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
  const bekend = hs ? stijlenPerNaam(hs.stijlLijst) : new Map<string, Stijl>();
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

/** Elements of ours for a part whose root does not bind `w:` to WordprocessingML: each declares it. */
export const metW = (deel: AanvulDeel, elementen: string[]) => (deel.w ? elementen : elementen.map((e) => e.replace(/^<w:([A-Za-z]+)/, `<w:$1 xmlns:w="${NS_W}"`)));

/** styles.xml: the reference's with vth's missing styles added, or vth's own. */
export function voegStijlenToe(stijlen: AanvulDeel | undefined, ontbreekt: string[]): string {
  if (stijlen) return stijlen.xml.slice(0, stijlen.plek) + metW(stijlen, ontbreekt).join('') + stijlen.xml.slice(stijlen.plek);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' +
    ontbreekt.join('') +
    '</w:styles>'
  );
}

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R_DOC = [NS_R, NS_R_STRICT];
/** VML and its Office extension: `v:imagedata src`, `o:href` name a file or URL without a relationship. */
const NS_VML = ['urn:schemas-microsoft-com:vml', 'urn:schemas-microsoft-com:office:office'];
const TYPE_AFBEELDING = /\/relationships\/image$/;
const TYPE_LETTERTYPE = /\/relationships\/font$/;
/** Pictures a header may carry, by extension, with their content type's extension. */
const AFBEELDING = /\.(png|jpe?g|gif|bmp|emf|wmf|tiff?)$/i;
/** One picture in a header or footer (a logo is some KB) and all of them together. */
export const MAX_AFBEELDING = 4 * 1024 * 1024;
export const MAX_AFBEELDINGEN = 16 * 1024 * 1024;
/** One embedded font (obfuscated, as Word embeds them; a family's four styles are some MB) and all of them. */
export const MAX_LETTERTYPE = 8 * 1024 * 1024;
export const MAX_LETTERTYPEN = 24 * 1024 * 1024;
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

/** A part that is no XML (malformed, a DTD, bytes not in its encoding) is named in the message. */
function alsXml<T>(deel: string, lees: () => T): T {
  try {
    return lees();
  } catch (e) {
    if (e instanceof XmlFout) throw new Error(`${deel}: ${e.message}`);
    throw e;
  }
}

/** A part's relationships, read as XML; external targets have no `deel`. */
function relatiesVan(b: Buffer | undefined, bronDeel: string): Relatie[] {
  const uit: Relatie[] = [];
  if (!b) return uit;
  const map = path.posix.dirname(bronDeel);
  const relsDeel = `${map}/_rels/${path.posix.basename(bronDeel)}.rels`;
  alsXml(relsDeel, () => leesXml(b, {
    open(el) {
      if (el.naam !== 'Relationship' || el.ns !== NS_PKG_RELS) return;
      const id = el.attr('Id');
      const doel = el.attr('Target')?.trim();
      if (!id || !doel) return;
      const extern = el.attr('TargetMode')?.trim() === 'External';
      const deel = extern ? undefined : doel.startsWith('/') ? path.posix.normalize(doel).slice(1) : path.posix.normalize(`${map}/${doel}`);
      uit.push({ id, type: el.attr('Type') ?? '', doel, deel });
    },
  }));
  return uit;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

type Soort = 'koptekst' | 'voettekst' | 'stijlen' | 'nummering' | 'thema' | 'lettertypen';
const LIDWOORD: Record<Soort, string> = { koptekst: 'de koptekst', voettekst: 'de voettekst', stijlen: 'de stijlen', nummering: 'de nummering', thema: 'het thema', lettertypen: 'de lettertypen' };

/** What a part may keep of its relationships: the kind of part, where it goes, its bound and the shared budget. */
interface Toegestaan {
  type: RegExp;
  extensie: RegExp;
  /** The new name under word/, from the count and the extension as written. */
  naam: (n: number, ext: string) => string;
  max: number;
  budget: { over: number; max: number };
  wat: string;
}

interface GenomenDeel extends KopVoet {
  /** A field that fetches from outside (INCLUDEPICTURE …), when the part has one. */
  halend?: string;
}

/**
 * A part of the reference read as XML and written again, by an allow-list: of its relationships only
 * its own embedded parts of the allowed kind (`toegestaan`: a header's pictures, the font table's
 * fonts), each once and within a size bound, under names of vth's own; every other relationship (an
 * external or linked target, a hyperlink, a macro part, another part of the document, a target outside
 * word/) is left out, and every attribute that refers to one (`r:id`, `r:embed`, `r:link` …), and VML's
 * `src` and `o:href`, are removed. Fields that fetch (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE …) are
 * found in `fldSimple` and in the field codes of complex fields, also when split over runs.
 */
function neemDeel(
  delen: Map<string, Buffer>,
  deel: string,
  soort: Soort,
  waarschuwingen: string[],
  toegestaan?: Toegestaan,
  metKopie: (kopie: XmlKopie) => KopieHandlers = () => ({}),
): GenomenDeel | undefined {
  const ruw = delen.get(deel.toLowerCase());
  if (!ruw) return undefined;
  const relaties = relatiesVan(delen.get(`${path.posix.dirname(deel)}/_rels/${path.posix.basename(deel)}.rels`.toLowerCase()), deel);
  const media: [string, Uint8Array][] = [];
  const nieuweNaam = new Map<string, string>();
  const behouden: Relatie[] = [];
  const weg: string[] = [];
  for (const r of relaties) {
    const inhoud = toegestaan && r.deel && r.deel.startsWith('word/') && toegestaan.extensie.test(r.deel) && toegestaan.type.test(r.type) ? delen.get(r.deel.toLowerCase()) : undefined;
    if (!inhoud) {
      weg.push(r.doel);
      continue;
    }
    let naam = nieuweNaam.get(r.deel!.toLowerCase());
    if (!naam) {
      const t = toegestaan!;
      if (inhoud.length > t.max) throw new Error(`${r.deel} in ${LIDWOORD[soort]} is ${mbTekst(inhoud.length)}; ${t.wat} in de huisstijl mag hoogstens ${mbTekst(t.max)} zijn`);
      t.budget.over -= inhoud.length;
      if (t.budget.over < 0) throw new Error(`${t.wat === 'een afbeelding' ? 'de afbeeldingen in koptekst en voettekst' : 'de ingebedde lettertypen'} zijn samen meer dan ${mbTekst(t.budget.max)}`);
      naam = t.naam(nieuweNaam.size + 1, t.extensie.exec(r.deel!)![1]!.toLowerCase());
      nieuweNaam.set(r.deel!.toLowerCase(), naam);
      media.push([naam, new Uint8Array(inhoud)]);
    }
    behouden.push({ ...r, doel: naam });
  }
  const houden = new Set(behouden.map((r) => r.id));
  let halend: string | undefined;
  let instr = '';
  let inInstr = false;
  const toets = () => {
    if (instr && HALEND_VELD.test(instr)) halend ??= instr.trim();
    instr = '';
  };
  const kopie = new XmlKopie();
  const extra = metKopie(kopie);
  const xml = alsXml(deel, () => kopie.kopieer(ruw, {
    open(el, diepte) {
      if (extra.open?.(el, diepte) === 'weg') return 'weg';
      if (el.ns !== NS_W) return;
      if (el.naam === 'instrText' || el.naam === 'delInstrText') inInstr = true;
      else if (el.naam === 'fldChar') {
        if (el.attr('fldCharType', NS_W) === 'begin') instr = '';
        else toets();
      } else if (el.naam === 'fldSimple') {
        const v = el.attr('instr', NS_W) ?? '';
        if (HALEND_VELD.test(v)) halend ??= v.trim();
      }
    },
    sluit(naam, ns, diepte) {
      extra.sluit?.(naam, ns, diepte);
      if (ns !== NS_W) return;
      if (naam === 'instrText' || naam === 'delInstrText') inInstr = false;
      else if (naam === 'p') toets();
    },
    tekst(t) {
      extra.tekst?.(t);
      if (inInstr) instr += t;
    },
    attribuut(el, a) {
      if (extra.attribuut && !extra.attribuut(el, a)) return false;
      if (NS_R_DOC.includes(a.ns)) return houden.has(a.waarde);
      if (NS_VML.includes(el.ns) && (a.naam === 'src' || a.naam === 'href') && (a.ns === '' || NS_VML.includes(a.ns))) {
        weg.push(a.waarde);
        return false;
      }
      return true;
    },
  }));
  toets();
  if (weg.length)
    waarschuwingen.push(
      `uit ${LIDWOORD[soort]} van de huisstijl ${weg.length === 1 ? 'is 1 verwijzing' : `zijn ${weg.length} verwijzingen`} niet overgenomen (${toegestaan ? `alleen eigen ${toegestaan.wat === 'een afbeelding' ? 'afbeeldingen' : 'ingebedde lettertypen'}` : 'niets buiten het deel zelf'}): ${[...new Set(weg)].slice(0, 3).join(', ')}${weg.length > 3 ? ', …' : ''}`,
    );
  const rels = behouden.length
    ? `${XML_DECLARATIE}<Relationships xmlns="${NS_PKG_RELS}">${behouden.map((r) => `<Relationship Id="${xmlAttr(r.id)}" Type="${xmlAttr(r.type)}" Target="${xmlAttr(r.doel)}"/>`).join('')}</Relationships>`
    : undefined;
  return { xml, ...(rels ? { rels } : {}), media, ...(halend ? { halend } : {}) };
}

/** A part whose root must be WordprocessingML's `local`, else the reference is refused with a reason. */
function wortel(deel: string, local: string) {
  return (el: XmlElement, diepte: number) => {
    if (diepte === 1 && (el.ns !== NS_W || el.naam !== local))
      throw new Error(`${deel} is geen ${local}-deel van Word (${el.ns ? `naamruimte ${el.ns}` : 'zonder naamruimte'}); sla het referentiedocument in Word op als "Word-document (*.docx)", niet als Strict Open XML`);
  };
}

const bindtW = (el: XmlElement) => el.alle().some((a) => a.qnaam === 'xmlns:w' && a.waarde === NS_W);

function geenVeld(deel: string, d: GenomenDeel): void {
  if (d.halend) throw new Error(`${deel} heeft het veld ${d.halend.split(/\s+/)[0]}, dat iets van buiten het document haalt; zo'n huisstijl wordt niet gebruikt`);
}

/** styles.xml read as XML: every style's id, name, type, outline level and numbering, the body font. */
function leesStijlen(delen: Map<string, Buffer>, deel: string, waarschuwingen: string[]): { stijlen: AanvulDeel; stijlLijst: Stijl[]; letter?: string } {
  const lijst: Stijl[] = [];
  const pad: string[] = [];
  let huidig: (Partial<Stijl> & { standaard: boolean; letter?: string }) | undefined;
  let letterStandaard: string | undefined;
  let letterNormaal: string | undefined;
  let w = false;
  let plek = 0;
  const isWortel = wortel(deel, 'styles');
  const genomen = neemDeel(delen, deel, 'stijlen', waarschuwingen, undefined, (kopie) => ({
    open(el, diepte) {
      isWortel(el, diepte);
      pad.length = diepte - 1;
      pad.push(el.ns === NS_W ? el.naam : '');
      if (diepte === 1) w = bindtW(el);
      const p = pad.join('/');
      const val = () => el.attr('val', NS_W);
      if (p === 'styles/style') huidig = { id: el.attr('styleId', NS_W), type: el.attr('type', NS_W) ?? 'paragraph', genummerd: false, standaard: aan(el.attr('default', NS_W) ?? '0') };
      else if (!huidig) {
        if (p === 'styles/docDefaults/rPrDefault/rPr/rFonts') letterStandaard = el.attr('ascii', NS_W);
      } else if (p === 'styles/style/name') huidig.naam = val();
      else if (p === 'styles/style/pPr/outlineLvl') huidig.niveau = geheel(val());
      else if (p === 'styles/style/pPr/numPr/numId') huidig.genummerd = (geheel(val()) ?? 0) >= 1;
      else if (p === 'styles/style/rPr/rFonts') huidig.letter = el.attr('ascii', NS_W);
    },
    sluit(_naam, _ns, diepte) {
      if (diepte === 2 && huidig) {
        const s = huidig;
        huidig = undefined;
        if (s.type === 'paragraph' && s.standaard && s.letter) letterNormaal ??= s.letter;
        if (s.id && s.naam) lijst.push({ id: s.id, naam: s.naam, type: s.type!, genummerd: !!s.genummerd, ...(s.niveau !== undefined ? { niveau: s.niveau } : {}) });
      }
      if (diepte === 1) plek = kopie.plek();
    },
  }))!;
  geenVeld(deel, genomen);
  const letter = letterNormaal ?? letterStandaard;
  return { stijlen: { xml: genomen.xml, plek, w }, stijlLijst: lijst, ...(letter ? { letter } : {}) };
}

/** A whole number as OOXML writes one (ST_DecimalNumber), else undefined. */
const geheel = (v: string | undefined) => (v !== undefined && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : undefined);

/**
 * numbering.xml read as XML: the highest ids in use and the places where vth's list goes in (its
 * abstractNum before the first num, its num after the last), in the schema's order. Picture bullets
 * point at pictures vth does not take: they are left out, and their levels keep their bullet text.
 */
function leesNummering(delen: Map<string, Buffer>, deel: string, waarschuwingen: string[]): { nummering?: AanvulDeel; hoogsteNumId: number; hoogsteAbstractId: number } {
  let hoogsteNumId = 0;
  let hoogsteAbstractId = 0;
  let w = false;
  let plek: number | undefined;
  let numPlek: number | undefined;
  let eind = 0;
  let plaatjes = 0;
  const isWortel = wortel(deel, 'numbering');
  const genomen = neemDeel(delen, deel, 'nummering', waarschuwingen, undefined, (kopie) => ({
    open(el, diepte) {
      isWortel(el, diepte);
      if (diepte === 1) w = bindtW(el);
      if (el.ns !== NS_W) return;
      if (el.naam === 'numPicBullet' || el.naam === 'lvlPicBulletId') {
        if (el.naam === 'numPicBullet') plaatjes++;
        return 'weg';
      }
      if (diepte !== 2) return;
      if (el.naam === 'abstractNum') hoogsteAbstractId = Math.max(hoogsteAbstractId, geheel(el.attr('abstractNumId', NS_W)) ?? 0);
      else if (el.naam === 'num') {
        plek ??= kopie.plek();
        hoogsteNumId = Math.max(hoogsteNumId, geheel(el.attr('numId', NS_W)) ?? 0);
      } else if (el.naam === 'numIdMacAtCleanup') {
        plek ??= kopie.plek();
        numPlek ??= kopie.plek();
      }
    },
    sluit(_naam, _ns, diepte) {
      if (diepte === 1) eind = kopie.plek();
    },
  }));
  if (!genomen) return { hoogsteNumId, hoogsteAbstractId };
  geenVeld(deel, genomen);
  if (plaatjes) waarschuwingen.push(`de nummering van de huisstijl gebruikt ${plaatjes === 1 ? 'een afbeelding' : `${plaatjes} afbeeldingen`} als opsommingsteken; vth neemt die niet over en gebruikt het teken van de lijst zelf`);
  return { nummering: { xml: genomen.xml, plek: plek ?? eind, numPlek: numPlek ?? eind, w }, hoogsteNumId, hoogsteAbstractId };
}

/**
 * fontTable.xml: the fonts with those embedded in the reference (obfuscated, as Word embeds them),
 * each inside the package and within a bound; an embedded font vth does not take is left out whole.
 */
function leesLettertypen(delen: Map<string, Buffer>, deel: string, waarschuwingen: string[]): KopVoet | undefined {
  const budget = { over: MAX_LETTERTYPEN, max: MAX_LETTERTYPEN };
  const toegestaan: Toegestaan = { type: TYPE_LETTERTYPE, extensie: /\.(odttf)$/i, naam: (n) => `fonts/huisstijl-lettertype-${n}.odttf`, max: MAX_LETTERTYPE, budget, wat: 'een ingebed lettertype' };
  const isWortel = wortel(deel, 'fonts');
  let ids: Set<string> | undefined;
  const genomen = neemDeel(delen, deel, 'lettertypen', waarschuwingen, toegestaan, () => ({
    open(el, diepte) {
      isWortel(el, diepte);
      // w:embedRegular … must name a relationship: without the font it is left out whole.
      if (el.ns === NS_W && /^embed(Regular|Bold|Italic|BoldItalic)$/.test(el.naam)) {
        ids ??= new Set(relatiesVan(delen.get(`${path.posix.dirname(deel)}/_rels/${path.posix.basename(deel)}.rels`.toLowerCase()), deel).filter((r) => r.deel?.startsWith('word/') && TYPE_LETTERTYPE.test(r.type) && /\.odttf$/i.test(r.deel) && delen.has(r.deel.toLowerCase())).map((r) => r.id));
        const id = el.attr('id', NS_R_DOC);
        if (!id || !ids.has(id)) return 'weg';
      }
    },
  }));
  if (!genomen) return undefined;
  geenVeld(deel, genomen);
  return { xml: genomen.xml, ...(genomen.rels ? { rels: genomen.rels } : {}), media: genomen.media };
}

/** The page setup and header and footer references of the document's last section (its body's), read as XML. */
interface SectieInfo {
  pgSz: Record<string, number | undefined>;
  pgMar: Record<string, number | undefined>;
  kop?: string;
  voet?: string;
  eerste: boolean;
  titelPagina: boolean;
}

function leesSectie(document: Buffer): SectieInfo {
  const leeg = (): SectieInfo => ({ pgSz: {}, pgMar: {}, eerste: false, titelPagina: false });
  let laatste = leeg();
  let huidig: SectieInfo | undefined;
  let diepteSect = 0;
  alsXml('word/document.xml', () => leesXml(document, {
    open(el) {
      if (el.ns !== NS_W) return;
      if (el.naam === 'sectPr' && !huidig) {
        huidig = leeg();
        diepteSect = 1;
        return;
      }
      if (!huidig) return;
      diepteSect++;
      if (diepteSect !== 2) return;
      const getal = (a: string) => {
        const n = geheel(el.attr(a, NS_W));
        return n !== undefined && n >= 0 ? n : undefined;
      };
      if (el.naam === 'pgSz') huidig.pgSz = { w: getal('w'), h: getal('h') };
      else if (el.naam === 'pgMar') huidig.pgMar = { left: getal('left'), right: getal('right'), top: getal('top'), bottom: getal('bottom') };
      else if (el.naam === 'titlePg') huidig.titelPagina = aan(el.attr('val', NS_W));
      else if (el.naam === 'headerReference' || el.naam === 'footerReference') {
        const type = el.attr('type', NS_W) ?? 'default';
        const id = el.attr('id', NS_R_DOC);
        if (type === 'first') huidig.eerste = true;
        else if (type === 'default' && id) huidig[el.naam === 'headerReference' ? 'kop' : 'voet'] = id;
      }
    },
    sluit(naam, ns) {
      if (!huidig || ns !== NS_W) return;
      if (--diepteSect === 0 && naam === 'sectPr') {
        laatste = huidig;
        huidig = undefined;
      }
    },
  }));
  return laatste;
}

/**
 * The house style from a reference document's parts (by lower-case name, as `pakUit` gives them), each
 * read as XML by the conformant reader (so a comment, a processing instruction, single quotes, another
 * prefix for WordprocessingML, whitespace in an end tag or UTF-16 reads as Word reads it) and what is
 * copied written again as UTF-8 by `XmlKopie`. Throws a Dutch message when it is not a Word document.
 */
export function leesHuisstijl(delen: Map<string, Buffer>, naam: string): Huisstijl {
  const docRels = relatiesVan(delen.get('word/_rels/document.xml.rels'), 'word/document.xml');
  // A part by its relationship from the document, else by its usual name; always inside word/.
  const deelVan = (type: string, standaard: string) => {
    const r = docRels.find((x) => x.deel?.startsWith('word/') && x.type.endsWith(`/relationships/${type}`) && delen.has(x.deel.toLowerCase()));
    return r?.deel ?? standaard;
  };
  const document = delen.get('word/document.xml');
  const stijlDeel = deelVan('styles', 'word/styles.xml');
  if (!document || !delen.has(stijlDeel.toLowerCase())) throw new Error(`${naam} is geen Word-document (word/document.xml of word/styles.xml ontbreekt)`);
  const waarschuwingen: string[] = [];
  const { stijlen, stijlLijst, letter } = leesStijlen(delen, stijlDeel, waarschuwingen);
  const { nummering, hoogsteNumId, hoogsteAbstractId } = leesNummering(delen, deelVan('numbering', 'word/numbering.xml'), waarschuwingen);
  const themaDeel = neemDeel(delen, deelVan('theme', 'word/theme/theme1.xml'), 'thema', waarschuwingen);
  if (themaDeel) geenVeld('het thema', themaDeel);
  const lettertypen = leesLettertypen(delen, deelVan('fontTable', 'word/fontTable.xml'), waarschuwingen);

  const s = leesSectie(document);
  const breedte = s.pgSz.w;
  const hoogte = s.pgSz.h;
  const sectie = breedte && hoogte ? { breedte, hoogte, links: s.pgMar.left ?? 1418, rechts: s.pgMar.right ?? 1418, boven: s.pgMar.top ?? 1418, onder: s.pgMar.bottom ?? 1418 } : undefined;
  const budget = { over: MAX_AFBEELDINGEN, max: MAX_AFBEELDINGEN };
  const kopVoet = (soort: 'header' | 'footer'): KopVoet | undefined => {
    const id = soort === 'header' ? s.kop : s.voet;
    const rel = id ? docRels.find((r) => r.id === id) : undefined;
    // Only a header or footer part of this document, inside word/.
    if (!rel?.deel || !rel.deel.startsWith('word/') || !rel.type.endsWith(`/relationships/${soort}`)) return undefined;
    const wat = soort === 'header' ? 'koptekst' : 'voettekst';
    const toegestaan: Toegestaan = { type: TYPE_AFBEELDING, extensie: AFBEELDING, naam: (n, ext) => `media/huisstijl-${wat}-${n}.${ext.replace(/^jpg$/, 'jpeg').replace(/^tif$/, 'tiff')}`, max: MAX_AFBEELDING, budget, wat: 'een afbeelding' };
    const d = neemDeel(delen, rel.deel, wat, waarschuwingen, toegestaan);
    if (!d) return undefined;
    if (d.halend) {
      waarschuwingen.push(`de ${wat} van de huisstijl is niet overgenomen: het veld ${d.halend.split(/\s+/)[0]} haalt iets van buiten het document`);
      return undefined;
    }
    return { xml: d.xml, ...(d.rels ? { rels: d.rels } : {}), media: d.media };
  };
  return {
    naam,
    stijlen,
    stijlLijst,
    ...(letter ? { letter } : {}),
    ...(nummering ? { nummering } : {}),
    hoogsteNumId,
    hoogsteAbstractId,
    ...(themaDeel ? { thema: themaDeel.xml } : {}),
    ...(lettertypen ? { lettertypen } : {}),
    sectie,
    koptekst: kopVoet('header'),
    voettekst: kopVoet('footer'),
    eersteKoptekst: s.titelPagina && s.eerste,
    waarschuwingen,
  };
}
