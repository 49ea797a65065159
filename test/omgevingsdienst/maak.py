#!/usr/bin/python3
"""Builds omgevingsdienst werkmappen with Objecten, Realisatie and printed shares per deelnemer, the way users make them.

The example omgevingsdienst (fixtures/omgevingsdienst-voorbeeld) as one workbook written with openpyxl,
plus the sheets an omgevingsdienst keeps beside it: an object register with a title row and a column
"Bevoegd gezag" (whose object it is), Frequenties, a Realisatie with a column "Gemeente", and in
Projecten a column "Uren Dinkelstad" with Dinkelstad's share per line and its printed totals (739 and
1.406, as OD Twente prints Enschede's). Then LibreOffice's own CSV export of that workbook in a Dutch
and an English locale, and variants with one mistake each. test/omgevingsdienst-bladen.test.ts
asserts the figures or the finding of each. Run from the repository root:
/usr/bin/python3 test/omgevingsdienst/maak.py (needs openpyxl and libreoffice-calc-nogui). The output
is committed.
"""
import csv
import datetime
import re
import sys
from pathlib import Path

import openpyxl

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent.parent
sys.path.insert(0, str(HIER.parent))
from lo_csv import lo_export  # noqa: E402  (the shared LibreOffice CSV export)

BRON = ROOT / 'fixtures' / 'omgevingsdienst-voorbeeld'
DINKELSTAD = 0.1202


def getal(tekst):
    """A cell of the example's Dutch CSV as a user's workbook holds it: numbers, percentages and euros as numbers."""
    t = tekst.strip()
    if t == '':
        return None, None
    m = re.fullmatch(r'(€\s*)?(-?\d{1,3}(?:\.\d{3})*|-?\d+)(,\d+)?(%)?', t)
    if not m:
        return t, None
    waarde = float(m.group(2).replace('.', '') + (m.group(3) or '').replace(',', '.'))
    if m.group(4):
        return waarde / 100, '0.00%'
    if m.group(1):
        return waarde, '"€" #,##0.00'
    return (int(waarde) if waarde == int(waarde) else waarde), None


def blad(wb, naam, rijen, titel=None):
    ws = wb.create_sheet(naam)
    if titel:
        ws.append([titel])
    for rij in rijen:
        ws.append([None] * len(rij))
        for j, (waarde, opmaak) in enumerate(rij):
            c = ws.cell(row=ws.max_row, column=j + 1, value=waarde)
            if opmaak:
                c.number_format = opmaak
    return ws


def uit_csv(naam):
    with open(BRON / naam, encoding='utf-8') as f:
        rijen = list(csv.reader(f, delimiter=';'))
    return [[(rijen[0][j], None) for j in range(len(rijen[0]))]] + [[getal(c) for c in r] for r in rijen[1:]]


def projecten(totaal_projecten=739):
    """Projecten with Dinkelstad's share per line (rounded per line, as the source prints it) and its printed totals."""
    rijen = uit_csv('projecten.csv')
    kop = [k for k, _ in rijen[0]]
    i_uren = kop.index('uren')
    rijen[0].append(('Uren Dinkelstad', None))
    for r in rijen[1:]:
        uren = r[i_uren][0]
        if isinstance(uren, (int, float)):
            totaal = isinstance(r[1][0], str) and r[1][0].startswith('Totaal')
            if totaal:
                r.append((totaal_projecten if r[1][0] == 'Totaal projecten' else 1406, None))
            else:
                r.append((int(uren * DINKELSTAD + 0.5), None))
        else:
            r.append((r[i_uren][0], None))
    return rijen


