import { zichtbaar } from '../ingest/tabel.js';
import { rijBereiken, sorteerMeldingen, telMeldingen, type Melding } from '../model/melding.js';
import { maakKleuren, type Kleuren } from './kleur.js';

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function kleuren(stream: NodeJS.WriteStream = process.stdout): Kleuren {
  const aan = stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return maakKleuren(!!aan);
}

/** For text written to a file: never colour codes. */
export const zonderKleur: Kleuren = maakKleuren(false);

const LABEL = { fout: 'FOUT', waarschuwing: 'WAARSCHUWING', melding: 'MELDING' } as const;

/** From this many findings of one kind in one column, they are shown as one line with row ranges. */
const SAMENVOEGEN_VANAF = 3;

type Regel = Melding | { samen: Melding[] };

/** Many findings of one code in one column of one sheet become one entry, at the place of the first. */
function voegSamen(gesorteerd: readonly Melding[]): Regel[] {
  const sleutel = (m: Melding) => [m.plaats.bestand, m.plaats.blad ?? '', m.plaats.kolom ?? '', m.niveau, m.code].join('\u0000');
  const groepen = new Map<string, Melding[]>();
  for (const m of gesorteerd) {
    if (m.plaats.rij === undefined) continue;
    const g = groepen.get(sleutel(m)) ?? [];
    g.push(m);
    groepen.set(sleutel(m), g);
  }
  const uit: Regel[] = [];
  const gedaan = new Set<string>();
  for (const m of gesorteerd) {
    const g = m.plaats.rij === undefined ? undefined : groepen.get(sleutel(m));
    if (!g || g.length < SAMENVOEGEN_VANAF) uit.push(m);
    else if (!gedaan.has(sleutel(m))) {
      gedaan.add(sleutel(m));
      uit.push({ samen: g });
    }
  }
  return uit;
}

/** Findings grouped per file and sheet, errors first within each group; many of one kind in a column on one line. */
export function formatteerMeldingen(meldingen: readonly Melding[], c: Kleuren, metMeldingen = true): string {
  const regels: string[] = [];
  let groep = '';
  const getoond = sorteerMeldingen(meldingen).filter((m) => metMeldingen || m.niveau !== 'melding');
  for (const r of voegSamen(getoond)) {
    const e = 'samen' in r ? r.samen[0]! : r;
    // Text from a file (a case export's value, a sheet's name) reaches the terminal only visible.
    const m = { ...e, bericht: zichtbaar(e.bericht), plaats: { ...e.plaats, bestand: zichtbaar(e.plaats.bestand), blad: e.plaats.blad && zichtbaar(e.plaats.blad), kolom: e.plaats.kolom && zichtbaar(e.plaats.kolom) } };
    const g = m.plaats.blad ? `${m.plaats.bestand} › ${m.plaats.blad}` : m.plaats.bestand;
    if (g !== groep) {
      if (groep) regels.push('');
      regels.push(c.bold(g));
      groep = g;
    }
    const kleur = m.niveau === 'fout' ? c.red : m.niveau === 'waarschuwing' ? c.yellow : c.dim;
    if ('samen' in r) {
      const n = r.samen.length;
      const waar = [`rijen ${rijBereiken(r.samen.map((x) => x.plaats.rij!))} (${n}×)`, m.plaats.kolom ? `kolom "${m.plaats.kolom}"` : '']
        .filter(Boolean)
        .join(', ');
      regels.push(`  ${kleur(LABEL[m.niveau])} ${waar}: ${m.bericht} (en ${n - 1} vergelijkbare)`);
      continue;
    }
    const waar = [m.plaats.rij !== undefined ? `rij ${m.plaats.rij}` : '', m.plaats.kolom ? `kolom "${m.plaats.kolom}"` : '']
      .filter(Boolean)
      .join(', ');
    regels.push(`  ${kleur(LABEL[m.niveau])} ${waar ? waar + ': ' : ''}${m.bericht}`);
  }
  return regels.join('\n');
}

export function samenvattingTekst(meldingen: readonly Melding[]): string {
  const t = telMeldingen(meldingen);
  const mv = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;
  return `${mv(t.fout, 'fout', 'fouten')}, ${mv(t.waarschuwing, 'waarschuwing', 'waarschuwingen')}, ${mv(t.melding, 'melding', 'meldingen')}`;
}

export { meldingJson } from '../render/melding-json.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const breedte = (s: string) => [...s.replace(ANSI, '')].length;

/** A plain text table; `rechts` marks right-aligned (numeric) columns. Cells may hold colour codes. */
export function tekstTabel(koppen: string[], rijen: string[][], rechts: boolean[] = [], c?: Kleuren): string {
  const b = koppen.map((k, i) => Math.max(breedte(k), ...rijen.map((r) => breedte(r[i] ?? ''))));
  const cel = (s: string, i: number) => {
    const pad = ' '.repeat(b[i]! - breedte(s));
    return rechts[i] ? pad + s : s + pad;
  };
  const kop = koppen.map(cel).join('  ').replace(/\s+$/, '');
  const lijn = b.map((n) => '─'.repeat(n)).join('  ');
  return [c ? c.bold(kop) : kop, lijn, ...rijen.map((r) => r.map(cel).join('  ').replace(/\s+$/, ''))].join('\n');
}

export function kort(s: string, max: number): string {
  return [...s].length > max ? [...s].slice(0, max - 1).join('') + '…' : s;
}

/** A 25-character progress bar for a share done (0–1). */
export function voortgangsbalk(deel: number): string {
  const p = Math.max(0, Math.min(1, deel));
  return '█'.repeat(Math.floor(p * 25)).padEnd(25, '░');
}
