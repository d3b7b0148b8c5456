"""Independent leaderboards: each format -> rows of (model name as the source writes it, benchmark,
value, where it was published).

Every reader here is pure: it takes the source's files as bytes (read from a snapshot in
../shared/sources at build time, or fetched from the source's public URL at run time) and returns
rows. Which catalog model a row is about is decided later, by `bot.sources.match`, the same way in
the build and in a refresh.

- Epoch AI's Benchmarking Hub (CC BY 4.0): its own runs and its compilation of other leaderboards;
  a compiled row names its upstream, and that is the URL kept.
- LiveBench (Apache-2.0): one row per model, one column per task; a LiveBench category score is the
  mean of its tasks.
- Vectara's hallucination leaderboard (Apache-2.0): hallucination rate on document summaries.
- tau2-bench (MIT): pass^1 per domain for each leaderboard submission.
- Aider's polyglot leaderboard (Apache-2.0): percent of 225 exercises solved in two tries.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.catalog.errors import CatalogError
from bot.sources.raw import parse_date

Files = Mapping[str, bytes]


@dataclass(slots=True)
class SourceRow:
    source: str  # "epoch-ai", "livebench", "vectara", "tau2-bench", "aider"
    name: str  # the model as the source names it
    benchmark: str  # canonical benchmark id (data/curated/benchmarks.json)
    value: float  # on the benchmark's display scale (percent for fractions)
    url: str  # where the figure is published: the upstream leaderboard for a compiled row
    date: dt.date | None = None  # when it was measured or published
    effort: str | None = None  # the source's own effort field, where it has one
    agent: str | None = None  # the harness, for agent leaderboards
    self_reported: bool = False  # the model's own vendor ran it (a vendor's leaderboard entry)
    note: str = ""  # the source's display name for the run, for the build report


# -- Epoch AI ---------------------------------------------------------------------------------

EPOCH_HUB = "https://epoch.ai/benchmarks"


@dataclass(frozen=True)
class EpochFile:
    benchmark: str
    column: str
    scale: float = 100.0  # fractions -> percent
    top: float = 100.0  # the highest value on the display scale; for an index, a sanity bound
    upstream: str = EPOCH_HUB  # where a compiled leaderboard lives, when a row names none
    agent: str | None = None  # the column naming the harness
    date: tuple[str, ...] = (
        "Run date",
        "Date run",  # SWE-bench bash only
        "Evaluation date",  # GSO
        "Date added",
        "Started at",
        "Last updated",
        "Created",
        "Date",  # TheAgentCompany
    )


EPOCH_FILES: dict[str, EpochFile] = {
    # Epoch's own runs
    "gpqa_diamond.csv": EpochFile("gpqa", "mean_score"),
    "frontiermath.csv": EpochFile("frontiermath", "mean_score"),
    "frontiermath_tier_4.csv": EpochFile("frontiermath-tier-4", "mean_score"),
    "otis_mock_aime_2024_2025.csv": EpochFile("otis-mock-aime", "mean_score"),
    "swe_bench_verified.csv": EpochFile("swe-bench-verified", "mean_score"),
    "simpleqa_verified.csv": EpochFile("simpleqa-verified", "mean_score"),
    "chess_puzzles.csv": EpochFile("chess-puzzles", "mean_score"),
    "math_level_5.csv": EpochFile("math-level-5", "mean_score"),
    "epoch_capabilities_index.csv": EpochFile(
        "epoch-capabilities-index", "ECI Score", 1.0, top=1000.0
    ),
    # other leaderboards, as Epoch compiles them
    "terminalbench_external.csv": EpochFile(
        "terminal-bench-2.0",
        "Accuracy mean",
        upstream="https://www.tbench.ai/leaderboard/terminal-bench/2.0",
        agent="Agent",
    ),
    "os_world_external.csv": EpochFile(
        "osworld", "Score", 1.0, upstream="https://os-world.github.io/", agent="Agent"
    ),
    "arc_agi_2_external.csv": EpochFile(
        "arc-agi-v2", "Score", upstream="https://arcprize.org/leaderboard"
    ),
    "arc_agi_external.csv": EpochFile(
        "arc-agi", "Score", upstream="https://arcprize.org/leaderboard"
    ),
    "hle_external.csv": EpochFile("hle", "Accuracy", upstream="https://lastexam.ai/"),
    "simplebench_external.csv": EpochFile(
        "simplebench", "Score (AVG@5)", upstream="https://simple-bench.com/"
    ),
    "swe_bench_bash.csv": EpochFile(
        "swe-bench-bash-only",
        "% Resolved",
        upstream="https://www.swebench.com/",
    ),
    "gso_external.csv": EpochFile(
        "gso", "Score OPT@1", upstream="https://gso-bench.github.io/", agent="Scaffold"
    ),
    "weirdml_external.csv": EpochFile(
        "weirdml", "Accuracy", upstream="https://htihle.github.io/weirdml.html"
    ),
    "apex_agents_external.csv": EpochFile(
        "apex-agents", "Pass@1 score", upstream="https://www.mercor.com/apex/"
    ),
    "the_agent_company_external.csv": EpochFile(
        "the-agent-company",
        "% Score",
        upstream="https://the-agent-company.com/",
    ),
    "fictionlivebench_external.csv": EpochFile(
        "fiction-livebench",
        "120k token score",
        upstream="https://fiction.live/stories/Fiction-liveBench/oQdzQvKHw8JyXbN87",
    ),
    "video_mme_external.csv": EpochFile(
        "video-mme", "Overall (no subtitles)", upstream="https://video-mme.github.io/"
    ),
    "vpct_external.csv": EpochFile("vpct", "Correct", upstream="https://cbrower.dev/vpct"),
}
# Files left unread, and why (for the build report).
EPOCH_SKIPPED = {
    "aider_polyglot_external.csv": "read from Aider's own leaderboard instead",
    "live_bench_external.csv": "read from LiveBench's own table instead",
    "metr_time_horizons_external.csv": "hours, not a score on a fixed scale",
    "webdev_arena_external.csv": "an Elo rating, not a score on a fixed scale",
    "lech_mazur_writing_external.csv": "a judge's mark out of 10 for creative writing",
    "gdpval_external.csv": "run by a model vendor",
}
# Classic benchmarks compiled from the models' own papers: vendor claims, which the catalog
# already takes from llm-stats and models.dev.
_FROM_PAPERS = (
    "adversarial_nli",
    "arc_ai2",
    "bbh",
    "bool_q",
    "common_sense_qa_2",
    "gsm8k",
    "hella_swag",
    "lambada",
    "mmlu",
    "open_book_qa",
    "piqa",
    "science_qa",
    "superglue",
    "trivia_qa",
    "wino_grande",
)
_VENDOR_SOURCE = re.compile(
    r"system card|announce?ment|annoucement|model card|tech(?:nical)? report", re.I
)


def _csv_rows(name: str, body: bytes) -> list[dict[str, str]]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CatalogError(name, f"not UTF-8 text: {err}") from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise CatalogError(name, "empty CSV: no header row")
    return list(reader)


def _number(raw: str | None) -> float | None:
    if raw is None or not raw.strip():
        return None
    try:
        v = float(raw.strip().rstrip("%"))
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def _url(text: str | None) -> str | None:
    text = (text or "").strip()
    return text if text.startswith(("https://", "http://")) else None


def epoch_skipped(files: Files) -> dict[str, str]:
    """The files of an Epoch snapshot that are not read, each with why."""
    out = {}
    for name in sorted(files):
        if name in EPOCH_FILES or not name.endswith(".csv"):
            continue
        stem = name.removesuffix(".csv").removesuffix("_external")
        out[name] = EPOCH_SKIPPED.get(name) or (
            "classic benchmark compiled from the models' own papers (vendor claims)"
            if stem in _FROM_PAPERS
            else "not a benchmark the method uses"
        )
    return out


def parse_epoch(files: Files, as_of: dt.date | None = None) -> list[SourceRow]:
    rows: list[SourceRow] = []
    known = [n for n in files if n in EPOCH_FILES]
    if not known:
        raise CatalogError("epoch-ai", "none of the expected benchmark CSV files is there")
    for name in sorted(known):
        spec = EPOCH_FILES[name]
        table = _csv_rows(name, files[name])
        if table and spec.column not in table[0]:
            raise CatalogError(name, f"no {spec.column!r} column", field=spec.column)
        own = not name.endswith("_external.csv") and name != "swe_bench_bash.csv"
        for i, r in enumerate(table, start=2):
            model = (r.get("Model version") or "").strip()
            value = _number(r.get(spec.column))
            if not model or value is None:
                continue
            # a file already in percent (OSWorld) is bounded like the fractions
            if not 0 <= value * spec.scale <= spec.top + 0.0001:
                raise CatalogError(name, f"{value} is outside its scale", f"row {i}", spec.column)
            link = _url(r.get("Source link")) or _url(r.get("Source Link"))
            link = link or _url(r.get("Source link (site from table)")) or _url(r.get("Source"))
            source_text = r.get("Source") or ""
            url = (_url(r.get("Log viewer")) or EPOCH_HUB) if own else (link or spec.upstream)
            date = None
            for col in spec.date:
                date = parse_date(r.get(col))
                if date:
                    break
            rows.append(
                SourceRow(
                    "epoch-ai",
                    model,
                    spec.benchmark,
                    round(value * spec.scale, 4),
                    url,
                    date or as_of,
                    agent=(r.get(spec.agent) or "").strip() or None if spec.agent else None,
                    self_reported=bool(_VENDOR_SOURCE.search(source_text)) or _run_by_its_maker(r),
                    note=(r.get("Name") or r.get("Display name") or "").strip(),
                )
            )
    return rows


def unzip(body: bytes, where: str) -> dict[str, bytes]:
    """Epoch's benchmark_data.zip -> its CSV files by base name."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return {
                n.rsplit("/", 1)[-1]: z.read(n)
                for n in z.namelist()
                if n.endswith(".csv") and not n.rsplit("/", 1)[-1].startswith(".")
            }
    except zipfile.BadZipFile:
        raise CatalogError(where, "not a zip archive") from None


