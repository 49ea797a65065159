/**
 * A JSON document written in pieces: exactly the bytes of `JSON.stringify(waarde, null, 2)`, made a
 * megabyte at a time, so that a large output (`vth frequentie --format json` of 100.000 objects, some
 * 50 MB) is never one string beside the view it comes from and the bytes written from it.
 * The top level's arrays are made element by element; each element is `JSON.stringify`'s own text,
 * indented one level deeper (a JSON text holds no raw line break, so every line break is indentation).
 */
export function* jsonStukken(waarde: unknown, stukGrootte = 1 << 20): Generator<string, void, undefined> {
  const v = heeftToJson(waarde) ? waarde.toJSON('') : waarde;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    // Not a document of the kind this is for: written whole.
    const t = JSON.stringify(v, null, 2) as string | undefined;
    if (t !== undefined) yield t;
    return;
  }
  const o = v as Record<string, unknown>;
  // The properties JSON.stringify writes, each value after its toJSON (called once, with its key): not
  // those whose value is then undefined, a function or a symbol.
  const delen = Object.keys(o)
    .map((k): [string, unknown] => [k, heeftToJson(o[k]) ? o[k].toJSON(k) : o[k]])
    .filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  if (delen.length === 0) {
    yield '{}';
    return;
  }
  // Pieces are gathered in a buffer and handed out a megabyte at a time.
  let buffer = '{\n';
  for (const [i, [k, x]] of delen.entries()) {
    buffer += `  ${JSON.stringify(k)}: `;
    if (Array.isArray(x) && x.length > 0) {
      buffer += '[\n';
      for (let j = 0; j < x.length; j++) {
        const el = x[j];
        // A plain element is JSON.stringify's own text, four spaces further in; one with a toJSON (or
        // none JSON can write) goes through the wrapper that gives toJSON its key.
        const t = el !== null && (typeof el === 'object' ? !heeftToJson(el) : typeof el === 'string' || typeof el === 'number' || typeof el === 'boolean') ? JSON.stringify(el, null, 2).replaceAll('\n', '\n    ') : tekst(el, 2, true, String(j));
        buffer += `    ${t}${j < x.length - 1 ? ',' : ''}\n`;
        if (buffer.length >= stukGrootte) {
          yield buffer;
          buffer = '';
        }
      }
      buffer += '  ]';
    } else buffer += tekst(x, 1, false, k)!;
    buffer += i < delen.length - 1 ? ',\n' : '\n';
    if (buffer.length >= stukGrootte) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + '}';
}

function heeftToJson(x: unknown): x is { toJSON(k: string): unknown } {
  return x !== null && typeof x === 'object' && typeof (x as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * One value as JSON.stringify writes it at this depth (indentation 2 per level); undefined where
 * JSON.stringify leaves a property out (undefined, a function, a symbol), 'null' for those in an array.
 */
function tekst(x: unknown, diepte: number, inLijst: boolean, sleutel = ''): string | undefined {
  // Through a wrapper so that a toJSON is called with its key, as JSON.stringify does.
  const t = JSON.stringify({ [sleutel]: x }, null, 2);
  if (t === '{}') return inLijst ? 'null' : undefined;
  // '{\n  "key": value\n}': the value, its lines indented for this depth.
  const waarde = t.slice(`{\n  ${JSON.stringify(sleutel)}: `.length, -2);
  return diepte === 1 ? waarde : waarde.replaceAll('\n', '\n' + '  '.repeat(diepte - 1));
}