OBJECTEN_KOP = ['Objectnummer', 'Naam', 'Bevoegd gezag', 'Klasse', 'Naleefgedrag', 'Laatste controle', 'Productcode']
OBJECTEN = [
    # Dinkelstad: three objects of A2.01.00 (two Hoog: every 6 months, one Midden: yearly) → 2 + 2 + 1 = 5 controls.
    ['OBJ-001', 'Metaalbewerking De Hoek', 'Dinkelstad', 'Hoog', 'matig', None, 'A2.01.00'],
    ['OBJ-002', 'Tankstation Ring', 'Dinkelstad', 'Hoog', None, datetime.datetime(2024, 9, 1), 'A2.01.00'],
    ['OBJ-003', 'Bakkerij Molenstraat', 'Dinkelstad', 'Midden', 'goed', datetime.datetime(2024, 3, 15), 'A2.01.00'],
    # Berkelmond: two Hoog objects → 4 controls.
    ['OBJ-004', 'Houtzagerij Berkel', 'Berkelmond', 'Hoog', None, None, 'A2.01.00'],
    ['OBJ-005', 'Garage Oost', 'berkelmond', 'Hoog', 'slecht', None, 'A2.01.00'],
    # The province plans no A2.09.00: its object's controls count on no line, and that is said.
    ['OBJ-006', 'Asbestsanering Provinciale weg', 'Provincie Oostmark', 'Midden', None, None, 'A2.09.00'],
]
FREQUENTIES = [['klasse', 'interval (maanden)'], ['Hoog', 6], ['Midden', 12], ['Laag', 24]]
REALISATIE_KOP = ['Code', 'Gemeente', 'Gerealiseerd aantal', 'Geboekte uren', 'Toelichting']
REALISATIE = [
    ['A1.17.00', 'Dinkelstad', 45, 260, None],
    ['A1.17.00', 'Berkelmond', 30, 170, None],
    # The region's hours on OD1, without a deelnemer: divided by the line's key, as its plan.
    ['OD1', None, None, 1400, 'Omgevingswet, alle deelnemers'],
    # Dinkelstad reports its own hours on OD2.
    ['OD2', 'Dinkelstad', None, 70, None],
    # No deelnemer on a product line: counted and named, in no part.
    ['A1.05.00', None, 3, 55, None],
]


def werkboek(pad, objecten=OBJECTEN, realisatie=REALISATIE, totaal_projecten=739):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    blad(wb, 'Instellingen', uit_csv('instellingen.csv'))
    blad(wb, 'Deelnemers', uit_csv('deelnemers.csv'))
    blad(wb, 'Producten', uit_csv('producten.csv'))
    blad(wb, 'Capaciteit', uit_csv('capaciteit.csv'))
    blad(wb, 'Projecten', projecten(totaal_projecten))
    ws = blad(wb, 'Objecten', [[(k, None) for k in OBJECTEN_KOP]] + [[(c, 'dd-mm-yyyy' if isinstance(c, datetime.datetime) else None) for c in r] for r in objecten],
              titel='Objectenregister Omgevingsdienst Oostmark 2025')
    ws.column_dimensions['F'].width = 14
    blad(wb, 'Frequenties', [[(c, None) for c in r] for r in FREQUENTIES])
    blad(wb, 'Realisatie', [[(k, None) for k in REALISATIE_KOP]] + [[(c, None) for c in r] for r in realisatie])
    wb.save(pad)


werkboek(HIER / '01-openpyxl.xlsx')
lo_export(HIER / '01-openpyxl.xlsx', HIER / '02-libreoffice-nl', 'nl-NL')
lo_export(HIER / '01-openpyxl.xlsx', HIER / '03-libreoffice-en', 'en-US')
# An object and a realisation of a deelnemer that is not in Deelnemers (a typo): errors at their rows.
werkboek(HIER / '04-onbekende-deelnemer.xlsx',
         objecten=OBJECTEN[:4] + [['OBJ-005', 'Garage Oost', 'Berkelmont', 'Hoog', 'slecht', None, 'A2.01.00']] + OBJECTEN[5:],
         realisatie=REALISATIE[:1] + [['A1.17.00', 'Berkelmont', 30, 170, None]] + REALISATIE[2:])
# Dinkelstad's printed project total is 749, not 739: a warning with both figures at that cell.
werkboek(HIER / '05-afwijkend-aandeel.xlsx', totaal_projecten=749)
# An object without a deelnemer: an error at its row (its controls would count for no one).
werkboek(HIER / '06-object-zonder-deelnemer.xlsx', objecten=OBJECTEN[:3] + [['OBJ-004', 'Houtzagerij Berkel', None, 'Hoog', None, None, 'A2.01.00']] + OBJECTEN[4:])
