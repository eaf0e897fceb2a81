#!/usr/bin/env bash
# Browser test of the report: builds the default report, then test_report_page.py loads it in the
# system's headless Chromium (through Playwright) and judges what a reader sees; test_serve.py opens
# `scopereport serve`'s page and edits the inputs under it. Screenshots go to Tests/browser/out/.
# Each closes with `N passed, N failed`.
#
# Skips loudly (exit 0) when no Chromium can be found or installed, except in CI (CI=true), where
# a skipped browser test is a failure.
#
# Environment: SCOPEREPORT  a scopereport binary to use (default .build/debug/scopereport, built when missing)
#              CHROMIUM     the Chromium executable (default: chromium on the PATH)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

skip() {
  echo
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!!! BROWSER TEST SKIPPED: $1"
  echo "!!! The report was NOT checked in a browser."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: a skipped browser test fails the run."
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
}

fail() {
  echo "browser test: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

# Chromium: Debian's package, installed here when missing and we may use apt-get.
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ] && command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  echo "browser test: installing chromium with apt-get"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core; } \
    >/dev/null 2>&1 || true
  chromium="$(command -v chromium || true)"
fi
[ -n "$chromium" ] && [ -x "$chromium" ] || skip "no Chromium found (install Debian's 'chromium' package)"

# Python driver: Playwright (driving the Chromium above, never a downloaded browser) and axe-core
# as shipped in axe-playwright-python, in a virtual environment that `make clean` removes.
venv="$root/.build/browser-venv"
python="$venv/bin/python"
if ! "$python" -c 'import playwright, axe_playwright_python' 2>/dev/null; then
  echo "browser test: installing playwright and axe-playwright-python into $venv"
  python3 -m venv "$venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$python" -m pip install --quiet --disable-pip-version-check \
    "playwright==1.65.2" "axe-playwright-python==0.1.8" || fail "pip could not install the Python driver"
fi

# The report: the default review, built under a sub-path of a folder the test serves over HTTP.
binary="${SCOPEREPORT:-.build/debug/scopereport}"
if [ ! -x "$binary" ]; then
  swift build --product scopereport || fail "swift build --product scopereport failed"
fi
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/reports"
"$binary" build --out "$site/reports/scope" --force --quiet || fail "$binary build failed: no report to test"

status=0
PYTHONDONTWRITEBYTECODE=1 "$python" "$here/test_report_page.py" --report "$site/reports/scope" --site "$site" \
  --out "$here/out" --chromium "$chromium" || status=1
# `scopereport serve`: the page reloads itself after a save and shows a broken cell's error.
PYTHONDONTWRITEBYTECODE=1 "$python" "$here/test_serve.py" --binary "$binary" --repository "$root" \
  --out "$here/out" --chromium "$chromium" || status=1
exit $status
