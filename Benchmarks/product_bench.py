#!/usr/bin/env python3
"""Times segmentation on the product path, as whole processes of the release build, on
sandboxes made by `aep-lab dev generate` and ingested with the CLI.

For each size (fragments): ingest; create the issue's six segments (female, Leuven, Montana
Wind Jacket viewers, the module's male + jacket CHAIN, a 7-day product-view count, a two-step
CHAIN within 24 hours); `segment estimate` of a new expression (the first one builds the
profile store from the records, and is reported apart); `segment run --all` several times.
Prints medians with min and max, peak memory (max RSS), the evaluation time the job reports,
the path each segment took, and the member counts; `aep-lab --version` is the start-up peer.

Usage: Benchmarks/run product [--sizes 100000,1000000] [--runs N]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "aep-lab")
ARGS = sys.argv[1:]
SIZES = [int(s) for s in (ARGS[ARGS.index("--sizes") + 1] if "--sizes" in ARGS else "100000").split(",")]
RUNS = int(ARGS[ARGS.index("--runs") + 1]) if "--runs" in ARGS else 5

SEGMENTS = [
    ("female", 'person.gender = "female"'),
    ("leuven", 'homeAddress.city.equals("leuven", false)'),
    ("jacket", 'xEvent.exists(productListItems.exists(name.equals("Montana Wind Jacket", false)))'),
    ("male jacket", 'person.gender in ["male"] and CHAIN(xEvent, timestamp, '
     '[C0: WHAT(productListItems.exists(name.equals("MONTANA WIND JACKET", false)))])'),
    ("7-day views", 'xEvent[eventType = "commerce.productViews" and timestamp occurs <= 7 days '
     'before now].count() >= 1'),
    ("chain 24 h", 'CHAIN(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") '
     'WHEN(<= 24 hours before now), B: WHAT(eventType = "commerce.purchases") '
     'WHEN(<= 24 hours before now)])'),
]
NEW_EXPRESSION = ('homeAddress.city.equals("leuven", false) and '
                  'xEvent.exists(productListItems.exists(name.equals("Juno Jacket", false)))')


def run(args, env, capture=False):
    """(seconds, peak KB, stdout) of one whole command; fails loudly when it does not succeed."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", BINARY] + args, env=env,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"'aep-lab {' '.join(args)}' exited {done.returncode}: {done.stderr[-400:]}")
    peak = int(done.stderr.strip().splitlines()[-1])
    return elapsed, peak, done.stdout if capture else ""


def line(name, samples, peaks=None):
    median = statistics.median(samples)
    memory = f"  peak {max(peaks) / 1024:6.0f} MB" if peaks else ""
    print(f"  {name:<36} median {median:8.3f} s  (min {min(samples):.3f}, max {max(samples):.3f}, "
          f"n={len(samples)}){memory}")
    return median


def main():
    if not os.path.exists(BINARY):
        sys.exit("Build first: swift build -c release --product aep-lab")
    for size in SIZES:
        folder = tempfile.mkdtemp(prefix=f"aep-lab-product-{size}-")
        try:
            env = dict(os.environ, AEP_LAB_HOME=os.path.join(folder, "home"), AEP_LAB_ROOT=ROOT,
                       NO_COLOR="1")
            data = os.path.join(folder, "data")
            run(["dev", "generate", "--profiles", str(size), "--out", data], env)
            print(f"\n{size:,} fragments (aep-lab dev generate --profiles {size})")
            seconds, peak, _ = run(["ingest", data], env)
            print(f"  {'ingest':<36} {seconds:8.3f} s  peak {peak / 1024:6.0f} MB")
            for name, pql in SEGMENTS:
                run(["segment", "create", "--name", name, "--pql", pql], env)
            seconds, peak, _ = run(["segment", "estimate", "--pql", NEW_EXPRESSION], env)
            print(f"  {'first estimate (builds the store)':<36} {seconds:8.3f} s  "
                  f"peak {peak / 1024:6.0f} MB")
            samples, peaks = [], []
            for _ in range(RUNS):
                seconds, peak, _ = run(["segment", "estimate", "--pql", NEW_EXPRESSION], env)
                samples.append(seconds)
                peaks.append(peak)
            line("segment estimate (new expression)", samples, peaks)
            samples, peaks, job = [], [], None
            for _ in range(RUNS):
                seconds, peak, out = run(["segment", "run", "--all", "--format", "json"], env,
                                         capture=True)
                samples.append(seconds)
                peaks.append(peak)
                job = json.loads(out)
            line("segment run --all (6 segments)", samples, peaks)
            metrics = job["metrics"]
            print(f"  evaluation, as the job reports it   "
                  f"{metrics['profileSegmentationTime']['totalTimeInMs']} ms over "
                  f"{metrics['totalProfiles']:,} profiles")
            listed = json.loads(run(["segment", "list", "--format", "json"], env, capture=True)[2])
            by_id = {d["id"]: d["name"] for d in listed["segments"]}
            for segment_id in (entry["segmentId"] for entry in job["segments"]):
                print(f"    {by_id.get(segment_id, segment_id):<14} "
                      f"{metrics['labEvaluationPath'].get(segment_id, '?'):<9} "
                      f"{metrics['segmentedProfileCounter'].get(segment_id, 0):>9,} members")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    samples = [run(["--version"], dict(os.environ))[0] for _ in range(RUNS)]
    line("peer: aep-lab --version", samples)


if __name__ == "__main__":
    main()
