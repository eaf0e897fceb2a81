#!/usr/bin/env python3
"""The benchmark behind `make bench` (run it through scripts/bench.sh).

Times the release binary: `--version` (the process start-up floor), a full build of the default
review into an empty folder, a no-op rebuild, and full builds of synthetic reviews written by
`scopereport generate`. Each case runs once untimed, then N timed times under `/usr/bin/time -v`
(for the peak resident memory); wall time is taken around that call, so every case, the floor
included, carries the same few hundred microseconds of `time` itself. Prints a table and PASS/FAIL
per target, writes the same figures to OUT/results.json, and exits 1 when a target fails.

Every full build writes into a folder that did not exist, a new one per run, and the small reviews'
folders are deleted only at the end. Deleting the last run's report before the next one was timed
into the tool: on an ext4 file system without a journal (this machine's root file system), the
kernel will not reuse an inode freed in the last few minutes, and steps over each of them to find a
free one, so every `rm -rf` of a report made each later file creation slower, by milliseconds per
build after a few dozen builds. Other programs' deletions count too: for minutes after the test
suite (which deletes thousands of files in /tmp), the default review's build took 78 ms with its
report in /tmp, 64 ms of it in the kernel allocating inodes, and 23 ms in a quieter folder. So the
reviews and reports go to a RAM file system (/dev/shm) when there is one, which times the tool and
not the disk's recent history; `--scratch DIR` puts them anywhere else (docs/performance.md gives both).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024


def run_once(command):
    """One timed run: (seconds, peak RSS in bytes). Raises on a non-zero exit."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report.name] + command,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"bench: `{' '.join(command)}` exited {result.returncode}:\n{result.stderr}")
        peak_kib = next(int(line.split(":")[1]) for line in report.read().splitlines()
                        if "Maximum resident set size" in line)
    return elapsed, peak_kib * 1024


def measure(name, command, runs, out=None, keep_outputs=True):
    """Times `command` `runs` times after one untimed warm-up run (page cache, dynamic loader).

    With `out`, run i writes to `--out OUT-i`, a folder that does not exist yet. Earlier runs' folders
    stay until the scratch folder goes (keep_outputs), or, for large reviews whose reports are hundreds
    of MB, are deleted before the next run (beside seconds of build, the deletion's effect is noise).
    """
    print(f"  {name}: ", end="", flush=True)
    samples = []
    for index in range(runs + 1):
        if out and not keep_outputs and index > 0:
            shutil.rmtree(f"{out}-{index - 1}", ignore_errors=True)
        sample = run_once(command + (["--out", f"{out}-{index}"] if out else []))
        if index > 0:
            samples.append(sample)
            print(".", end="", flush=True)
    print()
    return summarize(name, command + (["--out", "OUT-N"] if out else []), samples)


def measure_together(cases, runs):
    """Times several quick cases in turns (a, b, c, a, b, c, …) after one untimed round, so that each
    sees the machine at the same moments. On a shared virtual machine the speed drifts by a quarter
    within a minute; timing the floor first and the builds after put that drift into their ratio.
    Each case is (name, command, out): with `out`, round i writes to a new folder `OUT-i`."""
    print(f"  {', '.join(name for name, _, _ in cases)}: ", end="", flush=True)
    samples = {name: [] for name, _, _ in cases}
    for index in range(runs + 1):
        for name, command, out in cases:
            sample = run_once(command + (["--out", f"{out}-{index}"] if out else []))
            if index > 0:
                samples[name].append(sample)
        if index > 0:
            print(".", end="", flush=True)
    print()
    return [summarize(name, command + (["--out", "OUT-N"] if out else []), samples[name])
            for name, command, out in cases]


def summarize(name, command, samples):
    runs = len(samples)
    seconds = [s for s, _ in samples]
    quartiles = statistics.quantiles(seconds, n=4, method="inclusive") if runs > 1 else [seconds[0]] * 3
    return {
        "name": name,
        "command": command,
        "runs": runs,
        "seconds": seconds,
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "q1_s": quartiles[0],
        "q3_s": quartiles[2],
        "peak_rss_bytes": max(m for _, m in samples),
    }


