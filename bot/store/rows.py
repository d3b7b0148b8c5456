"""The catalog's tables, each described once: its columns, which record field each holds and how
the value is stored. The SQL that writes and reads a table and the conversion between a record
and its row are derived from that description, so a new column is one line here (and its
migration).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import aiosqlite

from bot.bulk import bulk
from bot.catalog.models import SCORE_FIELDS, Catalog, Score

# How a value is stored: as it is; as JSON text (tuples, dicts: a dict keeps its key order);
# a bool as SQLite's integer 1 or 0, read back as a bool; a date as ISO text, which the model
# reads back as a date.
# A record (a pydantic model held in a field) as its JSON, read back as the dict it validates from.
Kind = Literal["plain", "json", "bool", "date", "record", "shared"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    field: str = ""  # the record's field it holds, when not the column's own name
    kind: Kind = "plain"

    @property
    def attr(self) -> str:
        return self.field or self.name


def _record_json(value: Any) -> str | None:
    return None if value is None else value.model_dump_json()


def _loads_or_none(value: Any) -> Any:
    return None if value is None else json.loads(value)


# The conversions a row makes, as expressions on a value `{0}` (none for a plain value). A bool
# goes in as an int: sqlite3 binds an int at once, but tries to adapt a bool first. A record (a
# nested pydantic model) goes in as its JSON.
_TO_SQL = {
    "json": "_json_dumps({0})",
    "bool": "(None if {0} is None else int({0}))",
    "date": "(None if {0} is None else {0}.isoformat())",
    "record": "_record_json({0})",
}
_FROM_SQL = {
    "json": "_json_loads({0})",
    "bool": "(None if {0} is None else bool({0}))",
    "record": "_loads_or_none({0})",
    # text that repeats down a table (model and benchmark ids, sources, links): one string
    # for every row that holds it, not one each
    "shared": "(None if {0} is None else _intern({0}))",
}
_HELPERS = {
    "_intern": sys.intern,
    "_json_dumps": json.dumps,
    "_json_loads": json.loads,
    "_record_json": _record_json,
    "_loads_or_none": _loads_or_none,
}


class Table:
    """One catalog table. A row is the columns the caller gives (the snapshot, a category's
    position), then the record's key columns, then the rest.

    `encode(*given, record)` makes a record's row and `decode(row)` turns a row read with `select`
    back into the record's fields. Both are compiled from the column list, the way dataclasses
    writes an `__init__`: a full write of 10,000 models makes half a million score rows, and
    a loop over the columns for each value made that a quarter slower."""

    def __init__(
        self,
        name: str,
        *,
        given: tuple[str, ...],
        key: tuple[Column, ...],
        columns: tuple[Column, ...],
        order: str,
    ) -> None:
        self.name, self.given, self.key, self.columns = name, given, key, columns
        self.order = order
        record = (*key, *columns)
        names = [*given, *(c.name for c in record)]
        where = " AND ".join(f"{n} = ?" for n in ("snapshot_id", *(c.name for c in key)))
        self.insert = (
            f"INSERT INTO {name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )
        self.select = (
            f"SELECT {', '.join(c.name for c in record)} FROM {name} "
            f"WHERE snapshot_id = ? ORDER BY {order}"
        )
        # a snapshot's rows copied to a new snapshot, inside SQLite; then changed in place
        self.copy = (
            f"INSERT INTO {name} ({', '.join(names)}) SELECT ?, {', '.join(names[1:])} "
            f"FROM {name} WHERE snapshot_id = ?"
        )
        self.update = (
            f"UPDATE {name} SET {', '.join(f'{c.name} = ?' for c in columns)} WHERE {where}"
        )
        self.delete = f"DELETE FROM {name} WHERE {where}"
        self._keyed = len(given) + len(key)
        self.encode: Callable[..., tuple[Any, ...]] = _compile(
            f"def encode({', '.join(given)}, r):\n    return ({', '.join(given)}, "
            + "".join(_TO_SQL.get(c.kind, "{0}").format(f"r.{c.attr}") + ", " for c in record)
            + ")\n",
            "encode",
        )
        self.decode: Callable[[Sequence[Any]], dict[str, Any]] = _compile(
            "def decode(row):\n    return {"
            + "".join(
                f"{c.attr!r}: " + _FROM_SQL.get(c.kind, "{0}").format(f"row[{i}]") + ", "
                for i, c in enumerate(record)
            )
            + "}\n",
            "decode",
        )
        # a row's values in the record's field order, converted as `decode` converts them
        self.values: Callable[[Sequence[Any]], tuple[Any, ...]] = _compile(
            "def values(row):\n    return ("
            + "".join(
                _FROM_SQL.get(c.kind, "{0}").format(f"row[{i}]") + ", "
                for i, c in enumerate(record)
            )
            + ")\n",
            "values",
        )

    def update_args(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """A row as the arguments of `update`: the columns after the key, then the key."""
        return (*row[self._keyed :], *row[: self._keyed])


def _compile(source: str, name: str) -> Any:
    namespace: dict[str, Any] = dict(_HELPERS)
    exec(compile(source, f"<store row codec: {name}>", "exec"), namespace)
    return namespace[name]


CATEGORIES = Table(
    "categories",
    given=("snapshot_id", "position"),
    key=(Column("id"),),
    columns=(Column("name"), Column("weight"), Column("description")),
    order="position",
)
BENCHMARKS = Table(
    "benchmarks",
    given=("snapshot_id",),
    key=(Column("id"),),
    columns=(
        Column("name"),
        Column("category"),
        Column("weight"),
        Column("unit"),
        Column("scale_max"),
        Column("higher_is_better", kind="bool"),
        Column("saturated", kind="bool"),
        Column("description"),
        Column("url"),
        Column("aliases", kind="json"),
        Column("difficulty"),
        Column("short"),
    ),
    order="id",
)
MODELS = Table(
    "models",
    given=("snapshot_id",),
    key=(Column("id"),),
    columns=(
        Column("name"),
        Column("aliases", kind="json"),
        Column("creator"),
        Column("family"),
        Column("release_date", kind="date"),
        Column("reasoning", kind="bool"),
        Column("open_weights", kind="bool"),
        Column("context_window"),
        Column("max_output_tokens"),
        Column("input_price"),
        Column("output_price"),
        Column("output_speed"),
        Column("ttft"),
        Column("input_modalities", kind="json"),
        Column("params_b"),
        Column("sources", kind="json"),
        Column("provenance", kind="json"),
        Column("long_context_from"),
        Column("long_input_price"),
        Column("long_output_price"),
        Column("speed_measurement", kind="record"),
    ),
    order="id",
)
SCORES = Table(
    "scores",
    given=("snapshot_id",),
    key=(
        Column("model_id", "model", kind="shared"),
        Column("benchmark_id", "benchmark", kind="shared"),
    ),
    columns=(
        Column("value"),
        Column("source_url", kind="shared"),
        Column("self_reported", kind="bool"),
        Column("date", kind="date"),
        Column("source", kind="shared"),
        Column("variant", kind="shared"),
        Column("vendor_value"),
        Column("vendor_source_url", kind="shared"),
    ),
    order="model_id, benchmark_id",
)

# A score is made from its row's values in order: the table's columns follow its fields.
assert tuple(c.attr for c in (*SCORES.key, *SCORES.columns)) == SCORE_FIELDS
Rows = dict[str, list[tuple[Any, ...]]]  # table name -> rows, in the table's row layout


def small_rows(catalog: Catalog, sid: int) -> Rows:
    """A snapshot's categories and benchmarks (written whole each time: a few hundred rows)."""
    return {
        CATEGORIES.name: [CATEGORIES.encode(sid, i, c) for i, c in enumerate(catalog.categories)],
        BENCHMARKS.name: [BENCHMARKS.encode(sid, b) for b in catalog.benchmarks],
    }


