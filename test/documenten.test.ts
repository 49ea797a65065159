import { beforeAll, describe, expect, it } from 'vitest';
import { analyseerJaarverslag } from '../src/compute/jaarverslag.js';
import { analyseerUvp } from '../src/compute/uvp.js';
import { leesWerkmap } from '../src/ingest/werkmap.js';
import { TEKST_SLEUTELS, tekstSleutel } from '../src/model/teksten.js';
import type { Werkmap } from '../src/model/types.js';
import { bouwWerkmap } from '../src/model/werkmap.js';
import { laadTemplates } from '../src/render/handlebars.js';
import { jaarverslagView } from '../src/report/jaarverslag.js';
import { nieuweWerkmap } from '../src/report/nieuwe-werkmap.js';
import { uvpView } from '../src/report/uvp.js';
import { verantwoordingView } from '../src/report/verantwoording.js';
import { maakMap, INSTELLINGEN_CSV, VOORBEELD } from './helpers.js';

let wm: Werkmap;
beforeAll(async () => {
  wm = bouwWerkmap(await leesWerkmap(VOORBEELD));
});

const uvpMd = laadTemplates('uvp');
const jvMd = laadTemplates('jaarverslag');
const verantwoordingMd = laadTemplates('verantwoording');

/** The werkmap without the texts of one key. */
const zonder = (w: Werkmap, sleutel: string): Werkmap => ({ ...w, teksten: (w.teksten ?? []).filter((t) => t.sectie !== sleutel) });

/** What a chapter says instead where it has nothing but the text. */
const ZONDER_TEKST: Record<string, string> = {
  'ontwikkelingen lokaal': '### Lokaal\n\nGeen bijzondere lokale ontwikkelingen beschreven.',
  'ontwikkelingen regionaal': '### Regionaal\n\nGeen bijzondere regionale ontwikkelingen beschreven.',
  'ontwikkelingen landelijk': '### Landelijk\n\nGeen bijzondere landelijke ontwikkelingen beschreven.',
};

/** What each chapter shows from the data alone, without its text (the example municipality). */
const DATA_DEEL: Record<string, string> = {
  samenvatting: '| Benodigde uren (programma en regionale taken, voor zover bekend) | 18.633 |',
  inleiding: 'zoals het Omgevingsbesluit vraagt (artikel 13.8)',
  strategie: 'De eigen formatie telt 9 fte; daarnaast werkt de gemeente met een externe uitvoerder: Omgevingsdienst Twente.',
  terugblik: 'Bij het vorige oordeel gaf de provincie Overijssel 3 verbeterpunten',
  'ontwikkelingen lokaal': '### Lokaal\n\n',
  'ontwikkelingen regionaal': '### Regionaal\n\n',
  'ontwikkelingen landelijk': '### Landelijk\n\n',
  risicoanalyse: '| Hoog | risico vanaf 7 | 19 |',
  doelen: '- Voor KD11 zijn nog geen indicator en streefwaarde vastgesteld.',
  programma: '| Hoog | 5 | 2.530 | 15,3% |',
  ketenpartners: '| Omgevingsdienst Twente | 8.700 | 8.670 | 30 |',
  capaciteit: '| Toezicht en handhaving | GT.06 | Toezicht kleinschalige evenementen | 27 van 35 | 162 |',
  monitoring: 'vast te stellen vóór 1 mei 2026',
  afwijkingen: '- 14 activiteiten met een hoge prioriteit hebben geen werk in het programma',
  verbeterpunten: '| 3 | Toon in het UVP of de beschikbare capaciteit toereikend is | afgerond |',
  'jaarverslag samenvatting': '| Doelen met een streefwaarde (10 van 11) | 3 behaald, 0 niet behaald, 7 onbekend |',
  'jaarverslag inleiding': 'Dit jaarverslag legt verantwoording af over de uitvoering van het uitvoeringsprogramma VTH 2025',
  'jaarverslag realisatie': '| GV.02 | Omgevingsvergunning afwijken van het omgevingsplan | 1.200 | 880 | 73,3% | Minder aanvragen dan verwacht',
  'jaarverslag projecten': 'gepland 2.146 uur, zoals in het uitvoeringsprogramma (afgerond op hele uren); van de projecten met een gemelde realisatie is 610,15 van 631 uur besteed (96,7%)',
  'jaarverslag uitstel': '| GT.06 | Toezicht kleinschalige evenementen | Midden | 35 | 27 |  | onbekend: de realisatie van deze regel is niet bekend |',
  'jaarverslag doelen': '| KD8 | Bij bezwaar is het bezwaar ongegrond | ≥ 85% | 88% | behaald |',
  'jaarverslag tijdigheid': 'De tijdigheid is niet berekend: er was geen registratie uit het zaaksysteem beschikbaar.',
  'jaarverslag naleefgedrag': 'Het naleefgedrag is niet berekend: er was geen registratie uit het zaaksysteem beschikbaar.',
  'jaarverslag capaciteit': '| Toezicht en handhaving | 4.481 | 1.968 | 1.808 | 91,9% |  |',
  'jaarverslag kwaliteit': 'Verbeterpunten van de provincie en hun opvolging: 1 afgerond, 2 in uitvoering, 0 open.',
  'jaarverslag vooruitblik': '- Verbeterpunt 1 (Maak doelen meetbaar: een indicator en streefwaarde voor elk doel) is in uitvoering.',
};

