# The oracle of test/xlsx-openpyxl.test.ts: every cell value of every worksheet as openpyxl reads it
# (cached values, data_only), as JSON on stdout: {path: {sheet: [[row, column, kind, value], ...]}}.
# Kinds: n number, s text, b boolean, d date (ISO, to the second), e error. Merged ranges get their
# first cell's value in every cell, as vth reads them (openpyxl leaves the others empty).
# Run with /usr/bin/python3 (Debian's openpyxl); paths as arguments.
import datetime
import json
import sys

import openpyxl


def waarde(cel):
    v = cel.value
    if v is None:
        return None
    if cel.data_type == 'e':
        return ['e', str(v)]
    if isinstance(v, bool):
        return ['b', v]
    if isinstance(v, datetime.datetime):
        return ['d', v.isoformat(timespec='seconds')]
    if isinstance(v, datetime.date):
        return ['d', v.isoformat() + 'T00:00:00']
    if isinstance(v, datetime.time):
        return ['t', v.isoformat()]
    if isinstance(v, (int, float)):
        return ['n', float(v)]
    if v == '':
        return None
    return ['s', str(v)]


uit = {}
for pad in sys.argv[1:]:
    try:
        wb = openpyxl.load_workbook(pad, data_only=True)
    except Exception as e:  # noqa: BLE001 - the test compares refusals too
        uit[pad] = {'fout': f'{type(e).__name__}: {e}'}
        continue
    bladen = {}
    for ws in wb.worksheets:
        cellen = {}
        for (r, c), cel in ws._cells.items():
            w = waarde(cel)
            if w is not None:
                cellen[(r, c)] = w
        for bereik in ws.merged_cells.ranges:
            eerste = cellen.get((bereik.min_row, bereik.min_col))
            if eerste is None:
                continue
            for r in range(bereik.min_row, bereik.max_row + 1):
                for c in range(bereik.min_col, bereik.max_col + 1):
                    cellen[(r, c)] = eerste
        bladen[ws.title] = [[r, c, *w] for (r, c), w in sorted(cellen.items())]
    uit[pad] = bladen
print(json.dumps(uit))
