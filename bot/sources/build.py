"""Build the shipped catalog (data/catalog.json) from the source snapshots and the curated files.

Merge rules (also in docs/METHOD.md):
- Identity: two records are one model when their ids match once a trailing date is set aside and
  no other dated snapshot shares that name, or when data/curated/models.json says they are the same.
  Snapshots with different dates stay distinct; an undated alias that could mean several of them is
  dropped rather than guessed.
- Fields: curated > models.dev > llm-stats for prices, limits, modalities and flags (models.dev is
  the newer snapshot and takes prices from the vendor's own listing); curated > llm-stats >
  models.dev for the display name, release date and size (llm-stats names each snapshot as its
  vendor does).
- Scores: one per model and benchmark: curated > independently measured > llm-stats >
  models.dev > the more recent.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.catalog.check import catalog_to_json, parse_catalog
from bot.catalog.errors import CatalogError
from bot.catalog.method import fit_difficulty, part_value
from bot.catalog.models import Catalog
from bot.sources import llmstats, modelsdev
from bot.sources.hygiene import Candidate, missing_or_placeholder, other_models_card, outliers
from bot.sources.independent import SourceReport, pick
from bot.sources.leaderboards import SOURCE_INFO, read_leaderboards
from bot.sources.match import Entry, Matcher
from bot.sources.raw import RawModel, RawScore, date_in, slugify, strip_date

log = logging.getLogger(__name__)

NAME_FIELDS = ("name", "release_date", "params_b")
SPEC_FIELDS = (
    "family",
    "reasoning",
    "open_weights",
    "context_window",
    "max_output_tokens",
    "input_price",
    "output_price",
    "long_context_from",
    "long_input_price",
    "long_output_price",
    "output_speed",
    "ttft",
    "input_modalities",
)
# "(latest)", "(preview)" or a snapshot date in parentheses: the snapshot is told apart below.
_TRAILING_TAG = re.compile(r"\s*\((latest|preview|\d{4}-\d{2}-\d{2})\)$", re.IGNORECASE)
SOURCE_RANK = {
    "curated": 0,
    # independent leaderboards, the one that runs the benchmark itself first
    "aider": 1,
    "livebench": 1,
    "vectara": 1,
    "tau2-bench": 1,
    "epoch-ai": 2,
    "llm-stats": 3,
    "models.dev": 4,
}


@dataclass
class BuildReport:
    dropped_scores: list[str] = field(default_factory=list)
    dropped_models: list[str] = field(default_factory=list)
    merged: list[list[str]] = field(default_factory=list)
    # per source: how many of its scores were refused, by rule
    refused: dict[str, Counter[str]] = field(default_factory=dict)
    sources: dict[str, SourceReport] = field(default_factory=dict)

    def drop(self, source: str, line: str, rule: str) -> None:
        self.dropped_scores.append(f"{source}: {line}")
        self.refused.setdefault(source, Counter())[rule.split(" (")[0]] += 1


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(str(path), "no such file") from None
    except json.JSONDecodeError as err:
        raise CatalogError(str(path), f"broken JSON at line {err.lineno}: {err.msg}") from None


def _source_revision(source_md: Path) -> tuple[str | None, dt.date | None]:
    text = source_md.read_text(encoding="utf-8") if source_md.exists() else ""
    m = re.search(r"commit ([0-9a-f]{40}) of (\d{4}-\d{2}-\d{2})", text)
    if not m:
        return None, None
    return m.group(1), dt.date.fromisoformat(m.group(2))


def _key(raw: RawModel) -> str:
    k = strip_date(raw.tail)
    return re.sub(r"-0$", "", k)  # claude-opus-4-0 is Anthropic's alias for claude-opus-4


class _Benchmarks:
    """Canonical benchmarks: the curated registry plus every other benchmark a source reports."""

    def __init__(self, registry: dict[str, Any], llm_defs: dict[str, dict[str, Any]]) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.alias: dict[str, str] = {}
        self.tag_map: dict[str, str] = registry["category_from_source_tags"]
        self.word_map: dict[str, str] = registry["category_from_name_words"]
        self.llm_defs = llm_defs
        for b in registry["benchmarks"]:
            d = {
                "id": b["id"],
                "name": b["name"],
                "category": b["category"],
                "weight": b["weight"],
                "unit": b.get("unit", "percent"),
                "scale_max": b.get("scale_max", 100),
                "higher_is_better": b.get("higher_is_better", True),
                "saturated": bool(b.get("saturated", False)),
                "description": "",
                "url": b.get("url"),
                "aliases": [],
            }
            if b.get("short"):
                d["short"] = b["short"]
            self.defs[b["id"]] = d
            self.alias[b["id"].lower()] = b["id"]
            for a in b["aliases"]:
                self.alias[a.lower()] = b["id"]
                self.alias[slugify(a)] = b["id"]
        for key, d in llm_defs.items():
            bid = self.alias.get(key.lower())
            if bid:
                self._describe(bid, d)

    def _describe(self, bid: str, d: dict[str, Any]) -> None:
        target = self.defs[bid]
        if not target["description"] and d.get("description"):
            desc = str(d["description"]).strip()
            if not desc.lower().startswith("no official"):
                target["description"] = desc[:600]
        if not target["url"] and d.get("paper_link"):
            target["url"] = d["paper_link"]

    def _category_of(self, name: str, tags: list[str]) -> str | None:
        low = name.lower()
        for word, cat in self.word_map.items():
            if word in low:
                return cat
        for tag in tags:
            if tag in self.tag_map:
                return self.tag_map[tag]
        return None

    def resolve(self, score: RawScore) -> str:
        key = score.benchmark_key.lower()
        bid = self.alias.get(key) or self.alias.get(slugify(score.benchmark_key))
        if bid:
            return bid
        bid = slugify(score.benchmark_key)
        if bid in self.defs:  # a different source spelling that slugifies the same
            self.alias[key] = bid
            return bid
        llm = self.llm_defs.get(score.benchmark_key, {}) if score.source == "llm-stats" else {}
        max_score = float(llm.get("max_score") or 1.0)
        ten = score.benchmark_key in llmstats.TEN_POINT
        percent = not ten and (max_score in (1.0, 100.0) or score.source != "llm-stats")
        self.defs[bid] = {
            "id": bid,
            "name": (llm.get("name") or score.benchmark_name)[:120],
            "category": self._category_of(score.benchmark_name, list(llm.get("categories") or [])),
            "weight": 0,
            "unit": "percent" if percent else ("score" if ten else "rating"),
            "scale_max": 100 if percent else (10 if ten else max_score),
            "higher_is_better": score.benchmark_key not in llmstats.LOWER_IS_BETTER,
            "description": "",
            "url": None,
            "aliases": [],
        }
        if llm:
            self._describe(bid, llm)
        self.alias[key] = bid
        return bid


def _group(raws: list[RawModel], same: list[list[str]]) -> list[list[RawModel]]:
    by_ref = {f"{r.source}:{r.source_id}": r for r in raws}
    ident: dict[int, tuple[str, dt.date | None]] = {id(r): (_key(r), date_in(r.tail)) for r in raws}
    for a, b in same:
        if a not in by_ref or b not in by_ref:
            raise CatalogError(
                "data/curated/models.json",
                f"same_model names an unknown record: {a if a not in by_ref else b}",
                "same_model",
            )
        ident[id(by_ref[a])] = ident[id(by_ref[b])]
    by_key: dict[str, list[RawModel]] = defaultdict(list)
    for r in raws:
        by_key[ident[id(r)][0]].append(r)
    groups: list[list[RawModel]] = []
    for _k, members in sorted(by_key.items()):
        dates = sorted({d for r in members if (d := ident[id(r)][1]) is not None})
        if len(dates) <= 1:
            groups.append(members)
            continue
        for d in dates:
            groups.append([r for r in members if ident[id(r)][1] == d])
        for r in members:
            if ident[id(r)][1] is None:
                log.debug(
                    "dropping ambiguous alias %s:%s (%d snapshots)",
                    r.source,
                    r.source_id,
                    len(dates),
                )
    return groups


def _merge_fields(members: list[RawModel]) -> tuple[dict[str, Any], dict[str, str]]:
    fields: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    name_order = sorted(members, key=lambda r: SOURCE_RANK[r.source])
    spec_order = sorted(
        members, key=lambda r: {"curated": 0, "models.dev": 1, "llm-stats": 2}[r.source]
    )
    for names, order in ((NAME_FIELDS, name_order), (SPEC_FIELDS, spec_order)):
        for f in names:
            for r in order:
                v = r.fields.get(f)
                if v is not None:
                    fields[f] = v
                    if r.source == "curated" and f in r.fields.get("_provenance", {}):
                        provenance[f] = r.fields["_provenance"][f]
                    break
    return fields, provenance


def _pick_score(candidates: list[RawScore]) -> RawScore:
    def rank(s: RawScore) -> tuple[int, int, int, int]:
        independent = 0 if s.self_reported is False else 1
        newer = -(s.date.toordinal() if s.date else 0)
        return (
            0 if s.source == "curated" else 1,
            independent,
            SOURCE_RANK.get(s.source, 9),
            newer,
        )

    return sorted(candidates, key=rank)[0]


def _choose_scores(
    candidates: dict[str, dict[str, list[RawScore]]],
    models: list[dict[str, Any]],
    benchmarks: _Benchmarks,
    entries: list[Entry],
    report: BuildReport,
) -> list[dict[str, Any]]:
    """One score per model and benchmark: the checks of `bot.sources.hygiene` first, then
    curated > independent > vendor; a vendor figure an independent one replaced stays beside it."""
    cards = Matcher(entries)
    creator = {m["id"]: m["creator"] for m in models}
    chosen: dict[tuple[str, str], tuple[RawScore, RawScore | None]] = {}
    for mid, per_bench in sorted(candidates.items()):
        for bid, cands in sorted(per_bench.items()):
            kept = _passing(mid, bid, cands, benchmarks.defs[bid]["scale_max"], cards, report)
            if not kept:
                continue
            best = _pick_score(kept)
            vendor = None
            if best.self_reported is False:
                claims = [c for c in kept if c.self_reported is not False and c.source != "curated"]
                vendor = _pick_score(claims) if claims else None
            chosen[(mid, bid)] = (best, vendor)
    flagged = outliers(
        [
            Candidate(
                mid,
                bid,
                best.value,
                creator[mid],
                best.self_reported is not False and best.source != "curated",
            )
            for (mid, bid), (best, _) in chosen.items()
            if benchmarks.defs[bid]["unit"] == "percent"
        ]
    )
    scores: list[dict[str, Any]] = []
    for (mid, bid), (best, vendor) in sorted(chosen.items()):
        if (mid, bid) in flagged:
            why = flagged[(mid, bid)]
            report.drop(
                best.source, f"{mid} / {bid}: {why}", "outlier against its benchmark and family"
            )
            continue
        scores.append(
            {
                "model": mid,
                "benchmark": bid,
                "value": round(best.value, 3),
                "source_url": best.source_url,
                "self_reported": best.self_reported,
                "date": best.date.isoformat() if best.date else None,
                "source": best.source,
                "variant": best.variant,
                "vendor_value": round(vendor.value, 3) if vendor else None,
                "vendor_source_url": vendor.source_url if vendor else None,
            }
        )
    return scores


def _passing(
    mid: str,
    bid: str,
    cands: list[RawScore],
    top: float | None,
    cards: Matcher,
    report: BuildReport,
) -> list[RawScore]:
    """The candidates that pass the hygiene checks (a claim's link is real and its own model's,
    the value inside the scale); each one dropped is in the report with why."""
    kept = []
    for c in cands:
        why = None
        if c.source != "curated" and c.self_reported is not False:
            why = missing_or_placeholder(c.source_url) or other_models_card(
                c.source_url, mid, lambda card: cards.match(card).model
            )
        if why is None and (c.value < 0 or (top is not None and c.value > top)):
            why = f"{c.value:g} outside 0..{top}"
        if why is not None:
            report.drop(c.source, f"{mid} / {bid}: {c.value:g} ({why})", why)
            continue
        kept.append(c)
    return kept


def _month(d: dt.date | None) -> str:
    return d.strftime("%b %Y") if d else "undated"


def build(sources_dir: Path, data_dir: Path, report: BuildReport | None = None) -> Catalog:
    """The catalog from the source snapshots and the curated files: the model sources' records
    grouped into models, every source's scores matched to them, one score chosen per model and
    benchmark, and the benchmarks' difficulty fitted on what was chosen."""
    report = report or BuildReport()
    curated_dir = data_dir / "curated"
    curated = _read_json(curated_dir / "models.json")
    llm_root = sources_dir / "llm-stats"
    md_root = sources_dir / "models.dev"
    llm_models, llm_bench_defs = llmstats.read(llm_root)
    md_models = modelsdev.read(md_root / "models.json", md_root / "api.json")
    raws = _with_overrides(llm_models + md_models, curated, curated_dir)
    benchmarks = _Benchmarks(_read_json(curated_dir / "benchmarks.json"), llm_bench_defs)
    groups = _group(raws, curated["same_model"]) + _curated_models(curated)
    models, candidates = _models(groups, curated["creators"], benchmarks, report)
    # Independent leaderboards, matched to the models above.
    matcher_entries = [
        Entry(m["id"], (m["id"], m["name"], *m["aliases"]), m.get("release_date")) for m in models
    ]
    boards = read_leaderboards(sources_dir)
    _leaderboard_scores(
        boards, matcher_entries, candidates, benchmarks, curated_dir / "source_names.json", report
    )
    scores = _choose_scores(candidates, models, benchmarks, matcher_entries, report)
    _month_names(models)
    bench_list = _benchmark_list(benchmarks, scores)
    cat_cfg = _read_json(curated_dir / "categories.json")
    raw_catalog = {
        "meta": _meta(cat_cfg, llm_root, md_root, boards),
        "categories": cat_cfg["categories"],
        "benchmarks": sorted(bench_list, key=lambda b: b["id"]),
        "models": sorted(models, key=lambda m: m["id"]),
        "scores": sorted(scores, key=lambda s: (s["model"], s["benchmark"])),
    }
    return parse_catalog(raw_catalog, "built catalog")


