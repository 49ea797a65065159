#!/usr/bin/python3
"""Builds the user-made werkmappen in this folder from the real tables in fixtures/bronnen.

Each werkmap is made the way a user makes it: LibreOffice's own CSV export in a Dutch and an
English locale, files saved by openpyxl and pandas, Google Sheets-style CSV, title rows, subtotals,
hidden old sheets, units in cells. What each must give is in verwacht.json, read by
test/werkmappen.test.ts. Run from the repository root: /usr/bin/python3 test/werkmappen/maak.py
(needs python3-openpyxl, python3-pandas and libreoffice-calc-nogui). The output is committed.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path
import sys

import openpyxl
import pandas as pd
from openpyxl.comments import Comment

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent))
from lo_csv import lo_export  # noqa: E402  (the shared LibreOffice CSV export)
BRONNEN = HIER.parent.parent / 'fixtures' / 'bronnen'
VERWACHT = {}


def lees(naam, encoding='utf-8', delimiter=','):
    with open(BRONNEN / naam, encoding=encoding, newline='') as f:
        return list(csv.reader(f, delimiter=delimiter))


def getal(s):
    s = s.strip()
    if s in ('', 'n.v.t.'):
        return s
    return Decimal(s.replace('.', '').replace(',', '.')) if ',' in s else Decimal(s)


# --- The real tables, as values -------------------------------------------------------------
A1 = lees('odt-enschede-uvp2025-a1-vergunningen.csv')
A4 = lees('odt-enschede-uvp2025-a4-advies.csv')
RISICO = lees('maashorst-risicoanalyse-2024.csv', encoding='cp1252', delimiter=';')

PRODUCT_KOP = ['code', 'product', 'aantal', 'kental (uren)', 'totaal (uren)']
# Lines: code, product, aantal, kental, printed total; the printed "Totaal benodigde capaciteit"
# rows of the source are kept (5569 is wrong in the source, 1155 right).
A1_REGELS = [[r[0], r[1], getal(r[2]), getal(r[3]), getal(r[4])] for r in A1[1:-1]]
A4_REGELS = [[r[0], r[1], getal(r[2]), getal(r[3]), getal(r[4])] for r in A4[1:-1]]
PRODUCTEN = A1_REGELS + [['', 'Totaal benodigde capaciteit', '', '', Decimal(5569)]] + A4_REGELS + [
    ['', 'Totaal benodigde capaciteit', '', '', Decimal(1155)]]

RISICO_KOP = RISICO[0]
RISICO_REGELS = [[r[0]] + [getal(x) if i > 0 and i < 10 else x for i, x in enumerate(r) if i > 0] for r in RISICO[1:]]

INSTELLINGEN = [['instelling', 'waarde'], ['gemeente', 'Proefdorp'], ['jaar', 2025], ['productieve uren per fte', 1200]]
MODEL = [['soort', 'naam', 'waarde']] + [['dimensie', d, 1] for d in RISICO_KOP[1:7]] + [
    ['factor', '', 1], ['klasse', 'Laag', 0], ['klasse', 'Midden', '>4'], ['klasse', 'Hoog', 7],
    ['decimalen', 'effect', 3], ['decimalen', 'risico', 3]]

# The figures every faithful variant must give.
FIGUREN = {'perTaakveld': {'Vergunningen': '5369', 'Advies': '1155'}, 'klassen': {'Hoog': 19, 'Midden': 15, 'Laag': 7}}
FIGUREN_PRODUCTEN = {'perTaakveld': FIGUREN['perTaakveld']}


# --- Writers ----------------------------------------------------------------------------------
def schrijfwijze(duizendtal, decimaal):
    """A number as a spreadsheet in that locale shows it: Dutch (. and ,) or English (, and .)."""
    def fmt(x, duizend=True):
        if not isinstance(x, Decimal):
            return str(x)
        heel, _, frac = format(x, 'f').partition('.')
        if duizend:
            heel = f'{int(heel):,}'.replace(',', duizendtal)
        return heel + (decimaal + frac if frac else '')
    return fmt


nl = schrijfwijze('.', ',')
en = schrijfwijze(',', '.')


def schrijf_csv(pad, rijen, delimiter=';', encoding='utf-8', fmt=nl, eol='\r\n'):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    for r in rijen:
        w.writerow([fmt(x) if isinstance(x, Decimal) else x for x in r])
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(buf.getvalue().encode(encoding))


def als_getal(x):
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() else float(x)
    return x


def werkboek(bladen, verborgen=(), opmaak=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for naam, rijen in bladen.items():
        ws = wb.create_sheet(naam)
        for r in rijen:
            ws.append([als_getal(x) for x in r])
        if naam in verborgen:
            ws.sheet_state = 'hidden'
        if opmaak:
            opmaak(naam, ws)
    return wb


def basis(producten=None, risico=True):
    b = {'Instellingen': INSTELLINGEN, 'Producten': [PRODUCT_KOP] + (producten if producten is not None else PRODUCTEN)}
    if risico:
        b['Risicomodel'] = MODEL
        b['Risicoanalyse'] = [RISICO_KOP] + RISICO_REGELS
    return b


def map_csv(naam, bladen, **kw):
    d = HIER / naam
    for blad, rijen in bladen.items():
        schrijf_csv(d / f'{blad.lower()}.csv', rijen, **kw)
    return d


def lo_herbereken(xlsx, doel):
    """Opens and saves a workbook in LibreOffice: formulas get their cached results, as in Excel."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['soffice', f'-env:UserInstallation=file://{Path(tmp) / "profiel"}', '--headless', '--convert-to', 'xlsx',
                        '--outdir', tmp, str(xlsx)], check=True, capture_output=True)
        shutil.copy(Path(tmp) / Path(xlsx).name, doel)


