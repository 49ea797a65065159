import type { ProtocolUitkomst } from '../compute/protocol.js';
import { Rational } from '../model/rational.js';
import type { Niveau, Protocolitem } from '../model/types.js';

export interface ProtocolView {
  items: number;
  vastMinuten?: Rational;
  klassen: ProtocolUitkomst['klassen'];
  niveaus: { niveau: string; minuten: Rational; steekproef?: Rational }[];
  /** Every item with its level per class, in the protocol's order (for an annex). */
  matrix: { nr: string; omschrijving: string; niveaus: string[] }[];
  klasseNamen: string[];
}

/** The toezichtprotocol as hours per class, the scale and the item matrix: one view for `vth protocol` and the UVP's annex. */
export function protocolView(p: ProtocolUitkomst, items: readonly Protocolitem[], klassen: readonly string[], niveaus: readonly Niveau[]): ProtocolView {
  const schaal = niveaus.filter((n) => n.niveau !== 'VAST');
  const volgorde = p.klassen[0]?.perNiveau.map((n) => n.niveau) ?? [];
  return {
    items: items.length,
    vastMinuten: p.vast.isZero() ? undefined : p.vast,
    klassen: p.klassen,
    niveaus: volgorde.map((v) => {
      const n = schaal.find((x) => x.niveau === v);
      return { niveau: v, minuten: n?.minuten ?? Rational.ZERO, steekproef: n?.steekproef?.mul(Rational.of(100n)) };
    }),
    matrix: items.map((i) => ({ nr: i.nr, omschrijving: i.omschrijving, niveaus: klassen.map((k) => i.niveaus.get(k) ?? '') })),
    klasseNamen: [...klassen],
  };
}
