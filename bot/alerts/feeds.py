"""Live sources: where a refresh reads from and how each format becomes a Part.

A Part is one source's contribution to the merged catalog, kept in the store as last good data, so
refreshing one source replaces that source's part and nothing else.

- native: the project's own catalog format (a file path or URL), the base every other part applies to.
- modelsdev: models.dev's api.json; prices, limits, modalities and flags from each vendor's own
  listing, plus vendor models the base does not have yet.
- benchlm: BenchLM's public export (models, benchmarks, pricing, speed), off unless the operator
  configures it; its speed and latency are Artificial Analysis measurements and are labelled so.
- epoch, livebench, vectara, tau2, aider: the independent leaderboards the build reads, from their
  public URLs (Epoch AI's benchmark_data.zip; LiveBench's table CSV, its categories JSON beside
  it; Vectara's README; tau2-bench's submissions folder, through its manifest.json; Aider's
  polyglot YAML) or a local snapshot folder. Their rows are matched to catalog models at merge,
  by the same rules as the build (bot/sources/match.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from pydantic import ValidationError
from pydantic_core import from_json, to_json

from bot.catalog.check import parse_catalog_bytes, read_regular_file
from bot.catalog.errors import CatalogError
from bot.catalog.models import Catalog, Model
from bot.sources.modelsdev import FIRST_PARTY, NOT_A_CHAT_MODEL, _fields
from bot.sources.raw import slugify

log = logging.getLogger(__name__)

# A leaderboard kind -> the source it reads (bot/sources/leaderboards.py).
LEADERBOARDS = {
    "epoch": "epoch-ai",
    "livebench": "livebench",
    "vectara": "vectara",
    "tau2": "tau2-bench",
    "aider": "aider",
}
KINDS: tuple[str, ...] = ("native", "modelsdev", "benchlm", *LEADERBOARDS)
BENCHLM_FILES = ("models", "benchmarks", "pricing", "speed")
MAX_BYTES = 50 * 1024 * 1024


class FetchError(Exception):
    """The source could not be read: unreachable, timed out, an HTTP error, too large."""


@dataclass(frozen=True)
class SourceSpec:
    kind: str
    location: str

    @classmethod
    def parse(cls, text: str) -> SourceSpec:
        kind, sep, location = text.partition("=")
        kind, location = kind.strip().lower(), location.strip()
        if not sep or kind not in KINDS or not location:
            raise ValueError(
                f"{text!r} is not KIND=PATH_OR_URL with KIND one of {', '.join(KINDS)}"
            )
        return cls(kind, location)

    def __str__(self) -> str:
        return f"{self.kind}={self.location}"


@dataclass
class Fetched:
    changed: bool
    body: bytes | None = None  # for benchlm: a JSON object of the four files
    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None
    note: str = ""


@dataclass
class HttpPolicy:
    timeout: float = 30
    retries: int = 3
    backoff: float = 2


@dataclass
class Part:
    kind: str
    location: str
    catalog: dict[str, Any] | None = None  # native: the whole catalog, as JSON
    overlays: list[dict[str, Any]] = field(default_factory=list)  # {keys, fields, provenance}
    new_models: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, Any]] = field(default_factory=list)  # {keys, benchmark, value, ...}
    rows: list[dict[str, Any]] = field(default_factory=list)  # a leaderboard's SourceRow fields
    # native, freshly read: the validated catalog itself, so that merging it neither turns half a
    # million scores into dicts nor validates them again (`catalog` is then None)
    validated: Catalog | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> str:
        # pydantic's JSON writer: a native part is a whole catalog, and json.dumps took a second
        fields = {k: v for k, v in sorted(self.__dict__.items()) if k != "validated"}
        if self.validated is None or self.catalog is not None:
            return to_json(fields, fallback=str).decode()
        del fields["catalog"]
        rest = to_json(fields, fallback=str).decode()
        # the validated dump, not the bytes as fetched: later merges read these values as they
        # are (a date written "2026-07-02T00:00:00" in a feed is "2026-07-02" here)
        return '{"catalog":' + self.validated.model_dump_json() + "," + rest[1:]

    def entries(self) -> int:
        """What a gutted feed loses: a native part's models, a feed's overlays and scores."""
        if self.validated is not None:
            return len(self.validated.models)
        if self.kind == "native":
            return len((self.catalog or {}).get("models", []))
        return len(self.overlays) + len(self.scores) + len(self.rows)

    @classmethod
    def from_json(cls, text: str) -> Part:
        return cls(**from_json(text))


async def _get(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], policy: HttpPolicy
) -> tuple[int, bytes, dict[str, str]]:
    last: Exception | None = None
    for attempt in range(policy.retries):
        try:
            async with session.get(
                url, headers=headers, timeout=aiohttp.ClientTimeout(total=policy.timeout)
            ) as resp:
                headers_out = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status == 304:
                    return 304, b"", headers_out
                if resp.status >= 500 or resp.status == 429:
                    raise FetchError(f"HTTP {resp.status} from {url}")
                if resp.status >= 400:
                    # A client error will not fix itself on retry.
                    raise FetchError(f"HTTP {resp.status} from {url}") from None
                chunks: list[bytes] = []
                size = 0
                async for chunk in resp.content.iter_chunked(1 << 16):
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise FetchError(f"{url} is larger than {MAX_BYTES // 1024 // 1024} MB")
                    chunks.append(chunk)
                return resp.status, b"".join(chunks), headers_out
        except FetchError as err:
            if "HTTP 4" in str(err) and "HTTP 429" not in str(err):
                raise
            last = err
        except TimeoutError:
            last = FetchError(f"timed out after {policy.timeout:g} s reading {url}")
        except aiohttp.ClientError as err:
            last = FetchError(f"could not reach {url}: {err}")
        if attempt + 1 < policy.retries:
            await asyncio.sleep(policy.backoff * (2**attempt))
    assert last is not None
    raise last


def _read_local(path: Path) -> bytes:
    """A local source file; a named pipe or a device is refused, never waited on."""
    try:
        return read_regular_file(path)
    except CatalogError as err:
        raise FetchError(f"cannot read {path}: {err.reason}") from None


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


async def fetch(
    spec: SourceSpec,
    location: str,
    state: dict[str, Any] | None,
    session: aiohttp.ClientSession,
    policy: HttpPolicy,
) -> Fetched:
    """Read a source, conditionally: an unchanged source comes back with changed=False."""
    state = state or {}
    if spec.kind == "benchlm":
        return await _fetch_benchlm(location, state, session, policy)
    if spec.kind in LEADERBOARDS:
        return await _fetch_leaderboard(spec.kind, location, state, session, policy)
    if "://" not in location:
        try:
            body = await asyncio.to_thread(_read_local, Path(location))
        except OSError as err:
            raise FetchError(f"cannot read {location}: {err.strerror or err}") from None
        digest = _digest(body)
        if digest == state.get("digest"):
            return Fetched(False, digest=digest, note="unchanged")
        return Fetched(True, body, digest=digest)
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    status, body, resp_headers = await _get(session, location, headers, policy)
    if status == 304:
        return Fetched(
            False,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            digest=state.get("digest"),
            note="not modified (304)",
        )
    digest = _digest(body)
    etag, modified = resp_headers.get("etag"), resp_headers.get("last-modified")
    if digest == state.get("digest"):
        return Fetched(False, etag=etag, last_modified=modified, digest=digest, note="unchanged")
    return Fetched(True, body, etag, modified, digest)


async def _fetch_benchlm(
    location: str, state: dict[str, Any], session: aiohttp.ClientSession, policy: HttpPolicy
) -> Fetched:
    base = location.rstrip("/")
    files: dict[str, Any] = {}
    for name in BENCHLM_FILES:
        where = f"{base}/{name}.json"
        if "://" in base:
            _, body, _ = await _get(session, where, {}, policy)
        else:
            try:
                body = await asyncio.to_thread(_read_local, Path(where))
            except OSError as err:
                raise FetchError(f"cannot read {where}: {err.strerror or err}") from None
        try:
            files[name] = json.loads(body)
        except json.JSONDecodeError as err:
            raise CatalogError(where, f"broken JSON at line {err.lineno}: {err.msg}") from None
    body = json.dumps(files, sort_keys=True).encode()
    digest = _digest(body)
    if digest == state.get("digest"):
        return Fetched(False, digest=digest, note="unchanged")
    return Fetched(True, body, digest=digest)


LEADERBOARD_FILES = {
    "vectara": "README.md",
    "aider": "polyglot_leaderboard.yml",
    "livebench": "table.csv",
    "tau2": "manifest.json",
}


async def _get_if_changed(
    session: aiohttp.ClientSession, url: str, state: dict[str, Any], policy: HttpPolicy
) -> tuple[bytes | None, str | None, str | None]:
    """(body, etag, last-modified); body None when the server says it has not changed."""
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    status, body, resp = await _get(session, url, headers, policy)
    if status == 304:
        return None, state.get("etag"), state.get("last_modified")
    return body, resp.get("etag"), resp.get("last-modified")


def _beside(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def livebench_categories_url(table_url: str) -> str:
    """LiveBench publishes `categories_<date>.json` beside `table_<date>.csv`."""
    name = table_url.rsplit("/", 1)[-1]
    if name.startswith("table_") and name.endswith(".csv"):
        return _beside(table_url, "categories_" + name[len("table_") : -len(".csv")] + ".json")
    return _beside(table_url, "categories.json")


def tau2_submissions(manifest: Any, where: str) -> list[str]:
    """The submission folders a tau2-bench manifest lists (one list, or one per kind)."""
    if not isinstance(manifest, dict):
        raise CatalogError(where, "expected an object listing submissions")
    names: list[str] = []
    for value in manifest.values():
        if isinstance(value, list):
            names += [v for v in value if isinstance(v, str)]
        elif isinstance(value, dict):
            for inner in value.values():
                if isinstance(inner, list):
                    names += [v for v in inner if isinstance(v, str)]
    if not names:
        raise CatalogError(where, "lists no submissions")
    return list(dict.fromkeys(n.strip("/") for n in names if n.strip("/")))


def _local_leaderboard(kind: str, location: str) -> dict[str, bytes]:
    """A leaderboard from disk: a snapshot folder as in ../shared/sources, or its main file."""
    from bot.sources.leaderboards import snapshot_files, unzip

    path = Path(location)
    try:
        if path.is_dir():
            files = snapshot_files(LEADERBOARDS[kind], path)
            if not files:
                raise FetchError(f"no {kind} files under {location}")
            return files
        if kind == "epoch":
            return unzip(_read_local(path), location)
        files = {LEADERBOARD_FILES.get(kind, path.name): _read_local(path)}
        if kind == "livebench":
            files["categories.json"] = _read_local(Path(livebench_categories_url(str(path))))
        return files
    except OSError as err:
        raise FetchError(f"cannot read {location}: {err.strerror or err}") from None


async def _fetch_leaderboard(
    kind: str,
    location: str,
    state: dict[str, Any],
    session: aiohttp.ClientSession,
    policy: HttpPolicy,
) -> Fetched:
    """A leaderboard's files as one JSON object {file name: text}; conditional on its main file
    (but for tau2-bench's manifest)."""
    # About 60 lines: each leaderboard's own way of laying out its files (a zip, a table and its
    # categories, a manifest and its submissions) is a few lines, in one place.
    from bot.sources.leaderboards import unzip

    etag = modified = None
    if "://" not in location:
        files = await asyncio.to_thread(_local_leaderboard, kind, location)
    else:
        # tau2-bench re-grades a submission in place, leaving its manifest as it was: a 304 on
        # the manifest says nothing about the scores, so tau2 is read in full and the digest
        # decides
        asked = {} if kind == "tau2" else state
        main, etag, modified = await _get_if_changed(session, location, asked, policy)
        if main is None:
            return Fetched(
                False,
                etag=etag,
                last_modified=modified,
                digest=state.get("digest"),
                note="not modified (304)",
            )
        if kind == "epoch":
            files = unzip(main, location)
        elif kind == "livebench":
            cats_url = livebench_categories_url(location)
            _, cats, _ = await _get(session, cats_url, {}, policy)
            files = {"table.csv": main, "categories.json": cats}
        elif kind == "tau2":
            try:
                listed = tau2_submissions(json.loads(main), location)
            except json.JSONDecodeError as err:
                raise CatalogError(
                    location, f"broken JSON at line {err.lineno}: {err.msg}"
                ) from None
            files = {}
            for name in listed:
                try:
                    _, body, _ = await _get(
                        session, _beside(location, f"{name}/submission.json"), {}, policy
                    )
                except FetchError as err:
                    if "HTTP 404" not in str(err):
                        raise
                    log.info("tau2-bench lists %s but has no submission.json for it", name)
                    continue
                files[f"submissions/{name}/submission.json"] = body
        else:
            files = {LEADERBOARD_FILES[kind]: main}
    body = json.dumps(
        {k: v.decode("utf-8", "replace") for k, v in sorted(files.items())}, sort_keys=True
    ).encode()
    digest = _digest(body)
    if digest == state.get("digest"):
        return Fetched(False, etag=etag, last_modified=modified, digest=digest, note="unchanged")
    return Fetched(True, body, etag, modified, digest)


# -- formats -> parts -----------------------------------------------------------------------------


def parse_part(spec: SourceSpec, body: bytes) -> Part:
    """Validate a fetched body and turn it into a Part; raises CatalogError naming what is wrong."""
    where = str(spec)
    if spec.kind == "native":
        catalog = parse_catalog_bytes(body, where)  # full validation, record and field named
        return Part(spec.kind, spec.location, validated=catalog)
    try:
        data = json.loads(body)
    except json.JSONDecodeError as err:
        raise CatalogError(where, f"broken JSON at line {err.lineno}: {err.msg}") from None
    if spec.kind == "modelsdev":
        return _modelsdev_part(spec, data)
    if spec.kind in LEADERBOARDS:
        return _leaderboard_part(spec, data)
    if spec.kind == "speed":
        return _speed_part(spec, body)
    return _benchlm_part(spec, data)


def _speed_part(spec: SourceSpec, body: bytes) -> Part:
    """The speed probe's figures (bot/speed/figures.py), one overlay per model."""
    from bot.speed.figures import FiguresFile, overlay

    try:
        figures = FiguresFile.model_validate_json(body)
    except ValidationError as err:
        raise CatalogError(
            str(spec), f"not a file of speed figures: {err.errors()[0]['msg']}"
        ) from None
    return Part(spec.kind, spec.location, overlays=[overlay(f) for f in figures.figures])


def _leaderboard_part(spec: SourceSpec, files: Any) -> Part:
    import datetime as dt

    from bot.sources.leaderboards import PARSERS

    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise CatalogError(str(spec), "expected the leaderboard's files")
    source = LEADERBOARDS[spec.kind]
    try:
        rows = PARSERS[source]({k: v.encode() for k, v in files.items()}, dt.date.today())
    except CatalogError as err:
        raise CatalogError(f"{spec}: {err.file}", err.reason, err.record, err.field) from None
    part = Part(spec.kind, spec.location)
    part.rows = [
        {
            "name": r.name,
            "benchmark": r.benchmark,
            "value": r.value,
            "url": r.url,
            "date": r.date.isoformat() if r.date else None,
            "effort": r.effort,
            "agent": r.agent,
            "self_reported": r.self_reported,
        }
        for r in rows
    ]
    return part


def _modelsdev_part(spec: SourceSpec, api: Any) -> Part:
    # About 60 lines: one pass over models.dev's providers and models, field by field as its API
    # writes them.
    where = str(spec)
    if not isinstance(api, dict) or not any(
        isinstance(v, dict) and "models" in v for v in api.values()
    ):
        raise CatalogError(where, "not a models.dev api.json: expected provider -> {models: {...}}")
    part = Part(spec.kind, spec.location)
    creators = {
        "openai": "OpenAI",
        "anthropic": "Anthropic",
        "google": "Google",
        "mistral": "Mistral AI",
        "deepseek": "DeepSeek",
        "xai": "xAI",
        "moonshotai": "Moonshot AI",
        "zhipuai": "Z.ai",
        "alibaba": "Alibaba",
        "cohere": "Cohere",
        "minimax": "MiniMax",
        "perplexity": "Perplexity",
        "stepfun": "StepFun",
        "xiaomi": "Xiaomi",
        "sakana": "Sakana AI",
        "sarvam": "Sarvam AI",
    }
    for org, provider in FIRST_PARTY.items():
        models = (api.get(provider) or {}).get("models") or {}
        if not isinstance(models, dict):
            raise CatalogError(where, "models is not an object", provider, "models")
        for tail, entry in sorted(models.items()):
            if not isinstance(entry, dict) or "/" in tail:
                continue
            if not _chat(entry, tail):
                continue
            try:
                fields = _fields(entry)
            except (TypeError, ValueError) as err:
                raise CatalogError(
                    where, f"unreadable record: {err}", f"{provider}/{tail}"
                ) from None
            for key in ("input_price", "output_price"):
                if key in fields and fields[key] < 0:
                    raise CatalogError(
                        where, f"negative price {fields[key]}", f"{provider}/{tail}", key
                    )
            for key in ("context_window", "max_output_tokens"):
                if key in fields and fields[key] <= 0:
                    raise CatalogError(
                        where, f"{fields[key]} is not a token count", f"{provider}/{tail}", key
                    )
            name = fields.pop("name", None) or tail
            _check_record(where, f"{provider}/{tail}", slugify(tail), str(name), fields)
            part.overlays.append(
                {"keys": [tail.lower()], "fields": fields, "source": f"models.dev/{provider}"}
            )
            part.new_models.append(
                {
                    "id": slugify(tail),
                    "keys": [tail.lower()],
                    "name": str(name),
                    "creator": creators.get(org, org),
                    **fields,
                }
            )
    return part


# Where a models.dev record holds each field the catalog reads from it.
_FEED_FIELDS = {
    "context_window": "limit.context",
    "max_output_tokens": "limit.output",
    "input_price": "cost.input",
    "output_price": "cost.output",
    "long_context_from": "cost.tiers.tier.size",
    "long_input_price": "cost.tiers.input",
    "long_output_price": "cost.tiers.output",
    "input_modalities": "modalities.input",
}


def _check_record(where: str, record: str, model_id: str, name: str, fields: dict) -> None:
    """A feed record's values by the catalog's own rules, so that one value out of range (a
    context window of 10^20 tokens, a name that pings) fails this source with the record and
    field named, not the merge or the store's write."""
    try:
        Model.model_validate({"id": model_id, "name": name, "creator": "feed", **fields})
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        field = str(first["loc"][0]) if first.get("loc") else ""
        shown = _FEED_FIELDS.get(field, field)
        if shown != field:
            shown = f"{shown}' ('{field}"
        msg = first["msg"].removeprefix("Value error, ")
        raise CatalogError(where, f"{msg} (got {first.get('input')!r})", record, shown) from None


def _chat(entry: dict[str, Any], tail: str) -> bool:
    out = (entry.get("modalities") or {}).get("output") or ["text"]
    return "text" in out and not NOT_A_CHAT_MODEL.search(tail)


def _benchlm_part(spec: SourceSpec, files: dict[str, Any]) -> Part:
    """A BenchLM export: context windows and benchmark scores from models.json, prices from
    pricing.json, speed and latency from speed.json."""
    where = str(spec)
    part = Part(spec.kind, spec.location)

    def items(name: str) -> list[dict[str, Any]]:
        doc = files.get(name)
        if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
            raise CatalogError(f"{where}/{name}.json", "expected an object with an items list")
        return doc["items"]

    bench_names = {
        b.get("benchmarkKey"): b.get("name") for b in items("benchmarks") if isinstance(b, dict)
    }
    for m in items("models"):
        _benchlm_model(part, m, bench_names)
    for m in items("pricing"):
        _benchlm_prices(part, m, where)
    for m in items("speed"):
        _benchlm_speed(part, m, where)
    return part


def _benchlm_keys(m: dict[str, Any]) -> list[str]:
    return [k for k in (m.get("slug"), m.get("model")) if k]


def _benchlm_model(part: Part, m: dict[str, Any], bench_names: dict[Any, Any]) -> None:
    keys = _benchlm_keys(m)
    url = "benchlm export: " + (m.get("url") or f"https://benchlm.ai/models/{m.get('slug')}")
    if isinstance(m.get("contextWindowTokens"), int) and m["contextWindowTokens"] > 0:
        fields = {"context_window": m["contextWindowTokens"]}
        part.overlays.append({"keys": keys, "fields": fields, "source": url})
    for scores in (m.get("benchmarks") or {}).values():
        if not isinstance(scores, dict):
            continue
        for key, value in scores.items():
            # Index values on other scales (Artificial Analysis's among them) are not used.
            if not isinstance(value, int | float) or not 0 <= value <= 100:
                continue
            if (
                re.match(r"aa[A-Z]", str(key))
                or "artificial" in str(bench_names.get(key, "")).lower()
            ):
                continue
            # "SWE-bench Verified*": BenchLM's own variant of a benchmark, not the benchmark
            if "*" in str(bench_names.get(key) or key):
                continue
            part.scores.append(
                {
                    "keys": keys,
                    "benchmark": key,
                    "name": bench_names.get(key) or key,
                    "value": float(value),
                    "source_url": url,
                }
            )


def _benchlm_prices(part: Part, m: dict[str, Any], where: str) -> None:
    fields = {}
    for src, dst in (
        ("inputPrice", "input_price"),
        ("outputPrice", "output_price"),
        ("inputPricePerMillion", "input_price"),
        ("outputPricePerMillion", "output_price"),
    ):
        v = m.get(src)
        if isinstance(v, int | float):
            if v < 0:
                raise CatalogError(
                    f"{where}/pricing.json", f"negative price {v}", m.get("slug"), src
                )
            if v == 0:
                # BenchLM's 0 is "self-hosted, price varies", not free
                continue
            fields[dst] = float(v)
    if fields:
        source = "benchlm export: " + (m.get("url") or where)
        part.overlays.append({"keys": _benchlm_keys(m), "fields": fields, "source": source})


def _benchlm_speed(part: Part, m: dict[str, Any], where: str) -> None:
    fields = {}
    if isinstance(m.get("tokensPerSecond"), int | float) and m["tokensPerSecond"] > 0:
        fields["output_speed"] = float(m["tokensPerSecond"])
    if isinstance(m.get("ttft"), int | float) and m["ttft"] > 0:
        fields["ttft"] = float(m["ttft"])
    if fields:
        origin = m.get("source") or "BenchLM"
        source = f"benchlm export: {m.get('url') or where} ({origin} measurement)"
        part.overlays.append({"keys": _benchlm_keys(m), "fields": fields, "source": source})


def norm_key(text: str) -> str:
    """What two sources' names for one model have in common: "GPT-4.1" ~ "gpt-4-1" ~ "gpt-4.1"."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())
