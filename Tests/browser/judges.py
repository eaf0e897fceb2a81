"""The checks: each judge looks at an open page and returns a list of failures, empty when it passes.

A failure is one sentence that names the figure or element and the numbers, so a red run says
what to fix without opening the screenshots.
"""

import itertools
import re
from pathlib import Path

import geometry

PROBES = (Path(__file__).parent / "probes.js").read_text(encoding="utf-8")


def probe(page, name, *args):
    if not page.evaluate("() => !!window.scopeProbes"):
        page.evaluate(PROBES)
    return page.evaluate(f"(args) => window.scopeProbes.{name}(...args)", list(args))


def _pixels(value):
    return f"{value:.1f}px"


def load_problems(visit):
    """Console errors, uncaught exceptions and failed requests seen while the page loaded."""
    return (
        [f"console error: {text}" for text in visit.console_errors]
        + [f"uncaught exception: {text}" for text in visit.page_errors]
        + [f"request failed: {text}" for text in visit.failed_requests]
    )


def figures_rendered(page):
    figures = probe(page, "figures")
    failures = [] if figures else ["the page has no <figure>"]
    for figure in figures:
        if not figure["hasSvg"]:
            failures.append(f"{figure['id']}: no <svg> inside the figure")
        elif figure["width"] < 1 or figure["height"] < 1:
            failures.append(
                f"{figure['id']}: the chart renders at {_pixels(figure['width'])} × {_pixels(figure['height'])}"
            )
    return failures


def chart_text_inside(charts):
    failures = []
    for chart in charts:
        box = chart["box"]
        for label in chart["texts"]:
            if not geometry.quad_inside(label["quad"], box):
                xs = [x for x, _ in label["quad"]]
                ys = [y for _, y in label["quad"]]
                sides = [
                    f"left by {_pixels(box['left'] - min(xs))}" if min(xs) < box["left"] - 0.5 else None,
                    f"right by {_pixels(max(xs) - box['right'])}" if max(xs) > box["right"] + 0.5 else None,
                    f"top by {_pixels(box['top'] - min(ys))}" if min(ys) < box["top"] - 0.5 else None,
                    f"bottom by {_pixels(max(ys) - box['bottom'])}" if max(ys) > box["bottom"] + 0.5 else None,
                ]
                where = ", ".join(side for side in sides if side)
                failures.append(f"{chart['figure']}: text \"{label['text']}\" sticks out of the chart ({where})")
    return failures


def chart_labels_apart(charts):
    failures = []
    for chart in charts:
        for a, b in itertools.combinations(chart["texts"], 2):
            if geometry.quads_overlap(a["quad"], b["quad"]):
                failures.append(f"{chart['figure']}: text \"{a['text']}\" overlaps text \"{b['text']}\"")
    return failures


def chart_text_unoutlined(charts):
    """Chart text is filled, not stroked: a stroke inherited from an axis group thickens and blurs it."""
    failures = []
    for chart in charts:
        outlined = [label for label in chart["texts"] if label["outline"]]
        for outline in sorted({label["outline"] for label in outlined}):
            texts = [label["text"] for label in outlined if label["outline"] == outline]
            examples = ", ".join(f'"{text}"' for text in texts[:4])
            failures.append(f"{chart['figure']}: {len(texts)} texts are outlined with stroke {outline} ({examples})")
    return failures


def chart_text_contrast(charts):
    """WCAG AA contrast of each chart text against what it is drawn on (axe does not judge SVG text)."""
    failures = []
    for chart in charts:
        for label in chart["texts"]:
            if label["backdrop"] is None:
                failures.append(f"{chart['figure']}: text \"{label['text']}\" could not be brought on screen to measure")
                continue
            ratio = geometry.contrast_ratio(label["colour"], label["backdrop"])
            needed = geometry.required_contrast(label["fontSize"], label["bold"])
            if ratio < needed:
                failures.append(
                    f"{chart['figure']}: text \"{label['text']}\" has contrast {ratio:.2f}:1 "
                    f"(rgb{tuple(round(c) for c in label['colour'])} on rgb{tuple(round(c) for c in label['backdrop'])}, "
                    f"{_pixels(label['fontSize'])}), needs {needed}:1"
                )
    return failures


