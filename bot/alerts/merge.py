"""Parts -> one catalog, by a stated precedence.

The native parts are the base (several merge model by model, the later one winning). Every other
part then applies in the configured order, later over earlier, and only for the fields it carries:
- overlays set fields of the model they name (prices, limits, flags, speed), noting the source;
- scores add or replace a model's score on a benchmark the catalog knows;
- new models join when no model in the catalog answers to their name and they were released after
  the base data's date (older vendor listings were already weighed when the base was built);
- a leaderboard's rows are matched to catalog models by the build's rules (bot/sources/match.py,
  data/curated/source_names.json), one run per model and benchmark (the highest effort), and its
  score replaces a vendor's claim (which stays beside it) or an independent score from the same or
  a lower-ranked source; a curated score is never replaced.
A name that fits several models (an undated alias of dated snapshots) is skipped, never guessed.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import defaultdict
from typing import Any

from bot.alerts.feeds import LEADERBOARDS, Part, norm_key
from bot.bulk import bulk
from bot.catalog.check import parse_catalog
from bot.catalog.errors import CatalogError
from bot.catalog.models import Catalog, Score, in_store_order
from bot.sources.raw import strip_date

# Provenance of values a live source set, as opposed to curated ones (URLs of vendors' pages).
LIVE_SOURCES = ("models.dev/", "benchlm export:", "speed probe:")

# What a live source may change on a model the base already has: the commercial facts that move.
# Names, dates, families and flags belong to the base build, where curated values win.
OVERLAY_FIELDS = frozenset(
    {
        "context_window",
        "max_output_tokens",
        "input_price",
        "output_price",
        "long_context_from",
        "long_input_price",
        "long_output_price",
        "output_speed",
        "ttft",
        "speed_measurement",
    }
)
# Speed and latency from elsewhere (an aggregator's) do not carry the probe's description.
_MEASURED = frozenset({"output_speed", "ttft"})
NEW_MODEL_FIELDS = OVERLAY_FIELDS | {
    "family",
    "reasoning",
    "open_weights",
    "input_modalities",
    "release_date",
}
_UNSAFE = re.compile(r"[\[\]()*_~`|<>@#\\]")  # markdown and mention syntax never reach a digest
SOURCE_INFO: dict[str, dict[str, str]] = {
    "modelsdev": {
        "id": "models.dev-live",
        "name": "models.dev (live)",
        "licence": "MIT",
        "url": "https://models.dev/api.json",
        "note": "Prices, limits, modalities and flags from each vendor's own listing.",
    },
    "benchlm": {
        "id": "benchlm-live",
        "name": "BenchLM export (read at run time)",
        "licence": "no licence found; read at the operator's choice, not redistributed",
        "url": "https://benchlm.ai/data/",
        "note": "Scores, prices; speed and latency are Artificial Analysis measurements.",
    },
    "speed": {
        "id": "speed-probe",
        "name": "Speed probe (measured by bots running this code)",
        "licence": "the operators' own measurements",
        "url": "docs/METHOD.md",
        "note": "Output speed and time to first token, streaming one fixed prompt from an "
        "OpenAI-compatible endpoint; each figure says who measured it, where and when.",
    },
}


# A score in the merge is a validated Score (from a freshly read native catalog, kept as it is)
# or a dict (from a saved part or a feed), validated when the merged catalog is built.
AnyScore = Score | dict[str, Any]


def _key(s: AnyScore) -> tuple[str, str]:
    return (s.model, s.benchmark) if isinstance(s, Score) else (s["model"], s["benchmark"])


def _value(s: AnyScore) -> float:
    return s.value if isinstance(s, Score) else s["value"]


def _from_validated(c: Catalog) -> dict[str, Any]:
    """A validated catalog in the shape merge works on: models and benchmarks as dicts (merge
    changes them; there are few), categories and scores as the objects they are."""
    return {
        "meta": c.meta.model_dump(mode="json"),
        "categories": list(c.categories),
        "benchmarks": [b.model_dump(mode="json") for b in c.benchmarks],
        "models": [m.model_dump(mode="json") for m in c.models],
        "scores": list(c.scores),
    }


def _native(part: Part) -> dict[str, Any]:
    if part.validated is not None:
        return _from_validated(part.validated)
    return _copy_catalog(part.catalog)


def _base(natives: list[Part]) -> dict[str, Any]:
    if not natives:
        raise CatalogError("refresh sources", "no native source: the catalog needs a base")
    base = _native(natives[0])
    for part in natives[1:]:
        other = _native(part)
        models = {m["id"]: m for m in base["models"]}
        models.update({m["id"]: m for m in other["models"]})
        base["models"] = sorted(models.values(), key=lambda m: m["id"])
        benches = {b["id"]: b for b in base["benchmarks"]}
        benches.update({b["id"]: b for b in other["benchmarks"]})
        base["benchmarks"] = sorted(benches.values(), key=lambda b: b["id"])
        scores = {_key(s): s for s in base["scores"]}
        scores.update({_key(s): s for s in other["scores"]})
        base["scores"] = [scores[k] for k in sorted(scores)]
    return base


def _copy_catalog(raw: dict[str, Any] | None) -> dict[str, Any]:
    """A copy deep enough for merge to change: every record and a model's provenance are new
    dicts; the values inside (strings, numbers, lists merge replaces whole) are shared.  A
    deepcopy of 500,000 scores took ten seconds."""
    assert raw is not None
    out = dict(raw)
    out["meta"] = copy.deepcopy(raw["meta"])
    out["categories"] = [dict(c) for c in raw["categories"]]
    out["benchmarks"] = [dict(b) for b in raw["benchmarks"]]
    out["models"] = [{**m, "provenance": dict(m.get("provenance") or {})} for m in raw["models"]]
    out["scores"] = [dict(s) for s in raw["scores"]]
    return out


class _Names:
    def __init__(self, data: dict[str, Any]) -> None:
        self.owners: dict[str, set[str]] = defaultdict(set)
        for m in data["models"]:
            self.add(m)

    def add(self, m: dict[str, Any]) -> None:
        for key in (m["id"], m["name"], *m.get("aliases", [])):
            self.owners[norm_key(key)].add(m["id"])

    def match(self, keys: list[str]) -> str | None:
        for key in keys:
            owners = self.owners.get(norm_key(key), set())
            if len(owners) == 1:
                return next(iter(owners))
        return None

    def known(self, keys: list[str]) -> bool:
        return any(self.owners.get(norm_key(k)) for k in keys)


def _field(s: AnyScore, name: str) -> Any:
    return getattr(s, name) if isinstance(s, Score) else s.get(name)


def _apply_leaderboard(
    part: Part,
    models: dict[str, dict[str, Any]],
    benchmarks: set[str],
    scores: dict[tuple[str, str], AnyScore],
    pins: dict[str, dict[str, str | None]],
) -> bool:
    """Lay one leaderboard's rows over the scores; True when anything changed."""
    import datetime as dt

    from bot.sources.build import SOURCE_RANK
    from bot.sources.independent import pick
    from bot.sources.leaderboards import SourceRow
    from bot.sources.match import Entry, Matcher

    source = LEADERBOARDS[part.kind]
    entries = [
        Entry(
            m["id"],
            (m["id"], m["name"], *m.get("aliases", [])),
            dt.date.fromisoformat(str(m["release_date"])[:10]) if m.get("release_date") else None,
        )
        for m in models.values()
    ]
    rows = [
        SourceRow(
            source,
            r["name"],
            r["benchmark"],
            float(r["value"]),
            r["url"],
            dt.date.fromisoformat(r["date"]) if r.get("date") else None,
            r.get("effort"),
            r.get("agent"),
            bool(r.get("self_reported")),
        )
        for r in part.rows
    ]
    picked, _ = pick(source, rows, Matcher(entries, pins.get(source, {})), benchmarks)
    touched = False
    for p in picked:
        key = (p.model, p.benchmark)
        laid = _laid_over(p, scores.get(key), source, SOURCE_RANK)
        if laid is not None:
            scores[key] = laid
            touched = True
    return touched


