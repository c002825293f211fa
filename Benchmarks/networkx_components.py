#!/usr/bin/env python3
"""The peer of the identity benchmark: connected components of an edge list with networkx.

Usage: networkx_components.py EDGES_FILE [RUNS]. Prints one JSON object: the median time of
building the graph and computing its connected components, and the number of components.
"""
import json, sys, time

import networkx as nx

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
with open(path) as f:
    edges = [tuple(map(int, line.split())) for line in f]
times, count = [], 0
for _ in range(runs):
    start = time.perf_counter()
    graph = nx.Graph()
    graph.add_edges_from(edges)
    count = sum(1 for _ in nx.connected_components(graph))
    times.append(time.perf_counter() - start)
times.sort()
print(json.dumps({"seconds": times[len(times) // 2], "components": count, "version": nx.__version__}))
