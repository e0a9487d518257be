"""Every export of a multi-article graph, loaded by its real consumer.

networkx reads the node-link JSON, GraphML and GEXF; pandas the CSV tables and the
Neo4j import files; pyarrow and DuckDB the Parquet tables; json the PLOVER lines.
Each check compares what the consumer sees with what the Rust side says about the
same store (see conftest.py).
"""

import io
import json
from collections import Counter

import duckdb
import networkx as nx
import pandas as pd
import pyarrow.parquet as pq

HOSTILE_QUOTE = "We <will> stand & deliver, whatever 'they' say,"
HOSTILE_URL = "https://news.example/a?b=1&c=<2>"


def event_ids(events):
    return {e["id"] for e in events}


def edge_id(u, v, d):
    """What tells an edge apart from the others between u and v: its event, or for a
    role/member link its kind and role title."""
    return (u, v, d.get("event") or (d["kind"], d.get("what") or ""))


def edge_index(graph):
    """edge_id -> edge attributes, for a networkx multigraph."""
    return {edge_id(u, v, d): d for u, v, d in graph.edges(data=True)}


def reference_edges(exports):
    return {edge_id(e["source"], e["target"], e): e for e in exports.edges}


# --- the Rust side is self-consistent ---------------------------------------------


def test_rust_side_counts_agree(exports):
    g = exports.node_link["graph"]
    assert g["entities"] == len(exports.entities) == len(exports.node_link["nodes"])
    kinds = Counter(e["kind"] for e in exports.node_link["edges"] if e["event"])
    assert len(exports.pledges) + len(exports.statements) <= g["events"]
    assert kinds["pledge"] >= len(exports.pledges) > 0
    assert len(exports.ukraine) > 0, "the sample articles report pledges to Ukraine"


# --- networkx ---------------------------------------------------------------------


def test_node_link_json_loads_as_multidigraph_with_every_attribute(exports):
    data = json.loads((exports.dir / "diplograph.json").read_text(encoding="utf-8"))
    G = nx.node_link_graph(data, edges="edges")
    assert isinstance(G, nx.MultiDiGraph)
    assert set(G.nodes) == exports.entity_ids
    assert G.number_of_edges() == len(exports.edges)
    for e in exports.entities:
        node = G.nodes[e["id"]]
        assert node["name"] == e["name"] and node["kind"] == e["kind"]
        assert node["aliases"] == e["aliases"]
        for k, v in e["attributes"].items():
            assert node[k] == v, (e["id"], k)
    pledged = {
        d["event"] for _, _, d in G.edges(data=True) if d["kind"] == "pledge"
    }
    assert event_ids(exports.pledges) == pledged
    for p in exports.pledges:
        for to in p["to_ids"]:
            d = G.edges[p["by_id"], to, p["id"]]
            assert d["what"] == p["what"] and d["cameo"] == p["cameo"]
            assert [x["doc"] for x in d["evidence"]] == [x["doc"] for x in p["evidence"]]


def check_graph_file(G, exports):
    """Nodes, edges and attribute values of a GraphML/GEXF graph vs the node-link JSON."""
    assert isinstance(G, nx.MultiDiGraph)
    assert set(G.nodes) == exports.entity_ids
    assert G.number_of_edges() == len(exports.edges)
    by_id = {e["id"]: e for e in exports.entities}
    for n, d in G.nodes(data=True):
        e = by_id[n]
        assert d["name"] == e["name"] and d["kind"] == e["kind"]
        assert d.get("aliases", "") == "; ".join(e["aliases"])
        assert d.get("role", "") == e["attributes"].get("role", "")
    got = edge_index(G)
    want = reference_edges(exports)
    assert len(want) == len(exports.edges), "edge_id tells every edge apart"
    assert set(got) == set(want)
    for key, e in want.items():
        d = got[key]
        assert d["kind"] == e["kind"]
        if e["event"]:
            assert d["cameo"] == e["cameo"], "codes stay strings"
            assert d["plover"] == e["plover"]
            assert d["goldstein"] == e["goldstein"]
            assert d["negated"] is e["negated"] and d["untargeted"] is e["untargeted"]
            assert d.get("what", "") == (e["what"] or "")
            assert d.get("quote", "") == (e["quote"] or "")
    # Scalars only: networkx writes the graph back without complaint.
    return got


