"""Builds data/extraction.xlsx: a workbook shaped like a real review team's extraction sheet (a title
row, the header, a row describing each column, 32 columns of which the review uses 4, a second sheet of
notes, formatted but empty cells past the last study). Run: python3 make-workbook.py (fixed timestamps:
reruns write identical bytes)."""
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

used = ["Study ID", "Year", "Country", "Design"]
other = ["Reviewer 1", "Reviewer 2", "Date extracted"] + [f"Q{i} {q}" for i, q in enumerate(
    ["Aim stated", "Population described", "Setting described", "Sample size justified", "Randomised",
     "Allocation concealed", "Blinded assessors", "Attrition reported", "Outcomes prespecified",
     "Ethics approval", "Funding stated", "Conflicts declared", "Data available", "Code available",
     "Reporting guideline", "External validation", "Calibration reported", "Missing data handled",
     "Class imbalance handled", "Hyperparameters reported", "Hardware reported", "Limitations discussed",
     "Generalisability discussed", "Clinical use discussed"], start=1)] + ["Notes"]
header = used + other
description = ["First author and year", "Year of publication", "Country of the first author",
               "Study design"] + ["Initials", "Initials", "YYYY-MM-DD"] + ["yes / no / unclear"] * 24 + ["Free text"]
studies = [
    ["Abe2019", 2019, "Japan", "retrospective"], ["Berg2020", 2020, "Germany", "retrospective"],
    ["Chen2020", 2020, "China", "prospective"], ["Diaz2021", 2021, "Spain", "retrospective"],
    ["Eze2021", 2021, "Nigeria", "retrospective"], ["Fox2022", 2022, "USA", "prospective"],
]


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def cell(ref, value):
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def row(number, values):
    return f'<row r="{number}">' + "".join(cell(f"{column(i)}{number}", v) for i, v in enumerate(values) if v != "") + "</row>"


rows = [row(1, ["Data extraction form, version 3 (do not edit the header)"]), row(2, header), row(3, description)]
for n, study in enumerate(studies, start=4):
    answers = ["AB", "CD", f"2024-0{n % 9 + 1}-1{n}"] + [("yes", "no", "unclear")[(n + i) % 3] for i in range(24)] + [""]
    rows.append(row(n, study + answers))
# Formatted but empty cells below the table, as a sheet that was once longer keeps them.
rows += [f'<row r="{n}">' + "".join(f'<c r="{column(i)}{n}" s="0"/>' for i in range(32)) + "</row>" for n in range(10, 40)]
sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'
notes = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{row(1, ["Extraction notes"])}</sheetData></worksheet>'
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
    '<sheet name="Notes" sheetId="2" r:id="rId2"/><sheet name="Extraction" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": sheet,
    "xl/worksheets/sheet2.xml": notes,
}
with zipfile.ZipFile("data/extraction.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
    for path, text in parts.items():
        info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, text.encode("utf-8"))
