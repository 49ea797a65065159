#!/usr/bin/python3
"""Builds variants of the example werkmap's policy sheets (Objecten, Frequenties, Toezichtprotocol,
Niveaus, Doelen) the way beleidsmedewerkers make them: openpyxl opens the example and changes what a
user changes (a unit in a header, words in a cell, a renamed column, an id written differently),
and saves. What each must give is in verwacht.json, read by test/beleidsbladen.test.ts (the clean
figures per code and class, or a finding shown by default at its place) and test/figuurbladen.test.ts
(the commands refuse on an error in these sheets). Run from the repository root:
/usr/bin/python3 test/beleidsbladen/maak.py (needs python3-openpyxl and libreoffice-calc-nogui for the
CSV folders LibreOffice writes in a Dutch and an English locale). The output is committed.
"""
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
import sys

import openpyxl

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent))
from lo_csv import lo_export  # noqa: E402  (the shared LibreOffice CSV export)
BRON = HIER.parent.parent / 'fixtures' / 'voorbeeldgemeente' / 'werkmap.xlsx'
VERWACHT = {}

# The example's clean figures: controls per product code, hours per project per risk class, and the
# balance of the afdeling that does the inspections.
SCHOON_CODES = {'GT.03': 60, 'GT.04': 30, 'GT.05': 25, 'GT.06': 35, 'GT.07': 20, 'GT.08': 15}
SCHOON_PROTOCOL = {'RK1': '22.17', 'RK2': '21.17', 'RK3': '15.5', 'RK4': '14.96'}
SCHOON_SALDO = {'Toezicht en handhaving': '-161'}
SCHOON = {'perCode': SCHOON_CODES, 'protocol': SCHOON_PROTOCOL, 'saldo': SCHOON_SALDO}


def kolom(ws, kop):
    for c in ws[1]:
        if c.value == kop:
            return c.column
    raise KeyError(kop)


def rijen(ws, kop, waarde):
    k = kolom(ws, kop)
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, k).value == waarde]


def variant(naam, hoe, wijzig, figuren=None, meldingen=(), fouten=0, nooit=()):
    wb = openpyxl.load_workbook(BRON)
    wijzig(wb)
    wb.save(HIER / f'{naam}.xlsx')
    VERWACHT[f'{naam}.xlsx'] = {
        'hoe': hoe,
        'figuren': figuren,
        'meldingen': list(meldingen),
        'fouten': fouten,
        'nooit': list(nooit),
    }


def m(code, niveau, blad, rij=None, kolom=None, bevat=None):
    plaats = {'blad': blad}
    if rij is not None:
        plaats['rij'] = rij
    if kolom is not None:
        plaats['kolom'] = kolom
    uit = {'code': code, 'niveau': niveau, 'plaats': plaats}
    if bevat:
        uit['bevat'] = bevat
    return uit


def niets(wb):
    pass


def kop(blad, oud, nieuw):
    def wijzig(wb):
        ws = wb[blad]
        ws.cell(1, kolom(ws, oud)).value = nieuw
    return wijzig


variant('00-schoon', 'openpyxl: de voorbeeldwerkmap geopend en opgeslagen', niets, SCHOON)



# --- Errors in the sheets that feed the hours: every command refuses (item 4) -------------------
def objecten_datum(wb):
    ws = wb['Objecten']
    ws.cell(rijen(ws, 'productcode', 'GT.06')[0], kolom(ws, 'laatste controle')).value = '1 jul 2024'


def frequenties_ntb(wb):
    wb['Frequenties'].cell(2, 3).value = 'n.t.b.'


def protocol_niveau(wb):
    wb['Toezichtprotocol'].cell(2, 4).value = 7


def niveaus_minuten(wb):
    wb['Niveaus'].cell(5, 2).value = 'tien'


variant('f1-objecten-datum', 'Objecten: "1 jul 2024" als laatste controle (GT.06)', objecten_datum,
        meldingen=[m('waarde-onleesbaar', 'fout', 'Objecten', 101, 'laatste controle')], fouten=1)
