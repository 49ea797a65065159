/**
 * A house style that cannot reach out or in: from a reference document vth takes what a house style
 * is, by an allow-list. External pictures and links, fields that fetch, macro parts, other parts of
 * the document, targets outside word/ and a hundred relationships to one picture never reach the
 * .docx vth writes; LibreOffice's PDF export of it makes no request (a local HTTP server sees none).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataBegin, leesZipInhoud } from '../src/ingest/zip.js';
import { metServer, ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { maakZip } from './zip.js';

const HUISSTIJL = path.join(ROOT, 'fixtures/huisstijl/dinkelberg.docx');
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function delen(buf: Buffer): Map<string, Buffer> {
  const inhoud = leesZipInhoud(buf)!;
  const uit = new Map<string, Buffer>();
  for (const d of inhoud.delen) {
    const begin = dataBegin(buf.subarray(d.lokaleKop, d.lokaleKop + 30), d)!;
    const data = buf.subarray(begin, begin + d.gecomprimeerd);
    uit.set(d.naam, d.methode === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return uit;
}

/** The Dinkelberg reference with a hostile header: every way a header's relationships can reach out or in. */
function vijandigeReferentie(poort: number, veld: boolean): Buffer {
  const d = delen(readFileSync(HUISSTIJL));
  const rels = (d.get('word/_rels/header2.xml.rels')!.toString('utf8')).replace(
    '</Relationships>',
    `<Relationship Id="rIdExt" Type="${R}/image" Target="http://127.0.0.1:${poort}/logo.png" TargetMode="External"/>` +
      `<Relationship Id="rIdFile" Type="${R}/image" Target="file:///etc/hostname" TargetMode="External"/>` +
      `<Relationship Id="rIdUnc" Type="${R}/hyperlink" Target="\\\\server\\share\\x.png" TargetMode="External"/>` +
      `<Relationship Id="rIdDoc" Type="${R}/officeDocument" Target="document.xml"/>` +
      `<Relationship Id="rIdSet" Type="${R}/settings" Target="settings.xml"/>` +
      `<Relationship Id="rIdUit" Type="${R}/image" Target="../../../../tmp/vth-uit.png"/>` +
      `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
      Array.from({ length: 100 }, (_, i) => `<Relationship Id="rIdL${i}" Type="${R}/image" Target="media/image1.png"/>`).join('') +
      '</Relationships>',
  );
  let hdr = d.get('word/header2.xml')!.toString('utf8');
  // A linked picture and a hyperlink to the external targets; a field that fetches, if asked.
  hdr = hdr.replace('<a:blip r:embed="rId1"/>', `<a:blip r:embed="rId1" r:link = 'rIdExt'/>`).replace('</w:p></w:hdr>', `<w:hyperlink r:id="rIdUnc"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p></w:hdr>`);
  if (veld) hdr = hdr.replace('</w:p></w:hdr>', `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "http://127.0.0.1:${poort}/veld.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`);
  const uit: Record<string, Buffer | string> = {};
  for (const [n, b] of d) uit[n] = b;
  uit['word/_rels/header2.xml.rels'] = rels;
  uit['word/header2.xml'] = hdr;
  uit['word/settings.xml'] = `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${R}"><w:attachedTemplate r:id="rIdT"/></w:settings>`;
  uit['word/vbaProject.bin'] = Buffer.alloc(1000, 7);
  return maakZip(uit as never);
}

function docxVan(uit: string): Map<string, Buffer> {
  const naam = readdirSync(uit).find((f) => f.endsWith('.docx'))!;
  return delen(readFileSync(path.join(uit, naam)));
}

const heeftLibreOffice = spawnSync('soffice', ['--version'], { timeout: 30_000 }).status === 0;

describe('a house style that cannot reach out or in', () => {
  it('the written .docx holds only its own parts: no external relationship, no part outside word/, the logo once, no macro, no second document', async () => {
    await metServer((poort) => {
      const map = tijdelijkeMap();
      const ref = path.join(map, 'referentie.docx');
      writeFileSync(ref, vijandigeReferentie(poort, false));
      const uit = path.join(map, 'uit');
      const r = vth(['uvp', VOORBEELD, '--format', 'docx', '--huisstijl', ref, '-o', uit]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('let op: huisstijl referentie.docx: uit de koptekst van de huisstijl zijn 7 verwijzingen niet overgenomen (alleen eigen afbeeldingen)');
      const d = docxVan(uit);
      for (const naam of d.keys()) {
        expect(naam).toMatch(/^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/[\w.]+|word\/[\w.]+|word\/(_rels|media|theme)\/[\w.-]+)$/);
        expect(naam).not.toContain('..');
      }
      expect([...d.keys()].filter((n) => n === 'word/document.xml')).toHaveLength(1);
      expect([...d.keys()].some((n) => /vbaProject|settings\.xml\.rels/i.test(n))).toBe(false);
      // The logo once, whatever number of relationships point at it.
      expect([...d.keys()].filter((n) => n.startsWith('word/media/huisstijl-'))).toEqual(['word/media/huisstijl-koptekst-1.png']);
      for (const [naam, b] of d) {
        if (!naam.endsWith('.rels')) continue;
        const rels = b.toString('utf8');
        expect(rels, naam).not.toContain('External');
        // Every target a part name inside the package: no scheme (http:, file:), no UNC path, no way up out of word/.
        for (const m of rels.matchAll(/Target="([^"]*)"/g)) expect(m[1], naam).toMatch(/^(?![a-z][\w+.-]*:|\\|\/\/)(?!.*\.\.)[\w./-]+$/i);
      }
      const hdr = d.get('word/header1.xml')!.toString('utf8');
      expect(hdr).toContain('r:embed="rId1"');
      expect(hdr).not.toMatch(/rIdExt|rIdUnc|r:link/);
      expect(hdr).toContain('Gemeente Dinkelberg');
      expect(d.get('word/settings.xml')!.toString('utf8')).not.toContain('attachedTemplate');
    });
  });

  it('a header with a field that fetches (INCLUDEPICTURE) is not taken; the rest of the house style is', async () => {
    await metServer((poort) => {
      const map = tijdelijkeMap();
      const ref = path.join(map, 'referentie.docx');
      writeFileSync(ref, vijandigeReferentie(poort, true));
      const uit = path.join(map, 'uit');
      const r = vth(['uvp', VOORBEELD, '--format', 'docx', '--huisstijl', ref, '-o', uit]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('de koptekst van de huisstijl is niet overgenomen: het veld INCLUDEPICTURE haalt iets van buiten het document');
      const d = docxVan(uit);
      expect(d.get('word/header1.xml')!.toString('utf8')).not.toContain('INCLUDEPICTURE');
      expect(d.get('word/styles.xml')!.toString('utf8')).toContain('w:styleId="Kop1"');
    });
  });

  it.skipIf(!heeftLibreOffice)('the PDF export makes no request, for either reference', async () => {
    await metServer(async (poort, verzoeken) => {
      for (const veld of [false, true]) {
        const map = tijdelijkeMap();
        const ref = path.join(map, 'referentie.docx');
        writeFileSync(ref, vijandigeReferentie(poort, veld));
        const uit = path.join(map, 'uit');
        const r = vth(['uvp', VOORBEELD, '--format', 'pdf', '--huisstijl', ref, '-o', uit]);
        expect(r.code, r.stderr).toBe(0);
        expect(existsSync(uit) && readdirSync(uit).some((f) => f.endsWith('.pdf'))).toBe(true);
        // Give a late fetch a moment to arrive.
        await new Promise((klaar) => setTimeout(klaar, 500));
      }
      expect(verzoeken).toEqual([]);
    });
  }, 180_000);

  it('a picture over the bound is refused with its name (exit 2)', () => {
    const d = delen(readFileSync(HUISSTIJL));
    const uit: Record<string, Buffer> = {};
    for (const [n, b] of d) uit[n] = b;
    uit['word/media/image1.png'] = Buffer.concat([d.get('word/media/image1.png')!, Buffer.alloc(5 * 1024 * 1024)]);
    const map = tijdelijkeMap();
    const ref = path.join(map, 'groot.docx');
    writeFileSync(ref, maakZip(uit as never));
    const r = vth(['uvp', VOORBEELD, '--format', 'docx', '--huisstijl', ref, '-o', path.join(map, 'uit')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('huisstijl groot.docx: word/media/image1.png in de koptekst is 5 MB; een afbeelding in de huisstijl mag hoogstens 4 MB zijn');
    expect(existsSync(path.join(map, 'uit'))).toBe(false);
  });
});
