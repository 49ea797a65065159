import { describe, expect, it } from 'vitest';
import { zonderKleur, formatteerMeldingen } from '../src/cli/uitvoer.js';
import { melding } from '../src/model/melding.js';

describe('findings people read', () => {
  it('many of one kind in one column become one line with row ranges; fewer stay apart', () => {
    const p = (rij: number, kolom = 'kental') => ({ bestand: 'producten.csv', blad: 'producten', rij, kolom });
    const veel = [2, 3, 4, 7, 9].map((rij) => melding('fout', 'waarde-onleesbaar', `"x${rij}" is geen getal`, p(rij)));
    const weinig = [5, 6].map((rij) => melding('waarschuwing', 'code-dubbel', `code dubbel op ${rij}`, p(rij, 'code')));
    const tekst = formatteerMeldingen([...veel, ...weinig], zonderKleur);
    expect(tekst.split('\n')).toEqual([
      'producten.csv › producten',
      '  FOUT rijen 2–4, 7, 9 (5×), kolom "kental": "x2" is geen getal (en 4 vergelijkbare)',
      '  WAARSCHUWING rij 5, kolom "code": code dubbel op 5',
      '  WAARSCHUWING rij 6, kolom "code": code dubbel op 6',
    ]);
  });
});