def verwacht(naam, hoe, figuren=None, meldingen=(), fouten=None, geen=()):
    """figuren: what must be computed; meldingen: codes that must be raised (with niveau and optional place)."""
    VERWACHT[naam] = {'hoe': hoe, 'figuren': figuren, 'meldingen': list(meldingen), 'geenFouten': fouten is None,
                      **({'fouten': fouten} if fouten is not None else {}), 'nooit': list(geen)}


def m(code, niveau=None, **plaats):
    d = {'code': code}
    if niveau:
        d['niveau'] = niveau
    if plaats:
        d['plaats'] = plaats
    return d


def met_formules(ws, kolom_uren=5, kolom_aantal=None):
    for r in range(2, ws.max_row + 1):
        if kolom_uren and isinstance(ws.cell(r, 3).value, (int, float)) and isinstance(ws.cell(r, 4).value, (int, float)):
            ws.cell(r, kolom_uren).value = f'=C{r}*D{r}'


def main():
    for p in HIER.iterdir():
        if p.is_dir():
            shutil.rmtree(p)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # 1. The clean werkmap: CSV as Dutch Excel saves it (;, Windows-1252, CRLF).
        map_csv('01-schoon-excel-nl', basis(), encoding='cp1252')
        verwacht('01-schoon-excel-nl', 'Python: CSV zoals Nederlandse Excel het opslaat (;, Windows-1252, CRLF, 1.410)', FIGUREN,
                 [m('subtotaal-afwijkend', 'waarschuwing', bestand='producten.csv', rij=33)])

        # 2-3. LibreOffice's CSV export in a Dutch and an English locale, from one workbook.
        bron = tmp / 'bron.xlsx'

        def getalopmaak(naam, ws):
            if naam == 'Instellingen':
                return
            for row in ws.iter_rows(min_row=2):
                for c in row:
                    if isinstance(c.value, (int, float)):
                        c.number_format = '#,##0.###'
        werkboek(basis(), opmaak=getalopmaak).save(bron)
        lo_export(bron, HIER / '02-libreoffice-nl', 'nl-NL', opnieuw=False)
        verwacht('02-libreoffice-nl', 'LibreOffice Calc, locale nl-NL, Opslaan als CSV (;) met "zoals getoond"', FIGUREN,
                 [m('subtotaal-afwijkend', 'waarschuwing', rij=33)])
        lo_export(bron, HIER / '03-libreoffice-en', 'en-US', opnieuw=False)
        # Nothing in producten.csv settles "1,410" (only integers): refused with its place, never read as 1,41.
        verwacht('03-libreoffice-en', 'LibreOffice Calc, locale en-US, Save as CSV (,) "as shown": "1,410" and 3.5',
                 {'klassen': FIGUREN['klassen']},
                 [m('waarde-onleesbaar', 'fout', bestand='producten.csv', rij=18, kolom='totaal (uren)'),
                  m('waarde-onleesbaar', 'fout', bestand='producten.csv', rij=33), m('getallen-schrijfwijze', bestand='risicoanalyse.csv')],
                 fouten=3)

        # 4. English export of the products alone: only integers with thousands commas, nothing settles the convention.
        d = HIER / '04-engels-dubbelzinnig'
        schrijf_csv(d / 'instellingen.csv', INSTELLINGEN, delimiter=',', fmt=en, eol='\n')
        schrijf_csv(d / 'producten.csv', [PRODUCT_KOP] + PRODUCTEN, delimiter=',', fmt=en, eol='\n')
        verwacht('04-engels-dubbelzinnig', 'Python: CSV met komma, getallen als "1,410"; geen cel die de schrijfwijze vastlegt',
                 None, [m('waarde-onleesbaar', 'fout', bestand='producten.csv', rij=18, kolom='totaal (uren)')], fouten=3)

        # 5. The same, with the convention stated in Instellingen: the same figures as the clean file.
        d = HIER / '05-engels-met-instelling'
        schrijf_csv(d / 'instellingen.csv', INSTELLINGEN + [['schrijfwijze getallen', 'Engels']], delimiter=',', fmt=en, eol='\n')
        schrijf_csv(d / 'producten.csv', [PRODUCT_KOP] + PRODUCTEN, delimiter=',', fmt=en, eol='\n')
        verwacht('05-engels-met-instelling', 'als 04, met in Instellingen "schrijfwijze getallen: Engels"', FIGUREN_PRODUCTEN,
                 [m('getallen-schrijfwijze', 'melding', bestand='producten.csv')])

        # 6. Google Sheets "Download as CSV" (UTF-8, comma, LF, English display), with a decimal that settles it.
        prod = [r[:] for r in PRODUCTEN]
        prod[0][3] = Decimal('20.0')  # a kental shown with one decimal
        d = HIER / '06-google-sheets'
        schrijf_csv(d / 'instellingen.csv', INSTELLINGEN, delimiter=',', fmt=en, eol='\n')
        schrijf_csv(d / 'producten.csv', [PRODUCT_KOP] + prod, delimiter=',', fmt=en, eol='\n')
        verwacht('06-google-sheets', 'Python als Google Sheets: UTF-8, komma, "1,410", en één kental als 20.0', FIGUREN_PRODUCTEN,
                 [m('getallen-schrijfwijze', 'melding', bestand='producten.csv')])

        # 7. openpyxl-saved workbook (numbers as numbers).
        werkboek(basis()).save(HIER / '07-openpyxl.xlsx')
        verwacht('07-openpyxl.xlsx', 'openpyxl: Workbook().save(), getallen als getallen', FIGUREN, [m('subtotaal-afwijkend', rij=33)])

        # 8. pandas to_excel, one sheet per DataFrame.
        with pd.ExcelWriter(HIER / '08-pandas.xlsx', engine='openpyxl') as xw:
            for naam, rijen in basis().items():
                df = pd.DataFrame([[als_getal(x) if x != '' else None for x in r] for r in rijen[1:]], columns=rijen[0])
                df.to_excel(xw, sheet_name=naam, index=False)
        verwacht('08-pandas.xlsx', 'pandas: DataFrame.to_excel per blad (lege cellen als NaN)', FIGUREN, [m('subtotaal-afwijkend', rij=33)])

        # 9. openpyxl workbook with a comment (exceljs issue 2797).
        wb = werkboek(basis())
        wb['Producten']['C2'].comment = Comment('Aantal uit de prognose van vorig jaar', 'beleidsmedewerker')
        wb.save(HIER / '09-openpyxl-opmerking.xlsx')
        verwacht('09-openpyxl-opmerking.xlsx', 'openpyxl met een opmerking (comment) in een cel', FIGUREN, [m('subtotaal-afwijkend', rij=33)])

        # 10. Line totals as formulas without cached results (openpyxl writes none): a compared column never blocks.
        wb = werkboek(basis())
        met_formules(wb['Producten'])
        wb.save(HIER / '10-formules-zonder-uitkomst.xlsx')
        verwacht('10-formules-zonder-uitkomst.xlsx', 'openpyxl: totaal (uren) als =C2*D2 zonder opgeslagen uitkomst', FIGUREN,
                 [m('formules-zonder-uitkomst', 'melding', kolom='totaal (uren)')], geen=['formule-zonder-uitkomst'])

        # 11. The same after opening and saving in LibreOffice: cached results, same figures, no finding.
        lo_herbereken(HIER / '10-formules-zonder-uitkomst.xlsx', tmp / 'x.xlsx')
        shutil.move(tmp / 'x.xlsx', HIER / '11-formules-herberekend.xlsx')
        verwacht('11-formules-herberekend.xlsx', 'als 10, geopend en opgeslagen in LibreOffice (uitkomsten opgeslagen)', FIGUREN,
                 [m('subtotaal-afwijkend', rij=33)], geen=['formules-zonder-uitkomst'])

        # 12. aantal as formulas without results: an input column, one error for the column with row ranges.
        wb = werkboek(basis())
        ws = wb['Producten']
        for r in range(2, 12):
            ws.cell(r, 3).value = f'={ws.cell(r, 3).value}'
        wb.save(HIER / '12-invoer-als-formule.xlsx')
        verwacht('12-invoer-als-formule.xlsx', 'openpyxl: aantal van 10 regels als formule (=4) zonder uitkomst', None,
                 [m('formule-zonder-uitkomst', 'fout', kolom='aantal')], fouten=1)

        # 13. Title rows above the table, in a workbook and in CSV.
        b = basis()
        b['Producten'] = [['Uitvoeringsprogramma 2025 — Gemeente Proefdorp'], []] + b['Producten']
        werkboek(b).save(HIER / '13-titelrijen.xlsx')
        verwacht('13-titelrijen.xlsx', 'openpyxl: titel in rij 1, lege rij 2, koppen in rij 3', FIGUREN,
                 [m('titelrijen', blad='Producten'), m('subtotaal-afwijkend', rij=35)])
        map_csv('14-titelrijen-csv', b)
        verwacht('14-titelrijen-csv', 'CSV (;) met titel en lege rij boven de koppen', FIGUREN, [m('titelrijen', bestand='producten.csv')])

        # 15. Subtotals of every form: Subtotaal per group, Eindtotaal over all, Som, TOTAAL in the code column.
        sub = A1_REGELS + [['', 'Subtotaal vergunningen', '', '', Decimal(5369)]] + A4_REGELS + [
            ['', 'Subtotaal advies', '', '', Decimal(1155)], ['', 'Eindtotaal', '', '', Decimal(6524)],
            ['TOTAAL', '', '', '', Decimal(6524)]]
        map_csv('15-subtotalen', basis(sub))
        verwacht('15-subtotalen', 'CSV: Subtotaal vergunningen, Subtotaal advies, Eindtotaal en TOTAAL in de codekolom', FIGUREN,
                 geen=['subtotaal-afwijkend', 'waarde-leeg'])

        # 16. Group-code totals (A1, A4 with their sums) and a row with only a number in uren.
        sub = A1_REGELS + [['A1', '', '', '', Decimal(5369)]] + A4_REGELS + [['A4', '', '', '', Decimal(1155)], ['', '', '', '', Decimal(6524)]]
        map_csv('16-groepscodes', basis(sub))
        verwacht('16-groepscodes', 'CSV: rijen "A1" en "A4" met de som in uren, en een rij met alleen 6.524 in uren', FIGUREN,
                 geen=['subtotaal-afwijkend', 'waarde-leeg', 'uren-onbekend'])

        # 17. A wrong "Som" row is checked, never added.
        sub = A1_REGELS + [['', 'Som', '', '', Decimal(5300)]] + A4_REGELS
        map_csv('17-som-fout', basis(sub))
        verwacht('17-som-fout', 'CSV: een rij "Som" met 5.300 onder de vergunningen (de regels tellen 5.369)', FIGUREN,
                 [m('subtotaal-afwijkend', 'waarschuwing', bestand='producten.csv', rij=33)])

        # 18. A hidden old sheet "Producten (2024)" beside the current one.
        b = basis()
        oud = [r[:] for r in PRODUCTEN]
        for r in oud:
            if isinstance(r[2], Decimal):
                r[2] = r[2] + 1
        b['Producten (2024)'] = [PRODUCT_KOP] + oud
        werkboek(b, verborgen=('Producten (2024)',)).save(HIER / '18-verborgen-oud-blad.xlsx')
        verwacht('18-verborgen-oud-blad.xlsx', 'openpyxl: verborgen blad "Producten (2024)" met andere aantallen', FIGUREN,
                 [m('blad-overgeslagen', blad='Producten (2024)')], geen=['blad-dubbel'])

        # 19. A visible older copy: skipped too (its name says it is a copy).
        werkboek(b).save(HIER / '19-oude-kopie.xlsx')
        verwacht('19-oude-kopie.xlsx', 'openpyxl: zichtbaar blad "Producten (2024)" naast "Producten"', FIGUREN,
                 [m('blad-overgeslagen', blad='Producten (2024)')], geen=['blad-dubbel'])

        # 20. Units and hedges in cells.
        prod = [r[:] for r in PRODUCTEN]
        prod[0][3] = '20 uur'           # kental
        prod[1][3] = '900 min'          # 15 hours
        prod[2][2] = '10 stuks'
        prod[3][2] = 'ca. 5'
        prod[4][4] = "'300"
        prod[5][3] = '6 u'
        map_csv('20-eenheden', basis(prod))
        verwacht('20-eenheden', 'CSV: "20 uur", "900 min", "10 stuks", "ca. 5", \'300 en "6 u" in cellen', FIGUREN,
                 [m('eenheid-gelezen', 'melding', rij=2, kolom='kental (uren)'), m('eenheid-minuten', 'waarschuwing', rij=3),
                  m('getal-schatting', 'waarschuwing', rij=5), m('getal-als-tekst', rij=6)])

        # 21. A unit that does not fit its column is refused.
        prod = [r[:] for r in PRODUCTEN]
        prod[0][2] = '4 uur'
        map_csv('21-eenheid-verkeerde-kolom', basis(prod, risico=False))
        verwacht('21-eenheid-verkeerde-kolom', 'CSV: "4 uur" in de kolom aantal', None,
                 [m('waarde-onleesbaar', 'fout', rij=2, kolom='aantal')], fouten=1)

        # 22. Header variants: Kental uren, Aantal 2025, a year and a unit in the header.
        kop = ['Productcode', 'Omschrijving', 'Verwacht aantal in 2025', 'Kental uren', 'Totaal uren']
        map_csv('22-kopvarianten', {'Instellingen': INSTELLINGEN, 'Producten': [kop] + PRODUCTEN})
        verwacht('22-kopvarianten', 'CSV: koppen "Verwacht aantal in 2025", "Kental uren", "Totaal uren"', FIGUREN_PRODUCTEN,
                 geen=['kolom-onbekend'])
        kop = ['code', 'product', 'Aantal 2025', 'kental_uren', 'uren']
        map_csv('23-kopvarianten-2', {'Instellingen': INSTELLINGEN, 'Producten': [kop] + PRODUCTEN})
        verwacht('23-kopvarianten-2', 'CSV: koppen "Aantal 2025" en "kental_uren"', FIGUREN_PRODUCTEN, geen=['kolom-onbekend'])

        # 24. A typing in a header: "bedoelt u"; the uren column still carries the work.
        kop = ['code', 'product', 'aantal', 'kentl', 'uren']
        map_csv('24-kop-tikfout', {'Instellingen': INSTELLINGEN, 'Producten': [kop] + PRODUCTEN})
        verwacht('24-kop-tikfout', 'CSV: kop "kentl" in plaats van "kental"', None,
                 [m('kolom-onbekend', 'waarschuwing', kolom='kentl')])

        # 25. No taakveld column, headings per taakveld, one code under the wrong heading.
        prod = [['', 'Vergunningen', '', '', '']] + A1_REGELS + [['', 'Advies', '', '', '']] + A4_REGELS
        prod[-1] = ['A1.99.00', prod[-1][1], prod[-1][2], prod[-1][3], prod[-1][4]]
        map_csv('25-koppen-zonder-taakveld', basis(prod, risico=False))
        verwacht('25-koppen-zonder-taakveld', 'CSV: kopregels "Vergunningen" en "Advies", A1.99.00 onder Advies',
                 FIGUREN_PRODUCTEN, [m('code-taakveld', 'waarschuwing', rij=55), m('kopregel', rij=2)])

        # 26. Kental-first layout with n.v.t. and hours only (OD Twente energy table style).
        energie = [['code', 'product', 'kental', 'aantal', 'uren'], ['E1', 'Energiebesparing toezicht', 12, 'n.v.t.', 400],
                   ['E2', 'Informatieplicht energie', 'n.v.t.', 'n.v.t.', 1200], ['E3', 'EML-controles', 8, 30, 240],
                   ['E4', 'Advies verduurzaming', 'PM', '', ''], ['', 'Totaal', '', '', 1840]]
        d = map_csv('26-kental-eerst', {'Instellingen': INSTELLINGEN, 'Producten': energie})
        verwacht('26-kental-eerst', 'CSV: kental vóór aantal, n.v.t. met uren; PM zonder uren', {'totaal': '1840'},
                 [m('uren-geen-waarde', 'waarschuwing', rij=5)], geen=['subtotaal-afwijkend'])

        # 27. Percent weights in the risk model, typed and as percentage cells: the same classes.
        b = basis()
        b['Risicomodel'] = [r if r[0] != 'dimensie' else ['dimensie', r[1], '100%'] for r in MODEL]
        map_csv('27-gewichten-procent', b)
        verwacht('27-gewichten-procent', 'CSV: gewichten als "100%"', FIGUREN)

        def procentcellen(naam, ws):
            if naam == 'Risicomodel':
                for row in ws.iter_rows(min_row=2):
                    if row[0].value == 'dimensie':
                        row[2].number_format = '0%'
        werkboek(basis(), opmaak=procentcellen).save(HIER / '28-gewichten-procentcel.xlsx')
        verwacht('28-gewichten-procentcel.xlsx', 'openpyxl: gewicht 1 in een cel met opmaak 0% (toont 100%)', FIGUREN)

        # 29. Mixed weights: an error, never other classes.
        b = basis()
        b['Risicomodel'] = [r if r[1] != 'Bestuurlijk' else ['dimensie', 'Bestuurlijk', '50%'] for r in MODEL]
        map_csv('29-gewichten-gemengd', b)
        verwacht('29-gewichten-gemengd', 'CSV: vijf gewichten 1 en één "50%"', None, [m('model-gewicht-gemengd', 'fout')], fouten=1)

        # 30. A column mixing Dutch and English writing: ambiguous cells refused with their place.
        prod = [r[:] for r in PRODUCTEN]
        prod[0][3] = '20.5'
        prod[1][3] = '1,5'
        prod[2][4] = '1.500'
        map_csv('30-gemengd-in-kolom', basis(prod, risico=False))
        verwacht('30-gemengd-in-kolom', 'CSV (;): kental "20.5" en "1,5" in één kolom, en "1.500" in een kolom die zelf niets zegt', None,
                 [m('getallen-gemengd', 'waarschuwing', kolom='kental (uren)')])

        # 31. Windows-1252, BOM-less UTF-8 and UTF-8 with BOM give the same.
        map_csv('31-utf8-bom', basis(), encoding='utf-8-sig')
        verwacht('31-utf8-bom', 'CSV (;) in UTF-8 met BOM', FIGUREN)

        # 32. Risk analysis as an English LibreOffice export on its own: 3.500 settles nothing, 2.5 does.
        b = {'Instellingen': INSTELLINGEN, 'Risicomodel': MODEL, 'Risicoanalyse': [RISICO_KOP] + RISICO_REGELS}
        werkboek(b).save(tmp / 'r.xlsx')
        lo_export(tmp / 'r.xlsx', HIER / '32-risico-libreoffice-en', 'en-US', opnieuw=False)
        verwacht('32-risico-libreoffice-en', 'LibreOffice en-US, getallen zonder opmaak (3.5, 2.167)', {'klassen': FIGUREN['klassen']})

        # 33. A total row in Capaciteit is never an afdeling.
        b = basis(risico=False)
        b['Capaciteit'] = [['afdeling', 'fte'], ['Vergunningen', Decimal('4.4')], ['Toezicht', 4], ['Totaal', Decimal('8.4')]]
        map_csv('33-capaciteit-totaal', b)
        verwacht('33-capaciteit-totaal', 'CSV: Capaciteit met een rij "Totaal 8,4"', {'afdelingen': 2}, [m('totaalregel', rij=4)])

        # 34. A line with nothing usable is a finding, never a silent 0.
        prod = [r[:] for r in PRODUCTEN]
        prod[0] = [prod[0][0], prod[0][1], '', '', '']
        map_csv('34-regel-zonder-uren', basis(prod, risico=False))
        verwacht('34-regel-zonder-uren', 'CSV: A1.05.00 zonder aantal, kental en uren', None, [m('uren-onbekend', 'fout', rij=2)], fouten=1)

        # 35. LibreOffice en-US export of every sheet, Instellingen included ("1,200" productive hours),
        # with the convention stated once: the same figures, and no error for "1,200" or "1,410".
        def alles_opgemaakt(naam, ws):
            for row in ws.iter_rows(min_row=2):
                for c in row:
                    if isinstance(c.value, (int, float)) and not (naam == 'Instellingen' and c.value == 2025):
                        c.number_format = '#,##0.###'
        b = basis()
        b['Instellingen'] = INSTELLINGEN + [['schrijfwijze getallen', 'Engels']]
        werkboek(b, opmaak=alles_opgemaakt).save(tmp / 'en.xlsx')
        lo_export(tmp / 'en.xlsx', HIER / '35-libreoffice-en-met-instelling', 'en-US', opnieuw=False)
        verwacht('35-libreoffice-en-met-instelling', 'LibreOffice en-US, elk getal met duizendtallen (ook "1,200" in Instellingen), en "schrijfwijze getallen: Engels"',
                 FIGUREN, [m('getallen-schrijfwijze', bestand='producten.csv')])

    (HIER / 'verwacht.json').write_text(json.dumps(VERWACHT, ensure_ascii=False, indent=2) + '\n')
    schrijf_readme()


