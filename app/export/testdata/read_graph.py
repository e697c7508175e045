"""Reads a GEXF or GraphML file with networkx and prints what it found as JSON.

Usage: read_graph.py gexf|graphml FILE. Debian bookworm's networkx (2.8) reads GEXF 1.1
and 1.2 only: for it, the 1.3 namespaces are registered with the 1.2 reader's rules,
which 1.3 keeps for everything Dossier writes (nodes, edges, attributes, spells).
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf

kind, path = sys.argv[1], sys.argv[2]
if kind == "gexf":
    if "1.3" not in gexf.GEXF.versions:
        v = dict(gexf.GEXF.versions["1.2draft"])
        v.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
        gexf.GEXF.versions["1.3"] = v
    g = nx.read_gexf(path)
else:
    g = nx.read_graphml(path)

out = {
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "node_attrs": {n: {k: v for k, v in d.items()} for n, d in g.nodes(data=True)},
    "edge_attrs": [
        {k: (v if not isinstance(v, list) else [list(x) for x in v]) for k, v in d.items()}
        for _, _, d in g.edges(data=True)
    ],
}
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
