#!/usr/bin/env python3
"""Writes the inputs (review.yaml, studies.csv) of broken/<case>/ from one small valid base, one fault
each, so that a change to the base reaches every case. Each case's expected.txt is written and
reviewed by hand (it is what a user must read), never generated from the tool's output."""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "broken")

BASE_YAML = """metadata:
  title: Broken-sheet corpus
sheet:
  file: studies.csv
  id: id
columns:
  id: {type: text, required: true}
  year: {type: year, required: true}
  n_patients: {type: integer}
  weight: {type: number}
  auc: {type: fraction, needs: [n_patients]}
  modality:
    type: category
    required: true
    values: [MRI, CT, PET]
  methods: {type: multi-category, values: [CNN, SVM, random forest]}
  n_labels: {type: integer}
  doi: {type: doi}
  url: {type: url}
  notes: {type: text}
derived:
  per_label: n_patients / n_labels
subsets:
  mri: modality == MRI
synthesis:
  frequencies:
    - {id: modalities, column: modality}
  figures:
    - {id: modalities, kind: bars, source: modalities, caption: Modalities.}
"""

BASE_CSV = """id,year,n_patients,weight,auc,modality,methods,n_labels,doi,url,notes
A2019,2019,120,1.5,0.91,MRI,CNN;SVM,2,10.1000/a1,https://example.org/a,first
B2020,2020,80,2.25,0.85,CT,random forest,4,10.1000/b2,https://example.org/b,"second, with a comma"
C2021,2021,45,,0.78,PET,SVM,3,,,
"""

def sub(text, old, new):
    assert text.count(old) == 1, (old, text.count(old))
    return text.replace(old, new)

CASES = {}
def case(name, yaml=None, csv=None):
    CASES[name] = (yaml if yaml is not None else BASE_YAML, csv if csv is not None else BASE_CSV)

Y, C = BASE_YAML, BASE_CSV
# Sheet faults
case("unknown-column", csv=sub(C, "n_patients,weight", "n_patient,weight"))
case("unknown-column-no-suggestion", csv=C.replace("notes\n", "notes,reviewer\n", 1).replace(",first\n", ",first,AB\n"))
case("missing-required-column", csv="\n".join(",".join(r.split(",")[:5] + r.split(",")[6:]) for r in
     ["id,year,n_patients,weight,auc,modality,methods,n_labels,doi,url,notes",
      "A2019,2019,120,1.5,0.91,MRI,CNN;SVM,2,10.1000/a1,https://example.org/a,first",
      "B2020,2020,80,2.25,0.85,CT,random forest,4,10.1000/b2,https://example.org/b,second",
      "C2021,2021,45,,0.78,PET,SVM,3,,,"]) + "\n")
case("missing-column", csv="".join(l.rsplit(",", 1)[0] + "\n" for l in
     sub(C, ',"second, with a comma"', ",second").splitlines()))
case("missing-required-value", csv=sub(C, "C2021,2021,", "C2021,,"))
case("not-an-integer", csv=sub(C, "B2020,2020,80,", "B2020,2020,12a,"))
case("not-a-number", csv=sub(C, ",2.25,", ",2.25 kg,"))
case("not-a-fraction", csv=sub(C, ",0.85,", ",high,"))
case("fraction-looks-like-percentage", csv=sub(C, ",0.91,", ",91,"))
case("fraction-with-percent-sign", csv=sub(C, ",0.78,", ",78%,"))
case("not-a-year", csv=sub(C, "B2020,2020,", "B2020,2020/21,"))
case("implausible-year", csv=sub(C, "C2021,2021,", "C2021,21,"))
case("not-a-doi", csv=sub(C, "10.1000/b2", "doi 1000/b2"))
case("not-a-url", csv=sub(C, "https://example.org/b", "www.example.org/b"))
case("javascript-url", csv=sub(C, "https://example.org/a", "javascript:alert(1)"))
case("category-typo", csv=sub(C, ",CT,", ",CTT,"))
case("category-unknown-value", csv=sub(C, ",PET,", ",ultrasound,"))
case("multi-category-one-bad-value", csv=sub(C, "CNN;SVM", "CNN;SMV"))
case("duplicate-study-id", csv=sub(C, "C2021,", "A2019,"))
case("division-by-zero", csv=sub(C, ",4,10.1000", ",0,10.1000"))
case("decimal-comma-in-point-sheet", csv=sub(C, ",2.25,", ',"2,25",'))
case("row-longer-than-header", csv=sub(C, ",first\n", ",first, then second\n"))
case("empty-sheet", csv="")
case("header-only-sheet", csv=C.splitlines()[0] + "\n")
case("invalid-utf8", csv=C)  # its bytes are patched in main()
case("unterminated-quote", csv=sub(C, '"second, with a comma"', '"second, with a comma'))
case("needs-warning", csv=sub(C, "C2021,2021,45,", "C2021,2021,,"))
# Config faults
case("config-unknown-key", yaml=sub(Y, "synthesis:", "synthesys:"))
case("config-unknown-column-key", yaml=sub(Y, "notes: {type: text}", "notes: {type: text, lable: Notes}"))
case("unknown-column-type", yaml=sub(Y, "n_labels: {type: integer}", "n_labels: {type: integr}"))
case("yaml-syntax", yaml=sub(Y, "url: {type: url}", "url: {type: url"))
case("yaml-duplicate-key", yaml=sub(Y, "  notes: {type: text}\n", "  notes: {type: text}\n  doi: {type: text}\n"))
case("subset-unknown-column", yaml=sub(Y, "mri: modality == MRI", "mri: modalty == MRI"))
case("subset-unknown-value", yaml=sub(Y, "mri: modality == MRI", "mri: modality == MRT"))
case("subset-wrong-operator", yaml=sub(Y, "mri: modality == MRI", "mri: modality >= MRI"))
case("frequency-of-text-column", yaml=sub(Y, "    - {id: modalities, column: modality}\n",
     "    - {id: modalities, column: modality}\n    - {id: notes, column: notes}\n"))
case("frequency-unknown-column", yaml=sub(Y, "    - {id: modalities, column: modality}\n",
     "    - {id: modalities, column: modality}\n    - {id: methods, column: method}\n"))
case("figure-undeclared-source", yaml=sub(Y, "source: modalities", "source: modality-counts"))
case("duplicate-table-id", yaml=sub(Y, "    - {id: modalities, column: modality}\n",
     "    - {id: modalities, column: modality}\n    - {id: modalities, column: methods}\n"))
case("derived-unknown-column", yaml=sub(Y, "n_patients / n_labels", "n_patients / n_label"))
case("derived-of-text-column", yaml=sub(Y, "n_patients / n_labels", "n_patients / notes"))
case("needs-unknown-column", yaml=sub(Y, "needs: [n_patients]", "needs: [n_patient]"))
case("sheet-file-missing", yaml=sub(Y, "file: studies.csv", "file: studes.csv"))
def main():
    for name, (yaml, csv) in sorted(CASES.items()):
        folder = os.path.join(ROOT, name)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "review.yaml"), "w") as f:
            f.write(yaml)
        data = csv.encode()
        if name == "invalid-utf8":
            # "é" in Latin-1, as a non-UTF-8 export writes it.
            data = data.replace(b"second, with", b"s\xe9cond, with")
        with open(os.path.join(folder, "studies.csv"), "wb") as f:
            f.write(data)
    print(len(CASES), "cases")

main()