variant('f2-frequenties-ntb', 'Frequenties: interval "n.t.b." bij Hoog', frequenties_ntb,
        meldingen=[m('waarde-geen-getal', 'fout', 'Frequenties', 2, 'interval')], fouten=1)
variant('f3-protocol-niveau', 'Toezichtprotocol: niveau 7 (niet in Niveaus) bij item 1.1, RK1', protocol_niveau,
        meldingen=[m('protocol-niveau', 'fout', 'Toezichtprotocol', 2, 'RK1')], fouten=1)
variant('f4-niveaus-minuten', 'Niveaus: minuten "tien" bij niveau 2', niveaus_minuten,
        meldingen=[m('waarde-onleesbaar', 'fout', 'Niveaus', 5, 'minuten')], fouten=1)

# --- Units in headers and cells (item 1) -------------------------------------------------------
# Frequenties rows 2-8: Hoog 12, Hoog/slecht 6, Midden 24, Midden/slecht 12, Laag 36, Laag/goed 48, Laag/slecht 24.
def intervallen(waarden, kop=None):
    def wijzig(wb):
        ws = wb['Frequenties']
        if kop:
            ws.cell(1, 3).value = kop
        for i, w in enumerate(waarden):
            ws.cell(2 + i, 3).value = w
    return wijzig


variant('u1-interval-jaar', 'Frequenties: kop "Interval (jaar)", de intervallen in jaren (1, 0,5, 2 …)',
        intervallen([1, 0.5, 2, 1, 3, 4, 2], 'Interval (jaar)'), SCHOON)
variant('u2-interval-eenheid-in-cel', 'Frequenties: "1 jaar", "6 mnd", "2 jaar", "12 maanden", "3 jaar", "48 maanden", "24 mnd."',
        intervallen(['1 jaar', '6 mnd', '2 jaar', '12 maanden', '3 jaar', '48 maanden', '24 mnd.']), SCHOON)
variant('u3-interval-woorden', 'Frequenties: jaarlijks, halfjaarlijks, tweejaarlijks, jaarlijks, driejaarlijks, vierjaarlijks, tweejaarlijks',
        intervallen(['jaarlijks', 'halfjaarlijks', 'tweejaarlijks', 'Jaarlijks', 'driejaarlijks', 'vierjaarlijks', 'tweejaarlijks']), SCHOON)
variant('u4-interval-per-jaar', 'Frequenties: "1x per jaar", "2x per jaar", "1x per 2 jaar", "1 keer per jaar", "1x per 3 jaar", "1x per 4 jaar", "1 x per 2 jaar"',
        intervallen(['1x per jaar', '2x per jaar', '1x per 2 jaar', '1 keer per jaar', '1x per 3 jaar', '1x per 4 jaar', '1 x per 2 jaar']), SCHOON)
variant('u5-interval-per-jaar-kop', 'Frequenties: kop "Interval (x per jaar)", 1, 2, 0,5, 1, "1x per 3 jaar", 0,25, 0,5',
        intervallen([1, 2, 0.5, 1, '1x per 3 jaar', 0.25, 0.5], 'Interval (x per jaar)'), SCHOON)
variant('u6-interval-keer', 'Frequenties: "1x" en "2x" als interval (per welke periode?)',
        intervallen(['1x', '2x', 24, 12, 36, 48, 24]),
        meldingen=[m('waarde-onleesbaar', 'fout', 'Frequenties', 2, 'interval', 'zegt niet per welke periode'),
                   m('waarde-onleesbaar', 'fout', 'Frequenties', 3, 'interval', 'zegt niet per welke periode')], fouten=2)
variant('u7-interval-niet-heel', 'Frequenties: "5x per jaar" (een interval van 2,4 maanden)',
        intervallen([12, '5x per jaar', 24, 12, 36, 48, 24]),
        meldingen=[m('waarde-onleesbaar', 'fout', 'Frequenties', 3, 'interval', '2,4 maanden')], fouten=1)
