"""Turn raw JSON into a Catalog, refusing bad data with the file, record and field named."""

from __future__ import annotations

import dataclasses
import json
import operator
import os
import re
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from bot.bulk import bulk
from bot.catalog.errors import CatalogError
from bot.catalog.models import CATEGORY_IDS, SCORE_FIELDS, SQLITE_MAX_INT, Catalog, Score

_SECTIONS = ("categories", "benchmarks", "models", "scores")


def _record_label(raw: Any, section: str, index: int) -> str:
    try:
        item = raw[section][index]
    except (KeyError, IndexError, TypeError):
        return f"{section}[{index}]"
    if isinstance(item, dict):
        if section == "scores":
            return f"{section}[{index}] ({item.get('model')!s} / {item.get('benchmark')!s})"
        if "id" in item:
            return f"{section}[{index}] (id {item.get('id')!r})"
    return f"{section}[{index}]"


def _from_validation_error(file: str, raw: Any, err: ValidationError) -> CatalogError:
    first = err.errors(include_url=False)[0]
    loc = list(first.get("loc", ()))
    record: str | None = None
    field: str | None = None
    if len(loc) >= 2 and loc[0] in _SECTIONS and isinstance(loc[1], int):
        record = _record_label(raw, str(loc[0]), loc[1])
        field = ".".join(str(p) for p in loc[2:]) or None
    elif loc:
        record = str(loc[0])
        field = ".".join(str(p) for p in loc[1:]) or None
    value = first.get("input")
    shown = "" if isinstance(value, dict | list) else f" (got {value!r})"
    msg = first["msg"].removeprefix("Value error, ")
    if first["type"] in ("float_type", "int_type") and isinstance(value, bool | str):
        msg += "; write it as a plain number, without quotes"
        shown = f" (got {json.dumps(value)})"
    elif first["type"] == "less_than_equal" and first.get("ctx", {}).get("le") == SQLITE_MAX_INT:
        msg += ", the largest whole number the database holds"
    more = len(err.errors()) - 1
    tail = f"; {more} more problem{'s' if more != 1 else ''} after this one" if more else ""
    return CatalogError(file, f"{msg}{shown}{tail}", record, field)


def refuse_shrinking(
    file: str, had: tuple[int, int], new: tuple[int, int], how_to_force: str
) -> None:
    """A well-formed catalog holding under half the models or scores of the one it replaces is
    far more likely a broken export than news: refused unless the operator says otherwise.
    `had` and `new` are (models, scores)."""
    for what, before, after in zip(("models", "scores"), had, new, strict=True):
        if before >= 10 and after < before / 2:
            raise CatalogError(
                file,
                f"holds {after:,} {what} where the current data has {before:,}; refusing to "
                f"drop more than half of them ({how_to_force})",
            )


def check_consistency(catalog: Catalog, file: str) -> None:
    """Rules that span records: unique ids, known references, values inside their scale."""

    seen: dict[str, int] = {}
    for section in ("categories", "benchmarks", "models"):
        seen.clear()
        for i, item in enumerate(getattr(catalog, section)):
            if item.id in seen:
                raise CatalogError(
                    file,
                    f"duplicate id {item.id!r} (first used by {section}[{seen[item.id]}])",
                    f"{section}[{i}] (id {item.id!r})",
                    "id",
                )
            seen[item.id] = i

    missing = set(CATEGORY_IDS) - {c.id for c in catalog.categories}
    if missing:
        raise CatalogError(file, f"categories missing: {', '.join(sorted(missing))}", "categories")
    total = sum(c.weight for c in catalog.categories)
    if abs(total - 1.0) > 1e-6:
        raise CatalogError(file, f"category weights add up to {total:g}, not 1", "categories")

    _check_names_and_weights(catalog, file)
    _check_scores(catalog, file)


def _check_names_and_weights(catalog: Catalog, file: str) -> None:
    """Display names that tell models apart; weight only on percent benchmarks in a category."""
    names: dict[str, str] = {}
    for i, m in enumerate(catalog.models):
        key = m.name.casefold()
        if key in names:
            raise CatalogError(
                file,
                f"display name {m.name!r} is also used by {names[key]!r}; "
                "dated snapshots need names that tell them apart",
                f"models[{i}] (id {m.id!r})",
                "name",
            )
        names[key] = m.id

    for i, b in enumerate(catalog.benchmarks):
        if b.weight > 0 and (b.unit != "percent" or b.category is None):
            raise CatalogError(
                file,
                "only percent benchmarks in a category can carry weight",
                f"benchmarks[{i}] (id {b.id!r})",
                "weight",
            )


