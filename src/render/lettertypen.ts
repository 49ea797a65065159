// The fonts a house style names, and which of them this machine lacks. LibreOffice sets a missing font
// in a substitute (Verdana in DejaVu Sans, Georgia in DejaVu Serif), so the PDF looks different from the
// Word file on a machine that has them: the verantwoording says so, with the substitute.
import { spawnSync } from 'node:child_process';
import { leesXmlTekst, type XmlHandlers } from '../ingest/xml.js';

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** Font names in the styles (rFonts ascii/hAnsi) and the theme (major and minor latin), in order of first use. */
export function huisstijlLettertypen(hs: { stijlen?: string | { xml: string }; thema?: string }): string[] {
  const namen = new Set<string>();
  const lees = (xml: string | undefined, open: XmlHandlers['open']) => leesXmlTekst(xml, { open });
  lees(typeof hs.stijlen === 'string' ? hs.stijlen : hs.stijlen?.xml, (el) => {
    if (el.ns !== NS_W || el.naam !== 'rFonts') return;
    for (const a of ['ascii', 'hAnsi']) {
      const v = el.attr(a, NS_W)?.trim();
      if (v) namen.add(v);
    }
  });
  lees(hs.thema, (el) => {
    if (el.ns === NS_A && el.naam === 'latin') {
      const v = el.attr('typeface')?.trim();
      if (v) namen.add(v);
    }
  });
  return [...namen];
}

export interface Vervanging {
  naam: string;
  vervanging: string;
}

/** fontconfig's answer for a name: the family it would use (the first of its list). Undefined without fc-match. */
function fcMatch(naam: string): string | undefined {
  const r = spawnSync('fc-match', ['--format=%{family}', naam], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0 || r.error) return undefined;
  return r.stdout.split(',')[0]?.trim() || undefined;
}

/**
 * The named fonts this machine does not have, with what it uses instead; undefined when that cannot be
 * checked (no fontconfig), which the verantwoording then says.
 */
export function ontbrekendeLettertypen(namen: readonly string[], zoek: (naam: string) => string | undefined = fcMatch): Vervanging[] | undefined {
  const uit: Vervanging[] = [];
  for (const naam of namen) {
    const gevonden = zoek(naam);
    if (gevonden === undefined) return undefined;
    const families = gevonden.toLowerCase();
    if (families !== naam.toLowerCase()) uit.push({ naam, vervanging: gevonden });
  }
  return uit;
}
