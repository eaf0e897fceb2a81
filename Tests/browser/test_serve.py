"""`scopereport serve` in Chromium, as an author sees it: the served page changes by itself after a
template is saved (no manual reload), shows the located error of a broken cell, and comes back when
the cell is fixed. Closes with `N passed, N failed`.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

WAIT_MS = 10_000


def save_by_rename(path, text):
    """Writes as editors that save a new file and rename it over the old one."""
    temporary = path.with_name("." + path.name + ".swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def start_server(binary, folder):
    process = subprocess.Popen(
        [binary, "serve", "--port", "0"], cwd=folder, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    lines = []
    found = threading.Event()
    port = []

    def read():
        # Ready once it listens and its first build is done.
        for line in process.stderr:
            lines.append(line)
            match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if match and not port:
                port.append(int(match.group(1)))
            if port and line.startswith("built "):
                found.set()

    threading.Thread(target=read, daemon=True).start()
    if not found.wait(60):
        process.kill()
        raise RuntimeError("serve did not start: " + "".join(lines))
    return process, port[0], lines


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True, help="the scopereport binary")
    parser.add_argument("--repository", type=Path, required=True, help="holds review-data/ and templates/")
    parser.add_argument("--chromium", required=True, help="the Chromium executable")
    parser.add_argument("--out", type=Path, required=True, help="where the screenshots go")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)

    folder = Path(tempfile.mkdtemp(prefix="scopereport-serve-"))
    for name in ("review-data", "templates"):
        shutil.copytree(arguments.repository / name, folder / name)
    process, port, lines = start_server(str(Path(arguments.binary).resolve()), folder)
    results = []

    def check(name, run):
        try:
            failures = run()
        except Exception as error:  # a failed wait is a failed check, not a crashed run
            failures = [f"{type(error).__name__}: {error}"]
        results.append(not failures)
        print(("PASS " if not failures else "FAIL ") + name, flush=True)
        for failure in failures[:5]:
            print("    " + failure)

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=arguments.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            title = page.title()

            template = folder / "templates" / "report.md"
            original = template.read_text(encoding="utf-8")
            marker = "Edited while the page was open."

            def reloads_after_a_template_save():
                # The page must change by itself: a reload by the test would prove nothing.
                page.evaluate("window.__notReloaded = true")
                started = time.monotonic()
                save_by_rename(template, original.replace("\n# {{metadata.title}}\n", f"\n# {{{{metadata.title}}}}\n\n{marker}\n", 1))
                page.wait_for_function(
                    "text => !window.__notReloaded && document.body.innerText.includes(text)", arg=marker, timeout=WAIT_MS
                )
                print(f"    reloaded {1000 * (time.monotonic() - started):.0f} ms after the save", flush=True)
                page.screenshot(path=str(arguments.out / "serve-edited.png"))
                return [] if page.title() == title else [f"title changed: {page.title()!r}"]

            check("the served page reloads itself after a template is saved", reloads_after_a_template_save)

            sheet = folder / "review-data" / "studies.csv"
            good = sheet.read_text(encoding="utf-8")
            located = 'review-data/studies.csv:2:19: error: n_patients: "430x" is not an integer'

            def shows_the_located_error():
                save_by_rename(sheet, good.replace(",430,,2,", ",430x,,2,", 1))
                page.wait_for_function("text => document.body.innerText.includes(text)", arg=located, timeout=WAIT_MS)
                page.screenshot(path=str(arguments.out / "serve-error.png"))
                on_disk = (folder / "_report" / "index.html").read_text(encoding="utf-8")
                return [] if marker in on_disk else ["the last good report on disk was replaced"]

            check("a broken cell shows its located error in the page", shows_the_located_error)

            def comes_back_when_fixed():
                save_by_rename(sheet, good)
                page.wait_for_function("text => document.body.innerText.includes(text)", arg=marker, timeout=WAIT_MS)
                return []

            check("the report comes back when the cell is fixed", comes_back_when_fixed)
            browser.close()
    except Exception as error:
        results.append(False)
        print(f"FAIL the serve session: {type(error).__name__}: {error}")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            status = process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            status = None
        results.append(status == 0)
        print(("PASS " if status == 0 else "FAIL ") + f"Ctrl-C stops serve (status {status})", flush=True)
        shutil.rmtree(folder, ignore_errors=True)

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
