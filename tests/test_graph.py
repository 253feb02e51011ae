"""The citation graph: a citation resolved to the stored document it names, as its writer typed
it, and the graph exported from a store."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import networkx
import pytest

from extractor.graph import StoredDocument, best_match, issuer_key, number_key

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
KEHOACH = [sys.executable, "-m", "extractor.cli"]

PARENT = StoredDocument("parent", (number_key("123/KH-UBND"),), "2022-09-07",
                        issuer_key("Ủy ban nhân dân thị xã An Khê"), "huyen")
OTHER = StoredDocument("other", (number_key("124/KH-UBND"),), "2022-03-01",
                       issuer_key("Ủy ban nhân dân huyện Kbang"), "huyen")


@pytest.mark.parametrize(("number", "date", "issuer"), [
    ("123/KH-UBND", "2022-09-07", "Ủy ban nhân dân thị xã An Khê"),
    ("123 /KH- UBND", "2022-09-07", "UBND thị xã An Khê"),            # spacing, abbreviation
    ("123/KH-UBND", None, "Ủy ban nhân thị xã An Khê"),                # no date, issuer typo
    ("132/KH-UBND", "2022-09-07", "UBND thị xã An Khê"),               # two digits swapped
    ("128/KH-UBND", "2022-09-07", "Ủy ban nhân dân thị xã An Khê"),    # one digit mistyped
])
def test_a_citation_finds_the_document_it_names(number, date, issuer) -> None:
    match = best_match(number, date, issuer, "huyen", [PARENT, OTHER])
    assert match is not None and match[0] is PARENT


@pytest.mark.parametrize(("number", "date", "issuer", "level"), [
    ("123/KH-UBND", "2022-09-07", "Ủy ban nhân dân thị xã An Khê", "tinh"),  # another level
    ("128/KH-UBND", None, "Ủy ban nhân dân huyện Đak Pơ", "huyen"),         # typo, nothing else
    ("321/KH-UBND", "2022-09-07", "Ủy ban nhân dân thị xã An Khê", "huyen"),  # two digits off
    ("123/QĐ-UBND", "2019-01-01", "Ủy ban nhân dân tỉnh Gia Lai", "huyen"),
])
def test_a_citation_of_something_else_finds_nothing(number, date, issuer, level) -> None:
    match = best_match(number, date, issuer, level, [PARENT])
    assert match is None


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    archive = tmp_path_factory.mktemp("archive")
    for seed in ("001_254a0747dd8fdc85", "004_a27ad8b7910d8acb"):
        (archive / f"{seed}.txt").write_bytes((CORPUS / f"{seed}.txt").read_bytes())
        parent = CORPUS / "parents" / f"{seed[:3]}_parent.txt"
        (archive / parent.name).write_bytes(parent.read_bytes())
    out = archive.parent / "graph.duckdb"
    subprocess.run([*KEHOACH, "batch", str(archive), "--out", str(out), "-q"], cwd=ROOT,
                   check=True, capture_output=True)
    return out


def test_each_plan_is_linked_to_its_parent_and_exported_as_graphml(store, tmp_path) -> None:
    out = tmp_path / "plans.graphml"
    subprocess.run([*KEHOACH, "graph", str(store), "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    graph = networkx.read_graphml(out)
    parents = {graph.nodes[a]["path"].rsplit("/", 1)[-1]: graph.nodes[b].get("path", "")
               for a, b, edge in graph.edges(data=True) if edge.get("is_parent")}
    assert parents["001_254a0747dd8fdc85.txt"].endswith("001_parent.txt")
    assert parents["004_a27ad8b7910d8acb.txt"].endswith("004_parent.txt")
    # Documents cited but not in the archive are nodes too, marked absent.
    assert any(not data["in_store"] for _, data in graph.nodes(data=True))


def test_the_edge_list_as_csv(store, tmp_path) -> None:
    out = tmp_path / "edges.csv"
    subprocess.run([*KEHOACH, "graph", str(store), "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    parents = {row["citing_path"].rsplit("/", 1)[-1]: row["cited_number"]
               for row in rows if row["is_parent"] == "True" and row["cited_in_store"] == "True"}
    assert parents == {"001_254a0747dd8fdc85.txt": "123/KH-UBND",
                       "004_a27ad8b7910d8acb.txt": "786/QĐ-UBND"}