def serve_latency(binary, data, templates, scratch, runs):
    """`scopereport serve` on a copy of the default review: from a template saved (by rename, as editors
    do) to the page fetched again after its long poll answered, in seconds, one sample per save. This is
    what the page's own script does; Chromium's drawing of the page comes on top (test_serve.py)."""
    import re
    import threading
    import urllib.request

    folder = os.path.join(scratch, "serve")
    os.makedirs(folder)
    shutil.copytree(data, os.path.join(folder, "review-data"))
    shutil.copytree(templates, os.path.join(folder, "templates"))
    process = subprocess.Popen([binary, "serve", "--port", "0"], cwd=folder, stderr=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, text=True)
    port = None
    for line in process.stderr:  # ready once it listens and its first build is done
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
        if port and line.startswith("built "):
            break
    threading.Thread(target=lambda: process.stderr.read(), daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    template = os.path.join(folder, "templates", "report.md")
    original = open(template, encoding="utf-8").read()
    samples = []
    try:
        for run in range(runs + 1):
            page = urllib.request.urlopen(base + "/").read().decode()
            shown = re.search(r"var shown = (\d+)", page).group(1)
            answered = []
            waiter = threading.Thread(target=lambda: answered.append(
                urllib.request.urlopen(f"{base}/__scopereport/wait?since={shown}").read()))
            waiter.start()
            time.sleep(0.3)  # the poll is waiting, and the watcher has seen the inputs as they are
            with open(template + ".swp", "w", encoding="utf-8") as file:
                file.write(original.replace("\n# {{metadata.title}}\n", f"\n# {{{{metadata.title}}}}\n\nEdit {run}.\n", 1))
            saved = time.perf_counter()
            os.replace(template + ".swp", template)
            waiter.join(20)
            page = urllib.request.urlopen(base + "/").read().decode()
            elapsed = time.perf_counter() - saved
            if f"Edit {run}." not in page:
                raise RuntimeError("the served page does not show the saved edit")
            if run > 0:  # the first save also warms the page cache
                samples.append(elapsed)
    finally:
        process.send_signal(2)
        process.wait(10)
    return samples


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    return {"cpu": model, "cores": os.cpu_count(), "system": platform.platform(), "commit": commit}


def milliseconds(seconds):
    return f"{seconds * 1000:.1f}" if seconds < 10 else f"{seconds * 1000:.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/scopereport")
    parser.add_argument("--data", default="review-data")
    parser.add_argument("--templates", default="templates")
    parser.add_argument("--out", default="_bench", help="where results.json goes")
    parser.add_argument("--scratch", default=None,
                        help="where the synthetic reviews and the reports go (default: /dev/shm when writable, "
                             "else the system's temporary folder; see above)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic review sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of the fast cases")
    parser.add_argument("--large-runs", type=int, default=3, help="timed runs of reviews of 100,000+ studies")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    sizes = [int(size) for size in options.sizes.split(",") if size]

    scratch_parent = options.scratch
    if scratch_parent is None:
        shm = "/dev/shm"
        scratch_parent = shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else tempfile.gettempdir()
    scratch = tempfile.mkdtemp(prefix="scopereport-bench-", dir=scratch_parent)
    try:
        print(f"Synthetic reviews (scopereport generate --seed {options.seed}) in {scratch}")
        generated = {}
        for size in sizes:
            folder = os.path.join(scratch, f"review-{size}")
            start = time.perf_counter()
            subprocess.run([binary, "generate", "--studies", str(size), "--seed", str(options.seed),
                            "--like", options.data, "--out", folder], check=True, stderr=subprocess.DEVNULL)
            generated[size] = time.perf_counter() - start
            print(f"  {size} studies: {os.path.getsize(os.path.join(folder, 'studies.csv')) / MIB:.1f} MiB of CSV "
                  f"in {generated[size]:.2f} s")

        print("Timing")
        build = [binary, "build", "--templates", options.templates]
        default_out = os.path.join(scratch, "out-default")
        # The no-op rebuilds a report built once beforehand.
        noop_out = os.path.join(scratch, "out-noop")
        subprocess.run(build + ["--quiet", "--data", options.data, "--out", noop_out], check=True)
        cases = measure_together([
            ("--version (start-up floor)", [binary, "--version"], None),
            ("default review, full build", build + ["--data", options.data], default_out),
            ("default review, no-op rebuild", build + ["--data", options.data, "--out", noop_out], None),
        ], options.runs)
        for size in sizes:
            out = os.path.join(scratch, f"out-{size}")
            data = os.path.join(scratch, f"review-{size}")
            runs = options.large_runs if size >= 100_000 else options.runs
            case = measure(f"{size:,} studies, full build", build + ["--data", data], runs, out=out,
                           keep_outputs=size < 10_000)
            case["studies"] = size
            cases.append(case)
        print(f"  serve: save → reloaded page: ", end="", flush=True)
        latency = serve_latency(binary, options.data, options.templates, scratch, options.runs)
        print(" ".join(f"{1000 * sample:.0f}" for sample in latency) + " ms")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    floor = cases[0]["median_s"]
    for case in cases:
        case["ratio_to_floor"] = case["median_s"] / floor

    print()
    header = f"{'case':<32} {'runs':>4} {'median ms':>10} {'min–max ms':>19} {'× floor':>8} {'peak RSS MiB':>12}"
    print(header)
    print("-" * len(header))
    for case in cases:
        spread = f"{milliseconds(case['min_s'])}–{milliseconds(case['max_s'])}"
        print(f"{case['name']:<32} {case['runs']:>4} {milliseconds(case['median_s']):>10} {spread:>19} "
              f"{case['ratio_to_floor']:>8.1f} {case['peak_rss_bytes'] / MIB:>12.1f}")

    by_size = {case["studies"]: case for case in cases if "studies" in case}
    targets = [
        # A sanity bound, not a target to tune: milliseconds of a 40-study build are not worth code.
        ("default full build ≤ 4× floor", cases[1]["ratio_to_floor"], 4.0, "×"),
    ]
    if 10_000 in by_size:
        targets.append(("10,000 studies ≤ 1 s", by_size[10_000]["median_s"], 1.0, "s"))
    if 100_000 in by_size:
        targets.append(("100,000 studies ≤ 8 s", by_size[100_000]["median_s"], 8.0, "s"))
        targets.append(("100,000 studies ≤ 1 GiB peak", by_size[100_000]["peak_rss_bytes"] / 1024 / MIB, 1.0, "GiB"))
    if 10_000 in by_size and 100_000 in by_size:
        growth = by_size[100_000]["median_s"] / by_size[10_000]["median_s"]
        targets.append(("10k → 100k time growth ≤ 12×", growth, 12.0, "×"))

    serve_median = statistics.median(latency)
    print(f"{'serve: save → reloaded page':<32} {len(latency):>4} {milliseconds(serve_median):>10} "
          f"{milliseconds(min(latency)) + '–' + milliseconds(max(latency)):>19}")
    targets.append(("serve: save → reload ≤ 300 ms", serve_median * 1000, 300.0, "ms"))

    print()
    results = []
    for name, value, limit, unit in targets:
        passed = value <= limit
        results.append({"target": name, "value": value, "limit": limit, "unit": unit, "pass": passed})
        print(f"{'PASS' if passed else 'FAIL'}  {name:<34} {value:.2f} {unit}")

    os.makedirs(options.out, exist_ok=True)
    path = os.path.join(options.out, "results.json")
    with open(path, "w") as file:
        json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine(),
                   "seed": options.seed, "scratch": scratch_parent, "generate_seconds": {str(k): v for k, v in generated.items()},
                   "cases": cases, "serve_latency_s": latency, "targets": results}, file, indent=2)
        file.write("\n")
    print(f"\nwrote {path}")
    return 0 if all(result["pass"] for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
