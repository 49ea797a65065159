#!/usr/bin/python3
"""Workbooks as xlsxwriter writes them, for the differential test of both .xlsx readers against
openpyxl (test/xlsx-openpyxl.test.ts). xlsxwriter lays a package out its own way: shared strings by
default and inline strings in constant_memory mode, formula results typed `t="str"`, `t="b"`,
`t="e"`, styles and number formats of its own, `date_1904` as an option, rich text, merged ranges.

Debian's python3-xlsxwriter (3.0.2). Without root it can be unpacked next to the script:
    apt-get download python3-xlsxwriter && dpkg -x python3-xlsxwriter_*.deb /tmp/xw
    PYTHONPATH=/tmp/xw/usr/lib/python3/dist-packages /usr/bin/python3 test/xlsxwriter/maak.py
The output is committed; run from the repository root to make it again (the bytes are fixed: the
workbooks' creation date is set).
"""
import datetime
from pathlib import Path

import xlsxwriter

HIER = Path(__file__).resolve().parent
VAST = datetime.datetime(2026, 1, 1)


def vul(wb):
    titel = wb.add_format({'bold': True, 'font_size': 14})
    kop = wb.add_format({'bold': True, 'bg_color': '#DDEBF7', 'text_wrap': True})
    datum = wb.add_format({'num_format': 'dd-mm-yyyy'})
    lang = wb.add_format({'num_format': 'd mmmm yyyy'})
    tijd = wb.add_format({'num_format': 'dd-mm-yyyy hh:mm'})
    procent = wb.add_format({'num_format': '0.0%'})
    uren = wb.add_format({'num_format': '#,##0.00'})
    vet = wb.add_format({'bold': True})
    samen = wb.add_format({'align': 'center', 'valign': 'vcenter'})

    # First the case export (the export reader reads the first sheet), with a title row.
    z = wb.add_worksheet('Zaken')
    z.write('A1', 'Zakenexport gemeente Dinkelberg 2025', titel)
    for k, naam in enumerate(['zaaknummer', 'productcode', 'datum ontvangst', 'datum besluit', 'uren', 'resultaat', 'binnen termijn']):
        z.write(1, k, naam, kop)
    codes = ['GT.01', 'GT.02', 'B2.00.00', 'HH.03', 'GT.99 Ørsted']
    for i in range(40):
        r = i + 2
        z.write_string(r, 0, f'Z-2025-{i:04d}')
        z.write_string(r, 1, codes[i % len(codes)])
        z.write_datetime(r, 2, datetime.datetime(2025, 1 + i % 12, 1 + i % 28), datum)
        if i % 7 != 3:
            z.write_datetime(r, 3, datetime.datetime(2025, 1 + (i + 1) % 12, 1 + (i * 3) % 28, 9 if i % 5 == 0 else 0, 30 if i % 5 == 0 else 0), tijd if i % 5 == 0 else datum)
        z.write_number(r, 4, [1.5, 2, 0.25, 18632.57, 3.333333][i % 5], uren)
        z.write(r, 5, ['conform', 'overtreding', '', 'conform '][i % 4])
        z.write_boolean(r, 6, i % 3 != 0)
    # A formula with a number, a text, a boolean and an error as its cached result.
    z.write_formula('E43', '=SUM(E3:E42)', vet, 75113.08)
    z.write_formula('F43', '="totaal "&COUNTA(A3:A42)', None, 'totaal 40')
    z.write_formula('G43', '=AND(TRUE,FALSE)', None, False)
    z.write_formula('H43', '=1/0', None, '#DIV/0!')
    z.write_formula('I43', '=NA()', None, '#N/A')

    # A werkmap sheet with what users type: a title, wrapped headers, percentages, long dates,
    # rich text, leading and trailing spaces, line breaks, accents, merged cells, blank styled cells.
    p = wb.add_worksheet('Producten')
    p.merge_range('A1:E1', 'Producten en diensten 2025', samen)
    for k, naam in enumerate(['code', 'product', 'aantal', 'kental (uren)', 'aandeel', 'vastgesteld']):
        p.write(1, k, naam, kop)
    rijen = [
        ('GT.01', 'Controle bouwwerken', 120, 4.5, 0.25, datetime.date(2025, 2, 1)),
        ('GT.02', ' Hercontroles ', 40, 2, 0.125, datetime.date(2024, 12, 31)),
        ('B2.00.00', 'Vergunning\nmilieu', 7, 12.75, 1, datetime.date(1900, 3, 1)),
        ('HH.03', 'Handhaving "illegale" bouw & sloop <klein>', 0, 0, 0, datetime.date(2030, 6, 30)),
    ]
    for i, (code, product, aantal, kental, aandeel, vast) in enumerate(rijen):
        r = i + 2
        p.write_string(r, 0, code)
        p.write_string(r, 1, product)
        p.write_number(r, 2, aantal)
        p.write_number(r, 3, kental)
        p.write_number(r, 4, aandeel, procent)
        p.write_datetime(r, 5, datetime.datetime.combine(vast, datetime.time()), lang)
    p.write_rich_string('B7', 'Toezicht ', vet, 'duurzaamheid', ' (nieuw)')
    p.write_string('A7', 'DZ.01')
    p.write_blank('C7', None, uren)
    p.merge_range('D7:E7', 16, samen)
    p.write_string('A8', 'Totaal')
    p.write_formula('C8', '=SUM(C3:C7)', vet, 167)
    p.write_string('B9', 'één € ü ß 中文')

    # A hidden sheet: both readers see it, as openpyxl does.
    v = wb.add_worksheet('Verborgen')
    v.write('A1', 'versie')
    v.write('B1', 'uren')
    v.write('A2', 'oude versie')
    v.write('B2', 1)
    v.hide()


def maak(naam, opties):
    wb = xlsxwriter.Workbook(str(HIER / naam), opties)
    wb.set_properties({'created': VAST})
    vul(wb)
    wb.close()


maak('gedeelde-teksten.xlsx', {})
maak('inline-teksten.xlsx', {'constant_memory': True})
maak('datum1904.xlsx', {'date_1904': True})
