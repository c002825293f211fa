#!/usr/bin/env python3
"""Times segmentation on the product path, as whole processes of the release build, on
sandboxes made by `aep-lab dev generate --until now` and ingested with the CLI, and compares
it with DuckDB on a copy of the same state.

For each size (fragments): ingest; create the issue's six segments (female, Leuven, Montana
Wind Jacket viewers, the module's male + jacket CHAIN, a 7-day product-view count, a two-step
CHAIN within 24 hours); `segment estimate` of a new expression (the first one builds the
profile store from the records, and is reported apart); `segment run --all` several times.
Prints medians with min and max, peak memory (max RSS), the evaluation time the job reports,
the path each segment took, and the member counts; `aep-lab --version` is the start-up peer.

Then, untimed, the state ($AEP_LAB_HOME/lab.sqlite, opened read-only) is loaded into typed
DuckDB tables (profiles merged per graph as the default merge policy does, events, event
items); one SQL query per segment counts the qualifying graphs, warm, median of 3. The sum of
the six medians is set against the job's evaluation time, and each count against aep-lab's.

Then streaming: two streaming segments are created and run once in batch, 10,000 new web events
for existing people are ingested into the web event dataset as one timed whole process, three
times, each into a fresh copy of the state (median events/s), each followed by a timed
`segment run --all` (the first reader after the ingest, which patches the profile store with
the graphs it touched), and the streaming segments' members are checked against DuckDB's count
over the old events plus the new ones.

Then the local server: `aep-lab serve` on loopback under `wrk -t2 -c16` (8 s each), for four
requests that add one cost at a time, to show where a request's time goes: a call the gateway
refuses (no token: HTTP and routing only), an identity namespace by id (the token check, the
request timeout, the hop to a worker thread and one small read), a profile lookup by a random
existing email (the lookup's reads, merge and memberships, and the profile's encoding), and
`GET /segment/definitions`.

Ends with one Markdown table, one row per size, and the growth of `segment run --all` time
and peak memory relative to the first size.

The binary is $AEP_LAB_BINARY, else .build/release/aep-lab.

Usage: Benchmarks/run product [--sizes 100000,1000000,3000000] [--runs N]
"""
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("AEP_LAB_BINARY") or os.path.join(ROOT, ".build", "release", "aep-lab")
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

DAY_MS = 86_400_000
# The same six segments in SQL over the DuckDB tables; {now} is the job's time in ms.
DUCKDB_QUERIES = {
    "female": "SELECT count(*) FROM profiles WHERE gender = 'female'",
    "leuven": "SELECT count(*) FROM profiles WHERE lower(city) = 'leuven'",
    "jacket": "SELECT count(DISTINCT graph_id) FROM event_items "
              "WHERE lower(name) = 'montana wind jacket'",
    "male jacket": "SELECT count(*) FROM profiles WHERE gender = 'male' AND graph_id IN "
                   "(SELECT graph_id FROM event_items WHERE lower(name) = 'montana wind jacket')",
    "7-day views": "SELECT count(DISTINCT graph_id) FROM events "
                   "WHERE event_type = 'commerce.productViews' "
                   "AND ts BETWEEN {now} - 7 * " + str(DAY_MS) + " AND {now}",
    "chain 24 h": "SELECT count(DISTINCT v.graph_id) FROM events v "
                  "JOIN events p ON p.graph_id = v.graph_id AND p.ts > v.ts "
                  "WHERE v.event_type = 'commerce.productViews' "
                  "AND p.event_type = 'commerce.purchases' "
                  "AND v.ts BETWEEN {now} - " + str(DAY_MS) + " AND {now} "
                  "AND p.ts BETWEEN {now} - " + str(DAY_MS) + " AND {now}",
}

STREAM_EVENTS = 10_000
# Streaming segments (both qualify under the current Platform rule: events within 24 hours):
# one event, and a profile attribute plus one event. The new events copy existing ones, so
# only a time window lets them bring in members.
STREAMING_SEGMENTS = [
    ("stream purchase 24 h", 'CHAIN(xEvent, timestamp, [A: WHAT(eventType = "commerce.purchases") '
     'WHEN(<= 24 hours before now)])'),
    ("stream female view 24 h", 'person.gender in ["female"] and CHAIN(xEvent, timestamp, '
     '[C0: WHAT(eventType = "commerce.productViews") WHEN(<= 24 hours before now)])'),
]


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
    """Prints the median, min, max (and peak memory) of some timings; returns the median."""
    median = statistics.median(samples)
    memory = f"  peak {max(peaks) / 1024:6.0f} MB" if peaks else ""
    print(f"  {name:<36} median {median:8.3f} s  (min {min(samples):.3f}, max {max(samples):.3f}, "
          f"n={len(samples)}){memory}")
    return median


