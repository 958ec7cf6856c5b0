"""Rebuild the decision matrix of the national case from the compiled public lists.

Run ``python cases/miit2021/sources/build.py`` (or ``--out DIR`` to write elsewhere). It reads
the lists in this folder and the case's ``clusters.csv``, applies the matching rules of
``matching_rules.md`` (R1, R2, R3, R7, R8, R9) and writes:

- ``scores.csv``: one row per cluster and leaf criterion, each a sourced point, a sourced
  interval or list (strict and broad reading), or an unknown with its reason;
- ``sources.csv``: the case's sources table, its ``N..`` rows regenerated from this folder's
  ``sources.csv`` (the ``P..`` and ``S..`` rows, cited by other tables, are kept as they are);
- ``sources/coverage.csv``: per indicator, how many clusters are points, intervals, lists and
  unknowns, and the sources used;
- ``sources/per_scale.csv``: the city little-giant count per 1000亿 of the cluster's reported
  scale, the view that is not the default (see the case README).

Nothing here is a judgment made cell by cell: a reviewer who disagrees with a matching call
edits ``cluster_fields.csv`` (the fields a cluster counts as its own or adjacent) or a list,
and reruns.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASE = HERE.parent

#: National centres approved up to this year count for the strict reading (R1, R2).
CUTOFF = 2022
#: Sources read for a zero of R1/R2: the centre lists and city counts that show no match.
CENTRE_LISTS = ("N01", "N02", "N06", "N07")
#: The paper's Table 1 (the 25 clusters with city and field), as a fact of the case.
TABLE1 = "P12"
#: MIIT's green industrial park lists (the notices) and their transcription (R9).
GREEN_PARK_LISTS = ("N49", "N50")
#: Units of scale in the per-scale view [1e8 CNY per unit].
PER_SCALE_UNIT = 1000.0

SCORE_COLUMNS = ("cluster", "criterion", "value", "provenance", "rule", "status", "low", "high")
FACT_COLUMNS = (
    "fact_id",
    "scope",
    "cluster_id",
    "entity",
    "indicator",
    "value",
    "qualifier",
    "unit",
    "year",
    "criterion_link",
    "source",
    "source_date",
    "quote",
    "reliability",
    "notes",
)


@dataclass(frozen=True)
class Cell:
    """One scores row: a point, an interval/list with both ends sourced, or an unknown."""

    status: str
    sources: tuple[str, ...]
    rule: str
    value: float | None = None
    low: float | None = None
    high: float | None = None

    def row(self, cluster: str, criterion: str) -> dict[str, str]:
        """The scores.csv row; provenance cites the first source (all are named in rule)."""
        provenance = "unknown" if self.status == "unknown" else _cited(self.sources[0])
        return {
            "cluster": cluster,
            "criterion": criterion,
            "value": _number(self.value),
            "provenance": provenance,
            "rule": self.rule + (f" [sources: {'; '.join(self.sources)}]" if self.sources else ""),
            "status": self.status,
            "low": _number(self.low),
            "high": _number(self.high),
        }


@dataclass(frozen=True)
class Cluster:
    """A Table 1 cluster: id, its cities, and its own (strict) and adjacent (broad) fields."""

    id: str
    cities: tuple[str, ...]
    own: frozenset[str]
    adjacent: frozenset[str]


@dataclass(frozen=True)
class Centre:
    """A national centre of the compiled list."""

    id: str
    name: str
    programme: str
    field: str
    city: str
    approved_by: int
    source: str


def _cited(source: str) -> str:
    return f"paper:{source}" if source.startswith("P") else f"facts:{source}"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if value != int(value) else str(int(value))


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts of text."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, str]]) -> None:
    """Write rows as CSV with Unix line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def city_name(text: str) -> str:
    """The city of a clusters.csv entry: ``Wenzhou (Yueqing)`` is Wenzhou."""
    return text.split(" (")[0].strip()


def load_clusters() -> list[Cluster]:
    """The 25 clusters with cities from clusters.csv and fields from cluster_fields.csv."""
    fields = read_rows(HERE / "cluster_fields.csv")
    clusters = []
    for row in read_rows(CASE / "clusters.csv"):
        mine = [f for f in fields if f["cluster"] == row["id"]]
        clusters.append(
            Cluster(
                id=row["id"],
                cities=tuple(city_name(c) for c in row["city"].split(";")),
                own=frozenset(f["field"] for f in mine if f["reading"] == "strict"),
                adjacent=frozenset(f["field"] for f in mine if f["reading"] == "broad"),
            )
        )
    return clusters


def load_centres() -> list[Centre]:
    """National manufacturing innovation centres (MIIT) and technology innovation centres."""
    return [
        Centre(
            r["id"],
            r["name_zh"],
            r["programme"],
            r["field"],
            r["city"],
            int(r["approved_by"]),
            r["source"],
        )
        for r in read_rows(HERE / "national_centres.csv")
    ]


