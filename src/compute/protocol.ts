import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import type { Niveau, Protocolitem } from '../model/types.js';

export interface KlasseUren {
  klasse: string;
  /** Items per depth level, in the scale's order (0 included). */
  perNiveau: { niveau: string; items: number; minuten: Rational }[];
  /** Minutes of the items, plus the fixed part per project. */
  minuten: Rational;
  /** Hours per project: the kental the protocol implies. */
  uren: Rational;
}

export interface ProtocolUitkomst {
  klassen: KlasseUren[];
  /** Fixed minutes per project (travel, report): niveau VAST in sheet Niveaus. */
  vast: Rational;
  meldingen: Melding[];
}

const ZESTIG = Rational.of(60n);

/**
 * The toezichtprotocol as hours: per risk class the items inspected at each depth level, their minutes
 * (a steekproef level S counts its minutes times its share), the fixed part per project, and so the
 * hours per project. A level the scale does not know is an error at its cell, never a silent zero.
 */
export function berekenProtocol(items: readonly Protocolitem[], klassen: readonly string[], niveaus: readonly Niveau[]): ProtocolUitkomst {
  const meldingen: Melding[] = [];
  const schaal = new Map(niveaus.filter((n) => n.niveau !== 'VAST').map((n) => [n.niveau, n]));
  const vast = niveaus.find((n) => n.niveau === 'VAST')?.minuten ?? Rational.ZERO;
  const volgorde = ['0', ...[...schaal.keys()].filter((n) => n !== '0')];
  const uit = klassen.map((klasse): KlasseUren => {
    const perNiveau = new Map(volgorde.map((n) => [n, { niveau: n, items: 0, minuten: Rational.ZERO }]));
    for (const item of items) {
      const l = item.niveaus.get(klasse) ?? '';
      const plaats = { ...item.plaats, kolom: item.kolomVan.get(klasse) ?? klasse };
      if (l === '') {
        meldingen.push(melding('waarschuwing', 'protocol-leeg', `item ${item.nr} heeft geen niveau voor ${klasse}; het telt als 0 (niet getoetst)`, plaats));
        perNiveau.get('0')!.items++;
        continue;
      }
      const n = schaal.get(l);
      if (!n && l !== '0') {
        meldingen.push(melding('fout', 'protocol-niveau', `item ${item.nr}: niveau "${l}" voor ${klasse} valt buiten de schaal (${volgorde.join(', ')}: blad Niveaus)`, plaats));
        continue;
      }
      const t = perNiveau.get(l)!;
      t.items++;
      if (n) t.minuten = t.minuten.add(n.steekproef && l === 'S' ? n.minuten.mul(n.steekproef) : n.minuten);
    }
    const minuten = Rational.sum([...perNiveau.values()].map((p) => p.minuten)).add(vast);
    return { klasse, perNiveau: [...perNiveau.values()], minuten, uren: minuten.div(ZESTIG) };
  });
  if (!schaal.size) meldingen.push(melding('fout', 'blad-ontbreekt', 'het toezichtprotocol heeft een blad Niveaus nodig met de minuten per niveau', { bestand: '' }));
  return { klassen: uit, vast, meldingen };
}

/** "RK1: 12,5 uur" for messages. */
export const urenTekst = (k: KlasseUren) => `${k.klasse}: ${nlGetal(k.uren, 2)} uur`;
