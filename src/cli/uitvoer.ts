import { Chalk, type ChalkInstance } from 'chalk';
import { sorteerMeldingen, telMeldingen, type Melding } from '../model/melding.js';

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function kleuren(stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  const aan = stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return new Chalk({ level: aan ? 1 : 0 });
}

/** For text written to a file: never colour codes. */
export const zonderKleur: ChalkInstance = new Chalk({ level: 0 });

const LABEL = { fout: 'FOUT', waarschuwing: 'WAARSCHUWING', melding: 'MELDING' } as const;

/** Findings grouped per file and sheet, errors first within each group. */
export function formatteerMeldingen(meldingen: readonly Melding[], c: ChalkInstance, metMeldingen = true): string {
  const regels: string[] = [];
  let groep = '';
  for (const m of sorteerMeldingen(meldingen)) {
    if (!metMeldingen && m.niveau === 'melding') continue;
    const g = m.plaats.blad ? `${m.plaats.bestand} › ${m.plaats.blad}` : m.plaats.bestand;
    if (g !== groep) {
      if (groep) regels.push('');
      regels.push(c.bold(g));
      groep = g;
    }
    const kleur = m.niveau === 'fout' ? c.red : m.niveau === 'waarschuwing' ? c.yellow : c.dim;
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
export function tekstTabel(koppen: string[], rijen: string[][], rechts: boolean[] = [], c?: ChalkInstance): string {
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