def test_graphml_loads_in_networkx(exports):
    G = nx.read_graphml(exports.dir / "diplograph.graphml", force_multigraph=True)
    check_graph_file(G, exports)
    assert G.graph["events"] == exports.event_count
    # Edge keys are the node-link keys (event ids, role:TITLE, member).
    assert {k for _, _, k in G.edges(keys=True)} == {e["key"] for e in exports.edges}
    nx.write_graphml(G, io.BytesIO())


def test_gexf_loads_in_networkx(exports):
    G = nx.read_gexf(exports.dir / "diplograph.gexf")
    check_graph_file(G, exports)
    for n, d in G.nodes(data=True):
        assert d["label"] == d["name"]
    nx.write_gexf(G, io.BytesIO())


def test_hostile_text_survives_xml(exports):
    for G in (
        nx.read_graphml(exports.dir / "diplograph.graphml", force_multigraph=True),
        nx.read_gexf(exports.dir / "diplograph.gexf"),
    ):
        quotes = {d.get("quote") for _, _, d in G.edges(data=True)}
        assert HOSTILE_QUOTE in quotes
        whats = {d.get("what") for _, _, d in G.edges(data=True)}
        assert 'send "winterized" tents & generators to Ukraine' in whats
        aliases = G.nodes["person:recep-tayyip-erdogan"]["aliases"]
        assert "Erdoğan" in aliases.split("; ")


# --- pandas -------------------------------------------------------------------------


def read_csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_csv_tables_load_in_pandas(exports):
    nodes = read_csv(exports.dir / "nodes.csv")
    edges = read_csv(exports.dir / "edges.csv")
    events = pd.read_csv(exports.dir / "events.csv", dtype={"cameo": str})
    assert len(nodes) == len(exports.entities)
    assert set(nodes["id"]) == exports.entity_ids
    assert len(edges) == len(exports.edges)
    assert len(events) == exports.event_count
    for col in [
        "date", "actor", "actor_kind", "actor_country", "target", "kind", "cameo",
        "plover", "goldstein", "what", "quote", "document", "url", "sentence",
    ]:
        assert col in events.columns, col
    assert events["goldstein"].dtype == float
    kinds = events["kind"].value_counts()
    assert kinds["pledge"] == len(exports.pledges)
    assert kinds["statement"] == len(exports.statements)
    by_id = events.set_index("event_id")
    for p in exports.pledges:
        row = by_id.loc[p["id"]]
        assert row["cameo"] == p["cameo"] and row["actor"] == p["by"]
        assert row["plover"] == p["plover"] == "AGREE"
        assert row["target"] == "; ".join(p["to"]) or (pd.isna(row["target"]) and not p["to"])
    hostile = events[events["document"] == "hostile-quotes"]
    assert set(hostile["url"]) == {HOSTILE_URL}
    assert set(hostile["outlet"]) == {"Test & Wire <TW>"}
    assert HOSTILE_QUOTE in set(hostile["quote"].dropna())


# --- pyarrow and DuckDB -------------------------------------------------------------