def _named(centres: Iterable[Centre]) -> str:
    return ", ".join(f"{c.name} ({c.city}, {c.approved_by}, {c.source})" for c in centres)


def _reading(
    strict: list[Centre], broad: list[Centre], rule: str, why: str, widened_by: str
) -> Cell:
    """A 0/1 presence from a strict and a broad reading: a point when they agree, else a list.

    ``widened_by`` says what the broad reading adds to the strict one.
    """
    found = strict or broad
    sources = tuple(dict.fromkeys(c.source for c in found)) if found else CENTRE_LISTS
    if bool(strict) == bool(broad):
        value = float(bool(strict))
        text = f"{rule}: {why} {_named(found)}" if found else f"{rule}: no match in the lists"
        return Cell("point", sources, text, value=value)
    # The strict 0 rests on the lists that show no strict match, the broad 1 on the match.
    return Cell(
        "list",
        tuple(dict.fromkeys([*sources, *CENTRE_LISTS])),
        f"{rule}: strict 0, broad 1 ({why} {_named(broad)}; the broad reading adds {widened_by})",
        low=0.0,
        high=1.0,
    )


def centre_in_domain(cluster: Cluster, centres: Sequence[Centre]) -> Cell:
    """R1: a national centre of the cluster's field in one of its cities (0/1)."""
    here = [c for c in centres if c.city in cluster.cities and c.approved_by <= CUTOFF]
    strict = [c for c in here if c.programme == "MIIT" and c.field in cluster.own]
    broad = strict + [
        c
        for c in here
        if c not in strict
        and (
            (c.programme == "MIIT" and c.field in cluster.adjacent)
            or (c.programme != "MIIT" and c.field in cluster.own | cluster.adjacent)
        )
    ]
    return _reading(
        strict, broad, "R1", "in the cluster's cities:", "adjacent fields and MOST centres"
    )


def centre_elsewhere(cluster: Cluster, centres: Sequence[Centre]) -> Cell:
    """R2: the field's national manufacturing innovation centre sits outside the cluster (0/1)."""
    miit = [c for c in centres if c.programme == "MIIT"]
    hosted = [
        c
        for c in miit
        if c.city in cluster.cities and c.field in cluster.own and c.approved_by <= CUTOFF
    ]
    if hosted:
        return Cell(
            "point",
            tuple(dict.fromkeys(c.source for c in hosted)),
            f"R2: the field's centre is in the cluster itself: {_named(hosted)}",
            value=0.0,
        )
    away = [c for c in miit if c.city not in cluster.cities]
    strict = [c for c in away if c.field in cluster.own and c.approved_by <= CUTOFF]
    broad = strict + [
        c for c in away if c not in strict and c.field in cluster.own | cluster.adjacent
    ]
    return _reading(
        strict, broad, "R2", "elsewhere:", f"adjacent fields and approvals after {CUTOFF}"
    )


def same_domain(cluster: Cluster, clusters: Sequence[Cluster]) -> Cell:
    """R3: other Table 1 clusters sharing one of the cluster's own fields (count)."""
    others = [c.id for c in clusters if c.id != cluster.id and c.own & cluster.own]
    named = f"same field as {', '.join(others)}" if others else "no other Table 1 cluster"
    return Cell("point", (TABLE1,), f"R3: {named}", value=float(len(others)))


def city_figure(
    cluster: Cluster,
    figures: Mapping[str, float],
    sources: tuple[str, ...],
    rule: str,
    combine: str,
    missing: str,
) -> Cell:
    """R7/R8/R9: a city-level list read for the cluster's cities (a city proxy, not the cluster).

    ``combine`` is ``sum`` (counts of entities in any of the cities: one point) or ``range``
    (an index of each city: a point for one city, else the interval of its cities).
    """
    known = {city: figures[city] for city in cluster.cities if city in figures}
    absent = [city for city in cluster.cities if city not in figures]
    shown = "; ".join(f"{city} {value:g}" for city, value in known.items())
    if absent:
        bound = f" (known: {shown})" if known else ""
        return Cell("unknown", (), f"{rule}: {', '.join(absent)} {missing}{bound}; city proxy")
    values = list(known.values())
    if combine == "sum" or len(values) == 1:
        return Cell("point", sources, f"{rule}: city proxy, {shown}", value=sum(values))
    return Cell(
        "interval",
        sources,
        f"{rule}: city proxy, the cluster's cities span {shown} (width: cluster boundary)",
        low=min(values),
        high=max(values),
    )


def city_table(name: str, column: str) -> dict[str, float]:
    """A city list of this folder as city (English) -> figure."""
    return {r["city_en"]: float(r[column]) for r in read_rows(HERE / name)}


