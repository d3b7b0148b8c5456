"""llm-stats (llm-stats.com, CC BY 4.0): the repository tree of model, benchmark and provider files."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from bot.catalog.errors import CatalogError
from bot.sources.raw import RawModel, RawScore, parse_date, self_reported_url

log = logging.getLogger(__name__)
SOURCE = "llm-stats"
# Artificial Analysis index values: their terms forbid redistribution.
EXCLUDED_BENCHMARKS = frozenset({"aa-index", "aa-lcr"})
# Judge scores out of 10 that the tree stores as fractions.
TEN_POINT = frozenset({"mt-bench", "mm-mt-bench"})
# Error rates: lower is better.
LOWER_IS_BETTER = frozenset({"fleurs", "common-voice-15"})


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise CatalogError(str(path), f"broken JSON at line {err.lineno}: {err.msg}") from None


def read_benchmarks(root: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for f in sorted((root / "data" / "benchmarks").glob("*.json")):
        d = _load(f)
        out[d["benchmark_id"]] = d
    return out


def _first_party_prices(root: Path) -> dict[str, dict[str, Any]]:
    """model_id -> the row of the provider that is the model's own organisation."""
    out: dict[str, dict[str, Any]] = {}
    for f in sorted((root / "data" / "providers").glob("*/models.json")):
        for row in _load(f):
            if row.get("provider_id") == row.get("organization_id"):
                out[row["model_id"]] = row
    return out


def read(root: Path) -> tuple[list[RawModel], dict[str, dict[str, Any]]]:
    # About 60 lines: one pass over the snapshot's model files, field by field as llm-stats
    # writes them; split, its parts would only hand the same locals to each other.
    benchmarks = read_benchmarks(root)
    prices = _first_party_prices(root)
    models: list[RawModel] = []
    for model_file in sorted((root / "data" / "organizations").glob("*/models/*/model.json")):
        d = _load(model_file)
        mid = d["model_id"]
        org = d["organization_id"]
        fields: dict[str, Any] = {
            "name": d["name"],
            "release_date": parse_date(d.get("release_date")),
            "open_weights": None
            if d.get("license_id") in (None, "unknown")
            else d.get("license_id") != "proprietary",
        }
        if d.get("param_count"):
            fields["params_b"] = round(d["param_count"] / 1e9, 1)
        row = prices.get(mid)
        if row:
            if row.get("input_cents_per_million_tokens") is not None:
                fields["input_price"] = row["input_cents_per_million_tokens"] / 100
            if row.get("output_cents_per_million_tokens") is not None:
                fields["output_price"] = row["output_cents_per_million_tokens"] / 100
            if row.get("max_input_tokens"):
                fields["context_window"] = int(row["max_input_tokens"])
            if row.get("max_output_tokens"):
                fields["max_output_tokens"] = int(row["max_output_tokens"])
            mods = [
                m for m in ("text", "image", "audio", "video") if row.get(f"input_modality_{m}")
            ]
            if mods:
                fields["input_modalities"] = tuple(mods)
            # Its throughput and latency columns are placeholders in many rows: not used.
        raw = RawModel(SOURCE, mid, org, fields)
        bench_file = model_file.parent / "benchmarks.json"
        rows = _load(bench_file) if bench_file.exists() else []
        for r in rows:
            if r["benchmark_id"] in EXCLUDED_BENCHMARKS:
                continue
            bdef = benchmarks.get(r["benchmark_id"], {})
            max_score = float(bdef.get("max_score") or 1.0)
            value = float(r["score"])
            if value <= 1.0:
                if r["benchmark_id"] in TEN_POINT:
                    value = round(value * 10, 4)  # a 0-10 judge score stored as a fraction
                elif max_score in (1.0, 100.0):
                    value = round(value * 100, 4)  # stored as a fraction; shown as percent
                else:
                    value = round(value * max_score, 1)  # a rating stored as a share of its top
            raw.scores.append(
                RawScore(
                    benchmark_key=r["benchmark_id"],
                    benchmark_name=r.get("benchmark_name") or bdef.get("name") or r["benchmark_id"],
                    value=value,
                    source_url=r.get("self_reported_source_link") or None,
                    # a vendor's figure unless a leaderboard that runs the models published it
                    # (llm-stats' own "verified" flag also marks placeholder rows)
                    self_reported=self_reported_url(r.get("self_reported_source_link")),
                    date=parse_date(r.get("verification_date") or r.get("created_at")),
                    source=SOURCE,
                )
            )
        models.append(raw)
    log.info("llm-stats: %d models, %d benchmarks", len(models), len(benchmarks))
    return models, benchmarks
