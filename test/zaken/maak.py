#!/usr/bin/python3
"""Builds one set of cases in the forms case systems and people export them.

The set: every seventh case of fixtures/voorbeeldgemeente/zaken-2025.csv (the example municipality's
invented export, programme fixtures/voorbeeldgemeente/werkmap.xlsx). Each file here is that set in
another form; verwacht.json says whether it must give the same analysis as 01-schoon.csv or which
refusal. Run from the repository root: /usr/bin/python3 test/zaken/maak.py (needs python3-openpyxl).
The output is committed; test/zaken.test.ts reads it.
"""
import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent.parent
BRON = ROOT / 'fixtures' / 'voorbeeldgemeente' / 'zaken-2025.csv'
PRODUCTEN = ROOT / 'fixtures' / 'voorbeeldgemeente' / 'csv' / 'producten.csv'
VERWACHT = {}

with open(BRON, encoding='utf-8', newline='') as f:
    ALLE = list(csv.reader(f, delimiter=';'))
KOP, RIJEN = ALLE[0], ALLE[1:][::7]
with open(PRODUCTEN, encoding='cp1252', newline='') as f:
    PROGRAMMA = [r for r in csv.reader(f, delimiter=';')][1:]
NAAM = {r[0]: r[1] for r in PROGRAMMA if r[0]}
CODES = [c for c in NAAM]


def datum(s):
    return dt.datetime.strptime(s, '%d-%m-%Y').date() if s else None


def schrijf(naam, kop, rijen, delimiter=';', encoding='utf-8', eol='\r\n', voor=()):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=eol)
    for r in voor:
        w.writerow(r)
    w.writerow(kop)
    for r in rijen:
        w.writerow(r)
    (HIER / naam).write_bytes(buf.getvalue().encode(encoding))


def per_kolom(rijen, f):
    """Rows with f applied to (kolomnaam, waarde)."""
    return [[f(KOP[i], v) for i, v in enumerate(r)] for r in rijen]


def per_datum(rijen, f):
    """Rows with each filled date written by f(date)."""
    return per_kolom(rijen, lambda k, v: f(datum(v)) if k in ('ontvangen', 'besluit') and v else v)


