/**
 * Smaller edges of issue 26: decimal intervals only, profile keys of its own, profile words never a
 * formula, over-long words in Teksten, invisible direction characters, links that open something
 * else than a web page, a huge numbering in a house style, an encrypted file and a zip with something
 * before it, each with its own message.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/cli/commands/capaciteit.js';
import { profielUitJson } from '../src/compute/provincie.js';
import { maakTabel, schoonTekst } from '../src/ingest/tabel.js';
import { leesXlsx } from '../src/ingest/xlsx.js';
import { dataBegin, leesZipInhoud } from '../src/ingest/zip.js';
import { leesTeksten, MAX_WOORD } from '../src/model/teksten.js';
import { eigenMarkdown } from '../src/render/markdown.js';
import { ROOT, tijdelijkeMap, VOORBEELD, vth } from './helpers.js';
import { maakZip } from './zip.js';

describe('numbers and keys as they are written', () => {
  it('--interval takes decimal whole months only: 0x10 and 1e1 are refused', () => {
    expect(parseScenario({ interval: ['Hoog=12'] }).interval?.get('hoog|')).toBe(12);
    for (const w of ['0x10', '1e1', '1.0', ' 0b11', '+6', '12abc']) expect(() => parseScenario({ interval: [`Hoog=${w}`] }), w).toThrow('is geen heel aantal maanden van 1 tot 120');
  });

  it('a profile\'s schaal takes its own three keys, not toString or constructor', () => {
    for (const k of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(() => profielUitJson(`{"naam": "x", "schaal": {"${k}": "y"}}`, 'p.json'), k).toThrow(`"${k}" is geen oordeel`);
    }
    expect(profielUitJson('{"naam": "x", "schaal": {"voldoet": "goed"}}', 'p.json').schaal.voldoet).toBe('goed');
  });
});

describe('text as the user meant it', () => {
  it('a word over the bound in Teksten is broken with a warning; a long web address stays whole', () => {
    const blob = 'x'.repeat(1_000_000);
    const url = `https://example.org/${'a'.repeat(300)}`;
    const t = maakTabel('w.xlsx', 'Teksten', [
      { rij: 1, cellen: [{ t: 'tekst', v: 'sectie' }, { t: 'tekst', v: 'tekst' }] },
      { rij: 2, cellen: [{ t: 'tekst', v: 'inleiding' }, { t: 'tekst', v: `Zie ${url} en ${blob}.` }] },
    ]);
    const { teksten, meldingen } = leesTeksten(t);
    expect(teksten[0]!.tekst).toContain(url);
    const woorden = teksten[0]!.tekst.split(/\s+/);
    expect(Math.max(...woorden.map((w) => w.length))).toBeLessThanOrEqual(MAX_WOORD);
    expect(woorden.join('').length).toBe(`Zie${url}en${blob}.`.length);
    expect(meldingen.map((m) => m.bericht)).toContain(`een "woord" van 1.000.001 tekens zonder spatie is om de ${MAX_WOORD} tekens afgebroken (Word en LibreOffice lopen er anders op vast)`);
  });

  it('bidi overrides, isolates, marks and zero-width characters never reach a document', () => {
    expect(schoonTekst('\u202eLTR\u202c')).toBe('LTR');
    expect(schoonTekst('Ho\u200bog\u2066 risico\u2069\u200f\ufeff')).toBe('Hoog risico');
    expect(schoonTekst('a\u200db\u2060c\u061cd')).toBe('abcd');
  });

  it('links in a user\'s own Markdown stay links only to a web page, an e-mail address or the document itself', () => {
    expect(eigenMarkdown('[site](https://vth.nl) [mail](mailto:a@b.nl) [kop](#samenvatting)')).toBe('[site](https://vth.nl) [mail](mailto:a@b.nl) [kop](#samenvatting)');
    expect(eigenMarkdown('zie [de nota](smb://server/nota.docx)')).toBe('zie de nota (`smb://server/nota.docx`)');
    expect(eigenMarkdown('[a](ms-word:ofe|u|https://x/y.docx)')).toBe('a (`ms-word:ofe|u|https://x/y.docx`)');
    expect(eigenMarkdown('[b](\\\\server\\share\\x.docx)')).toBe('b (`\\\\server\\share\\x.docx`)');
    expect(eigenMarkdown('[c](file:///etc/passwd) ![logo](http://x/l.png) ![lokaal](logo.png)')).toBe('c (`file:///etc/passwd`) logo (`http://x/l.png`) ![lokaal](logo.png)');
    expect(eigenMarkdown('[ref]: smb://server/x')).toBe('\\[ref\\]: `smb://server/x`');
  });
});

describe('files that are not what they seem, with their own message', () => {
  const versleuteld = () => {
    const b = Buffer.alloc(8192, 0);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from('EncryptionInfo', 'utf16le').copy(b, 4096);
    return b;
  };

  it('an encrypted workbook says so, as werkmap and as case export (exit 2)', () => {
    const map = tijdelijkeMap();
    const pad = path.join(map, 'geheim.xlsx');
    writeFileSync(pad, versleuteld());
    let r = vth(['controleer', pad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('geheim.xlsx is met een wachtwoord beveiligd (versleuteld); sla het op zonder wachtwoord');
    r = vth(['jaarverslag', VOORBEELD, '--zaken', pad, '-o', path.join(map, 'uit')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('geheim.xlsx kan niet als Excel-werkmap worden gelezen: het bestand is met een wachtwoord beveiligd (versleuteld)');
    // An old .xls (a compound file without encryption) is named as such.
    const oud = path.join(map, 'oud.xlsx');
    writeFileSync(oud, versleuteld().fill(0, 4096));
    expect(vth(['controleer', oud]).stderr).toContain('oud.xlsx is een oud Excel-bestand (.xls); sla het op als .xlsx');
  });

  it('a workbook with something before its zip is damaged, not an old .xls', async () => {
    const buf = Buffer.concat([Buffer.alloc(100, 0x20), readFileSync(VOORBEELD)]);
    await expect(leesXlsx(buf, 'voor.xlsx')).rejects.toThrow('voor.xlsx is beschadigd: er staan gegevens vóór de inhoud van de werkmap');
  });
});

describe('profile words in IBT workbooks and a huge numbering in a house style', () => {
  it('a profile\'s words beginning with =, - or @ are text in the IBT workbooks, never a formula', async () => {
    const map = tijdelijkeMap();
    const regio = path.join(map, 'regio');
    cpSync(path.join(ROOT, 'fixtures/regio-voorbeeld/aaberg'), path.join(regio, 'aaberg'), { recursive: true });
    const profiel = path.join(map, 'profiel.json');
    writeFileSync(profiel, JSON.stringify({ naam: '=HYPERLINK("http://x","y")', schaal: { voldoet: '=1+1', 'voldoet deels': '-2+3', 'voldoet niet': '@SUM(1)' } }));
    const uit = path.join(map, 'uit');
    const r = vth(['ibt', regio, '-o', uit, '--format', 'xlsx', '-q', '--provincie', profiel]);
    expect(r.code, r.stderr).toBe(0);
    const gezien = new Set<string>();
    for (const f of readdirSync(uit).filter((n) => n.endsWith('.xlsx'))) {
      for (const t of await leesXlsx(readFileSync(path.join(uit, f)), f)) {
        for (const rij of t.rijen) {
          for (const c of rij.cellen) {
            expect(c.t, `${f} ${t.blad} rij ${rij.rij}`).not.toBe('formule');
            if (c.t === 'tekst' && /^[=@-]/.test(c.v)) gezien.add(c.v);
          }
        }
      }
    }
    expect([...gezien].some((v) => v.startsWith('=1+1') || v.startsWith('-2+3') || v.startsWith('@SUM'))).toBe(true);
    expect(gezien.has('=HYPERLINK("http://x","y")')).toBe(true);
  });

  it('a numbering.xml of 200.000 numberings: the house style is read, not a stack overflow', () => {
    const ref = readFileSync(path.join(ROOT, 'fixtures/huisstijl/dinkelberg.docx'));
    const inhoud = leesZipInhoud(ref)!;
    const delen: Record<string, Buffer> = {};
    for (const d of inhoud.delen) {
      const begin = dataBegin(ref.subarray(d.lokaleKop, d.lokaleKop + 30), d)!;
      const data = ref.subarray(begin, begin + d.gecomprimeerd);
      delen[d.naam] = d.methode === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    const nummers = Array.from({ length: 200_000 }, (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="0"/></w:num>`).join('');
    delen['word/numbering.xml'] = Buffer.from(delen['word/numbering.xml']!.toString('utf8').replace('</w:numbering>', `${nummers}</w:numbering>`));
    const map = tijdelijkeMap();
    const pad = path.join(map, 'veel.docx');
    writeFileSync(pad, maakZip(delen as never));
    const r = vth(['uvp', VOORBEELD, '--format', 'docx', '--huisstijl', pad, '-o', path.join(map, 'uit'), '-q']);
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(r.code, r.stderr).toBe(0);
  });
});
