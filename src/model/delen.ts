/**
 * One object per distinct sequence of parts, the parts compared by identity (as a Map compares keys).
 *
 * For rows of a few repeated values, such as an activity's scores: 100.000 activities scored 1 to 5
 * on six dimensions have at most 15.625 distinct rows of scores, in practice a few hundred, and each
 * kept its own array of them (some 100 bytes). Shared, they take one each.
 *
 * Each place numbers its distinct parts; a row is found by its numbers. When a place has
 * more than `perPlek` distinct parts, or there are more than `rijen` distinct rows, the rows are
 * mostly different and looking them up would cost more than it saves: from then on each row is made
 * on its own (the rows kept so far stay shared).
 */
export function deler<T, R>(maak: (delen: readonly T[]) => R, grenzen: { perPlek?: number; rijen?: number } = {}): (delen: readonly T[]) => R {
  const perPlek = grenzen.perPlek ?? 256;
  const maxRijen = grenzen.rijen ?? 65_536;
  const nummers: Map<T, number>[] = [];
  const gemaakt = new Map<number | string, R>();
  // How many places fit in one exact number.
  const getalPlaatsen = Math.floor(53 / Math.log2(perPlek + 1));
  let opgegeven = false;
  return (delen) => {
    if (opgegeven) return maak(delen);
    // The numbers as one number while it stays exact (six places of up to 256 parts each), else as text.
    const alsGetal = delen.length <= getalPlaatsen;
    let sleutel: number | string = alsGetal ? 0 : '';
    for (let i = 0; i < delen.length; i++) {
      const plek = (nummers[i] ??= new Map());
      let n = plek.get(delen[i]!);
      if (n === undefined) {
        if (plek.size >= perPlek) return geefOp(delen);
        plek.set(delen[i]!, (n = plek.size));
      }
      // Digits from 1: rows of different lengths never share a number.
      if (alsGetal) sleutel = (sleutel as number) * (perPlek + 1) + n + 1;
      else sleutel += String.fromCharCode(n);
    }
    const eerder = gemaakt.get(sleutel);
    if (eerder !== undefined || gemaakt.has(sleutel)) return eerder as R;
    if (gemaakt.size >= maxRijen) return geefOp(delen);
    const waarde = maak(delen);
    gemaakt.set(sleutel, waarde);
    return waarde;
  };
  function geefOp(delen: readonly T[]): R {
    opgegeven = true;
    nummers.length = 0;
    return maak(delen);
  }
}