# -- LiveBench --------------------------------------------------------------------------------

LIVEBENCH_URL = "https://livebench.ai/"
LIVEBENCH_CATEGORIES = {
    "Reasoning": "livebench-reasoning",
    "Coding": "livebench-coding",
    "Agentic Coding": "livebench-agentic-coding",
    "Mathematics": "livebench-math",
    "Data Analysis": "livebench-data-analysis",
    "Language": "livebench-language",
    "IF": "livebench-if",
}


def parse_livebench(files: Files, as_of: dt.date | None = None) -> list[SourceRow]:
    if "table.csv" not in files or "categories.json" not in files:
        raise CatalogError("livebench", "needs table.csv and categories.json")
    try:
        cats: dict[str, list[str]] = json.loads(files["categories.json"])
    except json.JSONDecodeError as err:
        raise CatalogError("livebench/categories.json", f"broken JSON: {err.msg}") from None
    if not isinstance(cats, dict) or not all(isinstance(v, list) for v in cats.values()):
        raise CatalogError("livebench/categories.json", "expected category -> list of tasks")
    table = _csv_rows("livebench/table.csv", files["table.csv"])
    if table:
        columns = set(table[0])
        if "model" not in columns:
            raise CatalogError("livebench/table.csv", "no 'model' column", field="model")
        for cat, tasks in cats.items():
            # a task that is no column at all: a table and categories.json of different dates
            gone = [t for t in tasks if t not in columns]
            if cat in LIVEBENCH_CATEGORIES and gone:
                raise CatalogError(
                    "livebench/table.csv", f"no column for {cat} task {gone[0]!r}", field=gone[0]
                )
    rows: list[SourceRow] = []
    for r in table:
        model = (r.get("model") or "").strip()
        if not model:
            continue
        tasks_all: list[float] = []
        for cat, tasks in cats.items():
            bench = LIVEBENCH_CATEGORIES.get(cat)
            vals = [_number(r.get(t)) for t in tasks]
            if bench is None or not vals or any(v is None for v in vals):
                continue  # a category LiveBench did not run in full for this model
            got = [v for v in vals if v is not None]
            if any(not 0 <= v <= 100 for v in got):
                raise CatalogError("livebench/table.csv", "a score outside 0..100", model)
            tasks_all.append(sum(got) / len(got))
            rows.append(
                SourceRow(
                    "livebench", model, bench, round(sum(got) / len(got), 3), LIVEBENCH_URL, as_of
                )
            )
        if len(tasks_all) == len(LIVEBENCH_CATEGORIES):
            rows.append(
                SourceRow(
                    "livebench",
                    model,
                    "livebench",
                    round(sum(tasks_all) / len(tasks_all), 3),
                    LIVEBENCH_URL,
                    as_of,
                )
            )
    return rows


