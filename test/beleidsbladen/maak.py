#!/usr/bin/python3
"""Builds variants of the example werkmap's policy sheets (Objecten, Frequenties, Toezichtprotocol,
Niveaus, Doelen) the way beleidsmedewerkers make them: openpyxl opens the example and changes what a
user changes (a unit in a header, words in a cell, a renamed column, an id written differently),
and saves. What each must give is in verwacht.json, read by test/beleidsbladen.test.ts (the clean
figures per code and class, or a finding shown by default at its place) and test/figuurbladen.test.ts
(the commands refuse on an error in these sheets). Run from the repository root:
/usr/bin/python3 test/beleidsbladen/maak.py (needs python3-openpyxl). The output is committed.
"""
import json
from pathlib import Path

import openpyxl

HIER = Path(__file__).resolve().parent
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

(HIER / 'verwacht.json').write_text(json.dumps(VERWACHT, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