@bulk
def catalog_rows(catalog: Catalog, sid: int) -> Rows:
    """Every row of a snapshot, per table; scores in the order the caller gave them."""
    return {
        **small_rows(catalog, sid),
        MODELS.name: [MODELS.encode(sid, m) for m in catalog.models],
        SCORES.name: [SCORES.encode(sid, s) for s in catalog.scores],
    }


def tables() -> tuple[Table, ...]:
    """The catalog's tables, in the order a snapshot is read and written."""
    return (CATEGORIES, BENCHMARKS, MODELS, SCORES)


@bulk
def scores_from(rows: Iterable[Any]) -> list[Score]:
    """Scores from their rows, each validated as it is made (the file is editable)."""
    return [Score(*SCORES.values(r)) for r in rows]


@bulk
def assemble(
    snapshot: aiosqlite.Row, rows: dict[str, list[aiosqlite.Row]], scores: list[Score]
) -> Catalog:
    """A stored snapshot's rows back into a Catalog (validated again: the file is editable)."""
    raw: dict[str, Any] = {
        "meta": {
            "built_at": snapshot["built_at"],
            "data_as_of": snapshot["data_as_of"],
            "sources": json.loads(snapshot["sources"]),
            "overall_rule": json.loads(snapshot["overall_rule"]),
        },
        **{t.name: [t.decode(r) for r in rows[t.name]] for t in tables() if t is not SCORES},
        SCORES.name: scores,
    }
    return Catalog.model_validate(raw)
