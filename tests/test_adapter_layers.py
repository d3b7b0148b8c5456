"""The Discord adapter's imports run one way: the bot (app) -> its cogs -> replies, views,
transformers, embeds, sending and delivery -> the core object -> the bot's core packages. Read
from the source, so a cycle broken by an import inside a function shows too."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

ADAPTER = ROOT / "bot" / "discord_app"
PACKAGE = "bot.discord_app"
# What the adapter may use of the rest of the bot: the engine and the contract it answers in,
# answers and their renderers, settings, the store, alerts; the front ends' shared start-up
# (bot.service), the catalog's figures for /about, the chart worker's entry points, the categories
# and measures as described once (bot.measures) and the speed probe's loop.
CORE_ALLOWED = (
    "bot.engine",
    "bot.query",
    "bot.measures",
    "bot.speed.probe",
    "bot.answers",
    "bot.settings",
    "bot.store",
    "bot.alerts",
    "bot.service",
    "bot.catalog.stats",
    "bot.catalog.models",
    "bot.chart_process",
)


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module imported, line, at the top level) for every `bot...` import in the file."""
    tree = ast.parse(path.read_text())
    top = {id(node) for node in tree.body}
    for node in tree.body:  # `if TYPE_CHECKING:` blocks count as the top level
        if isinstance(node, ast.If):
            top |= {id(n) for n in node.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
            names = [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                found.append((name, node.lineno, id(node) in top))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("bot"):
                    found.append((alias.name, node.lineno, id(node) in top))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in ADAPTER.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for imported, _, _ in _imports(path):
            # `from bot.discord_app import sending` names a module; `... .core import Core` a name
            target = imported if imported in modules else imported.rsplit(".", 1)[0]
            if target in modules and target != name:
                graph[name].add(target)
    return graph


def test_no_import_inside_a_function() -> None:
    inside = [
        f"{path.relative_to(ROOT)}:{line} {name}"
        for path in ADAPTER.rglob("*.py")
        for name, line, at_top in _imports(path)
        if not at_top
    ]
    assert inside == []


def test_no_import_cycle() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for dep in graph[module]:
            visit(dep, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_only_the_bot_imports_its_cogs_and_no_cog_another() -> None:
    graph = _graph()
    app, cogs = f"{PACKAGE}.app", f"{PACKAGE}.cogs"
    for module, deps in graph.items():
        if module != app:
            assert app not in deps, module
        for dep in deps:
            if dep.startswith(f"{cogs}.") and module != app:
                raise AssertionError(f"{module} imports the cog {dep}")


def test_the_adapter_uses_the_core_through_its_public_modules() -> None:
    outside = [
        f"{path.relative_to(ROOT)}:{line} {name}"
        for path in ADAPTER.rglob("*.py")
        for name, line, _ in _imports(path)
        if not name.startswith(PACKAGE) and not name.startswith(CORE_ALLOWED)
    ]
    assert outside == []