def open_state(env):
    """The sandbox state file, opened read-only."""
    path = os.path.join(env["AEP_LAB_HOME"], "lab.sqlite")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def export_records(env, folder):
    """Writes the records, with their graph and order, as two NDJSON files for DuckDB."""
    profile_file = os.path.join(folder, "duckdb-profile-records.ndjson")
    event_file = os.path.join(folder, "duckdb-event-records.ndjson")
    state = open_state(env)
    rows = state.execute("SELECT i.graph_id, r.batch, r.line, r.kind, r.event_time, r.json "
                         "FROM sandbox_record r JOIN sandbox_identity i ON i.id = r.identity_id")
    with open(profile_file, "w", encoding="utf-8") as profiles, \
            open(event_file, "w", encoding="utf-8") as events:
        for graph_id, batch, line_number, kind, event_time, text in rows:
            # The record's JSON text goes in as it is stored; DuckDB parses it.
            if kind == 0:
                order = batch * 100_000_000 + line_number
                profiles.write(f'{{"graph_id":{graph_id},"ord":{order},"doc":{text}}}\n')
            else:
                events.write(f'{{"graph_id":{graph_id},"ts":{event_time},"doc":{text}}}\n')
    state.close()
    return profile_file, event_file


def load_duckdb(env, folder):
    """(connection, seconds): typed DuckDB tables profiles, events and event_items of the state."""
    start = time.perf_counter()
    profile_file, event_file = export_records(env, folder)
    con = duckdb.connect()
    con.execute("SET threads = 2")
    profile_records = (f"read_json('{profile_file}', format = 'newline_delimited', "
                       "columns = {graph_id: 'BIGINT', ord: 'BIGINT', doc: 'JSON'})")
    event_records = (f"read_json('{event_file}', format = 'newline_delimited', "
                     "columns = {graph_id: 'BIGINT', ts: 'BIGINT', doc: 'JSON'})")
    # Default merge policy: per attribute, the value of the latest record (batch, line) that has it.
    con.execute(f"""
        CREATE TABLE profiles AS
        SELECT graph_id,
               arg_max(gender, ord) FILTER (WHERE gender IS NOT NULL) AS gender,
               arg_max(city, ord) FILTER (WHERE city IS NOT NULL) AS city
        FROM (SELECT graph_id, ord, doc ->> '$.person.gender' AS gender,
                     doc ->> '$.homeAddress.city' AS city
              FROM {profile_records})
        GROUP BY graph_id""")
    con.execute(f"""
        CREATE TABLE events AS
        SELECT graph_id, ts, doc ->> '$.eventType' AS event_type FROM {event_records}""")
    con.execute(f"""
        CREATE TABLE event_items AS
        SELECT graph_id, ts, item.name AS name
        FROM (SELECT graph_id, ts,
                     unnest(from_json(doc -> '$.productListItems', '[{{"name": "VARCHAR"}}]')) AS item
              FROM {event_records})""")
    os.remove(profile_file)
    os.remove(event_file)
    return con, time.perf_counter() - start


def time_query(con, sql):
    """(count, median seconds) of a query run 3 times, after one warm-up run."""
    count = con.execute(sql).fetchone()[0]
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        con.execute(sql).fetchone()
        samples.append(time.perf_counter() - start)
    return count, statistics.median(samples)


def compare_with_duckdb(con, job, ids_by_name):
    """Prints each segment's path, aep-lab's and DuckDB's counts; returns (summed ms, equal)."""
    metrics = job["metrics"]
    now = job["creationTime"]
    summed, equal = 0.0, 0
    for name, _ in SEGMENTS:
        segment_id = ids_by_name[name]
        ours = metrics["segmentedProfileCounter"].get(segment_id, 0)
        theirs, seconds = time_query(con, DUCKDB_QUERIES[name].format(now=now))
        summed += seconds * 1000
        if ours == theirs:
            equal += 1
            verdict = "same"
        else:
            verdict = f"MISMATCH (aep-lab {ours:,}, DuckDB {theirs:,})"
        print(f"    {name:<14} {metrics['labEvaluationPath'].get(segment_id, '?'):<9} "
              f"{ours:>9,} members  DuckDB {theirs:>9,} in {seconds * 1000:7.2f} ms  {verdict}")
    return summed, equal