function uvp(w: Werkmap) {
  const a = analyseerUvp(w);
  const view = uvpView(a);
  return { a, md: uvpMd(view), verantwoording: verantwoordingMd(verantwoordingView(view, a.meldingen, a.teksten.ontbrekend)) };
}
function jaarverslag(w: Werkmap) {
  const a = analyseerJaarverslag(w);
  const view = jaarverslagView(a);
  return { a, md: jvMd(view), verantwoording: verantwoordingMd(verantwoordingView(view, a.meldingen, a.teksten.ontbrekend)) };
}

describe('every chapter: its own text, or the part the data fills and a finding', () => {
  it('the example werkmap has a text for every key, and the table above a data part for each', () => {
    expect(Object.keys(DATA_DEEL).sort()).toEqual(TEKST_SLEUTELS.map((s) => s.sleutel).sort());
    const gezet = new Set(wm.teksten!.map((t) => t.sectie));
    for (const s of TEKST_SLEUTELS) expect(gezet.has(s.sleutel), s.sleutel).toBe(true);
    expect(uvp(wm).a.teksten.ontbrekend).toEqual([]);
    expect(jaarverslag(wm).a.teksten.ontbrekend).toEqual([]);
  });

  for (const s of TEKST_SLEUTELS) {
    it(`${s.document}, ${s.hoofdstuk}: without "${s.sleutel}"`, () => {
      const maak = s.document === 'uvp' ? uvp : jaarverslag;
      const eigen = wm.teksten!.filter((t) => t.sectie === s.sleutel).map((t) => t.tekst.replace(/\*\*/g, '').slice(0, 50));
      const met = maak(wm);
      const zonderTekst = maak(zonder(wm, s.sleutel));
      for (const t of eigen) {
        expect(met.md.replace(/\*\*/g, '')).toContain(t);
        expect(zonderTekst.md.replace(/\*\*/g, '')).not.toContain(t);
      }
      // The chapter stays, with what the data fills.
      expect(zonderTekst.md).toContain(`. ${s.hoofdstuk}\n`);
      expect(met.md).toContain(DATA_DEEL[s.sleutel]);
      expect(zonderTekst.md).toContain(DATA_DEEL[s.sleutel]);
      if (ZONDER_TEKST[s.sleutel]) {
        expect(zonderTekst.md).toContain(ZONDER_TEKST[s.sleutel]);
        expect(met.md).not.toContain(ZONDER_TEKST[s.sleutel]);
      }
      // A finding names the chapter and the key; the verantwoording lists it, the document does not.
      const f = zonderTekst.a.meldingen.filter((m) => m.code === 'tekst-ontbreekt');
      expect(f.map((m) => m.niveau)).toEqual(['melding']);
      expect(f[0]!.bericht).toContain(`hoofdstuk "${s.hoofdstuk}": geen eigen tekst (sectie "${s.sleutel}" in blad Teksten)`);
      expect(f[0]!.plaats).toMatchObject({ bestand: 'werkmap.xlsx', blad: 'Teksten' });
      expect(zonderTekst.verantwoording).toContain(`| ${s.sleutel} | ${s.hoofdstuk} |`);
      expect(met.verantwoording).toContain('Elk hoofdstuk heeft een eigen tekst.');
      expect(zonderTekst.md).not.toContain('geen eigen tekst');
    });
  }
});