def _curated_record(ref: str, org: str, fields: dict[str, Any], aliases: set[str]) -> RawModel:
    """A curated record: each of its fields with the source it cites."""
    cur = RawModel("curated", ref, org, aliases=aliases)
    cur.fields["_provenance"] = {}
    for f, spec in fields.items():
        cur.fields[f] = spec["value"]
        cur.fields["_provenance"][f] = spec["source"]
    return cur


def _with_overrides(
    records: list[RawModel], curated: dict[str, Any], curated_dir: Path
) -> list[RawModel]:
    """The model sources' records less the curated skips, plus a curated record per override,
    which joins its target's group (added to `curated["same_model"]`)."""
    skip = set(curated["skip"])
    raws = [r for r in records if f"{r.source}:{r.source_id}" not in skip]
    by_ref = {f"{r.source}:{r.source_id}": r for r in raws}
    for ov in curated["overrides"]:
        target = by_ref.get(ov["match"])
        if target is None:
            raise CatalogError(
                str(curated_dir / "models.json"),
                f"override matches no record: {ov['match']}",
                "overrides",
            )
        raws.append(_curated_record(ov["match"], target.org, ov["set"], set()))
        curated.setdefault("same_model", []).append([f"curated:{ov['match']}", ov["match"]])
    return raws


