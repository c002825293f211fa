"""The same five audiences as SegmentBenchmark, computed by DuckDB over the same CSV files.

Prints DuckDB's load and query times and the ratio to aep-lab's own figures (read from
aep-lab.json in the same folder). Usage: python3 duckdb_segments.py DIR
"""
import json
import sys
import time

import duckdb

NOW = 1_750_248_000_000
DAY = 86_400_000
QUERIES = {
    "attr": "SELECT count(*) FROM profiles WHERE gender = 'male'",
    "text": "SELECT count(*) FROM profiles WHERE lower(city) LIKE '%bru%'",
    "count": f"""SELECT count(*) FROM (SELECT pid FROM events
        WHERE eventType = 'commerce.productViews' AND ts >= {NOW - 7 * DAY} AND ts <= {NOW}
        GROUP BY pid HAVING count(*) >= 3)""",
    "chain": f"""SELECT count(*) FROM (SELECT pid,
          min(ts) FILTER (WHERE eventType = 'commerce.productViews') AS first_view,
          max(ts) FILTER (WHERE eventType = 'commerce.purchases') AS last_purchase
        FROM events WHERE ts >= {NOW - DAY} AND ts <= {NOW} GROUP BY pid)
        WHERE first_view < last_purchase""",
    "nested": "SELECT count(*) FROM profiles WHERE gender = 'male' AND level = 'Gold'",
}


def main(folder):
    con = duckdb.connect()
    con.execute("SET threads = 2")
    start = time.perf_counter()
    con.execute(f"""CREATE TABLE profiles AS SELECT * FROM read_csv('{folder}/profiles.csv',
        header = true, columns = {{'id': 'INTEGER', 'gender': 'VARCHAR', 'firstName': 'VARCHAR',
        'city': 'VARCHAR', 'level': 'VARCHAR'}})""")
    con.execute(f"""CREATE TABLE events AS SELECT * FROM read_csv('{folder}/events.csv',
        header = true, columns = {{'pid': 'INTEGER', 'ts': 'BIGINT', 'eventType': 'VARCHAR',
        'product': 'VARCHAR'}})""")
    load = time.perf_counter() - start
    ours = json.load(open(f"{folder}/aep-lab.json"))
    profiles = ours["profiles"]
    print(f"DuckDB {duckdb.__version__} (2 threads) over the same files")
    print(f"  load (read_csv into tables): {load:.2f} s   aep-lab load: {ours['loadSeconds']:.2f} s")
    total = load
    for key, sql in QUERIES.items():
        times = []
        count = 0
        for _ in range(3):
            t = time.perf_counter()
            count = con.execute(sql).fetchone()[0]
            times.append(time.perf_counter() - t)
        best = sorted(times)[1]
        total += best
        seg = ours["segments"][key]
        same = "same members" if count == seg["members"] else f"MISMATCH: aep-lab {seg['members']}"
        print(f"  {seg['name']:<28} DuckDB {profiles / best:>14,.0f} profiles/s ({best:.3f} s, "
              f"{count} members)   aep-lab {profiles / max(seg['seconds'], 1e-9):>14,.0f} "
              f"profiles/s   ratio aep-lab/DuckDB {best / max(seg['seconds'], 1e-9):.2f}x  {same}")
    print(f"  end to end (load + five audiences): DuckDB {total:.2f} s, aep-lab "
          f"{ours['totalSeconds']:.2f} s -> aep-lab is {total / ours['totalSeconds']:.2f}x "
          f"DuckDB's speed (target: ahead, > 1x)")
    if "jsonTotalSeconds" in ours:
        print(f"  (aep-lab with each profile made into JSON first: {ours['jsonTotalSeconds']:.2f} s, "
              f"{total / ours['jsonTotalSeconds']:.2f}x DuckDB's speed)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/out/segments")