describe('the college document holds no raw findings', () => {
  it('no finding of the input check is in the UVP or the jaarverslag; every one is in the verantwoording', () => {
    for (const { a, md, verantwoording } of [uvp(wm), jaarverslag(wm)]) {
      const getoond = a.meldingen.filter((m) => m.niveau !== 'melding');
      expect(getoond.length).toBeGreaterThan(3);
      for (const m of getoond) {
        // A printed total that disagrees is part of the programme's figures, and the high-priority activities
        // without a line are a table of their own (chapter Programma, and Afwijkingen): the rest is not shown.
        if (!['subtotaal-afwijkend', 'regeltotaal-afwijkend', 'prioriteit-zonder-regel'].includes(m.code)) expect(md, m.code).not.toContain(m.bericht.slice(0, 60));
        expect(verantwoording, m.code).toContain(m.bericht.slice(0, 60).replace(/\|/g, '\\|'));
      }
      expect(md).not.toMatch(/Bevindingen bij de controle|\| (fout|waarschuwing|melding) \|/);
    }
  });
});

describe('sheet Teksten', () => {
  it('Markdown stays Markdown, but raw HTML is shown as text and a heading stays below the chapter', async () => {
    const map = maakMap({
      'instellingen.csv': INSTELLINGEN_CSV,
      'producten.csv': 'code;product;aantal;kental\nA1.05.00;Melding;4;20\n',
      'teksten.csv': 'sectie;tekst\nprogramma;"# Eigen kop\nDit is **vet**, met [een link](https://example.org) en <script>alert(1)</script>.\n\n- een\n- twee"\nHoofdstuk  Onbekend;Verloren tekst\nrealisatie;Oude sleutel voor het jaarverslag\n',
    });
    const w = bouwWerkmap(await leesWerkmap(map));
    const { md } = uvp(w);
    expect(md).toContain('#### Eigen kop\nDit is **vet**, met [een link](https://example.org) en \\<script>alert(1)\\</script>.\n\n- een\n- twee');
    expect(md).not.toMatch(/^# Eigen kop/m);
    // A key no document shows is a warning, with its place: the text would be lost silently otherwise.
    const onbekend = w.meldingen.find((m) => m.code === 'tekst-onbekend')!;
    expect(onbekend).toMatchObject({ niveau: 'waarschuwing', plaats: { bestand: 'teksten.csv', rij: 3, kolom: 'sectie' } });
    expect(onbekend.bericht).toContain('sectie "Hoofdstuk  Onbekend" komt in geen document voor');
    // The old key "realisatie" still reaches the jaarverslag's chapter.
    expect(tekstSleutel('Realisatie')?.sleutel).toBe('jaarverslag realisatie');
    expect(jaarverslag(w).md).toContain('Oude sleutel voor het jaarverslag');
  });

  it('vth init writes every key with its hint', () => {
    const teksten = nieuweWerkmap('Testdorp', 2026).find((b) => b.naam === 'Teksten')!;
    expect(teksten.koppen).toEqual(['sectie', 'tekst', 'toelichting']);
    expect(teksten.rijen.map((r) => r[0])).toEqual(TEKST_SLEUTELS.map((s) => s.sleutel));
    for (const r of teksten.rijen) expect(String(r[2])).toMatch(/^(UVP|Jaarverslag), .+: .{20,}/);
  });
});

describe('the jaarverslag analysis', () => {
  // 0,7 fte × 1000 = 700 hours against 1.300 planned: 600 short. Deferred: P2 whole (Laag, 300), P4 whole
  // (Laag, fixed 100 hours), then 20 of P3's 40 (Midden, 200). P1 is legally required.
  const werkmap = () =>
    maakMap({
      'instellingen.csv': 'instelling;waarde\ngemeente;Testdorp\njaar;2025\nproductieve uren per fte;1000\n',
      'capaciteit.csv': 'afdeling;fte\nT;0,7\n',
      'producten.csv': 'code;product;afdeling;aantal;kental;uren;prioriteit;wettelijk\nP1;Wettelijk werk;T;50;10;;;ja\nP2;Lage prioriteit;T;30;10;;Laag;nee\nP3;Middelste prioriteit;T;40;10;;Midden;nee\nP4;Vaste uren;T;;;100;Laag;nee\n',
      'projecten.csv': 'code;project;uren;verdeelsleutel\nOD1;Omgevingswet;1000;10%\nOD2;Stikstof;500;10%\n',
      'realisatie.csv': 'code;aantal;uren;toelichting\nP1;50;500;\nP2;0;0;\nP3;40;400;\nP4;;60;\nOD1;;90;Minder dan gepland\nOD2;3;;\n',
    });

  it('follows up each proposed deferral: held, partly done (by hours for a fixed line), wholly done', async () => {
    const a = analyseerJaarverslag(bouwWerkmap(await leesWerkmap(werkmap())));
    expect(a.uitstel.map((u) => [u.code, u.uitgesteldAantal?.toString() ?? null, u.uitgesteldUren.toString(), u.uitkomst, u.uitleg])).toEqual([
      ['P2', '30', '300', 'uitgesteld zoals voorgesteld', 'gerealiseerd 0, binnen de 0 die na uitstel overbleef'],
      ['P4', null, '100', 'deels toch uitgevoerd', 'gerealiseerd 60 uur: 60 uur van de 100 uur uitgestelde toch gedaan'],
      ['P3', '20', '200', 'toch uitgevoerd', 'gerealiseerd 40 van 40; het uitgestelde werk is alsnog gedaan'],
    ]);
    // Without a realisation the outcome is unknown, never "held".
    const zonder = bouwWerkmap(await leesWerkmap(werkmap()));
    zonder.realisatie = zonder.realisatie!.filter((r) => r.code !== 'P2');
    expect(analyseerJaarverslag(zonder).uitstel[0]).toMatchObject({ code: 'P2', uitkomst: 'onbekend' });
  });

  it('realises regional projects by their code, apart from the programme lines', async () => {
    const a = analyseerJaarverslag(bouwWerkmap(await leesWerkmap(werkmap())));
    expect(a.projecten.regels.map((p) => [p.code, p.planUren?.toString(), p.uren?.toString() ?? null, p.procent?.toString() ?? null, p.toelichting ?? null])).toEqual([
      ['OD1', '100', '90', '90', 'Minder dan gepland'],
      ['OD2', '50', null, null, null],
    ]);
    expect([a.projecten.planUren.toString(), a.projecten.uren.toString(), a.projecten.planUrenBekend.toString()]).toEqual(['150', '90', '100']);
    // A project code is not "realised but not planned"; a count where hours are needed is a warning with its place.
    expect(a.realisatie.nietGepland).toEqual([]);
    expect(a.meldingen.filter((m) => m.code === 'realisatie-niet-gepland')).toEqual([]);
    expect(a.meldingen.find((m) => m.code === 'project-zonder-uren')).toMatchObject({ niveau: 'waarschuwing', plaats: { bestand: 'realisatie.csv', rij: 7 } });
  });
});

describe('priority made visible', () => {
  it('vth controleer names the activities of class hoog and higher that no programme line serves, with their rows', async () => {
    const { controleer } = await import('../src/compute/controle.js');
    const gaten = controleer(wm).filter((m) => m.code === 'prioriteit-zonder-regel');
    expect(gaten).toHaveLength(1);
    expect(gaten[0]).toMatchObject({ niveau: 'waarschuwing', plaats: { bestand: 'werkmap.xlsx', blad: 'Risicoanalyse' } });
    expect(gaten[0]!.bericht).toMatch(/^14 activiteiten met een hoge prioriteit hebben geen programmaregel/);
    expect(gaten[0]!.bericht).toContain('R34 crossen met m.n.motoren en in natuurgebieden, individueel en in groepsverband (Hoog, rij 35)');
    // Linking a line to one of them closes that gap.
    const gekoppeld = { ...wm, producten: { ...wm.producten!, regels: wm.producten!.regels.map((r) => (r.code === 'GT.07' ? { ...r, prioriteit: 'R34' } : r)) } };
    expect(controleer(gekoppeld).find((m) => m.code === 'prioriteit-zonder-regel')!.bericht).toMatch(/^13 activiteiten/);
  });
});