def _curated_models(curated: dict[str, Any]) -> list[list[RawModel]]:
    """The models no source has, each a group of its own, with their scores."""
    groups = []
    for nm in curated["new_models"]:
        cur = _curated_record(nm["id"], nm["org"], nm["set"], set(nm.get("aliases", [])))
        for s in nm.get("scores", []):
            cur.scores.append(
                RawScore(
                    s["benchmark"],
                    s["benchmark"],
                    float(s["value"]),
                    s["source"],
                    s.get("self_reported"),
                    None,
                    "curated",
                )
            )
        groups.append([cur])
    return groups


def _key_counts(groups: list[list[RawModel]]) -> dict[str, int]:
    """How many groups share each key. Ids: the shared key when only one group has it, else
    key + snapshot date."""
    key_count: dict[str, int] = defaultdict(int)
    for g in groups:
        for k in {
            _key(r) if r.source != "curated" else r.source_id
            for r in g
            if r.source != "curated" or len(g) == 1
        }:
            key_count[k] += 1
    return key_count


def _models(
    groups: list[list[RawModel]],
    creators: dict[str, str],
    benchmarks: _Benchmarks,
    report: BuildReport,
) -> tuple[list[dict[str, Any]], dict[str, dict[str, list[RawScore]]]]:
    """One model per group, and per model and benchmark every source's figure for it."""
    key_count = _key_counts(groups)
    models: list[dict[str, Any]] = []
    candidates: dict[str, dict[str, list[RawScore]]] = {}
    for g in groups:
        model = _model(g, key_count, creators, report)
        if model is None:
            continue
        models.append(model)
        per_bench = candidates.setdefault(model["id"], {})
        for r in g:
            for s in r.scores:
                per_bench.setdefault(benchmarks.resolve(s), []).append(s)
    return models, candidates


