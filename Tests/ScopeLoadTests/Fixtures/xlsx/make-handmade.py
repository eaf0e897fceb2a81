"""Builds the XLSX fixtures that LibreOffice never writes: inline strings, cells without references,
phonetic runs, prefixed element names, the 1904 date system, and broken or hostile workbooks.

Usage: python3 make-handmade.py OUTPUT_FOLDER (make-fixtures.sh calls it).
Entries get a fixed timestamp so that reruns write identical bytes.
"""
import struct
import sys
import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
out = Path(sys.argv[1])


def write_zip(name, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(out / name, "w", method) as archive:
        for path, text in parts.items():
            info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)


def workbook(sheets, date1904=False, extra_rels=""):
    """Parts for a workbook whose sheets are (name, target type, target path) in tab order."""
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    entries = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _, _) in enumerate(sheets))
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{REL}/{kind}" Target="{target}"/>'
        for i, (_, kind, target) in enumerate(sheets))
    return {
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f"{pr}<sheets>{entries}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f"{rels}{extra_rels}</Relationships>",
    }


def sheet(rows_xml, prefix=""):
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}><{p}sheetData>{rows_xml}</{p}sheetData></{p}worksheet>'


# The styles target is absolute on purpose: relationship targets may be either.
STYLES_REL = f'<Relationship Id="rId91" Type="{REL}/styles" Target="/xl/styles.xml"/>'
SHARED_AND_STYLES = f'<Relationship Id="rId90" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>' + STYLES_REL

# Shared strings: plain, rich runs with a phonetic guide to skip, preserved spaces, an escaped CR.
shared = (
    f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="4" uniqueCount="4">'
    "<si><t>id</t></si>"
    '<si><r><rPr><b/></rPr><t>Vall</t></r><r><t xml:space="preserve">ières </t></r>'
    "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>"
    '<si><t xml:space="preserve">  padded  </t></si>'
    "<si><t>line one_x000D_\nline two _x005F_x0041_ kept</t></si>"
    "</sst>"
)
# cellXfs: 0 General, 1 built-in date (14), 2 built-in date-time (22), 3 time only (20),
# 4 a custom long date with a locale tag, 5 a custom duration that is not a date.
styles = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-409]d\\ mmmm\\ yyyy;@"/>'
    '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>'
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="20"/>'
    '<xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>'
    '<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs>'
    "</styleSheet>"
)
# Sheet "Data 2021": x:-prefixed elements, rows and cells without references, inline strings.
handmade_rows = (
    '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>value</x:t></x:is></x:c>'
    '<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r><x:r><x:t>inline</x:t></x:r>'
    "<x:rPh><x:t>no</x:t></x:rPh></x:is></x:c></x:row>"
    # No r on the row or its cells: row 2, columns A to F.
    # 0.93 and 0.3 as Excel writes them (17 significant digits), a different double, and 1e-7.
    '<x:row><x:c t="inlineStr"><x:is><x:t>row two</x:t></x:is></x:c><x:c><x:v>0.93000000000000005</x:v></x:c>'
    '<x:c><x:v>0.29999999999999999</x:v></x:c><x:c><x:v>0.30000000000000004</x:v></x:c><x:c><x:v>1E-7</x:v></x:c>'
    '<x:c><x:v>-0</x:v></x:c></x:row>'
    # Row 4 skips row 3, and its cells skip B and D.
    '<x:row r="4"><x:c r="A4" t="s"><x:v>1</x:v></x:c><x:c r="C4" t="s"><x:v>2</x:v></x:c>'
    '<x:c r="E4" t="s"><x:v>3</x:v></x:c></x:row>'
    '<x:row r="5"><x:c r="A5" t="b"><x:v>true</x:v></x:c><x:c r="B5"><x:f>NOW()</x:f></x:c>'
    '<x:c r="C5" t="inlineStr"><x:is><x:t><![CDATA[a<b & c]]></x:t></x:is></x:c>'
    '<x:c r="D5" t="inlineStr"><x:is><x:t>&lt;tag&gt; &amp; &#233;</x:t></x:is></x:c></x:row>'
)
# Sheet "Dates": serials around Lotus's phantom 1900-02-29 under date, date-time and time formats.
dates_rows = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>serial</t></is></c></row>'
    '<row r="2"><c r="A2" s="1"><v>59</v></c><c r="B2" s="1"><v>60</v></c><c r="C2" s="1"><v>61</v></c>'
    '<c r="D2" s="1"><v>1</v></c><c r="E2" s="1"><v>0</v></c><c r="F2" s="1"><v>44927.99999999</v></c></row>'
    '<row r="3"><c r="A3" s="2"><v>44927.75</v></c><c r="B3" s="3"><v>0.5</v></c><c r="C3" s="4"><v>44927</v></c>'
    '<c r="D3" s="5"><v>1.5</v></c><c r="E3" s="1"><v>2958465</v></c><c r="F3" s="1"><v>2958466</v></c>'
    '<c r="G3" s="1"><v>-1</v></c></row>'
)
write_zip(
    "handmade.xlsx",
    {
        **workbook([("Data 2021", "worksheet", "worksheets/sheet1.xml"), ("Dates", "worksheet", "worksheets/sheet2.xml")],
                   extra_rels=SHARED_AND_STYLES),
        "xl/worksheets/sheet1.xml": sheet(handmade_rows, prefix="x"),
        "xl/worksheets/sheet2.xml": sheet(dates_rows),
        "xl/sharedStrings.xml": shared,
        "xl/styles.xml": styles,
    },
)

