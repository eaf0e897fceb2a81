#!/usr/bin/env bash
# Regenerates the XLSX reader's fixtures. The main workbooks are written by LibreOffice, as a user's
# would be; the odd cases LibreOffice never writes (inline strings, 1904 dates, broken or hostile
# files) are built byte by byte by make-handmade.py.
# Needs: soffice (Debian: libreoffice-calc-nogui) and python3. Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
csv="$repo/../shared/review-data/studies.csv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# studies.xlsx: the review's CSV opened in Calc and saved as XLSX. Filter options: comma, double
# quote, UTF-8 (76), from line 1, and every one of the 32 columns typed Text (2) so that "0.80" and
# "1.00" stay as written instead of becoming numbers.
columns="$(seq -s / 1 32 | sed 's/\([0-9]*\)/\1\/2/g')"
cp "$csv" "$work/studies.csv"
soffice --headless --infilter="CSV:44,34,76,1,$columns" --convert-to xlsx --outdir "$work" \
    "$work/studies.csv" >/dev/null
# The expected texts, split by Python's csv module (RFC 4180), independent of the reader under test.
python3 - "$csv" "$here/studies.expected.json" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as source:
    rows = list(csv.reader(source))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(rows, out, ensure_ascii=False, indent=0)
    out.write("\n")
PY

# typed.xlsx: three sheets (Notes, Extraction, Empty) with numbers, booleans, dates, a date-time,
# formulas with cached string, number and error results, a two-line unicode cell, sparse rows, a
# skipped row and trailing formatted-but-empty rows.
soffice --headless --convert-to xlsx --outdir "$work" "$here/typed.fods" >/dev/null

cp "$work/studies.xlsx" "$work/typed.xlsx" "$here/"
python3 "$here/make-handmade.py" "$here"