def _model(
    g: list[RawModel], key_count: dict[str, int], creators: dict[str, str], report: BuildReport
) -> dict[str, Any] | None:
    """A group's model record (its id, name, aliases, creator, fields and their sources); None
    for a group with no name."""
    primary = sorted(g, key=lambda r: SOURCE_RANK[r.source])[0]
    fields, provenance = _merge_fields(g)
    if not fields.get("name"):
        report.dropped_models.append(primary.source_id)
        return None
    real = [r for r in g if r.source != "curated"] or g
    # The shortest of the members' names for it: `gpt-4` rather than `gpt-4-0613`.
    key = min(
        (_key(r) if r.source != "curated" else r.source_id for r in real),
        key=lambda k: (len(k), k),
    )
    snap = next((date_in(r.tail) for r in real if date_in(r.tail)), None)
    mid = (
        slugify(key)
        if key_count[key] == 1 or snap is None
        else slugify(f"{key}-{snap.isoformat()}")
    )
    org = next((r.org for r in real if r.source == "llm-stats"), real[0].org)
    name = _TRAILING_TAG.sub("", str(fields.pop("name"))).strip()
    aliases = set()
    for r in g:
        if r.source == "curated" and r.source_id.startswith(("llm-stats:", "models.dev:")):
            continue
        aliases.add(r.tail)
        aliases |= r.aliases
        if r.fields.get("name"):
            aliases.add(_TRAILING_TAG.sub("", str(r.fields["name"])).strip())
    aliases.discard(mid)
    aliases.discard(name)
    if len(g) > 1:
        report.merged.append(sorted(f"{r.source}:{r.source_id}" for r in g))
    return {
        "id": mid,
        "name": name,
        "aliases": sorted(aliases),
        "creator": creators.get(org, org.title()),
        "sources": sorted({r.source for r in g}),
        "provenance": provenance,
        "_snapshot": snap,
        **fields,
    }


