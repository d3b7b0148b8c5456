"""Synthetic catalogs for the scale benchmark: the shipped catalog plus made-up models.

    python -m benchmarks.synthetic 10000 /tmp/catalog-10k.json [--seed 7] [--changed]

The shipped models stay in, so the labelled messages still name real models and their expected
answers still hold; the extra models crowd the index with names shaped like real ones ("Kestrel
3.5 Pro", "Vanta-2 70B Instruct", "Corvid Flash 2507") from made-up families that never collide
with a real name. Each made-up model has scores on 50 of the shipped benchmarks (mostly weighted
ones, so they rank), a price, a context window and a release date. Everything comes from one
`random.Random(seed)`, so the same size and seed give the same catalog byte for byte.

`changed(catalog, seed)` is the next day's data: some prices and scores move, a few models are new
and a few gone, which is what a refresh diffs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

from bot.catalog.check import catalog_to_json, read_catalog_file
from bot.catalog.models import Catalog, Model, Score

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "catalog.json"
BENCHMARKS_PER_MODEL = 50

_ONSETS = ["k", "v", "t", "s", "m", "n", "r", "l", "d", "z", "br", "cr", "dr", "fl", "gr", "pr"]
_ONSETS += ["st", "tr", "qu", "th", "sh", "h", "j", "p", "b", "c", "f", "g", "y", "w", "x", "sk"]
_VOWELS = ["a", "e", "i", "o", "u", "ae", "io", "ea", "y", "ou"]
_CODAS = ["n", "r", "l", "x", "s", "th", "rn", "nd", "st", "ra", "ne", "vo", "ta", "lo", "ris", ""]
_TIERS = ["Pro", "Mini", "Flash", "Lite", "Ultra", "Max", "Turbo", "Nano", "Plus", "Air", "Edge"]
_VARIANTS = ["Instruct", "Chat", "Coder", "Vision", "Thinking", "Base", "Preview", "Reasoning"]
_CREATOR_WORDS = ["Labs", "AI", "Research", "Systems", "Intelligence", "Compute", "Foundry"]


def _word(rng: random.Random) -> str:
    parts = [rng.choice(_ONSETS), rng.choice(_VOWELS), rng.choice(_CODAS)]
    if rng.random() < 0.4:
        parts += [rng.choice(_VOWELS), rng.choice(_CODAS)]
    return "".join(parts).capitalize()


def _taken_words(base: Catalog) -> set[str]:
    words: set[str] = set()
    for m in base.models:
        for name in (m.name, m.id, *m.aliases, m.creator, m.family or ""):
            words.update(w.lower() for w in name.replace("-", " ").replace(".", " ").split())
    return words


def _families(rng: random.Random, taken: set[str], n: int) -> list[str]:
    out: list[str] = []
    seen = set(taken)
    while len(out) < n:
        w = _word(rng)
        if 4 <= len(w) <= 9 and w.lower() not in seen:
            seen.add(w.lower())
            out.append(w)
    return out


def _name(rng: random.Random, family: str) -> tuple[str, float | None]:
    """A model name in one of the shapes real catalogs use, and its size if the name says it."""
    major = rng.randint(1, 6)
    minor = rng.choice(["", "", ".5", ".1", ".2", ".0", ".7"])
    size = rng.choice([1, 3, 7, 8, 9, 12, 14, 27, 32, 34, 70, 72, 110, 235, 405])
    shape = rng.randrange(6)
    if shape == 0:
        return f"{family} {major}{minor} {rng.choice(_TIERS)}", None
    if shape == 1:
        return f"{family}-{major} {size}B {rng.choice(_VARIANTS)}", float(size)
    if shape == 2:
        return f"{family} {rng.choice(_TIERS)} {rng.randint(24, 26)}{rng.randint(1, 12):02d}", None
    if shape == 3:
        return f"{family} {major}{minor} {size}B", float(size)
    if shape == 4:
        return f"{family} {major}{minor} {rng.choice(_TIERS)} {rng.choice(_VARIANTS)}", None
    return f"{family}{major}{minor}-{rng.choice(_TIERS).lower()}", None


def _slug(name: str) -> str:
    out = "".join(c if c.isalnum() or c == "." else "-" for c in name.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def _with(base: Catalog, models: tuple[Model, ...], scores: tuple[Score, ...]) -> Catalog:
    # A new Catalog, not model_copy: a copy would keep the old one's cached lookup tables.
    return Catalog(
        meta=base.meta,
        categories=base.categories,
        benchmarks=base.benchmarks,
        models=models,
        scores=scores,
    )


def synthetic_catalog(total: int, seed: int = 7, base: Catalog | None = None) -> Catalog:
    """The shipped catalog padded with made-up models up to `total` models."""
    base = base or read_catalog_file(SHIPPED)
    rng = random.Random(seed)
    extra = max(0, total - len(base.models))
    families = _families(rng, _taken_words(base), max(8, extra // 25))
    creators = [f"{_word(rng)} {rng.choice(_CREATOR_WORDS)}" for _ in range(max(4, extra // 150))]
    family_creator = {f: rng.choice(creators) for f in families}
    weighted = [b.id for b in base.benchmarks if b.weight > 0 and b.category]
    other = [b.id for b in base.benchmarks if not (b.weight > 0 and b.category)]
    scale = {b.id: (b.scale_max or 100) for b in base.benchmarks}
    names = {m.name.lower() for m in base.models}
    ids = {m.id for m in base.models}
    models: list[Model] = []
    scores: list[Score] = []
    day0 = dt.date(2023, 1, 1)
    while len(models) < extra:
        family = rng.choice(families)
        name, size = _name(rng, family)
        mid = _slug(name)
        if name.lower() in names or mid in ids:
            continue
        names.add(name.lower())
        ids.add(mid)
        price_in = round(rng.choice([0.05, 0.1, 0.15, 0.3, 0.5, 1, 1.25, 2, 3, 5, 15]), 2)
        models.append(
            Model(
                id=mid,
                name=name,
                creator=family_creator[family],
                family=family,
                release_date=day0 + dt.timedelta(days=rng.randrange(1300)),
                reasoning=rng.random() < 0.3,
                open_weights=size is not None or rng.random() < 0.2,
                context_window=rng.choice([8192, 32768, 128000, 200000, 1000000]),
                max_output_tokens=rng.choice([4096, 8192, 32768, 65536]),
                input_price=price_in,
                output_price=round(price_in * rng.choice([2, 3, 4, 5, 8]), 2),
                input_modalities=("text", "image") if rng.random() < 0.5 else ("text",),
                params_b=size,
                sources=("synthetic",),
            )
        )
        skill = rng.uniform(0.25, 0.9)
        chosen = rng.sample(weighted, min(40, len(weighted)))
        chosen += rng.sample(other, BENCHMARKS_PER_MODEL - len(chosen))
        for bid in chosen:
            value = min(1.0, max(0.0, rng.gauss(skill, 0.12))) * scale[bid]
            scores.append(
                Score(
                    model=mid,
                    benchmark=bid,
                    value=round(value, 1),
                    self_reported=rng.random() < 0.5,
                    source="synthetic",
                )
            )
    return _with(base, base.models + tuple(models), base.scores + tuple(scores))


def changed(catalog: Catalog, seed: int = 8) -> Catalog:
    """The same catalog a day later: 1% of prices and 1% of scores move, 20 models are new
    (copies of existing ones under new names) and 5 are gone."""
    rng = random.Random(seed)
    models = list(catalog.models)
    gone = {m.id for m in rng.sample([m for m in models if "synthetic" in m.sources], 5)}
    models = [m for m in models if m.id not in gone]
    for i in rng.sample(range(len(models)), len(models) // 100):
        m = models[i]
        if m.input_price is not None:
            models[i] = m.model_copy(update={"input_price": round(m.input_price * 0.8, 4)})
    scores = [s for s in catalog.scores if s.model not in gone]
    scale = {b.id: (b.scale_max or 100) for b in catalog.benchmarks}
    for i in rng.sample(range(len(scores)), len(scores) // 100):
        s = scores[i]
        moved = min(scale[s.benchmark], s.value + rng.choice([-3, -1.5, 1.5, 3]))
        scores[i] = dataclasses.replace(s, value=round(max(0.0, moved), 1))
    for k, src in enumerate(rng.sample(models, 20)):
        mid = f"{src.id}-next-{seed}-{k}"
        models.append(src.model_copy(update={"id": mid, "name": f"{src.name} Next {seed}-{k}"}))
        scores += [dataclasses.replace(s, model=mid) for s in catalog.scores_of(src.id).values()]
    return _with(catalog, tuple(models), tuple(scores))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("total", type=int, help="models in all, the shipped ones included")
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--changed", action="store_true", help="write the next day's version")
    a = p.parse_args(argv)
    catalog = synthetic_catalog(a.total, a.seed)
    if a.changed:
        catalog = changed(catalog, a.seed + 1)
    a.out.write_text(catalog_to_json(catalog), encoding="utf-8")
    print(f"{a.out}: {len(catalog.models)} models, {len(catalog.scores)} scores", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