def chart_text_size(charts, minimum_px):
    """Chart text shrinks with its chart; below `minimum_px` it cannot be read."""
    failures = []
    for chart in charts:
        small = [label for label in chart["texts"] if label["fontSize"] < minimum_px]
        if small:
            smallest = min(small, key=lambda label: label["fontSize"])
            failures.append(
                f"{chart['figure']}: {len(small)} texts render below {minimum_px}px, "
                f"smallest \"{smallest['text']}\" at {_pixels(smallest['fontSize'])}"
            )
    return failures


def in_page_links_resolve(page):
    links = probe(page, "inPageLinks")
    failures = [] if links else ["the page has no in-page links (no table of contents?)"]
    return failures + [
        f"{link['link']} (\"{link['text']}\") points to #{link['target']}, which is not on the page"
        for link in links
        if not link["resolves"]
    ]


def figures_named(page):
    """Each figure is an image with a name a screen reader can read, and a visible caption."""
    failures = []
    for figure in probe(page, "figures"):
        if not figure["hasSvg"]:
            continue
        if figure["role"] != "img":
            failures.append(f"{figure['id']}: the <svg> has role={figure['role']!r}, expected 'img'")
        dangling = [label["id"] for label in figure["labelledBy"] if label["text"] is None]
        if dangling:
            failures.append(f"{figure['id']}: aria-labelledby names missing ids {dangling}")
        name = figure["ariaLabel"] or " ".join(label["text"] or "" for label in figure["labelledBy"]).strip()
        if not name:
            failures.append(f"{figure['id']}: the <svg> has no accessible name (aria-label or aria-labelledby)")
        if not figure["title"]:
            failures.append(f"{figure['id']}: the <svg> has no <title>")
        if not figure["caption"]:
            failures.append(f"{figure['id']}: the figure has no <figcaption>")
    return failures


def horizontal_overflow(page):
    result = probe(page, "horizontalOverflow")
    failures = []
    if result["scrollWidth"] > result["viewport"]:
        failures.append(f"the page scrolls sideways: {result['scrollWidth']}px wide in a {result['viewport']}px viewport")
    for offender in result["offenders"]:
        failures.append(
            f"{offender['element']} (\"{offender['text']}\") spans {_pixels(offender['left'])}–{_pixels(offender['right'])} "
            f"of a {result['viewport']}px viewport, outside any scroll box"
        )
    return failures


def accessibility_violations(page, axe):
    """axe-core's WCAG 2 A/AA and best-practice rules; each violating element is named."""
    failures = []
    for violation in axe.run(page).response["violations"]:
        for node in violation["nodes"]:
            selector = " ".join(str(t) for t in node["target"])
            target = probe(page, "locate", selector) if len(node["target"]) == 1 else selector
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            failures.append(f"axe {violation['id']} ({violation['impact']}): {target}: {summary}")
    return failures


def promised_tables_and_figures(page, report_dir, manifest):
    """Every table and figure file that the manifest lists is on the page, by caption and by id."""
    failures = []
    captions = set(probe(page, "tableCaptions"))
    figure_ids = {figure["id"] for figure in probe(page, "figures") if figure["hasSvg"]}
    outputs = sorted(manifest["outputs"])
    for path in outputs:
        if re.fullmatch(r"tables/[^/]+\.md", path):
            first_line = (report_dir / path).read_text(encoding="utf-8").splitlines()[0]
            caption = first_line.strip().strip("*").strip()
            if caption not in captions:
                failures.append(f"{path}: its caption \"{caption}\" is not on the page")
        elif re.fullmatch(r"figures/[^/]+\.svg", path):
            figure_id = "figure-" + Path(path).stem
            if figure_id not in figure_ids:
                failures.append(f"{path}: no <figure id=\"{figure_id}\"> with an <svg> on the page")
    if not any(path.startswith("tables/") for path in outputs):
        failures.append("the manifest lists no tables")
    if not any(path.startswith("figures/") for path in outputs):
        failures.append("the manifest lists no figures")
    return failures