def _leaderboard_scores(
    boards: list[Any],
    matcher_entries: list[Entry],
    candidates: dict[str, dict[str, list[RawScore]]],
    benchmarks: _Benchmarks,
    pins_file: Path,
    report: BuildReport,
) -> None:
    """Each independent leaderboard's rows matched to the models, added to the candidates."""
    pins: dict[str, dict[str, str | None]] = {
        k: v for k, v in _read_json(pins_file).items() if k != "note"
    }
    for src, rows, skipped, _, _ in boards:
        matcher = Matcher(matcher_entries, pins.get(src, {}))
        picked, src_report = pick(src, rows, matcher, set(benchmarks.defs))
        src_report.skipped_files = skipped
        report.sources[src] = src_report
        for p in picked:
            candidates.setdefault(p.model, {}).setdefault(p.benchmark, []).append(
                RawScore(
                    p.benchmark,
                    p.benchmark,
                    p.value,
                    p.url,
                    p.self_reported,
                    p.date,
                    src,
                    p.variant,
                )
            )


def _month_names(models: list[dict[str, Any]]) -> None:
    """Snapshots that share a display name are told apart by their month; dates as text."""
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in models:
        by_name[m["name"].casefold()].append(m)
    for same in by_name.values():
        if len(same) > 1:
            for m in same:
                m["aliases"] = sorted(set(m["aliases"]) | {m["name"]})
                m["name"] = f"{m['name']} ({_month(m['_snapshot'] or m.get('release_date'))})"
            if len({m["name"] for m in same}) < len(same):
                for m in same:
                    m["name"] = f"{m['name'].rsplit(' (', 1)[0]} ({m['id']})"
    for m in models:
        m.pop("_snapshot")
        for k in ("release_date",):
            if isinstance(m.get(k), dt.date):
                m[k] = m[k].isoformat()
        if "input_modalities" in m:
            m["input_modalities"] = list(m["input_modalities"])


