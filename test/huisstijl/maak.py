#!/usr/bin/python3
"""House styles as municipalities have them, made from fixtures/huisstijl/dinkelberg.docx by changing
what a template maker changes: the heading style renamed ("Hoofdstuk"), a chapter style without an
outline level, a first page with a header of its own. test/teksten-nummers.test.ts reads them.
Run from the repository root: /usr/bin/python3 test/huisstijl/maak.py. The output is committed.
"""
import re
import zipfile
from pathlib import Path

HIER = Path(__file__).resolve().parent
BRON = HIER.parent.parent / 'fixtures' / 'huisstijl' / 'dinkelberg.docx'


def variant(naam, wijzig):
    with zipfile.ZipFile(BRON) as z:
        delen = {i.filename: z.read(i.filename) for i in z.infolist()}
    wijzig(delen)
    with zipfile.ZipFile(HIER / naam, 'w', zipfile.ZIP_DEFLATED) as uit:
        for n, inhoud in delen.items():
            info = zipfile.ZipInfo(n, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            uit.writestr(info, inhoud)


def stijlen(delen, f):
    delen['word/styles.xml'] = f(delen['word/styles.xml'].decode('utf-8')).encode('utf-8')


# The chapter style called "Hoofdstuk" (id and name), numbered and at outline level 1, as Word keeps it.
variant('hoofdstuk.docx', lambda d: stijlen(d, lambda s: s.replace('w:styleId="Kop1"><w:name w:val="heading 1"/>', 'w:styleId="Hoofdstuk"><w:name w:val="Hoofdstuk"/>')))
# A chapter style with a name of its own, at outline level 1: found by that level.
variant('eigen-naam.docx', lambda d: stijlen(d, lambda s: s.replace('w:styleId="Kop1"><w:name w:val="heading 1"/>', 'w:styleId="H1"><w:name w:val="H1 Gemeente Dinkelberg"/>')))
# A chapter style with its own name and no outline level: vth cannot tell it is the chapter heading.
variant('zonder-kop.docx', lambda d: stijlen(d, lambda s: re.sub(
    r'w:styleId="Kop1"><w:name w:val="heading 1"/>(.*?)<w:outlineLvl w:val="0"/>', r'w:styleId="Groot"><w:name w:val="Groot"/>\1', s, count=1)))


def eerste_pagina(d):
    doc = d['word/document.xml'].decode('utf-8')
    doc = doc.replace('<w:headerReference w:type="default" r:id="rId9"/>', '<w:headerReference w:type="default" r:id="rId9"/><w:headerReference w:type="first" r:id="rId9"/>')
    doc = doc.replace('</w:sectPr>', '<w:titlePg/></w:sectPr>')
    d['word/document.xml'] = doc.encode('utf-8')


variant('eerste-pagina.docx', eerste_pagina)
