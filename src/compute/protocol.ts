import { nlGetal } from '../model/getal.js';
import { melding, type Melding } from '../model/melding.js';
import { Rational } from '../model/rational.js';
import { niveauSleutel } from '../model/protocol.js';
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
  // Without a single level the protocol cannot be computed: one finding, not one per item and class.
  if (!schaal.size) {
    meldingen.push(melding('fout', 'blad-ontbreekt', niveaus.length ? 'blad Niveaus noemt alleen vaste minuten, geen niveaus (0, S, 1 … 4): het toezichtprotocol is niet om te rekenen naar uren' : 'het toezichtprotocol is niet om te rekenen naar uren: blad Niveaus ontbreekt of geeft geen enkel leesbaar niveau met zijn minuten (zie de fouten in dat blad)', { bestand: niveaus[0]?.plaats.bestand ?? '', blad: niveaus[0]?.plaats.blad }));
    return { klassen: [], vast, meldingen };
  }
  const volgorde = ['0', ...[...schaal.keys()].filter((n) => n !== '0')];
  const bekend = volgorde.map((n) => schaal.get(n)?.naam ?? n).join(', ');
  const gebruikt = new Set<string>();
  const uit = klassen.map((klasse): KlasseUren => {
    const perNiveau = new Map(volgorde.map((n) => [n, { niveau: n, items: 0, minuten: Rational.ZERO }]));
    for (const item of items) {
      const geschreven = item.niveaus.get(klasse) ?? '';
      const plaats = { ...item.plaats, kolom: item.kolomVan.get(klasse) ?? klasse };
      if (geschreven === '') {
        meldingen.push(melding('waarschuwing', 'protocol-leeg', `item ${item.nr} heeft geen niveau voor ${klasse}; het telt als 0 (niet getoetst)`, plaats));
        perNiveau.get('0')!.items++;
        continue;
      }
      const l = niveauSleutel(geschreven);
      gebruikt.add(l);
      const n = schaal.get(l);
      // A level whose row in Niveaus is unreadable has its error there; its items are not reported again.
      if (n?.onleesbaar) continue;
      if (!n && l !== '0') {
        meldingen.push(melding('fout', 'protocol-niveau', `item ${item.nr}: niveau "${geschreven}" voor ${klasse} valt buiten de schaal (${bekend}: blad Niveaus)${/^(n\.?v\.?t\.?|-|nee)$/i.test(geschreven) ? '; schrijf 0 als het item niet wordt getoetst' : ''}`, plaats));
        continue;
      }
      const t = perNiveau.get(l)!;
      t.items++;
      if (n) t.minuten = t.minuten.add(n.steekproef && l === 'S' ? n.minuten.mul(n.steekproef) : n.minuten);
    }
    const minuten = Rational.sum([...perNiveau.values()].map((p) => p.minuten)).add(vast);
    return { klasse, perNiveau: [...perNiveau.values()], minuten, uren: minuten.div(ZESTIG) };
  });
  // A row of Niveaus that no item uses and that is no depth level (a number or S): probably meant as
  // the fixed part or the sample, and its minutes count nowhere. Said, never dropped in silence.
  for (const n of schaal.values()) {
    if (gebruikt.has(n.niveau) || /^\d+$/.test(n.niveau) || n.niveau === 'S' || n.minuten.isZero()) continue;
    meldingen.push(
      melding('waarschuwing', 'niveau-ongebruikt', `niveau "${n.naam ?? n.niveau}" (${nlGetal(n.minuten, 2)} minuten) komt in het toezichtprotocol niet voor en telt nergens mee; bedoelt u vast (vaste minuten per project, zoals reizen en verslag) of S (steekproef)? Noem de rij dan "vast" of "S"`, n.plaats),
    );
  }
  return { klassen: uit, vast, meldingen };
}

/** "RK1: 12,5 uur" for messages. */
export const urenTekst = (k: KlasseUren) => `${k.klasse}: ${nlGetal(k.uren, 2)} uur`;
