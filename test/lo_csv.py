"""LibreOffice's own CSV export of a workbook, as a user in a Dutch or English locale makes it.

Shared by the makers of test inputs (test/werkmappen, test/beleidsbladen, test/kwaliteit): one way to
drive LibreOffice, so that every CSV variant is made the same way.
"""
import shutil
import subprocess
import tempfile
from pathlib import Path


def lo_export(xlsx, doel, locale, opnieuw=True, overslaan=()):
    """Every sheet of `xlsx` as its own CSV in `doel` (`<blad>.csv`, lower case), cells as shown in `locale`.

    opnieuw: empty `doel` first; overslaan: sheet names (lower case) not to copy.
    """
    xlsx, doel = Path(xlsx), Path(doel)
    with tempfile.TemporaryDirectory() as tmp:
        prof = Path(tmp) / 'profiel' / 'user'
        prof.mkdir(parents=True)
        (prof / 'registrymodifications.xcu').write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            f'<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>\n'
            f'<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{locale}</value></prop></item>\n'
            '</oor:items>\n')
        scheiding = 59 if locale.startswith('nl') else 44
        # Token 12 = -1: every sheet to its own file (LibreOffice 7.2+).
        filt = f'csv:Text - txt - csv (StarCalc):{scheiding},34,76,1,,0,false,true,true,false,false,-1'
        subprocess.run(['soffice', f'-env:UserInstallation=file://{Path(tmp) / "profiel"}', '--headless', '--convert-to', filt,
                        '--outdir', tmp, str(xlsx)], check=True, capture_output=True)
        if opnieuw and doel.exists():
            shutil.rmtree(doel)
        doel.mkdir(parents=True, exist_ok=True)
        for f in sorted(Path(tmp).glob('*.csv')):
            # bron-Producten.csv → producten.csv (LibreOffice names each file <workbook>-<sheet>.csv)
            blad = f.stem[len(xlsx.stem) + 1:] if f.stem.startswith(xlsx.stem + '-') else f.stem
            if blad.lower() not in overslaan:
                shutil.copy(f, doel / f'{blad.lower()}.csv')
