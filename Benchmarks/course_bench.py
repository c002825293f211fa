#!/usr/bin/env python3
"""Times module 3 as a learner meets it, with the release build: `start module3` on a new
workspace (loading the demo data included), `check` of every exercise with its solution in
place, and each `site` action. Prints min/median/max over several runs and the issue's target
for each, plus `aep-lab --version` as the peer that shows the machine's process start-up cost.

Usage: Benchmarks/run course [--runs N]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "aep-lab")
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7


def timed(args, env, expect_ok=True):
    """Seconds one command took, wall clock; fails loudly when it does not succeed."""
    start = time.perf_counter()
    done = subprocess.run([BINARY] + args, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if expect_ok and done.returncode != 0:
        sys.exit(f"'aep-lab {' '.join(args)}' exited {done.returncode}: {done.stderr[-300:]}")
    return elapsed


def report(name, samples, target=None):
    median = statistics.median(samples)
    verdict = ""
    if target is not None:
        verdict = f"  target < {target * 1000:.0f} ms: {'ok' if median < target else 'MISSED'}"
    print(f"{name:<34} median {median * 1000:7.1f} ms  (min {min(samples) * 1000:6.1f}, "
          f"max {max(samples) * 1000:6.1f}, n={len(samples)}){verdict}")
    return median


def course_copy():
    """A copy of the course with every exercise's solution in place of its answer files."""
    folder = tempfile.mkdtemp(prefix="aep-lab-bench-")
    for part in ["Modules", "Exercises", "datasets"]:
        shutil.copytree(os.path.join(ROOT, part), os.path.join(folder, part))
    exercises = os.path.join(folder, "Exercises", "module3")
    for exercise in os.listdir(exercises):
        solution = os.path.join(exercises, exercise, "solution")
        for name in os.listdir(solution):
            shutil.copy(os.path.join(solution, name), os.path.join(exercises, exercise, name))
    return folder


def main():
    course = course_copy()
    base = dict(os.environ, AEP_LAB_ROOT=course, NO_COLOR="1")
    homes = []

    def new_home():
        home = tempfile.mkdtemp(prefix="aep-lab-bench-home-")
        homes.append(home)
        return dict(base, AEP_LAB_HOME=home)

    print(f"aep-lab course benchmark: {RUNS} runs each, {os.cpu_count()} cores, release build")
    peer = report("aep-lab --version (process start)",
                  [timed(["--version"], base) for _ in range(RUNS)])
    start = report("start module3 (new workspace)",
                   [timed(["start", "module3"], new_home()) for _ in range(RUNS)], 0.300)

    env = new_home()
    timed(["start", "module3"], env)
    site = []
    for _ in range(RUNS):
        site.append(timed(["site", "open"], env))
        site.append(timed(["site", "view", "Montana Wind Jacket"], env))
        site.append(timed(["site", "page", "Men"], env))
        site.append(timed(["site", "app", "view", "Cassia Funnel Sweatshirt"], env))
    report("site action (open/view/page/app)", site, 0.050)

    # The learner's work the sandbox exercises judge, then each check with its solution.
    journey = [
        ["site", "open"], ["site", "view", "Montana Wind Jacket"], ["site", "view", "Juno Jacket"],
        ["site", "register", "--email", "alex.doe@example.com", "--phone", "+32470123456",
         "--first-name", "Alex", "--last-name", "Doe", "--gender", "female"],
        ["site", "app", "login", "--email", "alex.doe@example.com"],
        ["site", "app", "view", "Cassia Funnel Sweatshirt"],
        ["segment", "create", "--name", "API - All Female Customers", "--pql",
         'person.gender in ["female"]'],
        ["segment", "run", "API - All Female Customers"],
    ]
    env = new_home()
    timed(["start", "module3"], env)
    for step in journey:
        timed(step, env)
    worst = 0.0
    for number in range(1, 12):
        exercise = f"exercise-{number}"
        samples = [timed(["check", exercise], env, expect_ok=False) for _ in range(RUNS)]
        worst = max(worst, report(f"check {exercise}", samples, 1.0))
    print(f"slowest check median {worst * 1000:.0f} ms; start is {start / peer:.1f}x a bare "
          f"process start")
    for folder in homes + [course]:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