# The 1904 date system: serial 0 is 1904-01-01.
write_zip(
    "dates1904.xlsx",
    {
        **workbook([("Dates", "worksheet", "worksheets/sheet1.xml")], date1904=True, extra_rels=STYLES_REL),
        "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43830</v></c></row>'),
        "xl/styles.xml": styles,
    },
)

# Broken and hostile workbooks.
minimal_sheet = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>')
(out / "not-a-zip.xlsx").write_text("id,name\n1,x\n", encoding="utf-8")
(out / "legacy.xls").write_bytes(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
write_zip("no-workbook.xlsx", {"word/document.xml": "<document/>"})
write_zip("missing-sheet-part.xlsx", workbook([("Extraction", "worksheet", "worksheets/sheet9.xml")]))
write_zip("chartsheet.xlsx", {**workbook([("Chart1", "chartsheet", "chartsheets/sheet1.xml")]),
                              "xl/chartsheets/sheet1.xml": f'<chartsheet xmlns="{MAIN}"/>'})
write_zip("malformed.xlsx", {**workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")]),
                             "xl/worksheets/sheet1.xml": minimal_sheet.replace("</row>", "</rowx>")})
write_zip("doctype.xlsx", {**workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")]),
                           "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]>'
                           + minimal_sheet.split("?>", 1)[1]})
write_zip("deep.xlsx", {**workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")]),
                        "xl/worksheets/sheet1.xml": minimal_sheet.replace(
                            "</sheetData>", "</sheetData>" + "<extLst>" * 200 + "</extLst>" * 200)})
write_zip("bad-shared-index.xlsx", {**workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")]),
                                    "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')})
# 4 MB of spaces inside the sheet deflate about 1000:1: over the 200:1 ratio before inflating.
write_zip("bomb.xlsx", {**workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")]),
                        "xl/worksheets/sheet1.xml": minimal_sheet.replace("<sheetData>", "<sheetData>" + " " * (4 << 20))})

# A sheet whose ZIP directory claims 100 bytes while it inflates to far more: only the count kept
# while inflating can catch it.
lying = out / "lying-size.xlsx"
write_zip("lying-size.xlsx", {**workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")]),
                              "xl/worksheets/sheet1.xml": minimal_sheet.replace("<sheetData>", "<sheetData>" + " " * 100_000)})
data = bytearray(lying.read_bytes())
name = b"xl/worksheets/sheet1.xml"
offset = 0
while True:
    offset = data.find(b"PK\x03\x04", offset)
    if data[offset + 30:offset + 30 + len(name)] == name:
        struct.pack_into("<I", data, offset + 22, 100)
        break
    offset += 4
offset = 0
while True:
    offset = data.find(b"PK\x01\x02", offset)
    if data[offset + 46:offset + 46 + len(name)] == name:
        struct.pack_into("<I", data, offset + 24, 100)
        break
    offset += 4
lying.write_bytes(bytes(data))

# Issue 18: a cell given twice (the second would silently replace the first), a number cell written in
# hex (Double() reads 0x1p3 as 8), and 30,000 formatted but empty cells (free: a blank is no cell).
one_sheet = workbook([("Extraction", "worksheet", "worksheets/sheet1.xml")])
header = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row>'
write_zip("duplicate-cell.xlsx", {**one_sheet, "xl/worksheets/sheet1.xml": sheet(
    header + '<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2"><v>3</v></c><c r="B2"><v>4</v></c></row>')})
write_zip("hex-number.xlsx", {**one_sheet, "xl/worksheets/sheet1.xml": sheet(
    header + '<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2"><v>0x1p3</v></c></row>')})
empty_rows = "".join(
    f'<row r="{r}">' + "".join(f'<c r="{col}{r}" s="0"/>' for col in ("C", "D", "E")) + "</row>"
    for r in range(3, 10_003))
write_zip("empty-cells.xlsx", {**one_sheet, "xl/worksheets/sheet1.xml": sheet(
    header + '<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2"><v>3</v></c><c r="C2" s="0"/></row>'
    + empty_rows)})