def write_stream_events(source, target, end_ms):
    """Writes STREAM_EVENTS web events, spread over the source's people, with new ids and
    times one second apart ending at end_ms; returns [(ecid, ms, eventType)]."""
    with open(source, encoding="utf-8") as f:
        total = sum(1 for _ in f)
    step = max(1, total // STREAM_EVENTS)
    picked = []
    with open(source, encoding="utf-8") as f:
        for index, text in enumerate(f):
            if index % step == 0 and len(picked) < STREAM_EVENTS:
                picked.append(json.loads(text))
    written = []
    with open(target, "w", encoding="utf-8") as out:
        for i in range(STREAM_EVENTS):
            event = dict(picked[i % len(picked)])
            ms = end_ms - (STREAM_EVENTS - i) * 1000
            event["_id"] = f"stream-{i}"
            event["timestamp"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ms / 1000))
            out.write(json.dumps(event, separators=(",", ":")) + "\n")
            written.append((event["identification"]["ecid"], ms, event["eventType"]))
    return written


def graphs_of_ecids(env, ecids):
    """{ECID: graph id} for the given ECIDs, from the state."""
    wanted = set(ecids)
    state = open_state(env)
    found = {value: graph_id for value, graph_id in
             state.execute("SELECT value, graph_id FROM sandbox_identity WHERE namespace = 'ECID'")
             if value in wanted}
    state.close()
    return found


def recent_graphs(con, written, graph_of, event_type, now):
    """Graphs with an event of this type in the 24 hours before now, old or new."""
    since = now - DAY_MS
    graphs = {graph_of[ecid] for ecid, ms, kind in written
              if kind == event_type and ecid in graph_of and since <= ms <= now}
    graphs |= {row[0] for row in con.execute(
        f"SELECT DISTINCT graph_id FROM events WHERE event_type = '{event_type}' "
        f"AND ts BETWEEN {since} AND {now}").fetchall()}
    return graphs


def expected_streaming(con, env, written, now):
    """DuckDB's member counts of the streaming segments over the old events plus the new ones."""
    graph_of = graphs_of_ecids(env, [ecid for ecid, _, _ in written])
    purchased = recent_graphs(con, written, graph_of, "commerce.purchases", now)
    viewed = recent_graphs(con, written, graph_of, "commerce.productViews", now)
    female = {row[0] for row in con.execute(
        "SELECT graph_id FROM profiles WHERE gender = 'female'").fetchall()}
    return {"stream purchase 24 h": len(purchased), "stream female view 24 h": len(viewed & female)}


def member_count(env, name):
    """The number of a segment's current members (realized or existing)."""
    out = json.loads(run(["segment", "members", name, "--format", "json"], env, capture=True)[2])
    return sum(1 for member in out["members"] if member["status"] in ("realized", "existing"))


STREAM_RUNS = 3


def stream(env, data, folder, con):
    """Creates the streaming segments, then ingests STREAM_EVENTS new web events as one timed
    process, STREAM_RUNS times, each into its own copy of the state (so each finds the profile
    store as the segment run left it), then times `segment run --all` on that copy: the first
    reader after the ingest, which patches the store with the graphs the ingest touched. Checks
    the last copy's members; returns the median events per second and the median run."""
    for name, pql in STREAMING_SEGMENTS:
        run(["segment", "create", "--name", name, "--evaluation", "streaming", "--pql", pql], env)
    run(["segment", "run"] + [name for name, _ in STREAMING_SEGMENTS], env)
    before = {name: member_count(env, name) for name, _ in STREAMING_SEGMENTS}
    events_folder = os.path.join(data, "4-web-events")
    with open(os.path.join(events_folder, "schema.json"), encoding="utf-8") as f:
        dataset = json.load(f)["name"]
    target = os.path.join(folder, "stream-events.ndjson")
    written = write_stream_events(os.path.join(events_folder, "records.ndjson"), target,
                                  int(time.time() * 1000))
    samples, peaks, after_samples, after_peaks = [], [], [], []
    copy_env = dict(env, AEP_LAB_HOME=os.path.join(folder, "stream-home"))
    for _ in range(STREAM_RUNS):
        shutil.rmtree(copy_env["AEP_LAB_HOME"], ignore_errors=True)
        shutil.copytree(env["AEP_LAB_HOME"], copy_env["AEP_LAB_HOME"])
        os.sync()  # the copy's pages written out first, so they do not compete with the ingest
        seconds, peak, _ = run(["ingest", target, "--dataset", dataset], copy_env)
        samples.append(seconds)
        peaks.append(peak)
        seconds, peak, _ = run(["segment", "run", "--all"], copy_env)
        after_samples.append(seconds)
        after_peaks.append(peak)
    now = int(time.time() * 1000)
    median = line("streaming ingest of 10,000 events", samples, peaks)
    patched_run = line("then segment run --all (patches)", after_samples, after_peaks)
    rate = STREAM_EVENTS / median
    print(f"    {rate:,.0f} events/s at the median, into '{dataset}'")
    expected = expected_streaming(con, copy_env, written, now)
    for name, _ in STREAMING_SEGMENTS:
        after = member_count(copy_env, name)
        verdict = "same" if after == expected[name] else "MISMATCH"
        print(f"    {name:<24} {before[name]:>9,} → {after:>9,} members  "
              f"DuckDB (old + new events) {expected[name]:>9,}  {verdict}")
    shutil.rmtree(copy_env["AEP_LAB_HOME"], ignore_errors=True)
    return rate, patched_run