# -- Vectara ----------------------------------------------------------------------------------

VECTARA_URL = "https://github.com/vectara/hallucination-leaderboard"


def parse_vectara(files: Files, as_of: dt.date | None = None) -> list[SourceRow]:
    text = files.get("README.md", b"").decode("utf-8", "replace")
    start, end = text.find("<!-- LEADERBOARD_START -->"), text.find("<!-- LEADERBOARD_END -->")
    if start < 0 or end < start:
        raise CatalogError("vectara/README.md", "no leaderboard table between its markers")
    block = text[start:end]
    m = re.search(r"Last updated on ([A-Z][a-z]+ \d{1,2}, \d{4})", block)
    updated = dt.datetime.strptime(m.group(1), "%B %d, %Y").date() if m else as_of
    rows: list[SourceRow] = []
    header: list[str] | None = None
    for line in block.splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= set("|-: "):
            continue
        row = dict(zip(header, cells, strict=False))
        rate = _number(row.get("hallucination rate"))
        model = row.get("model", "")
        if not model or rate is None:
            continue
        if not 0 <= rate <= 100:
            raise CatalogError("vectara/README.md", f"hallucination rate {rate}", model)
        rows.append(
            SourceRow("vectara", model, "vectara-hallucination", rate, VECTARA_URL, updated)
        )
    if header is None or "hallucination rate" not in header:
        raise CatalogError("vectara/README.md", "the table has no Hallucination Rate column")
    return rows