def _laid_over(
    p: Any, old: AnyScore | None, source: str, ranks: dict[str, int]
) -> dict[str, Any] | None:
    """A leaderboard's figure as the score it becomes; None when the one held stays (a curated
    figure, a measurement against a vendor's entry or from a better source, the same figure)."""
    value = round(p.value, 3)  # as the build stores it: 81.5789 would read as a change
    vendor_value = vendor_url = None
    if old is not None:
        old_source = _field(old, "source")
        if old_source == "curated":
            return None
        old_independent = _field(old, "self_reported") is False
        if p.self_reported and old_independent:
            return None  # a vendor's own leaderboard entry never replaces a measurement
        if (
            old_independent
            and old_source != source
            and ranks.get(old_source, 9) < ranks.get(source, 9)
        ):
            return None
        if old_independent:
            vendor_value, vendor_url = _field(old, "vendor_value"), _field(old, "vendor_source_url")
        else:
            vendor_value, vendor_url = _value(old), _field(old, "source_url")
        if _value(old) == value and old_source == source and _field(old, "variant") == p.variant:
            return None
    return {
        "model": p.model,
        "benchmark": p.benchmark,
        "value": value,
        "source_url": p.url,
        "self_reported": p.self_reported,
        "date": p.date.isoformat() if p.date else None,
        "source": source,
        "variant": p.variant,
        "vendor_value": vendor_value if not p.self_reported else None,
        "vendor_source_url": vendor_url if not p.self_reported else None,
    }


