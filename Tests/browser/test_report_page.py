"""Browser test of the built report: loads _report/index.html in headless Chromium (through
Playwright, pointed at the system Chromium) from file:// and from a static server under a sub-path,
and judges what a reader would see. Run by run.sh; prints one line per check and closes with
`N passed, N failed`.
"""

import argparse
import functools
import http.server
import json
import struct
import sys
import threading
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

import judges

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# 18px chart text on a 640-unit chart shrinks to about 10px on a 390px phone; below 9px it is unreadable.
MINIMUM_CHART_TEXT_PX = 9.0
# How many lines of one failing check to print; the rest are counted.
SHOWN_FAILURES = 25


class Visit:
    """A page opened at one viewport width, with what went wrong while it loaded."""

    def __init__(self, browser, url, viewport):
        self.page = browser.new_page(viewport=viewport)
        self.console_errors, self.page_errors, self.failed_requests = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{m.text} [{m.location['url']}]"))
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed_requests.append(f"{r.url} ({r.failure})"))
        self.page.on("response", lambda r: r.status >= 400 and self.failed_requests.append(f"{r.url} (HTTP {r.status})"))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(root):
    """A static server for `root` on a free port of 127.0.0.1, in a daemon thread."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def png_size(path):
    with open(path, "rb") as file:
        header = file.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def screenshot(visit, path):
    """A full-page screenshot; fails when the picture is not the page's full width and height."""
    visit.page.evaluate("window.scrollTo(0, 0)")
    visit.page.screenshot(path=str(path), full_page=True)
    expected = visit.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    size = png_size(path)
    if size is None:
        return [f"{path}: not a PNG"]
    return [] if list(size) == expected else [f"{path}: {size[0]}×{size[1]} pixels, the page is {expected[0]}×{expected[1]}"]


def known_defect_failures(browser, axe, fixture):
    """Every judge must fail on a page built to fail it, naming the planted defect."""
    visit = Visit(browser, fixture.as_uri(), PHONE)
    charts = judges.probe(visit.page, "chartTexts")
    expectations = {
        "load_problems": (judges.load_problems(visit), ["deliberate console error", "missing-picture.png"]),
        "figures_rendered": (judges.figures_rendered(visit.page), ["figure-tiny"]),
        "chart_text_inside": (judges.chart_text_inside(charts), ["Runs off the right edge"]),
        "chart_labels_apart": (judges.chart_labels_apart(charts), ["Overlapping one"]),
        "chart_text_contrast": (judges.chart_text_contrast(charts), ["Dark on dark"]),
        "chart_text_unoutlined": (judges.chart_text_unoutlined(charts), ['"Outlined"', "g.axis"]),
        "chart_text_size": (judges.chart_text_size(charts, MINIMUM_CHART_TEXT_PX), ["\"Tiny\""]),
        "in_page_links_resolve": (judges.in_page_links_resolve(visit.page), ["#missing-section"]),
        "figures_named": (judges.figures_named(visit.page), ["no-such-title", "no <figcaption>"]),
        "horizontal_overflow": (judges.horizontal_overflow(visit.page), ["div.wide"]),
        "accessibility_violations": (
            judges.accessibility_violations(visit.page, axe),
            ["heading-order", "color-contrast", "svg-img-alt"],
        ),
        "numbered_in_order": (judges.numbered_in_order(visit.page), ["[2, 1]"]),
    }
    visit.page.close()
    missed = []
    for name, (failures, needles) in expectations.items():
        for needle in needles:
            if not any(needle in failure for failure in failures):
                missed.append(f"judges.{name} did not report the planted defect {needle!r}; it said {failures}")
    return missed