variant('u8-interval-weken', 'Frequenties: kop "Interval (weken)", een eenheid die vth niet omrekent',
        intervallen([52, 26, 104, 52, 156, 208, 104], 'Interval (weken)'),
        meldingen=[m('kop-eenheid', 'fout', 'Frequenties', 1, 'Interval (weken)'),
                   m('object-niet-gepland', 'waarschuwing', 'Frequenties', bevat='197 objecten zijn niet gepland (klasse Hoog: 99, klasse Midden: 67, klasse Laag: 31): blad Frequenties heeft fouten')], fouten=1)

variant('u9-frequentie-kop', 'Frequenties: kop "Frequentie" met "1x per jaar", "2x per jaar", "1x per 2 jaar" …',
        intervallen(['1x per jaar', '2x per jaar', '1x per 2 jaar', 'jaarlijks', '1x per 3 jaar', '1x per 4 jaar', '1x per 2 jaar'], 'Frequentie'), SCHOON)
variant('u10-frequentie-kop-getallen', 'Frequenties: kop "Frequentie" met kale getallen (1, 2, 0,5 …): maanden of keer per jaar?',
        intervallen([1, 2, 0.5, 1, 0.33, 0.25, 0.5], 'Frequentie'),
        meldingen=[m('waarde-onleesbaar', 'fout', 'Frequenties', 2, 'Frequentie', 'maanden of keer per jaar?')], fouten=7)


# Niveaus rows 2-8: 0 (0 min), S (10, 25%), 1 (5), 2 (10), 3 (20), 4 (30), vast (120).
def niveaus(rijen_, kop=None):
    def wijzig(wb):
        ws = wb['Niveaus']
        if kop:
            ws.cell(1, 2).value = kop
        for i, rij in enumerate(rijen_):
            for j, w in enumerate(rij):
                if w is not None:
                    ws.cell(2 + i, 1 + j).value = w
    return wijzig


ZES = [('0', 0), ('S', 15), (1, 6), (2, 12), (3, 18), (4, 30), ('vast', 120)]
variant('n1-niveaus-minuten-zes', 'Niveaus: minuten die een heel aantal tienden van een uur zijn (15, 6, 12, 18, 30, 120)',
        niveaus([(None, w) for _, w in ZES]), {'perCode': SCHOON_CODES})
VERWACHT['n1-niveaus-minuten-zes.xlsx']['figuren']['protocol'] = None
variant('n2-niveaus-tijd-uur', 'Niveaus: kop "tijd (uur)", dezelfde tijden als n1 in uren (0,25, 0,1, 0,2, 0,3, 0,5, 2)',
        niveaus([(None, 0), (None, 0.25), (None, 0.1), (None, 0.2), (None, 0.3), (None, 0.5), (None, 2)], 'tijd (uur)'),
        {'perCode': SCHOON_CODES, 'protocolAls': 'n1-niveaus-minuten-zes.xlsx'})
variant('n3-niveaus-eenheid-in-cel', 'Niveaus: "20 min" bij niveau 3 en "2,0 uur" bij vast',
        niveaus([(None, None), (None, None), (None, None), (None, None), (None, '20 min'), (None, None), (None, '2,0 uur')]), SCHOON)
variant('n4-niveaus-steekproef', 'Niveaus: niveau "Steekproef" in plaats van S',
        niveaus([(None, None), ('Steekproef', None)]), SCHOON)
variant('n5-niveaus-vaste-tijd', 'Niveaus: de rij vast heet "Vaste tijd (reizen, verslag)"',
        niveaus([(None, None)] * 6 + [('Vaste tijd (reizen, verslag)', None)]), SCHOON)
variant('n6-niveaus-reistijd', 'Niveaus: de rij vast heet "Reistijd en verslag" (geen niveau dat het protocol kent)',
        niveaus([(None, None)] * 6 + [('Reistijd en verslag', None)]),
        meldingen=[m('niveau-ongebruikt', 'waarschuwing', 'Niveaus', 8, 'niveau', 'bedoelt u vast')])