def schrijf_readme():
    regels = [
        '# Werkmappen zoals gebruikers ze maken',
        '',
        'Gemaakt door `maak.py` (in deze map; `/usr/bin/python3 test/werkmappen/maak.py` vanuit de root, met',
        'python3-openpyxl, python3-pandas en libreoffice-calc-nogui) uit de echte tabellen in `fixtures/bronnen`:',
        'de vergunningen- en adviestabel van ODT/Enschede (A1: 5.369 uur, gedrukt 5.569; A4: 1.155 uur) en de',
        'risicoanalyse van Maashorst (19 Hoog, 15 Midden, 7 Laag). Verzonnen zijn: de gemeente "Proefdorp",',
        'productieve uren 1.200, de energietabel van 26 (in de stijl van OD Twente, kental vóór aantal), de',
        'Capaciteit van 33 en elke bewuste wijziging hieronder. `verwacht.json` zegt per werkmap wat hij moet',
        'geven; `test/werkmappen.test.ts` leest dat. De bestanden worden niet met de hand bewerkt: wijzig `maak.py`',
        'en draai het opnieuw.',
        '',
        '| werkmap | hoe gemaakt | moet geven |',
        '|---|---|---|',
    ]
    for naam, v in VERWACHT.items():
        moet = []
        namen = {'perTaakveld': 'uren per taakveld', 'klassen': 'klassen', 'totaal': 'totaal', 'afdelingen': 'afdelingen'}
        if v['figuren']:
            moet.append('dezelfde ' + ' en '.join(namen[k] for k in v['figuren']) + ' als de schone werkmap')
        for m in v['meldingen']:
            moet.append(f"{m.get('niveau', 'bevinding')} `{m['code']}`")
        if v.get('fouten'):
            moet.append(f"{v['fouten']} fout(en)")
        regels.append(f"| `{naam}` | {v['hoe'].replace('|', '/')} | {'; '.join(moet)} |")
    (HIER / 'README.md').write_text('\n'.join(regels) + '\n')


if __name__ == '__main__':
    main()