@bulk
def merge(
    parts: list[Part],
    skip: frozenset[str] | set[str] = frozenset(),
    pins: dict[str, dict[str, str | None]] | None = None,
) -> Catalog:
    natives = [p for p in parts if p.kind == "native"]
    others = [p for p in parts if p.kind != "native"]
    if (
        len(natives) == 1
        and natives[0].validated is not None
        and not any(p.overlays or p.new_models or p.scores or p.rows for p in others)
    ):
        # Nothing to lay over a freshly validated catalog: the merge is that catalog, in the
        # store's order (10,000 models: 0.3 s instead of 1.2 s).
        return in_store_order(natives[0].validated)
    data = _base(natives)
    models = {m["id"]: m for m in data["models"]}
    names = _Names(data)
    bench_keys: dict[str, str] = {}
    for b in data["benchmarks"]:
        for key in (b["id"], b["name"], *b.get("aliases", [])):
            bench_keys.setdefault(norm_key(key), b["id"])
    scores: dict[tuple[str, str], AnyScore] = {_key(s): s for s in data["scores"]}
    as_of = data["meta"].get("data_as_of")
    cutoff = dt.date.fromisoformat(as_of) if as_of else None
    used: list[str] = []
    known_benchmarks = {b["id"] for b in data["benchmarks"]}
    for part in parts:
        if part.kind == "native":
            continue
        if part.kind in LEADERBOARDS:
            if _apply_leaderboard(part, models, known_benchmarks, scores, pins or {}) or part.rows:
                used.append(part.kind)
            continue
        touched = _apply_overlays(part, models, names)
        touched |= _apply_new_models(part, models, names, skip, cutoff)
        touched |= _apply_scores(part, names, bench_keys, scores)
        if touched or part.overlays or part.scores:
            used.append(part.kind)
    data["models"] = sorted(models.values(), key=lambda m: m["id"])
    data["scores"] = [scores[k] for k in sorted(scores)]
    sources = list(data["meta"].get("sources", []))
    for kind in dict.fromkeys(used):
        info = SOURCE_INFO.get(kind) or _leaderboard_info(kind)
        if info and all(s["id"] != info["id"] for s in sources):
            sources.append(info)
    data["meta"]["sources"] = sources
    return parse_catalog(data, "merged catalog")