def test_parquet_loads_in_pyarrow_and_duckdb(exports):
    d = exports.dir
    assert pq.read_table(d / "nodes.parquet").num_rows == len(exports.entities)
    assert pq.read_table(d / "edges.parquet").num_rows == len(exports.edges)
    events = pq.read_table(d / "events.parquet")
    assert events.num_rows == exports.event_count
    schema = events.schema
    assert str(schema.field("cameo").type) == "string"
    assert str(schema.field("goldstein").type) == "double"
    assert str(schema.field("negated").type) == "bool"
    assert str(schema.field("documents").type) == "int64"
    con = duckdb.connect()
    path = str(d / "events.parquet").replace("'", "''")
    n = con.sql(f"SELECT count(*) FROM '{path}' WHERE kind = 'pledge'").fetchall()[0][0]
    assert n == len(exports.pledges)
    to_ukraine = con.sql(
        f"SELECT DISTINCT actor FROM '{path}' WHERE kind = 'pledge' AND NOT negated "
        f"AND NOT hedged AND list_contains(string_split(target, '; '), 'Ukraine')"
    ).fetchall()
    assert {a for (a,) in to_ukraine} == {p["by"] for p in exports.ukraine}
    types = con.sql(f"SELECT DISTINCT typeof(cameo) FROM '{path}'").fetchall()
    assert types == [("VARCHAR",)]
    # Missing values are real nulls, not empty strings.
    nulls = con.sql(f"SELECT count(*) FROM '{path}' WHERE quote = ''").fetchall()[0][0]
    assert nulls == 0
    table = events.to_pandas().set_index("event_id")
    for p in exports.pledges:
        assert table.loc[p["id"], "cameo"] == p["cameo"]


# --- PLOVER -------------------------------------------------------------------------


def test_plover_lines_load_as_json(exports):
    lines = (exports.dir / "diplograph.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == exports.event_count
    by_id = {r["event_id"]: r for r in records}
    assert len(by_id) == len(records)
    for r in records:
        for field in ["event_id", "event_date", "event_type", "event_mode", "event_context",
                      "actor_name", "actor_country", "recipient_name", "source", "text"]:
            assert field in r, field
    for p in exports.pledges:
        r = by_id[p["id"]]
        assert r["event_type"] == "AGREE" and r["actor_name"] == p["by"]
        assert r["recipient_name"] == (p["to"][0] if p["to"] else None)
        assert r["cameo"] == p["cameo"]
        assert r["text"] == p["evidence"][0]["sentence"]
    assert Counter(r["event_type"] for r in records)["STATEMENT"] == len(exports.statements)
    hostile = [r for r in records if r["story_id"] == "hostile-quotes"]
    assert hostile and all(r["url"] == HOSTILE_URL for r in hostile)


# --- Neo4j --------------------------------------------------------------------------


def test_neo4j_import_files_load_in_pandas(exports):
    d = exports.dir
    node_files = sorted(d.glob("nodes-*.csv"))
    rel_files = sorted(d.glob("rels-*.csv"))
    assert len(node_files) == 4 and len(rel_files) == 8
    nodes = pd.concat([read_csv(f) for f in node_files], ignore_index=True)
    assert len(nodes) == len(exports.entities)
    assert set(nodes["id:ID(entity)"]) == exports.entity_ids
    by_id = {e["id"]: e for e in exports.entities}
    for _, row in nodes.iterrows():
        e = by_id[row["id:ID(entity)"]]
        assert row[":LABEL"] == "Entity;" + e["kind"].capitalize()
        aliases = row["aliases:string[]"].split(";") if row["aliases:string[]"] else []
        assert aliases == [a.replace(";", ",") for a in e["aliases"]]
    rels = pd.concat([read_csv(f) for f in rel_files], ignore_index=True)
    assert len(rels) == len(exports.edges)
    ends = set(rels[":START_ID(entity)"]) | set(rels[":END_ID(entity)"])
    assert ends <= exports.entity_ids
    pledges = read_csv(d / "rels-pledge.csv")
    assert set(pledges[":TYPE"]) == {"PLEDGE"}
    assert set(pledges["event_id"]) == event_ids(exports.pledges)
    assert all(c in pledges.columns for c in ["goldstein:double", "documents:string[]", "date:date"])
