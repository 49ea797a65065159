import { celTekst, type Tabel } from '../ingest/tabel.js';
import { parseGetalTekst } from './getal.js';
import { leesBlad } from './blad.js';
import { normaliseerKop } from './kolommen.js';
import { melding, type Melding, type Plaats } from './melding.js';
import { Rational } from './rational.js';
import type { Dimensie, Klasse, Risicomodel } from './types.js';

/** Parses a class bound: `7` means R ≥ 7, `>4` means R > 4 (`≥ 7` and `>= 7` are accepted too). */
export function parseGrens(s: string): { grens: Rational; strikt: boolean } | null {
  const m = /^\s*(>=|≥|>|vanaf)?\s*(.+)$/i.exec(s);
  if (!m) return null;
  const g = parseGetalTekst(m[2]!);
  if (!g || g.procent) return null;
  return { grens: g.waarde, strikt: m[1] === '>' };
}

export function leesRisicomodel(tabel: Tabel): { model?: Risicomodel; meldingen: Melding[] } {
  const dimensies: Dimensie[] = [];
  const klassen: Klasse[] = [];
  let factor = Rational.ONE;
  let standaardKans: Rational | undefined;
  const decimalen = { effect: 2, risico: 2 };
  const gewichtSoort: { procent: boolean; tekst: string; plaats: Plaats }[] = [];
  const blad: Plaats = { bestand: tabel.bestand, blad: tabel.blad };
  const { meldingen, ontbreekt } = leesBlad(
    tabel,
    [
      { veld: 'soort', naam: 'soort', verplicht: true },
      { veld: 'naam', naam: 'naam' },
      { veld: 'waarde', naam: 'waarde', aliassen: ['gewicht', 'grens'], getal: 'getal' },
    ] as const,
    (v, r) => {
      const soort = normaliseerKop(r.tekst('soort'));
      const naam = r.tekst('naam');
      const waardeTekst = celTekst(r.cel('waarde')).trim();
      const plaats = r.plaats('waarde');
      if (soort === '') return undefined;
      switch (soort) {
        case 'dimensie': {
          if (naam === '') {
            v.meldingen.push(melding('fout', 'model-dimensie-naam', 'een dimensie heeft geen naam', r.plaats('naam')));
            return undefined;
          }
          let gewicht = Rational.ONE;
          if (waardeTekst !== '') {
            const w = v.getalMetSoort('waarde');
            if (!w) return undefined;
            // `50%` (typed or a percentage cell) is the weight 0,5, the same as `0,5`.
            gewicht = w.procent ? w.waarde.div(Rational.of(100n)) : w.waarde;
            gewichtSoort.push({ procent: w.procent, tekst: waardeTekst, plaats });
          }
          if (gewicht.lte(Rational.ZERO)) {
            v.meldingen.push(melding('fout', 'model-gewicht', `het gewicht van dimensie "${naam}" moet groter dan 0 zijn (is ${waardeTekst})`, plaats));
            return undefined;
          }
          if (dimensies.some((d) => normaliseerKop(d.naam) === normaliseerKop(naam))) {
            v.meldingen.push(melding('fout', 'model-dimensie-dubbel', `dimensie "${naam}" staat er twee keer in`, r.plaats('naam')));
            return undefined;
          }
          dimensies.push({ naam, gewicht, plaats: r.plaats('naam') });
          return undefined;
        }
        case 'factor': {
          const f = v.strikt('waarde', { verplicht: true });
          if (f !== undefined && f.lte(Rational.ZERO)) {
            v.meldingen.push(melding('fout', 'model-factor', `de factor moet groter dan 0 zijn (is ${waardeTekst})`, plaats));
          } else if (f !== undefined) factor = f;
          return undefined;
        }
        case 'klasse': {
          const g = parseGrens(waardeTekst === '' ? '0' : waardeTekst);
          if (!g) {
            v.meldingen.push(melding('fout', 'model-grens', `"${waardeTekst}" is geen klassegrens (schrijf bijvoorbeeld 7 of >4)`, plaats));
            return undefined;
          }
          if (naam === '') {
            v.meldingen.push(melding('fout', 'model-klasse-naam', 'een klasse heeft geen naam', r.plaats('naam')));
            return undefined;
          }
          klassen.push({ naam, grens: g.grens, strikt: g.strikt, plaats });
          return undefined;
        }
        case 'decimalen': {
          const d = v.strikt('waarde', { verplicht: true, nietNegatief: true });
          const welk = normaliseerKop(naam);
          if (d === undefined) return undefined;
          if (!d.isInteger() || d.gt(Rational.of(6n))) {
            v.meldingen.push(melding('fout', 'model-decimalen', `decimalen moet een geheel getal van 0 tot 6 zijn (is ${waardeTekst})`, plaats));
          } else if (welk === 'effect' || welk === 'risico') {
            decimalen[welk] = Number(d.num);
          } else {
            v.meldingen.push(melding('fout', 'model-decimalen', `decimalen gelden voor "effect" of "risico", niet voor "${naam}"`, r.plaats('naam')));
          }
          return undefined;
        }
        case 'standaard kans': {
          const k = v.strikt('waarde', { verplicht: true, nietNegatief: true });
          if (k !== undefined) standaardKans = k;
          return undefined;
        }
        default:
          v.meldingen.push(
            melding('fout', 'model-soort', `soort "${r.tekst('soort')}" is onbekend (dimensie, factor, klasse, decimalen of standaard kans)`, r.plaats('soort')),
          );
          return undefined;
      }
    },
  );
  if (ontbreekt) return { meldingen };
  const metProcent = gewichtSoort.find((g) => g.procent);
  const zonder = gewichtSoort.find((g) => !g.procent);
  if (metProcent && zonder) {
    meldingen.push(
      melding(
        'fout',
        'model-gewicht-gemengd',
        `de gewichten mengen procenten ("${metProcent.tekst}", rij ${metProcent.plaats.rij}) en getallen ("${zonder.tekst}", rij ${zonder.plaats.rij}); schrijf ze allemaal als getal (1 en 0,5) of allemaal als percentage (100% en 50%)`,
        zonder.plaats,
      ),
    );
  }
  if (dimensies.length === 0) meldingen.push(melding('fout', 'model-geen-dimensies', 'het risicomodel heeft geen dimensies', blad));
  if (klassen.length === 0) meldingen.push(melding('fout', 'model-geen-klassen', 'het risicomodel heeft geen klassen', blad));
  for (let i = 1; i < klassen.length; i++) {
    const vorige = klassen[i - 1]!;
    const k = klassen[i]!;
    const c = k.grens.cmp(vorige.grens);
    // Bounds must rise; an equal bound is allowed only as "≥ x" followed by "> x".
    if (c < 0 || (c === 0 && !(k.strikt && !vorige.strikt))) {
      meldingen.push(
        melding('fout', 'model-grenzen', `de grens van klasse "${k.naam}" ligt niet boven die van "${vorige.naam}"; zet de klassen van laag naar hoog`, k.plaats),
      );
    }
  }
  if (meldingen.some((m) => m.niveau === 'fout')) return { meldingen };
  return { model: { dimensies, factor, klassen, decimalen, standaardKans, plaats: blad }, meldingen };
}