def _benchmark_list(benchmarks: _Benchmarks, scores: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The benchmarks used (or weighted), with their difficulty fitted on the chosen scores and
    the names sources gave them."""
    used = {s["benchmark"] for s in scores}
    bench_list = [b for b in benchmarks.defs.values() if b["id"] in used or b["weight"] > 0]
    weighted = {
        b["id"]: (b["category"], b["weight"])
        for b in bench_list
        if b["category"] and b["weight"] > 0 and b["unit"] == "percent"
    }
    flips = {
        b["id"]: None if b["higher_is_better"] else (b["scale_max"] or 100) for b in bench_list
    }
    difficulty = fit_difficulty(
        (
            (s["model"], s["benchmark"], part_value(s["value"], flips[s["benchmark"]]))
            for s in scores
        ),
        weighted,
    )
    for b in bench_list:
        b["difficulty"] = difficulty.get(b["id"], 0.0)
    for b in bench_list:
        b["aliases"] = sorted(
            a for a, t in benchmarks.alias.items() if t == b["id"] and a != b["id"]
        )
    return bench_list


def _meta(
    cat_cfg: dict[str, Any], llm_root: Path, md_root: Path, boards: list[Any]
) -> dict[str, Any]:
    """When the data is from (the newest source snapshot) and what each source is, with its
    licence and revision."""
    llm_rev, llm_date = _source_revision(llm_root / "SOURCE.md")
    md_rev, md_date = _source_revision(md_root / "SOURCE.md")
    dates = [d for d in (llm_date, md_date, *(b[3] for b in boards)) if d]
    as_of = max(dates) if dates else None
    return {
        "built_at": dt.datetime.combine(
            as_of or dt.date(1970, 1, 1), dt.time(), dt.UTC
        ).isoformat(),
        "data_as_of": as_of.isoformat() if as_of else None,
        "overall_rule": cat_cfg["overall_rule"],
        "sources": [
            {
                "id": "llm-stats",
                "name": "LLM Stats (llm-stats.com)",
                "licence": "CC BY 4.0",
                "url": "https://github.com/JonathanChavezTamales/llm-leaderboard",
                "revision": llm_rev,
                "note": "Benchmark scores, release dates, sizes. Changed: fractions shown as "
                "percent, benchmarks renamed and merged with other sources.",
            },
            {
                "id": "models.dev",
                "name": "models.dev",
                "licence": "MIT",
                "url": "https://github.com/anomalyco/models.dev",
                "revision": md_rev,
                "note": "Prices, context windows, output limits, modalities, reasoning and "
                "open-weights flags, some benchmark scores (Artificial Analysis figures left out).",
            },
            *({"id": src, **SOURCE_INFO[src], "revision": rev} for src, _, _, _, rev in boards),
            {
                "id": "curated",
                "name": "Hand-curated facts (data/curated/models.json)",
                "licence": "each value cites its source URL",
                "url": "data/curated/models.json",
            },
        ],
    }


def report_json(report: BuildReport) -> dict[str, Any]:
    """The build report as data/build-report.json holds it: per leaderboard, what was read,
    matched and left out, and why; per source, the scores refused and why."""
    return {
        "note": "Written by `python -m bot data build`. Per leaderboard: rows read, rows matched "
        "to a catalog model, rows left out by reason, the scores kept (one run per model and "
        "benchmark), and every source name with the model it was matched to or why it was not. "
        "Then every score refused at build, with its rule.",
        "leaderboards": {src: r.to_json() for src, r in report.sources.items()},
        "refused": {src: dict(sorted(c.items())) for src, c in sorted(report.refused.items())},
        "refused_scores": report.dropped_scores,
    }


def report_lines(report: BuildReport) -> list[str]:
    lines = [
        f"{'source':<12} {'rows':>6} {'matched':>8} {'left out':>9} {'scores':>7} {'models':>7}"
    ]
    for src, r in report.sources.items():
        lines.append(
            f"{src:<12} {r.rows:>6} {r.matched:>8} {r.rows - r.matched:>9} {r.scores:>7} "
            f"{len(set(r.names.values())):>7}"
        )
        for why, n in sorted(r.left_out.items(), key=lambda kv: -kv[1]):
            lines.append(f"    {n:>5} left out: {why}")
    for src, counts in sorted(report.refused.items()):
        for why, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            lines.append(f"{src}: {n} scores refused: {why}")
    return lines


def write_report(report: BuildReport, path: Path) -> None:
    path.write_text(json.dumps(report_json(report), indent=1, ensure_ascii=False) + "\n", "utf-8")


def write_catalog(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(catalog_to_json(catalog), encoding="utf-8")
    tmp.replace(path)