variant('n7-niveaus-kop-weken', 'Niveaus: kop "tijd (weken)": één fout op de kop, niet een per toetspunt',
        niveaus([], 'tijd (weken)'),
        meldingen=[m('kop-eenheid', 'fout', 'Niveaus', 1, 'tijd (weken)')], fouten=1, nooit=['protocol-niveau', 'blad-ontbreekt'])


def schrijf_s(ws, vormen):
    cellen = [c for rij in ws.iter_rows(min_row=2) for c in rij if c.value == 'S']
    for c, v in zip(cellen, vormen):
        c.value = v

variant('n8-niveaus-kolom-hernoemd', 'Niveaus: de kolom minuten heet "duur": twee fouten (de kolom, het protocol), niet een per toetspunt',
        kop('Niveaus', 'minuten', 'duur'),
        meldingen=[m('kolom-ontbreekt', 'fout', 'Niveaus', 1), m('blad-ontbreekt', 'fout', 'Niveaus', bevat='niet om te rekenen naar uren')], fouten=2, nooit=['protocol-niveau'])


def protocolcel(rij, kolom_, waarde):
    def wijzig(wb):
        wb['Toezichtprotocol'].cell(rij, kolom_).value = waarde
    return wijzig


variant('p1-protocol-nvt', 'Toezichtprotocol: "n.v.t." bij item 1.1, RK1: de melding noemt wat er staat',
        protocolcel(2, 4, 'n.v.t.'),
        meldingen=[m('protocol-niveau', 'fout', 'Toezichtprotocol', 2, 'RK1', 'niveau "n.v.t." voor RK1')], fouten=1)
variant('p2-protocol-steekproef-voluit', 'Toezichtprotocol: "Steekproef", "s" en " S " voor S',
        lambda wb: schrijf_s(wb['Toezichtprotocol'], ['Steekproef', 's', ' S ']), SCHOON)

# --- Optional columns under other names (item 2) and codes written differently (item 3) ----------


for i, naam in enumerate(['Laatste inspectie', 'controledatum', 'Datum controle']):
    variant(f'o{i + 1}-objecten-{naam.lower().replace(" ", "-")}', f'Objecten: de kolom laatste controle heet "{naam}"', kop('Objecten', 'laatste controle', naam), SCHOON)
variant('o4-objecten-nalevingsgedrag', 'Objecten: de kolom naleefgedrag heet "Nalevingsgedrag"', kop('Objecten', 'naleefgedrag', 'Nalevingsgedrag'), SCHOON)
variant('o5-objecten-datum-keuring', 'Objecten: de kolom laatste controle heet "Datum laatste keuring" (geen bekende naam)',
        kop('Objecten', 'laatste controle', 'Datum laatste keuring'),
        meldingen=[m('kolom-onbekend', 'waarschuwing', 'Objecten', 1, 'Datum laatste keuring', 'bedoelt u "laatste controle"? Zonder die kolom geldt elk object als nooit gecontroleerd')])
variant('o6-objecten-nalevingsscore', 'Objecten: de kolom naleefgedrag heet "Nalevingsscore"',
        kop('Objecten', 'naleefgedrag', 'Nalevingsscore'),
        meldingen=[m('kolom-onbekend', 'waarschuwing', 'Objecten', 1, 'Nalevingsscore', 'bedoelt u "naleefgedrag"?')])


def codes(vervang):
    def wijzig(wb):
        ws = wb['Objecten']
        k = kolom(ws, 'productcode')
        for r in range(2, ws.max_row + 1):
            c = ws.cell(r, k)
            if c.value in vervang:
                c.value = vervang[c.value]
    return wijzig


variant('c1-codes-spatie', 'Objecten: elke GT.08 geschreven als "GT 08"', codes({'GT.08': 'GT 08'}), SCHOON,
        meldingen=[m('object-code-gelezen', 'waarschuwing', 'Objecten', kolom=None, bevat='productcode "GT 08" (17 objecten, rijen 182–198) gelezen als GT.08')])
