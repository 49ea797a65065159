/**
 * The house style's parts read as XML. A reference document whose styles.xml, numbering.xml,
 * document.xml and header are written in another legal way (comments and processing instructions that
 * hold look-alike elements, single quotes and whitespace around '=', another prefix or the default
 * namespace for WordprocessingML, whitespace in end tags, UTF-16) gives the same Word document as the
 * clean one: compared as XML (names by namespace URI, attributes, text) and by python-docx (lxml), an
 * independent reader. And what is copied from the reference (styles, numbering, theme, font table)
 * references nothing outside the written .docx.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { docxDelen, metServer, ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { maakZip } from './zip.js';

const HUISSTIJL = path.join(ROOT, 'fixtures/huisstijl/dinkelberg.docx');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

type Delen = Record<string, string | Buffer>;

function referentie(): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const [n, b] of docxDelen(HUISSTIJL)) uit[n] = n.endsWith('.png') ? (b as unknown as string) : b.toString('utf8');
  return uit;
}

const XML_DELEN = ['word/styles.xml', 'word/numbering.xml', 'word/document.xml', 'word/header2.xml'];

/** Every attribute `a="b"` written as `a = 'b'`, with a line break and a tab around '='. */
const enkel = (s: string) => s.replace(/(<[^!?][^>]*>)/g, (tag) => tag.replace(/ ([\w:]+)="([^"']*)"/g, "\n\t$1 =\t'$2'"));
/** WordprocessingML under another prefix. */
const voorvoegsel = (s: string, p: string) => s.replace(/xmlns:w=/g, `xmlns:${p}=`).replace(/<(\/?)w:/g, `<$1${p}:`).replace(/ w:([\w]+)=/g, ` ${p}:$1=`);
/** UTF-16 little endian with its byte-order mark, as the declaration says. */
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le').swap16()]);

const VARIANTEN: Record<string, (d: Record<string, string>) => Delen> = {
  gewoon: (d) => d,
  // Look-alikes in comments and processing instructions: a fake "heading 1" before the real one, a
  // num with a high id, a section with another page size after the real one, a field in a comment.
  commentaar: (d) => ({
    ...d,
    'word/styles.xml': d['word/styles.xml']!.replace('<w:style ', '<!-- <w:style w:type="paragraph" w:styleId="Nep"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style> --><?vth <w:style w:styleId="Nep2"><w:name w:val="Title"/></w:style>?><w:style ').replace('<w:outlineLvl w:val="0"/>', '<!-- <w:outlineLvl w:val="3"/> --><w:outlineLvl w:val="0"/>'),
    'word/numbering.xml': d['word/numbering.xml']!.replace('</w:numbering>', '<!-- <w:num w:numId="99"><w:abstractNumId w:val="0"/></w:num> --></w:numbering>'),
    'word/document.xml': d['word/document.xml']!.replace('</w:body>', '<!-- <w:sectPr><w:headerReference w:type="default" r:id="rIdNee"/><w:pgSz w:w="100" w:h="200"/></w:sectPr> --></w:body>'),
    'word/header2.xml': d['word/header2.xml']!.replace('</w:p></w:hdr>', '<!-- <w:r><w:instrText> INCLUDEPICTURE "http://127.0.0.1:9/x.png" </w:instrText></w:r> --><?mso-application progid="Word.Document"?></w:p></w:hdr>'),
  }),
  aanhalingstekens: (d) => Object.fromEntries(Object.entries(d).map(([n, s]) => [n, XML_DELEN.includes(n) ? enkel(s) : s])),
  'ander-voorvoegsel': (d) => Object.fromEntries(Object.entries(d).map(([n, s]) => [n, XML_DELEN.includes(n) ? voorvoegsel(s, 'wx') : s])),
  // The default namespace for the elements (attributes in a namespace keep their prefix, as XML wants).
  'standaard-naamruimte': (d) => ({
    ...d,
    'word/styles.xml': d['word/styles.xml']!.replace('<w:styles xmlns:w=', `<styles xmlns="${W}" xmlns:w=`).replace(/<(\/?)w:/g, '<$1'),
    'word/numbering.xml': d['word/numbering.xml']!.replace('<w:numbering xmlns:w=', `<numbering xmlns="${W}" xmlns:w=`).replace(/<(\/?)w:/g, '<$1'),
  }),
  // The w: prefix bound to something else at the root, WordprocessingML under another prefix.
  'w-elders': (d) => ({ ...d, 'word/styles.xml': voorvoegsel(d['word/styles.xml']!, 'ww').replace('<ww:styles ', '<ww:styles xmlns:w="urn:vth:iets-anders" ') }),
  eindtags: (d) => Object.fromEntries(Object.entries(d).map(([n, s]) => [n, XML_DELEN.includes(n) ? s.replace(/<\/([\w:]+)>/g, '</$1 \n>') : s])),
  utf16: (d) => ({ ...d, 'word/styles.xml': utf16le(d['word/styles.xml']!), 'word/numbering.xml': utf16be(d['word/numbering.xml']!), 'word/document.xml': utf16le(d['word/document.xml']!), 'word/header2.xml': utf16le(d['word/header2.xml']!) }),
  cdata: (d) => ({ ...d, 'word/header2.xml': d['word/header2.xml']!.replace('>  Gemeente Dinkelberg<', '><![CDATA[  Gemeente]]>&#32;Dinkel&#x62;erg<') }),
};

/** A part as XML's information: elements and attributes by namespace URI and local name, text; no prefixes, declarations or comments. */
function informatie(b: Buffer | undefined): string[] {
  if (!b) return [];
  const uit: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) => {
    const attrs = Object.values(t.attributes)
      .filter((a) => a.uri !== 'http://www.w3.org/2000/xmlns/')
      .map((a) => `{${a.uri}}${a.local}=${a.value}`)
      .sort();
    uit.push(`<{${t.uri}}${t.local} ${attrs.join(' ')}`);
  });
  p.on('closetag', () => uit.push('>'));
  p.on('text', (t) => (uit.at(-1)?.startsWith('#') ? (uit[uit.length - 1] += t) : uit.push(`#${t}`)));
  p.on('cdata', (t) => (uit.at(-1)?.startsWith('#') ? (uit[uit.length - 1] += t) : uit.push(`#${t}`)));
  p.write(b.toString('utf8')).close();
  return uit.filter((x) => x.trim() !== '#');
}

