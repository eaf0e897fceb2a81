#!/bin/sh
# `make bench`: times the release binary from start-up to a 100,000-study review and checks the
# targets (docs/performance.md). Run after `swift build -c release`; options go to scripts/bench.py
# (e.g. `scripts/bench.sh --sizes 1000,10000 --runs 3` for a quick look).
set -eu
cd "$(dirname "$0")/.."

# GNU time reports the peak resident memory; Debian's minimal images lack it.
if [ ! -x /usr/bin/time ]; then
    echo "Installing time with apt-get"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time
fi

exec python3 scripts/bench.py --binary "${BIN:-.build/release/scopereport}" "$@"