# -- tau2-bench -------------------------------------------------------------------------------

TAU2_URL = "https://taubench.com/"
TAU2_DOMAINS = {
    "retail": "tau2-retail",
    "airline": "tau2-airline",
    "telecom": "tau2-telecom",
    "banking_knowledge": "tau2-banking",
}


# A vendor that submits under another name than its models carry ("Alibaba" for "Qwen").
_ORG_NAMES = {"qwen": "alibaba", "zai": "zhipu", "deepmind": "google"}


def _run_by_its_maker(row: dict[str, str]) -> bool:
    """A compiled leaderboard row whose agent comes from the model's own maker (OpenAI's Codex
    running GPT-5.5 on Terminal-Bench): the vendor's submission, not an independent run."""
    agent_org = (row.get("Agent Org") or "").strip()
    model_org = (row.get("Model Org") or row.get("Organization") or "").strip()
    return bool(agent_org and model_org) and _same_org(agent_org, model_org)


def _same_org(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        s = re.sub(r"[^a-z]", "", s.lower().replace(" ai", "").replace("cloud", ""))
        return next((v for k, v in _ORG_NAMES.items() if k in s), s)

    return bool(norm(a)) and (norm(a) in norm(b) or norm(b) in norm(a))


def parse_tau2(files: Files, as_of: dt.date | None = None) -> list[SourceRow]:
    rows: list[SourceRow] = []
    subs = [n for n in files if n.endswith("submission.json")]
    if not subs:
        raise CatalogError("tau2-bench", "no submission.json files")
    for name in sorted(subs):
        try:
            d: dict[str, Any] = json.loads(files[name])
        except json.JSONDecodeError as err:
            raise CatalogError(name, f"broken JSON at line {err.lineno}: {err.msg}") from None
        if not isinstance(d, dict) or not isinstance(d.get("results"), dict):
            raise CatalogError(name, "no results object", field="results")
        if d.get("submission_type") == "custom":
            continue  # a custom scaffold measures the scaffold as much as the model
        model = str(d.get("model_name") or "").strip()
        if not model:
            continue
        vendor_run = _same_org(
            str(d.get("submitting_organization") or ""), str(d.get("model_organization") or "")
        )
        date = parse_date(d.get("submission_date")) or as_of
        effort = d.get("reasoning_effort")
        effort = str(effort) if effort not in (None, "", "enabled") else None
        for domain, res in d["results"].items():
            bench = TAU2_DOMAINS.get(domain)
            if bench is None or not isinstance(res, dict):
                continue
            v = res.get("pass_1")
            if not isinstance(v, int | float):
                continue  # a domain not run
            if not 0 <= v <= 100:
                raise CatalogError(name, f"pass_1 {v} is outside 0..100", domain, "pass_1")
            rows.append(
                SourceRow(
                    "tau2-bench",
                    model,
                    bench,
                    float(v),
                    TAU2_URL,
                    date,
                    effort=effort,
                    self_reported=vendor_run,
                    note=str(d.get("submitting_organization") or ""),
                )
            )
    return rows


# -- Aider ------------------------------------------------------------------------------------

AIDER_URL = "https://aider.chat/docs/leaderboards/"
_AIDER_EFFORT = re.compile(
    r"^(?:(?P<budget>\d+k) think(?:ing)?(?: tokens)?|(?P<word>high|medium|low|minimal|none|xhigh)|"
    r"(?P<no>no think(?:ing)?)|default(?: think)?|reasoner|chat)$"
)


def aider_name(raw: str) -> tuple[str, str | None] | None:
    """`o3 (high)` -> ("o3", "high"); `DeepSeek R1 (0528)` -> ("DeepSeek R1 0528", None);
    an architect pair (`o3 (high) + gpt-4.1`) measures two models: None."""
    if "+" in raw:
        return None
    name, effort = raw.strip(), None
    m = re.search(r"\(([^()]*)\)\s*$", name)
    if m:
        inner = m.group(1).strip().lower()
        name = name[: m.start()].strip()
        em = _AIDER_EFFORT.match(inner)
        if em:
            if em.group("budget"):
                effort = f"{em.group('budget')} thinking budget"
            elif em.group("word"):
                effort = em.group("word")
            elif em.group("no"):
                effort = "no thinking"
            else:
                effort = {"reasoner": "thinking", "chat": "no thinking"}.get(inner, "default")
        elif re.fullmatch(r"\d{4}|\d{4}-\d\d-\d\d", inner):
            name = f"{name} {inner}"
        else:
            return None  # "(prev)", "quality": a variant the name does not say
    # "Qwen3 235B A22B diff, no think, Alibaba API": the edit format and host after commas
    if "," in name:
        head, *rest = [p.strip() for p in name.split(",")]
        name = re.sub(r"\s+(?:diff|whole|architect|diff-fenced|udiff)$", "", head)
        if any(p.lower() in ("no think", "no thinking") for p in rest):
            effort = "no thinking"
    return name, effort


def parse_aider(files: Files, as_of: dt.date | None = None) -> list[SourceRow]:
    import yaml

    body = files.get("polyglot_leaderboard.yml")
    if body is None:
        raise CatalogError("aider", "needs polyglot_leaderboard.yml")
    try:
        entries = yaml.safe_load(body)
    except yaml.YAMLError as err:
        raise CatalogError("aider/polyglot_leaderboard.yml", f"broken YAML: {err}") from None
    if not isinstance(entries, list):
        raise CatalogError("aider/polyglot_leaderboard.yml", "expected a list of runs")
    rows: list[SourceRow] = []
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            raise CatalogError(
                "aider/polyglot_leaderboard.yml", "a run is not a mapping", f"entry {i}"
            )
        raw = str(e.get("model") or "").strip()
        rate = e.get("pass_rate_2")
        if not raw or not isinstance(rate, int | float):
            continue
        if not 0 <= rate <= 100:
            raise CatalogError(
                "aider/polyglot_leaderboard.yml", f"pass rate {rate}", raw, "pass_rate_2"
            )
        parsed = aider_name(raw)
        if parsed is None:
            continue
        name, effort = parsed
        date = e.get("date")
        if isinstance(date, dt.datetime):  # YAML reads "2025-04-16 12:30:00" as a timestamp
            date = date.date()
        date = date if isinstance(date, dt.date) else parse_date(str(date or "")) or as_of
        rows.append(
            SourceRow(
                "aider",
                name,
                "aider-polyglot",
                float(rate),
                AIDER_URL,
                date,
                effort=effort,
                note=raw,
            )
        )
    return rows


PARSERS = {
    "epoch-ai": parse_epoch,
    "livebench": parse_livebench,
    "vectara": parse_vectara,
    "tau2-bench": parse_tau2,
    "aider": parse_aider,
}


# Where each source's snapshot lives under ../shared/sources, and its licence and credit line.
SNAPSHOT_DIRS = {
    "epoch-ai": "epoch-ai",
    "livebench": "livebench",
    "vectara": "vectara-hallucination",
    "tau2-bench": "tau2-bench",
    "aider": "aider",
}
SOURCE_INFO: dict[str, dict[str, str]] = {
    "epoch-ai": {
        "name": "Epoch AI, AI Benchmarking Hub (epoch.ai/benchmarks)",
        "licence": "CC BY 4.0",
        "url": "https://epoch.ai/benchmarks",
        "note": "Epoch's own runs (GPQA Diamond, FrontierMath, OTIS Mock AIME, SWE-bench Verified, "
        "SimpleQA Verified, ECI) and its compilation of other leaderboards (Terminal-Bench, "
        "OSWorld, ARC-AGI, HLE, SimpleBench, ...), each credited to its upstream. Changed: "
        "fractions shown as percent, one run per model (highest effort).",
    },
    "livebench": {
        "name": "LiveBench (livebench.ai)",
        "licence": "Apache-2.0",
        "url": "https://livebench.ai/",
        "note": "Category scores as LiveBench computes them (the mean of each category's tasks).",
    },
    "vectara": {
        "name": "Vectara Hallucination Leaderboard",
        "licence": "Apache-2.0",
        "url": "https://github.com/vectara/hallucination-leaderboard",
        "note": "Hallucination rate on document summaries (lower is better).",
    },
    "tau2-bench": {
        "name": "tau2-bench leaderboard (Sierra)",
        "licence": "MIT",
        "url": "https://github.com/sierra-research/tau2-bench",
        "note": "pass^1 per domain of standard-scaffold submissions; a vendor's own submission is "
        "marked vendor-reported.",
    },
    "aider": {
        "name": "Aider polyglot leaderboard",
        "licence": "Apache-2.0",
        "url": "https://aider.chat/docs/leaderboards/",
        "note": "Percent of 225 exercises solved in two tries.",
    },
}


def snapshot_date(folder: Path) -> tuple[str | None, dt.date | None]:
    """The commit and date a SOURCE.md says the snapshot was taken at."""
    md = folder / "SOURCE.md"
    text = md.read_text(encoding="utf-8") if md.exists() else ""
    m = re.search(r"commit ([0-9a-f]{40}) of (\d{4}-\d{2}-\d{2})", text)
    if not m:
        return None, None
    return m.group(1), dt.date.fromisoformat(m.group(2))


def snapshot_files(source: str, folder: Path) -> dict[str, bytes]:
    """A snapshot folder's files, named as the parser for `source` expects them."""
    if not folder.is_dir():
        raise CatalogError(str(folder), f"no {source} snapshot here")
    if source == "tau2-bench":
        return {
            str(f.relative_to(folder)): f.read_bytes()
            for f in sorted(folder.glob("submissions/*/submission.json"))
        }
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir()) if f.is_file()}


def read_leaderboards(
    sources_dir: Path,
) -> list[tuple[str, list[SourceRow], dict[str, str], dt.date | None, str | None]]:
    """Every leaderboard snapshot: (source, rows, files not read and why, snapshot date, commit)."""
    out = []
    for source, sub in SNAPSHOT_DIRS.items():
        folder = sources_dir / sub
        files = snapshot_files(source, folder)
        revision, as_of = snapshot_date(folder)
        rows = PARSERS[source](files, as_of)
        skipped = epoch_skipped(files) if source == "epoch-ai" else {}
        out.append((source, rows, skipped, as_of, revision))
    return out
