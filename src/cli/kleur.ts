/**
 * Colour on a terminal: the few styles vth's tables and findings use, as ANSI codes of the 16
 * basic colours, written exactly as chalk 5 writes them at its level 1 (test/kleur.test.ts compares
 * both). Not chalk itself: loading it cost some 13 ms of every command, most of it its detection of
 * the terminal's colours (it imports node:process, node:os and node:tty), which vth does not use;
 * whether there is colour at all is decided in `uitvoer.ts kleuren`.
 */

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

type StijlNaam = keyof typeof CODES;

/** A style to call on text, with the other styles chained after it (`c.red.bold(tekst)`, `c.hex('#ef6c00')(tekst)`). */
export type Kleuren = ((...tekst: unknown[]) => string) & { readonly [K in StijlNaam]: Kleuren } & { hex(kleur: string): Kleuren };

/**
 * The basic colour (30–37, 90–97) nearest to a hex colour, by chalk's route at level 1 (ansi-styles:
 * hex to RGB, RGB to the 256-colour palette, that to the 16 colours).
 */
function hexNaarCode(hex: string): number {
  const m = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex);
  let [r, g, b] = [0, 0, 0];
  if (m) {
    const s = m[0].length === 3 ? [...m[0]].map((t) => t + t).join('') : m[0];
    const n = Number.parseInt(s, 16);
    [r, g, b] = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  }
  let code: number;
  if (r === g && g === b) code = r < 8 ? 16 : r > 248 ? 231 : Math.round(((r - 8) / 247) * 24) + 232;
  else code = 16 + 36 * Math.round((r / 255) * 5) + 6 * Math.round((g / 255) * 5) + Math.round((b / 255) * 5);
  if (code < 8) return 30 + code;
  if (code < 16) return 90 + (code - 8);
  let rood: number;
  let groen: number;
  let blauw: number;
  if (code >= 232) {
    rood = groen = blauw = ((code - 232) * 10 + 8) / 255;
  } else {
    const c = code - 16;
    const rest = c % 36;
    rood = Math.floor(c / 36) / 5;
    groen = Math.floor(rest / 6) / 5;
    blauw = (rest % 6) / 5;
  }
  const waarde = Math.max(rood, groen, blauw) * 2;
  if (waarde === 0) return 30;
  const uit = 30 + ((Math.round(blauw) << 2) | (Math.round(groen) << 1) | Math.round(rood));
  return waarde === 2 ? uit + 60 : uit;
}

interface Opmaak {
  open: string;
  sluit: string;
  openAlle: string;
  sluitAlle: string;
  ouder?: Opmaak;
}

/** Each `sluit` in `s` followed by `open`, so that an inner style's end does not end the outer one. */
function heropen(s: string, sluit: string, open: string): string {
  let i = s.indexOf(sluit);
  if (i === -1) return s;
  let uit = '';
  let vanaf = 0;
  do {
    uit += s.slice(vanaf, i) + sluit + open;
    vanaf = i + sluit.length;
    i = s.indexOf(sluit, vanaf);
  } while (i !== -1);
  return uit + s.slice(vanaf);
}

/** Every line end closed before and opened after, so that a style does not bleed into the next line. */
function perRegel(s: string, sluit: string, open: string, i: number): string {
  let uit = '';
  let vanaf = 0;
  do {
    const cr = s[i - 1] === '\r';
    uit += s.slice(vanaf, cr ? i - 1 : i) + sluit + (cr ? '\r\n' : '\n') + open;
    vanaf = i + 1;
    i = s.indexOf('\n', vanaf);
  } while (i !== -1);
  return uit + s.slice(vanaf);
}

function pasToe(opmaak: Opmaak | undefined, s: string): string {
  if (!opmaak || !s) return s;
  if (s.includes('\u001B')) {
    for (let o: Opmaak | undefined = opmaak; o; o = o.ouder) s = heropen(s, o.sluit, o.open);
  }
  const lf = s.indexOf('\n');
  if (lf !== -1) s = perRegel(s, opmaak.sluitAlle, opmaak.openAlle, lf);
  return opmaak.openAlle + s + opmaak.sluitAlle;
}

function bouw(opmaak: Opmaak | undefined, aan: boolean): Kleuren {
  const stijl = (...tekst: unknown[]) => {
    const s = tekst.length === 1 ? `${tekst[0]}` : tekst.join(' ');
    return aan ? pasToe(opmaak, s) : s;
  };
  const verder = (o: number, c: number) => {
    const open = `\u001B[${o}m`;
    const sluit = `\u001B[${c}m`;
    return bouw({ open, sluit, openAlle: (opmaak?.openAlle ?? '') + open, sluitAlle: sluit + (opmaak?.sluitAlle ?? ''), ouder: opmaak }, aan);
  };
  for (const naam of Object.keys(CODES) as StijlNaam[]) {
    // Made when first asked for, as chalk does: a chain is only built as far as it is used.
    Object.defineProperty(stijl, naam, {
      get() {
        const [o, c] = CODES[naam];
        const volgende = verder(o, c);
        Object.defineProperty(stijl, naam, { value: volgende });
        return volgende;
      },
      configurable: true,
    });
  }
  Object.defineProperty(stijl, 'hex', { value: (kleur: string) => verder(hexNaarCode(kleur), 39) });
  return stijl as Kleuren;
}

/** The styles with colour (`aan`) or as plain text. */
export function maakKleuren(aan: boolean): Kleuren {
  return bouw(undefined, aan);
}
