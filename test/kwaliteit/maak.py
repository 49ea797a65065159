#!/usr/bin/python3
"""Builds werkmappen with the sheets Kwaliteitscriteria and Medewerkers the way users make them.

openpyxl with a title row, renamed columns, a hidden old copy and a sheet named by an alias; pandas
with empty cells (NaN) and floats; LibreOffice's own CSV export of the openpyxl file in a Dutch and an
English locale. All must give the same verdicts (test/kwaliteit.test.ts). Run from the repository
root: /usr/bin/python3 test/kwaliteit/maak.py (needs openpyxl, pandas and libreoffice-calc-nogui).
The output is committed.
"""
import shutil
import subprocess
import tempfile
from pathlib import Path
import sys

import openpyxl
import pandas as pd

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent))
from lo_csv import lo_export  # noqa: E402  (the shared LibreOffice CSV export)

INSTELLINGEN = [['instelling', 'waarde'], ['gemeente', 'Proefdorp'], ['jaar', 2025], ['kwaliteitscriteria versie', 'KC 3.0']]
# Casemanagement voldoet, Juridisch gemotiveerd afgeweken, Toezicht bouwen voldoet niet,
# Bodem niet te beoordelen (hours unknown), Milieu elders belegd.
KC_KOP = ['Deskundigheidsgebied', 'Minimum aantal', 'Vlieguren', 'Jaren werkervaring', 'Opleidingseis', 'Uitgevoerd door', 'Toelichting']
KC = [
    ['Casemanagement', 2, 500, 2, 'hbo', 'eigen organisatie', None],
    ['Juridisch', 2, 400, 2, 'wo rechten', None, 'Vacature vervuld per 1 maart 2026'],
    ['Toezicht bouwen', 1, 1000, 3, 'hbo bouwkunde', None, None],
    ['Bodem', 1, 300, 2, 'hbo', None, None],
    ['Milieu', 3, 1000, 3, None, 'ODT', None],
    ['Asbest', 'n.v.t.', 'n.v.t.', 'n.v.t.', None, None, None],
]
MW_KOP = ['Naam', 'Team', 'Formatie', 'Deskundigheidsgebied', 'Diploma', 'Ervaring', 'Uren in het gebied']
MW = [
    ['A. de Vries', 'Vergunningen', 1, 'Casemanagement', 'ja', 6, 1100.5],
    ['B. Jansen', 'Vergunningen', 0.8, 'Casemanagement', 'EVC', 3, 650],
    ['C. Bakker', 'Juridische zaken', 0.6, 'Juridisch', 'ja', 9, 700],
    ['D. Visser', 'Toezicht', 1, 'Toezicht bouwen', 'in opleiding', 1, 1200],
    ['E. Smit', 'Toezicht', 0.4, 'Bodem', 'ja', 4, None],
]


def openpyxl_werkmap(pad):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Instellingen'
    for r in INSTELLINGEN:
        ws.append(r)
    kc = wb.create_sheet('Kritieke massa')
    kc.append(['Kwaliteitscriteria VTH, vastgesteld door het college op 10-12-2024'])
    kc.append([])
    kc.append(KC_KOP)
    for r in KC:
        kc.append(r)
    mw = wb.create_sheet('Medewerkers')
    mw.append(MW_KOP)
    for r in MW:
        mw.append(r)
    oud = wb.create_sheet('Medewerkers (2024)')
    oud.append(MW_KOP)
    oud.append(['Z. Oud', 'Toezicht', 1, 'Toezicht bouwen', 'ja', 30, 1500])
    oud.sheet_state = 'hidden'
    wb.save(pad)


def pandas_werkmap(pad):
    with pd.ExcelWriter(pad, engine='openpyxl') as w:
        pd.DataFrame(INSTELLINGEN[1:], columns=INSTELLINGEN[0]).to_excel(w, sheet_name='Instellingen', index=False)
        pd.DataFrame(KC, columns=['gebied', 'aantal', 'frequentie', 'werkervaring', 'opleiding', 'belegd bij', 'motivering']).to_excel(w, sheet_name='Kwaliteitscriteria', index=False)
        pd.DataFrame(MW, columns=['medewerker', 'afdeling', 'fte', 'gebied', 'opleiding', 'werkervaring', 'uren']).to_excel(w, sheet_name='Medewerkers', index=False)


openpyxl_werkmap(HIER / '01-openpyxl.xlsx')
pandas_werkmap(HIER / '02-pandas.xlsx')
lo_export(HIER / '01-openpyxl.xlsx', HIER / '03-libreoffice-nl', 'nl-NL')
lo_export(HIER / '01-openpyxl.xlsx', HIER / '04-libreoffice-en', 'en-US')
print('geschreven:', HIER)
