"""Every top-level key of a data file (besides the language files: tests/test_language_files.py) is
one the code reads, and every key the code reads from one is in some file of its kind: a misspelt
key, in a file or in the code, would be ignored silently."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "statediff" / "data"

# Each kind of data file: its files, and the modules that read them (read_data / load_data).
KINDS: dict[str, tuple[list[Path], list[str]]] = {
    "page": ([DATA / "page.toml"], ["segment/blocks.py", "segment/__init__.py", "segment/places.py", "extract/pdf_text.py"]),
    "concepts": ([DATA / "concepts.toml"], ["features.py"]),
    "aliases": ([DATA / "aliases.toml"], ["features.py", "details/entities.py"]),
    "gazetteer": ([DATA / "gazetteer.toml"], ["details/entities.py"]),
    "numbers": (sorted((DATA / "numbers").glob("*.toml")), ["details/numbers.py"]),
    "strength": (sorted((DATA / "strength").glob("*.toml")), ["details/strength.py", "details/numbers.py"]),
    "topics": (sorted((DATA / "topics").glob("*.toml")), ["details/topics.py"]),
}
_FILE_KINDS = {"page.toml": "page", "concepts.toml": "concepts", "aliases.toml": "aliases", "gazetteer.toml": "gazetteer"}

# Keys the code reads through a name it is given, which the reading below cannot follow: each
# must still be written in a reader's source as a string.
READ_BY_NAME = {
    # numbers._time_sets, _time_words_before_and_alone and _forms loop over or are given the key
    "numbers": {"time_words", "time_nouns", "time_links", "time_words_before", "time_words_alone", "time_word_forms", "time_noun_forms"},
}


def _kind_of(node: ast.expr) -> str | None:
    """The kind of data file an expression reads: ``read_data("page.toml")``, ``load_data("numbers",
    language)``, ``(load_data(...) or {})``."""
    if isinstance(node, ast.BoolOp):
        return _kind_of(node.values[0])
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args and isinstance(node.args[0], ast.Constant)):
        return None
    if node.func.id == "load_data":
        return str(node.args[0].value) if node.args[0].value in KINDS else None
    if node.func.id == "read_data":
        return _FILE_KINDS.get(str(node.args[0].value))
    return None


def _assigned(statements: Iterator[ast.AST]) -> dict[str, str]:
    """Names bound to a data file's contents: ``raw = load_data("numbers", language) or {}``."""
    names = {}
    for node in statements:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            kind = _kind_of(node.value)
            if kind is not None:
                names[node.targets[0].id] = kind
    return names


def _keys_read(module: str) -> dict[str, set[str]]:
    return _keys_read_in((ROOT / "statediff" / module).read_text("utf-8"))


def _keys_read_in(source: str) -> dict[str, set[str]]:
    """The top-level keys a module's source reads from each kind of data file: ``X.get("key", …)``
    and ``X["key"]`` where X is a data file's contents, read there or bound to a name in its
    function or at module level."""
    tree = ast.parse(source)
    at_module = _assigned(node for node in tree.body)
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
    read: dict[str, set[str]] = {}
    for scope in functions:
        names = {**at_module, **_assigned(ast.walk(scope))}
        for node in ast.walk(scope):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                receiver, key = node.func.value, node.args[0].value
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                receiver, key = node.value, node.slice.value
            else:
                continue
            kind = names.get(receiver.id) if isinstance(receiver, ast.Name) else _kind_of(receiver)
            if kind is not None:
                read.setdefault(kind, set()).add(key)
    for node in tree.body:  # module level: _PAGE = read_data("page.toml"); _PAGE["end_markers"]
        for inner in ast.walk(node):
            if isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Name) and inner.value.id in at_module \
                    and isinstance(inner.slice, ast.Constant) and isinstance(inner.slice.value, str):
                read.setdefault(at_module[inner.value.id], set()).add(inner.slice.value)
    return read


def _strings(module: str) -> set[str]:
    tree = ast.parse((ROOT / "statediff" / module).read_text("utf-8"))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def _read(kind: str) -> set[str]:
    modules = KINDS[kind][1]
    return {key for module in modules for key in _keys_read(module).get(kind, set())} | READ_BY_NAME.get(kind, set())


def _unread_keys(kind: str, raw: dict[str, object]) -> list[str]:
    return sorted(set(raw) - _read(kind))


@pytest.mark.parametrize(("kind", "path"), [(kind, path) for kind, (paths, _) in KINDS.items() for path in paths],
                         ids=lambda value: value if isinstance(value, str) else f"{value.parent.name}/{value.name}")
def test_every_key_of_a_data_file_is_read(kind: str, path: Path) -> None:
    assert _unread_keys(kind, tomllib.loads(path.read_text("utf-8"))) == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_key_the_code_reads_is_in_a_data_file(kind: str) -> None:
    paths, modules = KINDS[kind]
    written = {key for path in paths for key in tomllib.loads(path.read_text("utf-8"))}
    assert sorted(_read(kind) - written) == []
    # (a key read by name is still written in a reader, so this list cannot outlive the code)
    assert sorted(READ_BY_NAME.get(kind, set()) - {s for module in modules for s in _strings(module)}) == []


def test_the_ladder_levels_say_what_the_code_reads() -> None:
    # A level's "means" is documentation for whoever edits the cue lists: no code reads it, on purpose.
    documentation = {"means"}
    levels = tomllib.loads((DATA / "strength" / "ladder.toml").read_text("utf-8"))["level"]
    read = {"level", "label"}  # strength.level_labels
    assert {"level", "label"} <= _strings("details/strength.py")
    assert all(set(level) - documentation == read for level in levels)


@pytest.mark.parametrize(("kind", "raw", "unread"), [
    ("numbers", {"range_link": [], "range_links": [], "units": {}}, ["range_link"]),
    ("page", {"end_marker": [], "end_markers": []}, ["end_marker"]),
    ("gazetteer", {"entities": [], "entity": []}, ["entities"]),
    ("strength", {"binding_modal": [], "binding_modals": []}, ["binding_modal"]),
])
def test_a_misspelt_key_is_caught(kind: str, raw: dict[str, object], unread: list[str]) -> None:
    assert _unread_keys(kind, raw) == unread


def test_the_code_reading_a_key_no_file_has_is_caught() -> None:
    # the reading this test relies on sees keys read by .get and by subscript, through a name or not
    source = ('def f(language):\n    raw = load_data("numbers", language) or {}\n'
              '    return raw.get("rnage_links"), raw["units"], (load_data("topics", language) or {}).get("x")\n')
    assert _keys_read_in(source) == {"numbers": {"rnage_links", "units"}, "topics": {"x"}}