/** python-docx (lxml) on each .docx: its styles (id, name, type), the numbering's ids, section and header. */
function pythonDocx(paden: string[]): Record<string, unknown> {
  const code = `
import docx, json, sys
uit = {}
for p in sys.argv[1:]:
    d = docx.Document(p)
    s = d.sections[-1]
    num = d.part.numbering_part.element
    ns = {'w': '${W}'}
    uit[p] = {
        'stijlen': [[x.style_id, x.name, str(x.type)] for x in d.styles],
        'num': [x.get('{${W}}numId') for x in num.findall('w:num', ns)],
        'abstract': [x.get('{${W}}abstractNumId') for x in num.findall('w:abstractNum', ns)],
        'pagina': [s.page_width, s.page_height, s.left_margin, s.top_margin],
        'koptekst': [p.text for p in s.header.paragraphs],
    }
print(json.dumps(uit))`;
  const r = spawnSync('/usr/bin/python3', ['-c', code, ...paden], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const heeftPythonDocx = spawnSync('/usr/bin/python3', ['-c', 'import docx'], { timeout: 30_000 }).status === 0;

function schrijfDocx(map: string, naam: string, d: Delen): { pad: string; verantwoording: string; stderr: string; code: number | null } {
  const ref = path.join(map, `${naam}.docx`);
  writeFileSync(ref, maakZip(d as never));
  const uit = path.join(map, naam);
  const r = vth(['uvp', VOORBEELD, '--format', 'docx,md', '--huisstijl', ref, '-o', uit]);
  const docx = existsSync(uit) ? readdirSync(uit).find((f) => f.endsWith('.docx')) : undefined;
  const verantwoording = docx ? readFileSync(path.join(uit, docx.replace('.docx', '-verantwoording.md')), 'utf8') : '';
  return { pad: docx ? path.join(uit, docx) : '', verantwoording, stderr: r.stderr.replaceAll(`${naam}.docx`, 'REF').replace(/^geschreven: .*$/gm, ''), code: r.code };
}

describe('the house style read as XML', () => {
  it('comments, processing instructions, quotes, prefixes, the default namespace, end tags, UTF-16 and CDATA in the reference give the same Word document as the clean one', () => {
    const map = tijdelijkeMap();
    const d = referentie();
    const uit = Object.fromEntries(Object.entries(VARIANTEN).map(([naam, f]) => [naam, schrijfDocx(map, naam, f({ ...d }))]));
    const gewoon = uit.gewoon!;
    expect(gewoon.code, gewoon.stderr).toBe(0);
    const g = docxDelen(gewoon.pad);
    expect(g.get('word/document.xml')!.toString('utf8')).toContain('<w:pStyle w:val="Kop1"/>');
    for (const [naam, r] of Object.entries(uit)) {
      expect(r.code, `${naam}: ${r.stderr}`).toBe(0);
      // The same messages: nothing found in a comment, nothing left out that the clean one keeps.
      expect(r.stderr, naam).toBe(gewoon.stderr);
      const v = docxDelen(r.pad);
      expect([...v.keys()].sort(), naam).toEqual([...g.keys()].sort());
      // vth's own parts (the body, with the house style's ids) byte for byte.
      expect(v.get('word/document.xml')!.equals(g.get('word/document.xml')!), naam).toBe(true);
      for (const deel of ['word/styles.xml', 'word/numbering.xml', 'word/header1.xml', 'word/_rels/header1.xml.rels']) expect(informatie(v.get(deel)), `${naam} ${deel}`).toEqual(informatie(g.get(deel)));
    }
    // LibreOffice reads the odd ones as it reads the clean one: the same text in the PDF, the chapter
    // numbers of the house style's numbering included.
    if (heeftLibreOffice && spawnSync('pdftotext', ['-v']).status === 0) {
      const lo = tijdelijkeMap('vth-lo-');
      const namen = ['gewoon', 'w-elders', 'utf16', 'commentaar', 'standaard-naamruimte'];
      for (const n of namen) copyFileSync(uit[n]!.pad, path.join(lo, `${n}.docx`));
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(lo, 'profiel')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', lo, ...namen.map((n) => path.join(lo, `${n}.docx`))], { encoding: 'utf8', timeout: 180_000 });
      expect(r.status, r.stderr).toBe(0);
      const tekst = (n: string) => spawnSync('pdftotext', ['-layout', path.join(lo, `${n}.pdf`), '-'], { encoding: 'utf8' }).stdout;
      expect(tekst('gewoon')).toMatch(/^\s*1\. Samenvatting/m);
      for (const n of namen) expect(tekst(n), n).toBe(tekst('gewoon'));
    }
    if (!heeftPythonDocx) return;
    const py = pythonDocx(Object.values(uit).map((r) => r.pad));
    for (const [naam, r] of Object.entries(uit)) expect(py[r.pad], naam).toEqual(py[gewoon.pad]);
    // What the comparison is about, in figures: the real Kop1 numbered by the house style's num 1, ours num 2.
    const p = py[gewoon.pad] as { stijlen: string[][]; num: string[]; pagina: number[]; koptekst: string[] };
    expect(p.stijlen.find((s) => s[1] === 'Heading 1')?.[0]).toBe('Kop1');
    expect(p.num).toEqual(['1', '2']);
    expect(p.pagina).toEqual([11906 * 635, 16838 * 635, 1134 * 635, 1134 * 635]);
    expect(p.koptekst.join('')).toContain('Gemeente Dinkelberg');
  }, 120_000);
});

/** Every relationship reference in every XML part of a .docx names a relationship of that part, and none is external. */
function verwijzingenBinnen(d: Map<string, Buffer>): { deel: string; id: string }[] {
  const fout: { deel: string; id: string }[] = [];
  for (const [naam, b] of d) {
    if (!/\.(xml|rels)$/.test(naam) || naam.endsWith('.rels')) continue;
    const relsNaam = `${path.posix.dirname(naam)}/_rels/${path.posix.basename(naam)}.rels`.replace(/^\.\//, '');
    const ids = new Set<string>();
    const rels = d.get(relsNaam);
    if (rels) {
      const p = new SaxesParser({ xmlns: true });
      p.on('opentag', (t) => {
        if (t.uri !== RELS || t.local !== 'Relationship') return;
        const doel = t.attributes.Target?.value ?? '';
        expect(t.attributes.TargetMode?.value, relsNaam).not.toBe('External');
        expect(doel, relsNaam).toMatch(/^(?![a-z][\w+.-]*:|\\|\/\/)(?!.*\.\.)[\w./-]+$/i);
        expect(d.has(path.posix.join(path.posix.dirname(naam), doel)) || /\/relationships\/hyperlink$/.test(t.attributes.Type?.value ?? ''), `${relsNaam} ${doel}`).toBe(true);
        ids.add(t.attributes.Id!.value);
      });
      p.write(rels.toString('utf8')).close();
    }
    const p = new SaxesParser({ xmlns: true });
    p.on('opentag', (t) => {
      for (const a of Object.values(t.attributes)) {
        if (a.uri === R && !ids.has(a.value)) fout.push({ deel: naam, id: a.value });
        if (/^urn:schemas-microsoft-com:(vml|office:office)$/.test(t.uri) && /^(src|href)$/.test(a.local)) fout.push({ deel: naam, id: a.value });
      }
    });
    p.on('text', (t) => {
      if (/INCLUDEPICTURE|INCLUDETEXT/.test(t)) fout.push({ deel: naam, id: t });
    });
    p.write(b.toString('utf8')).close();
  }
  return fout;
}

const heeftLibreOffice = spawnSync('soffice', ['--version'], { timeout: 30_000 }).status === 0;

/** The reference with a theme, a font table with embedded fonts, and references out of styles and numbering. */
function reikendeReferentie(poort: number): Delen {
  const d: Delen = referentie();
  const ext = (id: string, type: string, doel: string) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${doel}" TargetMode="External"/>`;
  const rels = (...r: string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}">${r.join('')}</Relationships>`;
  const url = `http://127.0.0.1:${poort}`;
  d['word/_rels/document.xml.rels'] = (d['word/_rels/document.xml.rels'] as string).replace(
    '</Relationships>',
    `<Relationship Id="rId20" Type="${R}/theme" Target="theme/theme1.xml"/><Relationship Id="rId21" Type="${R}/fontTable" Target="fontTable.xml"/></Relationships>`,
  );
  d['word/theme/theme1.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" name="Dinkelberg"><a:themeElements><a:clrScheme name="D"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="2E6B30"/></a:dk2><a:lt2><a:srgbClr val="EEEEEE"/></a:lt2><a:accent1><a:srgbClr val="2E6B30"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>` +
    `<a:fontScheme name="D"><a:majorFont><a:latin typeface="Georgia"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Verdana"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="D"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:blipFill><a:blip r:embed="rIdT1" r:link="rIdT2"/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;
  d['word/theme/_rels/theme1.xml.rels'] = rels(`<Relationship Id="rIdT1" Type="${R}/image" Target="../media/image1.png"/>`, ext('rIdT2', 'image', `${url}/thema.png`));
  const sleutel = '{6C3C5E83-33A2-4C65-A7A9-8E4B2E1F0A11}';
  d['word/fontTable.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}" xmlns:r="${R}"><w:font w:name="Verdana"><w:panose1 w:val="020B0604030504040204"/><w:family w:val="swiss"/></w:font>` +
    `<w:font w:name="Dinkel Sans"><w:family w:val="swiss"/><w:embedRegular r:id="rIdF1" w:fontKey="${sleutel}"/><w:embedBold r:id="rIdF2" w:fontKey="${sleutel}"/><w:embedItalic r:id="rIdF3" w:fontKey="${sleutel}"/><w:embedBoldItalic r:id="rIdF1" w:fontKey="${sleutel}"/></w:font></w:fonts>`;
  d['word/_rels/fontTable.xml.rels'] = rels(`<Relationship Id="rIdF1" Type="${R}/font" Target="fonts/font1.odttf"/>`, ext('rIdF2', 'font', `${url}/vet.odttf`), `<Relationship Id="rIdF3" Type="${R}/font" Target="../../../tmp/cursief.odttf"/>`);
  d['word/fonts/font1.odttf'] = Buffer.alloc(5000, 3);
  d['word/styles.xml'] = (d['word/styles.xml'] as string).replace('<w:styles ', `<w:styles xmlns:r="${R}" `).replace('<w:docDefaults>', '<w:docDefaults r:id="rIdS1">');
  d['word/_rels/styles.xml.rels'] = rels(ext('rIdS1', 'attachedTemplate', `${url}/sjabloon.dotm`));
  d['word/numbering.xml'] = (d['word/numbering.xml'] as string)
    .replace('<w:numbering ', `<w:numbering xmlns:r="${R}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" `)
    .replace('<w:abstractNum ', `<w:numPicBullet w:numPicBulletId="0"><w:pict><v:shape id="_x0000_i1025" style="width:9pt;height:9pt"><v:imagedata r:id="rIdN1" o:title="" src="${url}/kogel.png" o:href="${url}/kogel2.png"/></v:shape></w:pict></w:numPicBullet><w:abstractNum `)
    .replace('<w:lvlText w:val="%1."/>', '<w:lvlText w:val="%1."/><w:lvlPicBulletId w:val="0"/>');
  d['word/_rels/numbering.xml.rels'] = rels(ext('rIdN1', 'image', `${url}/kogel.png`));
  // A VML picture that names its file without a relationship.
  d['word/header2.xml'] = (d['word/header2.xml'] as string).replace(
    '</w:p></w:hdr>',
    `<w:r><w:pict xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><v:shape style="width:9pt;height:9pt"><v:imagedata src="${url}/vml.png" o:href="${url}/vml2.png" o:title=""/></v:shape></w:pict></w:r></w:p></w:hdr>`,
  );
  return d;
}

describe('styles, numbering, theme and fonts taken from the reference reach nothing outside the .docx', () => {
  it('external and outside references are dropped and said; an embedded font inside the package is kept, once', async () => {
    await metServer((poort) => {
      const map = tijdelijkeMap();
      const r = schrijfDocx(map, 'ref', reikendeReferentie(poort));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('let op: huisstijl REF: uit de stijlen van de huisstijl is 1 verwijzing niet overgenomen (niets buiten het deel zelf): http://127.0.0.1');
      expect(r.stderr).toContain(`let op: huisstijl REF: uit de nummering van de huisstijl is 1 verwijzing niet overgenomen (niets buiten het deel zelf): http://127.0.0.1:${poort}/kogel.png`);
      expect(r.stderr).toContain(`let op: huisstijl REF: uit de koptekst van de huisstijl zijn 2 verwijzingen niet overgenomen (alleen eigen afbeeldingen): http://127.0.0.1:${poort}/vml.png, http://127.0.0.1:${poort}/vml2.png`);
      expect(r.stderr).toContain('de nummering van de huisstijl gebruikt een afbeelding als opsommingsteken; vth neemt die niet over');
      expect(r.stderr).toContain('let op: huisstijl REF: uit het thema van de huisstijl zijn 2 verwijzingen niet overgenomen');
      expect(r.stderr).toContain('let op: huisstijl REF: uit de lettertypen van de huisstijl zijn 2 verwijzingen niet overgenomen (alleen eigen ingebedde lettertypen)');
      // In the verantwoording as well, at the reference's name.
      expect(r.verantwoording).toMatch(/huisstijl: uit het thema van de huisstijl zijn 2 verwijzingen niet overgenomen.*ref\.docx/);
      expect(r.verantwoording).toContain('huisstijl: de nummering van de huisstijl gebruikt een afbeelding als opsommingsteken');
      const d = docxDelen(r.pad);
      expect(verwijzingenBinnen(d)).toEqual([]);
      expect([...d.keys()].filter((n) => n.includes('fonts/'))).toEqual(['word/fonts/huisstijl-lettertype-1.odttf']);
      expect(d.get('word/fonts/huisstijl-lettertype-1.odttf')!.equals(Buffer.alloc(5000, 3))).toBe(true);
      const fonts = d.get('word/fontTable.xml')!.toString('utf8');
      expect(fonts).toContain('<w:embedRegular r:id="rIdF1" w:fontKey="{6C3C5E83-33A2-4C65-A7A9-8E4B2E1F0A11}"/>');
      expect(fonts).toContain('<w:embedBoldItalic r:id="rIdF1"');
      expect(fonts).not.toMatch(/embedBold |embedItalic/);
      expect(d.get('word/_rels/fontTable.xml.rels')!.toString('utf8')).toContain('Target="fonts/huisstijl-lettertype-1.odttf"');
      expect(d.get('[Content_Types].xml')!.toString('utf8')).toContain('<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>');
      expect(d.get('word/theme/theme1.xml')!.toString('utf8')).toContain('<a:blip/>');
      const num = d.get('word/numbering.xml')!.toString('utf8');
      expect(num).not.toMatch(/numPicBullet|lvlPicBulletId|kogel/);
      expect(num).toContain('<w:lvlText w:val="%1."/>');
      expect(d.get('word/styles.xml')!.toString('utf8')).toContain('<w:docDefaults>');
    });
  });

  it('a field that fetches in styles.xml: the house style is refused with its reason (exit 2), nothing written', () => {
    const d = referentie();
    d['word/styles.xml'] = d['word/styles.xml']!.replace('<w:qFormat/>', '<w:qFormat/><w:fldSimple w:instr=\' INCLUDETEXT "\\\\\\\\server\\\\share\\\\tekst.docx" \'/>');
    const map = tijdelijkeMap();
    const r = schrijfDocx(map, 'veld', d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('huisstijl REF: word/styles.xml heeft het veld INCLUDETEXT, dat iets van buiten het document haalt');
    expect(r.pad).toBe('');
  });

  it('a DTD (an entity bomb) or malformed XML in a part: refused with the part named (exit 2)', () => {
    const d = referentie();
    d['word/styles.xml'] = d['word/styles.xml']!.replace('?>', '?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>').replace('w:val="Normal"', 'w:val="&b;"');
    const r = schrijfDocx(tijdelijkeMap(), 'dtd', d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('huisstijl REF: word/styles.xml: er staat een DTD (<!DOCTYPE …>) in; die hoort niet in een Office-bestand');
    const k = referentie();
    k['word/header2.xml'] = k['word/header2.xml']!.replace('</w:p></w:hdr>', '</w:hdr>');
    const kapot = schrijfDocx(tijdelijkeMap(), 'kapot', k);
    expect(kapot.code).toBe(2);
    expect(kapot.stderr).toMatch(/huisstijl REF: word\/header2\.xml: geen geldige XML \(\d+:\d+: /);
    expect(kapot.pad).toBe('');
  });

  it('a reference saved as Strict Open XML is refused with what to do (exit 2)', () => {
    const d = referentie();
    d['word/styles.xml'] = d['word/styles.xml']!.replaceAll(W, 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    const r = schrijfDocx(tijdelijkeMap(), 'strikt', d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('huisstijl REF: word/styles.xml is geen styles-deel van Word (naamruimte http://purl.oclc.org/ooxml/wordprocessingml/main); sla het referentiedocument in Word op als "Word-document (*.docx)"');
  });

  it.skipIf(!heeftLibreOffice)('the PDF export of it makes no request', async () => {
    await metServer(async (poort, verzoeken) => {
      const map = tijdelijkeMap();
      const ref = path.join(map, 'ref.docx');
      writeFileSync(ref, maakZip(reikendeReferentie(poort) as never));
      const uit = path.join(map, 'uit');
      const r = vth(['uvp', VOORBEELD, '--format', 'pdf', '--huisstijl', ref, '-o', uit]);
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(uit).some((f) => f.endsWith('.pdf'))).toBe(true);
      await new Promise((klaar) => setTimeout(klaar, 500));
      expect(verzoeken).toEqual([]);
    });
  }, 180_000);
});