def _check_scores(catalog: Catalog, file: str) -> None:
    """Every score of a known model and benchmark, once, inside the benchmark's scale."""
    pairs: set[tuple[str, str]] = set()
    models, benches = catalog.model_by_id, catalog.benchmark_by_id
    for i, s in enumerate(catalog.scores):
        bench = benches.get(s.benchmark)
        pair = (s.model, s.benchmark)
        if (
            s.model in models
            and bench is not None
            and pair not in pairs
            and s.value >= 0
            and (bench.scale_max is None or s.value <= bench.scale_max)
        ):
            pairs.add(pair)
            continue
        label = f"scores[{i}] ({s.model} / {s.benchmark})"
        if s.model not in models:
            raise CatalogError(file, f"unknown model {s.model!r}", label, "model")
        if bench is None:
            raise CatalogError(file, f"unknown benchmark {s.benchmark!r}", label, "benchmark")
        if pair in pairs:
            raise CatalogError(file, "a second score for the same model and benchmark", label)
        top = f"{bench.scale_max:g}" if bench.scale_max is not None else "no maximum"
        raise CatalogError(
            file,
            f"{s.value:g} is outside the benchmark's scale of 0 to {top} ({bench.unit})",
            label,
            "value",
        )


@bulk
def parse_catalog(raw: Any, file: str) -> Catalog:
    if not isinstance(raw, dict):
        raise CatalogError(file, "expected a JSON object with meta, categories, benchmarks, ...")
    try:
        catalog = Catalog.model_validate(raw)
    except ValidationError as err:
        raise _from_validation_error(file, raw, err) from None
    check_consistency(catalog, file)
    return catalog


class _DuplicateKey(Exception):
    def __init__(self, key: str, obj: dict[str, Any]) -> None:
        self.key = key
        self.obj = obj


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key, obj)
            seen.add(key)
    return obj


def _duplicate_error(file: str, text: str, dup: _DuplicateKey) -> CatalogError:
    """Names the record that holds the key twice: found again in the file read the usual way
    (the last value kept), where that record is equal to the one the check stopped at."""
    reason = (
        f"the key {dup.key!r} is given twice in one object; JSON readers keep only the last, "
        "so the first would be lost without a word: keep one"
    )
    raw = json.loads(text)
    record = "an object"
    if raw == dup.obj:
        record = "top level"
    elif isinstance(raw, dict):
        if raw.get("meta") == dup.obj:
            record = "meta"
        for section in _SECTIONS:
            items = raw.get(section)
            for i, item in enumerate(items if isinstance(items, list) else []):
                if item == dup.obj:
                    record = _record_label(raw, section, i)
                    break
                if isinstance(item, dict) and dup.obj in item.values():
                    field = next(k for k, v in item.items() if v == dup.obj)
                    record = f"{_record_label(raw, section, i)}, field '{field}'"
                    break
            else:
                continue
            break
    return CatalogError(file, reason, record, dup.key)


def _key_count(catalog: Catalog) -> int:
    """How many keys the JSON objects of a validated catalog's file held, once each: every key
    of a record is one of its fields (extra keys are refused), and provenance is a plain map."""
    meta = catalog.meta
    n = len(catalog.model_fields_set) + len(meta.model_fields_set)
    n += len(meta.overall_rule.model_fields_set)
    n += sum(len(s.model_fields_set) for s in meta.sources)
    for section in (catalog.categories, catalog.benchmarks):
        n += sum(len(r.model_fields_set) for r in section)
    # a score is a dataclass and keeps no record of the keys it was given: count the fields
    # away from their defaults, never more than the keys written, so a file that writes
    # defaults out takes the exact check (a key given twice always does)
    n += _score_keys(catalog.scores)
    n += sum(len(m.model_fields_set) + len(m.provenance) for m in catalog.models)
    n += sum(
        len(m.speed_measurement.model_fields_set) for m in catalog.models if m.speed_measurement
    )
    return n


def _default(f: dataclasses.Field[Any]) -> Any:
    return f.default.default if isinstance(f.default, FieldInfo) else f.default


_SCORE_DEFAULTS = tuple(
    (f.name, _default(f)) for f in dataclasses.fields(Score) if f.default is not dataclasses.MISSING
)
_SCORE_REQUIRED = len(SCORE_FIELDS) - len(_SCORE_DEFAULTS)