def lo_csv_en(xlsx, doel, tmp):
    """LibreOffice's own CSV export in an en-US profile, cells as shown."""
    prof = Path(tmp) / 'profiel-en' / 'user'
    prof.mkdir(parents=True, exist_ok=True)
    (prof / 'registrymodifications.xcu').write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>\n'
        '</oor:items>\n')
    uit = Path(tmp) / 'lo-uit'
    subprocess.run(['soffice', f'-env:UserInstallation=file://{prof.parent}', '--headless', '--convert-to',
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', str(uit), str(xlsx)],
                   check=True, capture_output=True)
    shutil.copy(uit / (Path(xlsx).stem + '.csv'), doel)


def verwacht(naam, hoe, gelijk=True, refus=None, keuzes=None, werkmap=None, extra=None):
    VERWACHT[naam] = {'hoe': hoe, 'gelijk': gelijk, **({'weigering': refus} if refus else {}),
                      **({'keuzes': keuzes} if keuzes else {}), **({'werkmap': werkmap} if werkmap else {}), **(extra or {})}


def main():
    with tempfile.TemporaryDirectory() as t:
        maak(Path(t))


def maak(tmp):
    for p in HIER.iterdir():
        if p.is_dir():
            shutil.rmtree(p)
        elif p.suffix in ('.csv', '.xlsx'):
            p.unlink()
    schrijf('01-schoon.csv', KOP, RIJEN)
    verwacht('01-schoon.csv', f'{len(RIJEN)} zaken (elke zevende van de voorbeeldexport), ;, dd-mm-jjjj')

    # Codes as case systems write them.
    varianten = [lambda c: c.lower(), lambda c: c.replace('.', ','), lambda c: f'{c} - {NAAM.get(c, "")}', lambda c: f' {c} ']
    rijen = [r[:] for r in RIJEN]
    for i, r in enumerate(rijen):
        r[1] = varianten[i % 4](r[1])
    schrijf('02-codevarianten.csv', KOP, rijen)
    verwacht('02-codevarianten.csv', 'codes als a1.17.00, A1,17,00, "A1.17.00 - omschrijving" en met spaties')

    # Short codes where they extend to exactly one line.
    rijen = [r[:] for r in RIJEN]
    kort = 0
    for r in rijen:
        delen = r[1].split('.')
        if len(delen) == 3:
            s = '.'.join(delen[:2])
            if sum(1 for c in CODES if c.startswith(s + '.')) == 1:
                r[1] = s
                kort += 1
    schrijf('03-korte-codes.csv', KOP, rijen)
    verwacht('03-korte-codes.csv', f'{kort} codes kort geschreven (A1.05 voor A1.05.00) waar ze bij precies één regel passen')

    # No code column: the product name.
    kop = ['zaaknummer', 'product'] + KOP[2:]
    rijen = [[r[0], NAAM[r[1]]] + r[2:] for r in RIJEN]
    schrijf('04-productnaam.csv', kop, rijen)
    verwacht('04-productnaam.csv', 'geen codekolom, wel de productnaam uit het programma')

    # Zaaktypen of the case system, mapped in the werkmap's sheet Zaaktypen.
    wm = HIER / 'werkmap-zaaktypen'
    wm.mkdir()
    for f in (ROOT / 'fixtures' / 'voorbeeldgemeente' / 'csv').iterdir():
        shutil.copy(f, wm / f.name)
    typen = {c: f'ZT-{i:03d} {NAAM[c].upper()}' for i, c in enumerate(CODES)}
    schrijf_map = io.StringIO()
    w = csv.writer(schrijf_map, delimiter=';', lineterminator='\r\n')
    w.writerow(['zaaktype', 'code'])
    for c, t in typen.items():
        w.writerow([t, c])
    (wm / 'zaaktypen.csv').write_bytes(schrijf_map.getvalue().encode('cp1252', errors='replace'))
    kop = ['zaaknummer', 'zaaktype'] + KOP[2:]
    schrijf('05-zaaktypen.csv', kop, [[r[0], typen[r[1]]] + r[2:] for r in RIJEN])
    verwacht('05-zaaktypen.csv', 'zaaktypen van het zaaksysteem, gekoppeld via het blad Zaaktypen van de werkmap', werkmap='werkmap-zaaktypen')

    # English headers, comma, ISO dates, decimal point.
    kop = ['Case number', 'Product code', 'Date received', 'Decision date', 'Procedure', 'Extended', 'Status', 'Hours', 'Result']

    def iso(k, v):
        if k in ('ontvangen', 'besluit') and v:
            return datum(v).isoformat()
        if k == 'uren':
            return v.replace(',', '.')
        return v
    schrijf('06-engels.csv', kop, per_kolom(RIJEN, iso), delimiter=',', eol='\n')
    verwacht('06-engels.csv', 'Engelse koppen, komma als scheidingsteken, jjjj-mm-dd, uren met punt')

    # US dates m/d/yyyy.
    schrijf('07-amerikaanse-datums.csv', KOP, per_datum(RIJEN, lambda d: f'{d.month}/{d.day}/{d.year}'))
    verwacht('07-amerikaanse-datums.csv', 'datums als m/d/jjjj (Amerikaans), per kolom herkend aan een dag boven 12')

    # ISO with time.
    schrijf('08-iso-met-tijd.csv', KOP, per_datum(RIJEN, lambda d: d.isoformat() + 'T09:30:00'))
    verwacht('08-iso-met-tijd.csv', 'datums als 2025-03-04T09:30:00')

    # A workbook with real dates and numbers.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Zaken'
    ws.append(KOP)
    for r in RIJEN:
        ws.append([r[0], r[1], datum(r[2]), datum(r[3]), r[4], r[5], r[6], float(r[7].replace(',', '.')) if r[7] else None, r[8] or None])
    for row in ws.iter_rows(min_row=2):
        for c in row[2:4]:
            c.number_format = 'dd-mm-yyyy'
    wb.save(HIER / '09-openpyxl.xlsx')
    verwacht('09-openpyxl.xlsx', 'openpyxl: echte datumcellen en getallen')

    # Excel serial numbers in text.
    schrijf('10-serienummers.csv', KOP, per_datum(RIJEN, lambda d: str((d - dt.date(1899, 12, 30)).days)))
    verwacht('10-serienummers.csv', 'datums als Excel-serienummer in tekst (45678)')

    # Title rows above the header.
    schrijf('11-titelrijen.csv', KOP, RIJEN, voor=[['Zaken Dinkelberg 2025'], ['Export van 05-01-2026'], []])
    verwacht('11-titelrijen.csv', 'twee titelrijen en een lege rij boven de kopregel')

    # Two-digit years.
    schrijf('12-kort-jaartal.csv', KOP, per_datum(RIJEN, lambda d: f'{d.day}-{d.month}-{d.year % 100:02d}'))
    verwacht('12-kort-jaartal.csv', 'datums als d-m-jj')

    # Two columns that could be the receipt date: a refusal, and with the choice the same analysis.
    kop = KOP[:3] + ['Registratiedatum'] + KOP[3:]
    rijen = [r[:3] + [r[2]] + r[3:] for r in RIJEN]
    schrijf('13-twee-datumkolommen.csv', kop, rijen)
    verwacht('13-twee-datumkolommen.csv', 'kolommen "ontvangen" en "Registratiedatum" naast elkaar', gelijk=False, refus='zaken-kolommen')
    verwacht('13-twee-datumkolommen.csv#keuze', 'als 13, met --kolom ontvangen=ontvangen', keuzes={'ontvangen': 'ontvangen'})

    # Last year's export for this year's programme.
    schrijf('14-vorig-jaar.csv', KOP, per_datum(RIJEN, lambda d: d.replace(year=d.year - 1).strftime('%d-%m-%Y')))
    verwacht('14-vorig-jaar.csv', 'dezelfde zaken een jaar eerder (2024) bij het programma 2025', gelijk=False, refus='zaken-onbruikbaar')

    # Neither a code nor a product column.
    schrijf('15-zonder-code.csv', [KOP[0]] + KOP[2:], [[r[0]] + r[2:] for r in RIJEN])
    verwacht('15-zonder-code.csv', 'geen kolom met code of product', gelijk=False, refus='zaken-kolommen')

    # Slash dates that never say which part is the day.
    rijen = [r[:] for r in RIJEN[:20]]
    for i, r in enumerate(rijen):
        r[2] = f'{(i % 12) + 1}/{(i % 11) + 1}/2025'
        r[3] = ''
    schrijf('16-dubbelzinnige-datums.csv', KOP, rijen)
    verwacht('16-dubbelzinnige-datums.csv', '20 zaken met datums als 3/4/2025 (dag en maand allebei ≤ 12)', gelijk=False, refus='datum-dubbelzinnig')

    # Cases with codes the programme does not hold: counted and shown, never silently dropped.
    rijen = [r[:] for r in RIJEN]
    for r in rijen[::10]:
        r[1] = 'Z9.99.99'
    schrijf('17-onbekende-codes.csv', KOP, rijen)
    verwacht('17-onbekende-codes.csv', 'elke tiende zaak met code Z9.99.99 (niet in het programma)', gelijk=False,
             extra={'ongekoppeld': len(rijen[::10])})

    # LibreOffice, en-US locale: the openpyxl workbook with m/d/yyyy dates, hours shown with two decimals
    # and a user's total row at the bottom (a formula), saved as CSV "as shown".
    wb = openpyxl.load_workbook(HIER / '09-openpyxl.xlsx')
    ws = wb.active
    n = ws.max_row
    ws.append(['Totaal', None, None, None, None, None, None, f'=SUM(H2:H{n})', None])
    for row in ws.iter_rows(min_row=2, max_row=n):
        for c in row[2:4]:
            c.number_format = 'm/d/yyyy'
        row[7].number_format = '#,##0.00'
    wb.save(tmp / 'en.xlsx')
    lo_csv_en(tmp / 'en.xlsx', HIER / '18-libreoffice-en.csv', tmp)
    verwacht('18-libreoffice-en.csv', 'LibreOffice en-US, opgeslagen als CSV "zoals getoond": m/d/jjjj, uren als 20.90, een totaalregel eronder',
             extra={'meldingen': ['totaalregel'], 'nooit': ['zaken-totaal-afwijkend']})

    # Hours with three decimals in English writing ("20.900"): nothing says whether the dot groups
    # thousands, so they are refused; stated in the werkmap ("schrijfwijze getallen: Engels") the same analysis.
    def drie(k, v):
        if k == 'uren' and v:
            return f"{float(v.replace(',', '.')):.3f}"
        return datum(v).isoformat() if k in ('ontvangen', 'besluit') and v else v
    schrijf('19-uren-drie-decimalen.csv', KOP, per_kolom(RIJEN, drie), delimiter=',', eol='\n')
    verwacht('19-uren-drie-decimalen.csv', 'komma-CSV, uren als 20.900 (drie decimalen), verder niets dat de schrijfwijze vastlegt',
             gelijk=False, refus='uren-dubbelzinnig')
    verwacht('19-uren-drie-decimalen.csv#notatie', 'als 19, met in de werkmap "schrijfwijze getallen: Engels"', extra={'notatie': 'en'})

    # The same in Dutch writing ("20,900") in a ;-separated file: the separator settles it.
    schrijf('20-uren-drie-decimalen-nl.csv', KOP, per_kolom(RIJEN, lambda k, v: f"{float(v.replace(',', '.')):.3f}".replace('.', ',') if k == 'uren' and v else v))
    verwacht('20-uren-drie-decimalen-nl.csv', 'puntkomma-CSV, uren als 20,900: de ; legt de Nederlandse schrijfwijze vast')

    # A printed total that does not add up: checked, reported, never a case.
    som = sum(float(r[7].replace(',', '.')) for r in RIJEN if r[7])
    schrijf('21-totaal-afwijkend.csv', KOP, RIJEN + [['Totaal', '', '', '', '', '', '', f'{som + 100:.1f}'.replace('.', ','), '']])
    verwacht('21-totaal-afwijkend.csv', 'een totaalregel onderaan die 100 uur te hoog is',
             extra={'meldingen': ['totaalregel', 'zaken-totaal-afwijkend']})

    (HIER / 'verwacht.json').write_text(json.dumps(VERWACHT, ensure_ascii=False, indent=2) + '\n')
    regels = ['# Zakenexports zoals zaaksystemen en mensen ze maken', '',
              f'Eén set van {len(RIJEN)} zaken (elke zevende zaak van `fixtures/voorbeeldgemeente/zaken-2025.csv`, zelf verzonnen',
              'voor de voorbeeldgemeente) in de vormen hieronder, gemaakt door `maak.py` (`/usr/bin/python3 test/zaken/maak.py`',
              'vanuit de root). `werkmap-zaaktypen/` is de CSV-werkmap van de voorbeeldgemeente met een verzonnen blad',
              'Zaaktypen. `test/zaken.test.ts` leest `verwacht.json`: elke vorm geeft dezelfde analyse als `01-schoon.csv`',
              '(per code aantal en uren, tijdigheid, naleefgedrag), of de weigering die erbij staat.', '',
              '| export | hoe gemaakt | moet geven |', '|---|---|---|']
    for naam, v in VERWACHT.items():
        moet = 'dezelfde analyse' if v['gelijk'] else (f"weigering `{v['weigering']}`" if 'weigering' in v else f"{v.get('ongekoppeld')} zaken niet gekoppeld, de rest gelijk")
        regels.append(f"| `{naam}` | {v['hoe']} | {moet} |")
    (HIER / 'README.md').write_text('\n'.join(regels) + '\n')


if __name__ == '__main__':
    main()