def numbered_in_order(page):
    """Tables and figures are numbered 1, 2, 3, … in the order a reader meets them."""
    failures = []
    captions = probe(page, "tableCaptions")
    figure_captions = [figure["caption"] for figure in probe(page, "figures")]
    for kind, texts in (("Table", captions), ("Figure", figure_captions)):
        numbers = [int(m.group(1)) for m in (re.match(rf"{kind} (\d+)\.", t) for t in texts) if m]
        expected = list(range(1, len(numbers) + 1))
        if numbers != expected:
            failures.append(f"{kind} numbers in page order are {numbers}, expected {expected}")
    return failures


def table_sorts_and_filters(page):
    """The longest table (over 15 rows) sorts by a click on a header, numbers as numbers and blanks last,
    reversed by a second click, and its filter box hides the rows that do not match."""
    return page.evaluate(
        """() => {
        const failures = [];
        const long = [...document.querySelectorAll("article table")]
            .filter(t => t.tBodies[0] && t.tBodies[0].rows.length > 15)
            .sort((a, b) => b.tBodies[0].rows.length - a.tBodies[0].rows.length);
        if (!long.length) return ["no table has more than 15 rows"];
        const table = long[0];
        const rows = () => [...table.tBodies[0].rows];
        const text = (row, column) => (row.cells[column] ? row.cells[column].textContent.trim() : "");
        const number = value => Number(value.replace(/,/g, "").replace(/\\u2212/g, "-"));
        const headers = [...table.tHead.rows[0].cells];
        // A column of numbers, with some blanks when there is one, to see both rules at once.
        const numeric = (c, withBlanks) => {
            const values = rows().map(r => text(r, c));
            const numbers = values.filter(v => v !== "" && !isNaN(number(v)));
            return numbers.length >= 5 && numbers.length === values.filter(v => v !== "").length
                && (!withBlanks || numbers.length < values.length);
        };
        let column = headers.findIndex((_, c) => numeric(c, true));
        if (column < 0) column = headers.findIndex((_, c) => numeric(c, false));
        if (column < 0) return ["the longest table has no numeric column to sort"];
        const button = headers[column].querySelector("button");
        if (!button) return ["the header has no sort button"];
        for (const [direction, sign] of [["ascending", 1], ["descending", -1]]) {
            button.click();
            const values = rows().map(r => text(r, column));
            const filled = values.filter(v => v !== "").map(number);
            if (values.slice(filled.length).some(v => v !== "")) failures.push(direction + ": blanks are not last");
            if (filled.some((v, i) => i > 0 && sign * (v - filled[i - 1]) < 0)) failures.push(direction + ": not in numeric order");
            if (headers[column].getAttribute("aria-sort") !== direction) failures.push(direction + ": aria-sort not set");
        }
        const filter = table.previousElementSibling;
        if (!filter || !filter.matches("input.table-filter")) return failures.concat(["no filter box above the table"]);
        const word = text(rows()[0], 0);
        filter.value = word;
        filter.dispatchEvent(new Event("input"));
        const shown = rows().filter(r => !r.hidden);
        if (shown.length < 1 || shown.length >= rows().length) failures.push("filtering by '" + word + "' shows " + shown.length + " rows");
        if (shown.some(r => !r.textContent.toLowerCase().includes(word.toLowerCase()))) failures.push("a shown row does not match");
        filter.value = "";
        filter.dispatchEvent(new Event("input"));
        if (rows().some(r => r.hidden)) failures.push("clearing the filter does not show every row");
        return failures;
    }"""
    )