def _score_keys(scores: tuple[Score, ...]) -> int:
    """The fields of these scores away from their defaults, counted a column at a time."""
    n = _SCORE_REQUIRED * len(scores)
    for name, default in _SCORE_DEFAULTS:
        column = list(map(operator.attrgetter(name), scores))
        n += len(column) - column.count(default)
    return n


_SCORE_DEFAULT_OF = dict(_SCORE_DEFAULTS)  # every default is also its own JSON form (None, "")


# A key in JSON is a string followed by a colon, with nothing but whitespace between.
_KEY_END = re.compile(rb'"[ \t\r\n]+:')


def _may_repeat_keys(body: bytes, catalog: Catalog) -> bool:
    """False only when no object in `body` can hold a key twice. Every key ends in `"`, then
    perhaps whitespace, then `:`; so the number of those sequences is at least the number of
    keys written. When it equals the number of distinct keys the catalog was read with, no key
    was written twice. More (a string value holding `":`, or a key given twice) takes the exact
    check. This costs a scan of the bytes, where the exact check costs a second parse."""
    ends = body.count(b'":') + len(_KEY_END.findall(body))
    return ends != _key_count(catalog)


def _loads(text: str, file: str) -> Any:
    """The file's JSON, refusing a key given twice and nesting past the parser's depth."""
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicates)
    except json.JSONDecodeError as err:
        raise CatalogError(
            file, f"broken JSON at line {err.lineno}, column {err.colno}: {err.msg}"
        ) from None
    except _DuplicateKey as dup:
        raise _duplicate_error(file, text, dup) from None
    except RecursionError:
        raise CatalogError(file, _TOO_DEEP) from None


_TOO_DEEP = (
    "nested too deeply to be a catalog (a catalog's records are a few levels deep): "
    "this is not a catalog file, or it is damaged"
)


@bulk
def parse_catalog_bytes(body: bytes, file: str) -> Catalog:
    """A catalog from JSON bytes. Good data takes the fast road (pydantic parses and validates
    the JSON in one pass, twice as fast as json.loads and then validating); bad data takes the
    slow one, which names the line, or the record and field, that is wrong."""
    encoding = json.detect_encoding(body)  # UTF-8 with a byte-order mark, UTF-16, as json reads
    if encoding != "utf-8":
        try:
            body = body.decode(encoding).encode("utf-8")
        except UnicodeDecodeError as err:
            raise CatalogError(file, f"cannot read it: {err}") from None
    try:
        catalog = Catalog.model_validate_json(body)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        if first["type"] == "json_invalid" and "recursion limit" in first["msg"]:
            raise CatalogError(file, _TOO_DEEP) from None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise CatalogError(file, f"cannot read it: {err}") from None
        return parse_catalog(_loads(text, file), file)
    if _may_repeat_keys(body, catalog):
        _loads(body.decode("utf-8"), file)  # raises if a key is given twice
    check_consistency(catalog, file)
    return catalog


def read_regular_file(path: Path) -> bytes:
    """A file's bytes; a named pipe, a device or a folder is refused at once, never waited on
    (opening a pipe blocks until something writes to it)."""
    file = str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise
    except OSError as err:
        raise CatalogError(file, f"cannot read it: {err.strerror or err}") from None
    if not stat.S_ISREG(mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a named pipe"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
        )
        raise CatalogError(file, f"not a regular file ({kind}): give the path of a catalog file")
    with open(path, "rb", opener=_no_wait) as f:
        return f.read()


def _no_wait(path: str, flags: int) -> int:
    # replaced by a pipe between the check and the open: fail, do not wait for a writer
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_catalog_file(path: Path) -> Catalog:
    file = str(path)
    try:
        body = read_regular_file(path)
    except FileNotFoundError:
        raise CatalogError(file, "no such file (run `python -m bot data build`?)") from None
    except OSError as err:
        raise CatalogError(file, f"cannot read it: {err.strerror or err}") from None
    return parse_catalog_bytes(body, file)


def catalog_to_json(catalog: Catalog) -> str:
    data = catalog.model_dump(mode="json", exclude_defaults=False)
    for m in data["models"]:
        # Only a speed probe sets it: a file without one reads as it did before there was one.
        if m.get("speed_measurement") is None:
            m.pop("speed_measurement", None)
    # A score's fields at their defaults are left out: most scores have no variant or vendor
    # figure, and a file read back without them counts its keys cheaply (_may_repeat_keys).
    defaults = _SCORE_DEFAULT_OF
    data["scores"] = [
        {k: v for k, v in sc.items() if k not in defaults or v != defaults[k]}
        for sc in data["scores"]
    ]
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