variant('c2-codes-gemengd', 'Objecten: "GT.3", "GT,04", "GT 05" en "GT.08.00" voor GT.03, GT.04, GT.05 en GT.08',
        codes({'GT.03': 'GT.3', 'GT.04': 'GT,04', 'GT.05': 'GT 05', 'GT.08': 'GT.08.00'}), SCHOON,
        meldingen=[m('object-code-gelezen', 'waarschuwing', 'Objecten', bevat=f'productcode "{c}"') for c in ['GT.3', 'GT,04', 'GT 05', 'GT.08.00']])



def getypt_20(wb):
    codes({'GT.08': 'GT 08'})(wb)
    ws = wb['Producten']
    ws.cell(rijen(ws, 'code', 'GT.08')[0], kolom(ws, 'aantal')).value = 20


variant('c4-codes-spatie-getypt', 'Objecten: elke GT.08 als "GT 08", en in Producten aantal 20 voor GT.08 (het register geeft 15)', getypt_20, SCHOON,
        meldingen=[m('object-code-gelezen', 'waarschuwing', 'Objecten', bevat='productcode "GT 08"'),
                   m('aantal-objecten', 'waarschuwing', 'Producten', bevat='GT.08: Producten geeft aantal 20, het objectenregister 15 controles bij 17 objecten')])


def een_code(wb):
    ws = wb['Objecten']
    ws.cell(rijen(ws, 'productcode', 'GT.08')[0], kolom(ws, 'productcode')).value = 'GT.99'


variant('c3-code-onbekend', 'Objecten: één object met productcode "GT.99", die niet in Producten staat', een_code,
        meldingen=[m('object-code-onbekend', 'waarschuwing', 'Objecten', kolom='productcode', bevat='productcode "GT.99" staat niet in Producten')])

# --- Goals compare as written (item 5) ----------------------------------------------------------
# Doelen rows: KD1 row 2 … KD4 row 5, KD8 row 9; columns id, thema, doel, indicator, streefwaarde, eenheid.
def doelen(per_id):
    def wijzig(wb):
        ws = wb['Doelen']
        ws.cell(1, 7).value = 'vergelijker'
        for r in range(2, ws.max_row + 1):
            id_ = ws.cell(r, 1).value
            if id_ in per_id:
                vergelijker, waarde, opmaak = per_id[id_]
                ws.cell(r, 7).value = vergelijker
                ws.cell(r, 5).value = waarde
                if opmaak:
                    ws.cell(r, 5).number_format = opmaak
    return wijzig


variant('d1-doelen-breuk', 'Doelen: KD4 streefwaarde 0,333 (getalcel) met vergelijker "≤" in een eigen kolom, eenheid %',
        doelen({'KD4': ('≤', 0.333, None)}), {**SCHOON, 'doelen': {'KD4': {'tekst': '≤ 0,333', 'vergelijker': '<=', 'waarde': '0.333'}}},
        meldingen=[m('percentage-als-breuk', 'waarschuwing', 'Doelen', 5, 'streefwaarde', 'bedoelt u 33,3%?')])
variant('d2-doelen-procentcel', 'Doelen: streefwaarden als procentcellen (0,95 getoond als 95%) met vergelijker "≥" en "≤" in een eigen kolom',
        doelen({'KD3': ('≥', 0.95, '0%'), 'KD4': ('<=', 0.333, '0.0%')}),
        {**SCHOON, 'doelen': {'KD3': {'tekst': '≥ 95%', 'vergelijker': '>=', 'waarde': '95'}, 'KD4': {'tekst': '≤ 33,3%', 'vergelijker': '<=', 'waarde': '33.3'}}})
variant('d3-doelen-getalcel', 'Doelen: KD8 streefwaarde 85 als getalcel, vergelijker "minimaal", eenheid %',
        doelen({'KD8': ('minimaal', 85, None)}), {**SCHOON, 'doelen': {'KD8': {'tekst': '≥ 85', 'vergelijker': '>=', 'waarde': '85'}}})

