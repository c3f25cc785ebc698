"""Imports go one way (DESIGN.md, "Layers"): the core never imports the channel; inside the
channel, views → services → models, crypto, storage, and nothing below imports what is above."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_vertrouwen"
CHANNEL = PACKAGE / "channel"

#: Layer of each part of the channel, lowest first. A module may import its own layer and
#: the layers below it, never one above.
LAYERS = {
    "crypto": 0,
    "conf": 0,
    "storage": 1,
    "models": 1,
    "policy": 1,  # reads models; models ask it how to name a person
    "services": 3,
    "tasks": 3,
    "forms": 4,
    "openapi": 4,
    "views": 5,
    "templatetags": 5,  # filters of the views' templates
}
#: Modules that sit outside the stack and wire it up (they may import anything).
WIRING = {
    "apps",
    "checks",
    "debug",
    "signals",
    "wagtail_hooks",
    "urls",
    "inbox_urls",
    "recipients_urls",
    "management",
    "migrations",
    "__init__",
}
#: A Wagtail page's serve() is its view: the page model hands the request over to it.
ALLOWED = {("models/forms.py", "views")}


def _module_name(path: Path, level: int, module: str | None) -> str:
    """The absolute dotted name an import refers to."""
    if level == 0:
        return module or ""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    base = parts[: len(parts) - level]
    return ".".join(base + ([module] if module else []))


def _imports(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            name = _module_name(path, node.level, node.module)
            yield name
            for alias in node.names:  # "from . import crypto" names a module too
                yield f"{name}.{alias.name}"


def _part(dotted: str) -> str | None:
    prefix = "wagtail_vertrouwen.channel."
    if not dotted.startswith(prefix):
        return None
    return dotted[len(prefix) :].split(".")[0]


CORE_FILES = [p for p in PACKAGE.rglob("*.py") if CHANNEL not in p.parents]
CHANNEL_FILES = [p for p in CHANNEL.rglob("*.py") if "migrations" not in p.parts]


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_core_never_imports_the_channel(path):
    assert not [name for name in _imports(path) if name.startswith("wagtail_vertrouwen.channel")]


@pytest.mark.parametrize("path", CHANNEL_FILES, ids=lambda p: str(p.relative_to(CHANNEL)))
def test_channel_imports_go_one_way(path):
    relative = path.relative_to(CHANNEL)
    own = relative.parts[0].removesuffix(".py")
    if own in WIRING:
        return
    assert own in LAYERS, f"{relative}: put this module in a layer of tests/test_layers.py"
    upward = {
        part
        for part in map(_part, _imports(path))
        if part in LAYERS and LAYERS[part] > LAYERS[own] and (str(relative), part) not in ALLOWED
    }
    assert not upward, f"{relative} ({own}) imports from a higher layer: {sorted(upward)}"


def test_the_check_can_fail():
    """The parser sees relative imports for what they are."""
    views = CHANNEL / "views" / "form.py"
    assert "services" in {_part(name) for name in _imports(views)}