WRK_SECONDS = 8


def free_port():
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wrk(port, script, path="/"):
    """(requests/s, p99 ms) of `wrk -t2 -c16 --latency` with a Lua `script` (text)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        done = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{WRK_SECONDS}s", "--latency", "-s", file.name,
             f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True)
    finally:
        os.unlink(file.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", done.stdout).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    return rate, p99, int(errors.group(1)) if errors else 0


def serve_throughput(env):
    """Loads `aep-lab serve` with wrk; returns {name: (requests/s, p99 ms)} or None without wrk."""
    if not shutil.which("wrk"):
        print("  server: wrk is not installed (apt-get install wrk); skipped")
        return None
    with open_state(env) as state:
        emails = [row[0] for row in state.execute(
            "SELECT value FROM sandbox_identity WHERE namespace = 'Email' "
            "AND value LIKE 'person%' ORDER BY random() LIMIT 20000")]
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        body = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "bench",
                                       "client_secret": "bench", "scope": "openid"}).encode()
        token = json.loads(urllib.request.urlopen(
            f"http://127.0.0.1:{port}/ims/token/v3", data=body, timeout=5).read())["access_token"]
        headers = "".join(
            f'wrk.headers["{name}"] = "{value}"\n' for name, value in [
                ("Authorization", f"Bearer {token}"), ("x-api-key", "bench"),
                ("x-gw-ims-org-id", "bench@AdobeOrg"), ("x-sandbox-name", "prod")])
        names = ",".join(json.dumps(urllib.parse.quote(e, safe="")) for e in emails)
        lookup = headers + f"local emails = {{{names}}}\n" + (
            "math.randomseed(7)\nrequest = function()\n"
            "  local email = emails[math.random(#emails)]\n"
            "  return wrk.format(\"GET\", \"/data/core/ups/access/entities?schema.name="
            "_xdm.context.profile&entityIdNS=email&entityId=\" .. email)\nend\n")
        results = {
            "gateway refusal (no token)": wrk(port, "", "/data/core/ups/segment/definitions"),
            "namespace by id": wrk(port, headers, "/data/core/idnamespace/identities/4"),
            "profile lookup": wrk(port, lookup),
            "segment definitions": wrk(port, headers, "/data/core/ups/segment/definitions"),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"  server: wrk -t2 -c16, {WRK_SECONDS} s each, on loopback (where a request's time goes)")
    for name, (rate, p99, errors) in results.items():
        note = f"  ({errors:,} not 2xx)" if errors and "refusal" not in name else ""
        print(f"    {name:<28} {rate:>9,.0f} requests/s  p99 {p99:6.2f} ms  "
              f"{2000 / rate:6.3f} ms of the 2 cores per request{note}")
    return results


def bench_size(size):
    """Runs everything for one size; returns the row of the final table."""
    folder = tempfile.mkdtemp(prefix=f"aep-lab-product-{size}-")
    try:
        env = dict(os.environ, AEP_LAB_HOME=os.path.join(folder, "home"), AEP_LAB_ROOT=ROOT,
                   NO_COLOR="1")
        data = os.path.join(folder, "data")
        run(["dev", "generate", "--profiles", str(size), "--until", "now", "--out", data], env)
        print(f"\n{size:,} fragments (aep-lab dev generate --profiles {size} --until now)")
        row = {"size": size}
        row["ingest"], peak, _ = run(["ingest", data], env)
        print(f"  {'ingest':<36} {row['ingest']:8.3f} s  peak {peak / 1024:6.0f} MB")
        for name, pql in SEGMENTS:
            run(["segment", "create", "--name", name, "--pql", pql], env)
        row["first estimate"], peak, _ = run(["segment", "estimate", "--pql", NEW_EXPRESSION], env)
        print(f"  {'first estimate (builds the store)':<36} {row['first estimate']:8.3f} s  "
              f"peak {peak / 1024:6.0f} MB")
        samples, peaks = [], []
        for _ in range(RUNS):
            seconds, peak, _ = run(["segment", "estimate", "--pql", NEW_EXPRESSION], env)
            samples.append(seconds)
            peaks.append(peak)
        row["estimate"] = line("segment estimate (new expression)", samples, peaks)
        samples, peaks, job, evaluations = [], [], None, []
        for _ in range(RUNS):
            seconds, peak, out = run(["segment", "run", "--all", "--format", "json"], env,
                                     capture=True)
            samples.append(seconds)
            peaks.append(peak)
            job = json.loads(out)
            evaluations.append(job["metrics"]["profileSegmentationTime"]["totalTimeInMs"])
        row["run all"] = line("segment run --all (6 segments)", samples, peaks)
        row["peak MB"] = max(peaks) / 1024
        metrics = job["metrics"]
        row["profiles"] = metrics["totalProfiles"]
        row["evaluation ms"] = statistics.median(evaluations)
        print(f"  evaluation, as the job reports it   median {row['evaluation ms']:.0f} ms "
              f"(min {min(evaluations)}, max {max(evaluations)}) over {row['profiles']:,} profiles")
        listed = json.loads(run(["segment", "list", "--format", "json"], env, capture=True)[2])
        ids_by_name = {d["name"]: d["id"] for d in listed["segments"]}
        con, load_seconds = load_duckdb(env, folder)
        print(f"  DuckDB load of the same state (untimed, info) {load_seconds:.1f} s")
        row["duckdb ms"], row["equal"] = compare_with_duckdb(con, job, ids_by_name)
        print(f"  DuckDB summed query time (6 medians of 3) {row['duckdb ms']:.1f} ms; "
              f"aep-lab evaluation (median of {RUNS} jobs) {row['evaluation ms']:.0f} ms")
        row["server"] = serve_throughput(env)
        row["events/s"], row["run after stream"] = stream(env, data, folder, con)
        con.close()
        return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def size_label(size):
    """100000 → '100k', 1000000 → '1M'."""
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size % 1_000 == 0:
        return f"{size // 1_000}k"
    return f"{size:,}"


def served(row, name):
    """'6,700 (4.5)': a server figure of the row, or '-' when wrk did not run."""
    if not row.get("server"):
        return "-"
    rate, p99, _ = row["server"][name]
    return f"{rate:,.0f} ({p99:.1f})"


def print_table(rows):
    """Prints the Markdown table of all sizes and the growth relative to the first size."""
    print("\n| fragments | profiles | ingest s | first estimate (store build) s | estimate median s "
          "| segment run --all median s | run --all peak MB | aep-lab evaluation ms "
          "| DuckDB summed query ms | counts equal | streaming 10k events/s "
          "| then segment run --all s | lookups/s (p99 ms) | definitions/s (p99 ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['profiles']:,} | {r['ingest']:.2f} | {r['first estimate']:.2f} "
              f"| {r['estimate']:.3f} | {r['run all']:.3f} | {r['peak MB']:.0f} "
              f"| {r['evaluation ms']:.0f} | {r['duckdb ms']:.1f} | {r['equal']}/{len(SEGMENTS)} "
              f"| {r['events/s']:,.0f} | {r['run after stream']:.3f} "
              f"| {served(r, 'profile lookup')} "
              f"| {served(r, 'segment definitions')} |")
    first = rows[0]
    for r in rows[1:]:
        print(f"{size_label(first['size'])}→{size_label(r['size'])}: "
              f"time ×{r['run all'] / first['run all']:.1f}, "
              f"memory ×{r['peak MB'] / first['peak MB']:.1f}")


def main():
    """Runs every size, the start-up peer, then prints the table."""
    if not os.path.exists(BINARY):
        sys.exit("Build first: swift build -c release --product aep-lab (or set AEP_LAB_BINARY)")
    rows = [bench_size(size) for size in SIZES]
    samples = [run(["--version"], dict(os.environ))[0] for _ in range(RUNS)]
    line("peer: aep-lab --version", samples)
    print_table(rows)


if __name__ == "__main__":
    main()
