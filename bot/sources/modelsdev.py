"""models.dev (MIT): `models.json` (provider-agnostic metadata) and `api.json` (per provider).

Prices and limits come from the model's own vendor in api.json (OpenAI's price for an OpenAI model);
a reseller's price is never taken for the vendor's. Benchmark rows that come from Artificial
Analysis, directly or through OpenRouter's pages of its figures, are left out: their terms forbid
redistribution.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bot.catalog.errors import CatalogError
from bot.sources.raw import RawModel, RawScore, parse_date, self_reported_url

log = logging.getLogger(__name__)
SOURCE = "models.dev"

# models.json org prefix -> the vendor's own provider entry in api.json.  Meta has none: its
# "llama" listing is a free preview with $0 prices, which would read as "free" everywhere.
FIRST_PARTY = {
    "openai": "openai",
    "anthropic": "anthropic",
    "google": "google",
    "mistral": "mistral",
    "deepseek": "deepseek",
    "xai": "xai",
    "moonshotai": "moonshotai",
    "zhipuai": "zhipuai",
    "alibaba": "alibaba",
    "cohere": "cohere",
    "minimax": "minimax",
    "perplexity": "perplexity",
    "stepfun": "stepfun",
    "xiaomi": "xiaomi",
    "sakana": "sakana",
    "sarvam": "sarvam",
}
EXCLUDED_HOSTS = ("artificialanalysis.ai", "openrouter.ai")
NOT_A_CHAT_MODEL = re.compile(
    r"embed|tts|whisper|image|realtime|transcribe|audio|moderation|rerank|guard|safety|"
    r"ocr|asr|livetranslate|voicechat|-latest$|character|deep-research|customtools|highspeed",
    re.IGNORECASE,
)


LONG_PRICE_FIELDS = ("long_context_from", "long_input_price", "long_output_price")


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(str(path), "no such file") from None
    except json.JSONDecodeError as err:
        raise CatalogError(str(path), f"broken JSON at line {err.lineno}: {err.msg}") from None


# Artificial Analysis's own evaluations, whoever reports them.
EXCLUDED_NAMES = ("artificial analysis", "long context reasoning", "aa-")


def excluded_row(row: dict[str, Any]) -> bool:
    name = str(row.get("name") or "").lower()
    host = urlparse(str(row.get("source") or "")).netloc.lower()
    return name.startswith(EXCLUDED_NAMES) or any(
        host == h or host.endswith("." + h) for h in EXCLUDED_HOSTS
    )


def self_reported(row: dict[str, Any]) -> bool:
    return self_reported_url(row.get("source"))


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    f: dict[str, Any] = {"name": entry.get("name")}
    if entry.get("family"):
        f["family"] = entry["family"]
    if entry.get("release_date"):
        f["release_date"] = parse_date(entry["release_date"])
    for key, target in (("reasoning", "reasoning"), ("open_weights", "open_weights")):
        if isinstance(entry.get(key), bool):
            f[target] = entry[key]
    limit = entry.get("limit") or {}
    for key, target in (("context", "context_window"), ("output", "max_output_tokens")):
        value = limit.get(key)
        if value is None or value == 0:  # not listed
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"limit.{key} is {value!r}, not a whole number of tokens")
        f[target] = value
    cost = entry.get("cost") or {}
    if isinstance(cost.get("input"), int | float):
        f["input_price"] = float(cost["input"])
    if isinstance(cost.get("output"), int | float):
        f["output_price"] = float(cost["output"])
    # a higher price for long prompts ("tiers": past 272K tokens of context for GPT-5.5)
    for tier in cost.get("tiers") or []:
        size = (tier.get("tier") or {}).get("size") if isinstance(tier, dict) else None
        kind = (tier.get("tier") or {}).get("type", "context") if isinstance(tier, dict) else None
        if (
            kind == "context"
            and isinstance(size, int)
            and size > 0
            and isinstance(tier.get("input"), int | float)
            and isinstance(tier.get("output"), int | float)
        ):
            f["long_context_from"] = size
            f["long_input_price"] = float(tier["input"])
            f["long_output_price"] = float(tier["output"])
            break
    mods = (entry.get("modalities") or {}).get("input")
    if mods:
        f["input_modalities"] = tuple(mods)
    return {k: v for k, v in f.items() if v is not None}


def _is_chat(entry: dict[str, Any], model_id: str) -> bool:
    out = (entry.get("modalities") or {}).get("output") or ["text"]
    return "text" in out and not NOT_A_CHAT_MODEL.search(model_id)


def read(models_json: Path, api_json: Path) -> list[RawModel]:
    agnostic: dict[str, Any] = _load(models_json)
    api: dict[str, Any] = _load(api_json)
    out: list[RawModel] = []
    seen: set[str] = set()
    for full_id, entry in sorted(agnostic.items()):
        org, _, tail = full_id.partition("/")
        if not _is_chat(entry, tail):
            continue
        fields = _fields(entry)
        vendor = api.get(FIRST_PARTY.get(org, org), {}).get("models", {})
        priced = vendor.get(tail)
        if priced:
            pf = _fields(priced)
            for key in (
                "input_price",
                "output_price",
                *LONG_PRICE_FIELDS,
                "context_window",
                "max_output_tokens",
            ):
                if key in pf:
                    fields[key] = pf[key]
        raw = RawModel(SOURCE, full_id, org, fields)
        for row in entry.get("benchmarks") or []:
            if excluded_row(row) or not isinstance(row.get("score"), int | float):
                continue
            # "Terminal-Bench" with version "2.1" is Terminal-Bench 2.1, not the first edition
            name = str(row["name"]).strip()
            version = str(row.get("version") or "").strip()
            if version and version not in name:
                name = f"{name} {version}"
            raw.scores.append(
                RawScore(
                    benchmark_key=name,
                    benchmark_name=name,
                    value=float(row["score"]),
                    source_url=row.get("source"),
                    self_reported=self_reported(row),
                    date=parse_date(row.get("date")),
                    source=SOURCE,
                )
            )
        out.append(raw)
        seen.add(full_id)
    # Vendor-listed models that models.json has no page for (older snapshots, mostly).
    for org, provider in FIRST_PARTY.items():
        for tail, entry in sorted((api.get(provider, {}).get("models") or {}).items()):
            full_id = f"{org}/{tail}"
            if full_id in seen or "/" in tail or not _is_chat(entry, tail):
                continue
            out.append(RawModel(SOURCE, full_id, org, _fields(entry)))
            seen.add(full_id)
    log.info("models.dev: %d models", len(out))
    return out