# --- Teksten keep their numbers (item 6) --------------------------------------------------------
def tekst_jaartal(wb):
    ws = wb['Teksten']
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == 'samenvatting':
            ws.cell(r, 2).value = '2024. Dat jaar liet zien waar de risico\'s zitten. ' + ws.cell(r, 2).value
            break


variant('t1-teksten-jaartal', 'Teksten: de samenvatting begint met "2024. Dat jaar"', tekst_jaartal, SCHOON)

# --- The same variants as LibreOffice saves them as CSV, every sheet a file ----------------------


def lo_variant(bron, locale, hoe):
    naam = f'lo-{locale[:2]}-{bron}'
    lo_export(HIER / f'{bron}.xlsx', HIER / naam, locale, overslaan=('toelichting',))
    v = json.loads(json.dumps(VERWACHT[f'{bron}.xlsx']))
    v['hoe'] = hoe
    # A CSV file has no sheets: a finding's place names the file, its row and column stay.
    for e in v['meldingen']:
        e['plaats'].pop('blad', None)
    VERWACHT[naam] = v


lo_variant('u1-interval-jaar', 'nl-NL', 'LibreOffice nl-NL, elk blad als CSV (;): kop "Interval (jaar)", "0,5"')
lo_variant('u1-interval-jaar', 'en-US', 'LibreOffice en-US, elk blad als CSV (,): kop "Interval (jaar)", "0.5"')
lo_variant('n2-niveaus-tijd-uur', 'nl-NL', 'LibreOffice nl-NL, CSV: kop "tijd (uur)", "0,25" uur')
lo_variant('u4-interval-per-jaar', 'nl-NL', 'LibreOffice nl-NL, CSV: "2x per jaar" en dergelijke in de cellen')
lo_variant('d2-doelen-procentcel', 'nl-NL', 'LibreOffice nl-NL, CSV: procentcellen zoals getoond ("95%") met vergelijker in een eigen kolom')
lo_variant('c2-codes-gemengd', 'en-US', 'LibreOffice en-US, CSV: productcodes "GT.3", "GT,04", "GT 05", "GT.08.00"')
lo_variant('o1-objecten-laatste-inspectie', 'en-US', 'LibreOffice en-US, CSV: kolom "Laatste inspectie"')
lo_variant('f2-frequenties-ntb', 'nl-NL', 'LibreOffice nl-NL, CSV: interval "n.t.b."')

(HIER / 'verwacht.json').write_text(json.dumps(VERWACHT, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')

def moet(v):
    if v['figuren']:
        return 'de schone cijfers per code en klasse' + ('; ' + ', '.join(f"{e['niveau']} `{e['code']}`" for e in v['meldingen']) if v['meldingen'] else '')
    return '; '.join(f"{e['niveau']} `{e['code']}`" for e in v['meldingen']) + (f"; {v['fouten']} fout(en)" if v['fouten'] else '')


(HIER / 'README.md').write_text(
    '# Beleidsbladen zoals gebruikers ze maken\n\n'
    'Gemaakt door `maak.py` (in deze map; `/usr/bin/python3 test/beleidsbladen/maak.py` vanuit de root) uit de\n'
    'voorbeeldwerkmap `fixtures/voorbeeldgemeente/werkmap.xlsx`: openpyxl opent hem, verandert wat een\n'
    'beleidsmedewerker verandert en bewaart; de `lo-*`-mappen zijn dezelfde varianten zoals LibreOffice ze als\n'
    'CSV opslaat (elk blad een bestand) in een Nederlandse of Engelse omgeving. `verwacht.json` zegt per variant\n'
    'wat hij moet geven; `test/beleidsbladen.test.ts` en `test/figuurbladen.test.ts` lezen dat. De bestanden\n'
    'worden niet met de hand bewerkt.\n\n| variant | hoe gemaakt | moet geven |\n|---|---|---|\n'
    + ''.join(f"| `{n}` | {v['hoe'].replace('|', '/')} | {moet(v)} |\n" for n, v in VERWACHT.items()),
    encoding='utf-8')