def parks_by_city(clusters: Sequence[Cluster]) -> dict[str, float]:
    """R9: national green industrial parks listed in each of the clusters' cities [parks].

    The compiled list is complete (every park of the lists, with ``city_en`` set only when the
    park lies in one of the clusters' cities), so a city without a row holds none: a sourced 0.
    """
    parks = read_rows(HERE / "green_industrial_parks.csv")
    cities = {city for cluster in clusters for city in cluster.cities}
    return {city: float(sum(r["city_en"] == city for r in parks)) for city in sorted(cities)}


def build_cells(clusters: Sequence[Cluster], centres: Sequence[Centre]) -> dict[str, list[Cell]]:
    """Every leaf criterion's cells, in cluster order."""
    index = city_table("city_innovation_index_2022.csv", "index")
    giants = city_table("little_giants_by_city_2025.csv", "firms")
    parks = parks_by_city(clusters)
    lowest = min(index.values())
    return {
        "C1.1": [
            city_figure(
                c,
                giants,
                ("N36",),
                "R8",
                "sum",
                "not among the cities the source names (Top-30 table published as an image)",
            )
            for c in clusters
        ],
        "C2.1": [centre_in_domain(c, centres) for c in clusters],
        "C3.1": [
            city_figure(
                c,
                index,
                ("N46",),
                "R7",
                "range",
                f"not among ranks 1-59 of the list (index below {lowest:g} or unranked)",
            )
            for c in clusters
        ],
        "C4.1": [centre_elsewhere(c, centres) for c in clusters],
        "C4.2": [same_domain(c, clusters) for c in clusters],
        "C5.1": [
            city_figure(c, parks, GREEN_PARK_LISTS, "R9", "sum", "not in the lists")
            for c in clusters
        ],
    }


def case_sources(compiled: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """The case's sources table: its P/S rows kept, the N rows rebuilt from the compiled list."""
    kept = [r for r in read_rows(CASE / "sources.csv") if not r["fact_id"].startswith("N")]
    rebuilt = [
        {
            "fact_id": r["id"],
            "scope": "public",
            "entity": r["title"],
            "indicator": r["what_it_lists"],
            "year": r["year"],
            "source": r["url_or_citation"],
            "source_date": r["year"],
            "quote": r["what_it_lists"],
            "reliability": r["reliability"],
            "notes": f"{r['publisher']}; {r['access_note']}",
        }
        for r in compiled
        if r["id"].startswith("N")
    ]
    return [{k: r.get(k, "") for k in FACT_COLUMNS} for r in [*kept, *rebuilt]]


def coverage(cells: Mapping[str, list[Cell]]) -> list[dict[str, str]]:
    """Per criterion: cells by status and the sources cited."""
    rows = []
    for criterion, column in cells.items():
        counts = {s: sum(c.status == s for c in column) for s in ("point", "interval", "list")}
        unknown = sum(c.status == "unknown" for c in column)
        sources = sorted({s for c in column for s in c.sources})
        rows.append(
            {
                "criterion": criterion,
                **{k: str(v) for k, v in counts.items()},
                "unknown": str(unknown),
                "sourced": str(len(column) - unknown),
                "clusters": str(len(column)),
                "sources": "; ".join(sources),
            }
        )
    return rows


def per_scale(clusters: Sequence[Cluster], giants: Sequence[Cell]) -> list[dict[str, str]]:
    """City little giants per 1000亿 of the cluster's reported scale, where both are known."""
    scale = {r["cluster"]: r for r in read_rows(HERE / "scale_cny_1e8.csv")}
    rows = []
    for cluster, cell in zip(clusters, giants, strict=True):
        size = scale[cluster.id]
        known = cell.value is not None and size["status"] in ("point", "interval")
        low = high = ""
        if known and cell.value is not None:
            low = f"{cell.value / float(size['high']) * PER_SCALE_UNIT:.0f}"
            high = f"{cell.value / float(size['low']) * PER_SCALE_UNIT:.0f}"
        rows.append(
            {
                "cluster": cluster.id,
                "little_giants_city": _number(cell.value),
                "scale_low": size["low"],
                "scale_high": size["high"],
                "per_1000_low": low,
                "per_1000_high": high,
            }
        )
    return rows


def build(out: Path) -> None:
    """Write scores.csv, sources.csv and the coverage and per-scale tables under `out`."""
    clusters = load_clusters()
    cells = build_cells(clusters, load_centres())
    scores = [
        cell.row(cluster.id, criterion)
        for index, cluster in enumerate(clusters)
        for criterion, column in cells.items()
        for cell in (column[index],)
    ]
    write_rows(out / "scores.csv", SCORE_COLUMNS, scores)
    write_rows(out / "sources.csv", FACT_COLUMNS, case_sources(read_rows(HERE / "sources.csv")))
    table = coverage(cells)
    write_rows(out / "sources" / "coverage.csv", list(table[0]), table)
    scaled = per_scale(clusters, cells["C1.1"])
    write_rows(out / "sources" / "per_scale.csv", list(scaled[0]), scaled)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``--out`` (default: the case folder)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=CASE, help="folder to write into")
    build(parser.parse_args(argv).out)


if __name__ == "__main__":
    main()