def run_checks(arguments, report, manifest, fixture, http_url, check):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=arguments.chromium, args=["--no-sandbox"])
        print(f"Chromium {browser.version}; report served at {http_url}", flush=True)
        axe = Axe()

        check("the checks catch a page with known defects", lambda: known_defect_failures(browser, axe, fixture))

        from_file = Visit(browser, (report / "index.html").as_uri(), DESKTOP)
        check("loads from file:// without errors or failed requests", lambda: judges.load_problems(from_file))
        from_file.page.close()

        desktop = Visit(browser, http_url, DESKTOP)
        phone = Visit(browser, http_url, PHONE)
        check(f"loads from {http_url} without errors or failed requests", lambda: judges.load_problems(desktop))

        desktop_charts = judges.probe(desktop.page, "chartTexts")
        phone_charts = judges.probe(phone.page, "chartTexts")
        check("every figure renders at a non-zero size", lambda: judges.figures_rendered(desktop.page))
        for label, charts in (("desktop", desktop_charts), ("phone", phone_charts)):
            check(f"chart text lies inside its chart ({label})", lambda: judges.chart_text_inside(charts))
            check(f"no two chart texts overlap ({label})", lambda: judges.chart_labels_apart(charts))
        check(
            f"chart text is at least {MINIMUM_CHART_TEXT_PX:g}px on a phone",
            lambda: judges.chart_text_size(phone_charts, MINIMUM_CHART_TEXT_PX),
        )
        check("in-page links (table of contents) resolve", lambda: judges.in_page_links_resolve(desktop.page))
        check(
            "every table and figure in the manifest is on the page",
            lambda: judges.promised_tables_and_figures(desktop.page, report, manifest),
        )
        check("tables and figures are numbered in reading order", lambda: judges.numbered_in_order(desktop.page))
        for label, visit in (("desktop", desktop), ("phone", phone)):
            check(f"nothing overflows sideways outside a scroll box ({label})", lambda: judges.horizontal_overflow(visit.page))
        check("figures have role=img, a name, a <title> and a caption", lambda: judges.figures_named(desktop.page))
        check("the longest table sorts by its headers and filters by its box", lambda: judges.table_sorts_and_filters(desktop.page))
        check("chart text is filled, not outlined", lambda: judges.chart_text_unoutlined(desktop_charts))
        check("chart text meets WCAG AA contrast", lambda: judges.chart_text_contrast(desktop_charts))
        for label, visit in (("desktop", desktop), ("phone", phone)):
            check(f"axe-core finds no accessibility violations ({label})", lambda: judges.accessibility_violations(visit.page, axe))
        for label, visit in (("desktop", desktop), ("phone", phone)):
            path = arguments.out / f"{label}.png"
            check(f"full-page screenshot {path}", lambda: screenshot(visit, path))

        browser.close()



def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", type=Path, required=True, help="the built report folder")
    parser.add_argument("--site", type=Path, required=True, help="an ancestor of --report to serve over HTTP")
    parser.add_argument("--out", type=Path, required=True, help="where the screenshots go")
    parser.add_argument("--chromium", required=True, help="the Chromium executable")
    arguments = parser.parse_args()

    report = arguments.report.resolve()
    site = arguments.site.resolve()
    sub_path = report.relative_to(site).as_posix()
    manifest = json.loads((report / "manifest.json").read_text(encoding="utf-8"))
    arguments.out.mkdir(parents=True, exist_ok=True)
    fixture = Path(__file__).parent / "fixtures" / "defects.html"

    server = serve(site)
    http_url = f"http://127.0.0.1:{server.server_address[1]}/{sub_path}/"
    results = []

    def check(name, run):
        try:
            failures = run()
        except Exception as error:  # a probe that throws is a failed check, not a crashed run
            failures = [f"{type(error).__name__}: {error}"]
        results.append(not failures)
        print(("PASS " if not failures else "FAIL ") + name, flush=True)
        for failure in failures[:SHOWN_FAILURES]:
            print("    " + failure)
        if len(failures) > SHOWN_FAILURES:
            print(f"    … and {len(failures) - SHOWN_FAILURES} more")

    try:
        run_checks(arguments, report, manifest, fixture, http_url, check)
    except Exception as error:  # the browser would not start or a page would not load: no check can run
        results.append(False)
        print(f"FAIL the browser session: {type(error).__name__}: {error}")
    server.shutdown()

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