def _apply_overlays(part: Part, models: dict[str, dict[str, Any]], names: _Names) -> bool:
    """A feed's figures laid over the models it names (never over a curated figure); True when
    anything changed."""
    touched = False
    for ov in part.overlays:
        # the probe names catalog ids exactly; a feed's names are matched
        mid = ov["id"] if ov.get("id") in models else names.match(ov["keys"])
        if mid is None:
            continue
        m = models[mid]
        curated = {
            f for f, src in m.get("provenance", {}).items() if not str(src).startswith(LIVE_SOURCES)
        }
        for f, v in ov["fields"].items():
            if f in OVERLAY_FIELDS and f not in curated and v is not None and m.get(f) != v:
                m[f] = v
                m.setdefault("provenance", {})[f] = ov["source"]
                touched = True
        if (
            _MEASURED & ov["fields"].keys()
            and "speed_measurement" not in ov["fields"]
            and m.pop("speed_measurement", None) is not None
        ):
            m.get("provenance", {}).pop("speed_measurement", None)
            touched = True
        if part.kind not in m.get("sources", []):
            m["sources"] = sorted({*m.get("sources", []), part.kind})
    return touched


def _apply_new_models(
    part: Part,
    models: dict[str, dict[str, Any]],
    names: _Names,
    skip: frozenset[str] | set[str],
    cutoff: dt.date | None,
) -> bool:
    """A feed's models released after the data's date that the catalog has under no name;
    True when any was added."""
    touched = False
    for nm in part.new_models:
        released = nm.get("release_date")
        name = _UNSAFE.sub(
            "", re.sub(r"\s*\((?:latest|preview)\)$", "", str(nm["name"]), flags=re.I)
        ).strip()
        tail = nm["keys"][0] if nm["keys"] else nm["id"]
        if not name or tail in skip or tail.endswith("-latest"):
            continue
        if names.known(nm["keys"] + [name, strip_date(tail)]) or nm["id"] in models:
            continue  # the base has it already, or an undated alias of a snapshot it has
        if (
            cutoff is None
            or released is None
            or dt.date.fromisoformat(str(released)[:10]) <= cutoff
        ):
            continue
        new = {k: v for k, v in nm.items() if k in NEW_MODEL_FIELDS | {"id", "creator"}}
        new["name"] = name
        new["release_date"] = str(released)[:10]
        new["aliases"] = sorted({k for k in nm["keys"] if k != new["id"]})
        new["sources"] = [part.kind]
        models[new["id"]] = new
        names.add(new)
        touched = True
    return touched


def _apply_scores(
    part: Part,
    names: _Names,
    bench_keys: dict[str, str],
    scores: dict[tuple[str, str], AnyScore],
) -> bool:
    """An aggregator's scores (BenchLM) only fill a benchmark a model has no score for: its
    "GPQA Diamond" or "SWE-bench Verified" may be another variant than the one we hold, and two
    of its benchmarks that land on one of ours with different figures are left out. True when
    anything changed."""

    def target(sc: dict[str, Any]) -> tuple[str | None, str | None]:
        mid = names.match(sc["keys"])
        bid = bench_keys.get(norm_key(sc["benchmark"])) or bench_keys.get(norm_key(sc["name"]))
        return mid, bid

    offered: dict[tuple[str, str], set[float]] = defaultdict(set)
    for sc in part.scores:
        mid, bid = target(sc)
        if mid is not None and bid is not None:
            offered[(mid, bid)].add(sc["value"])
    touched = False
    for sc in part.scores:
        mid, bid = target(sc)
        if mid is None or bid is None or len(offered[(mid, bid)]) > 1:
            continue
        old = scores.get((mid, bid))
        if old is not None and (_field(old, "source") != part.kind or _value(old) == sc["value"]):
            continue
        scores[(mid, bid)] = {
            "model": mid,
            "benchmark": bid,
            "value": sc["value"],
            "source_url": sc.get("source_url"),
            "self_reported": None,
            "date": None,
            "source": part.kind,
        }
        touched = True
    return touched


def _leaderboard_info(kind: str) -> dict[str, str] | None:
    """The credit line of a leaderboard read at run time (the build's, which names its licence)."""
    if kind not in LEADERBOARDS:
        return None
    from bot.sources.leaderboards import SOURCE_INFO as BOARDS

    return {"id": LEADERBOARDS[kind], **BOARDS[LEADERBOARDS[kind]]}
