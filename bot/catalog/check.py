"""Turn raw JSON into a Catalog, refusing bad data with the file, record and field named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.bulk import bulk
from bot.catalog.errors import CatalogError
from bot.catalog.models import CATEGORY_IDS, Catalog

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
    more = len(err.errors()) - 1
    tail = f"; {more} more problem{'s' if more != 1 else ''} after this one" if more else ""
    return CatalogError(file, f"{first['msg']}{shown}{tail}", record, field)


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
    except ValidationError:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise CatalogError(file, f"cannot read it: {err}") from None
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as err:
            raise CatalogError(
                file, f"broken JSON at line {err.lineno}, column {err.colno}: {err.msg}"
            ) from None
        return parse_catalog(raw, file)
    check_consistency(catalog, file)
    return catalog


def read_catalog_file(path: Path) -> Catalog:
    file = str(path)
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(file, "no such file (run `python -m bot data build`?)") from None
    except OSError as err:
        raise CatalogError(file, f"cannot read it: {err}") from None
    return parse_catalog_bytes(body, file)


def catalog_to_json(catalog: Catalog) -> str:
    data = catalog.model_dump(mode="json", exclude_defaults=False)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
