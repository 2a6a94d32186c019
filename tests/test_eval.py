"""Tests of the gold scorer (statediff.evaluate), its agreement with shared/tools/score.py, and `statediff eval`."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from statediff.cli import cli
from statediff.errors import GoldFormatError, InputError
from statediff.evaluate import evaluate, load_gold, mean_scores, parse_gold, score_report, statement_paths
from statediff.load import load
from statediff.pipeline import compare
from statediff.render.json_report import to_dict

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_GOLD = SHARED / "gold" / "jspg7-vs-jspg8.gold.json"
PROJECT_GOLD = sorted((ROOT / "benchmarks" / "gold").glob("*.json"))
SEED_GOLD = ROOT / "benchmarks" / "gold" / "jspg7-vs-jspg8.gold.json"  # the smallest pair: quick end-to-end runs
FIGURES = ("link_precision", "link_recall", "link_f1", "status_accuracy", "segmentation_exact", "noise_reported", "fragments")


def _load_module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    """The independent reference scorer; CI checks out ../shared beside the clone."""
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not available")
    return _load_module("shared_score", path)


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return _load_module("benchmarks_quality", ROOT / "benchmarks" / "quality.py")


# --- tiny hand-made gold and reports ------------------------------------------------------------


def _unit(uid: str, start: int, end: int, kind: str = "commitment") -> dict[str, Any]:
    return {"id": uid, "kind": kind, "quote": f"quote of {uid}", "start": start, "end": end}


def _gold(links: list[tuple[str, str, str]]) -> dict[str, Any]:
    # a: A1 A2 A3 commitments, A4 context, A5 commitment; b: B1..B4 commitments; a noise span on each side.
    return {
        "format": "statediff-gold/1",
        "a": {"path": "a.txt", "units": [_unit("A1", 0, 10), _unit("A2", 20, 30), _unit("A3", 40, 50),
                                          _unit("A4", 80, 90, "context"), _unit("A5", 100, 110)],
              "noise": [{"quote": "noise a", "start": 60, "end": 70}]},
        "b": {"path": "b.txt", "units": [_unit("B1", 0, 10), _unit("B2", 20, 30), _unit("B3", 40, 50), _unit("B4", 100, 110)],
              "noise": [{"quote": "noise b", "start": 60, "end": 70}]},
        "links": [{"a": a, "b": b, "kind": kind} for a, b, kind in links],
    }


# A1=B1 and A2=B2 (sure), A3~B3 (possible: either status is fine), A5 dropped, B4 new.
PLAIN_LINKS = [("A1", "B1", "sure"), ("A2", "B2", "sure"), ("A3", "B3", "possible")]
# A1 and A2 merged into B1; B2 is new.
MERGE_LINKS = [("A1", "B1", "sure"), ("A2", "B1", "sure"), ("A3", "B3", "possible")]


def _report(old: list[tuple[str, int, int]], new: list[tuple[str, int, int]], changes: list[tuple[str, list[str], list[str]]]) -> dict[str, Any]:
    def side(items: list[tuple[str, int, int]]) -> dict[str, Any]:
        return {"path": "x", "commitments": [{"id": i, "start": s, "end": e, "text": ""} for i, s, e in items]}

    return {"schema_version": 1, "old": side(old), "new": side(new),
            "changes": [{"status": st, "old": o, "new": n, "score": None} for st, o, n in changes]}


EXACT_OLD = [("o1", 0, 10), ("o2", 20, 30), ("o3", 40, 50), ("o5", 100, 110)]
EXACT_NEW = [("n1", 0, 10), ("n2", 20, 30), ("n3", 40, 50), ("n4", 100, 110)]
PERFECT_CHANGES = [("persisted", ["o1"], ["n1"]), ("modified", ["o2"], ["n2"]), ("modified", ["o3"], ["n3"]),
                   ("dropped", ["o5"], []), ("new", [], ["n4"])]
PERFECT = {"link_precision": 1.0, "link_recall": 1.0, "link_f1": 1.0, "status_accuracy": 1.0, "status_n": 6,
           "segmentation_exact": 1.0, "noise_reported": 0, "fragments": 0, "errors": []}

CASES = {
    "perfect report": (PLAIN_LINKS, _report(EXACT_OLD, EXACT_NEW, PERFECT_CHANGES), PERFECT),
    "missing unit": (
        PLAIN_LINKS,
        _report([c for c in EXACT_OLD if c[0] != "o2"], EXACT_NEW,
                [("persisted", ["o1"], ["n1"]), ("new", [], ["n2"]), ("modified", ["o3"], ["n3"]), ("dropped", ["o5"], []), ("new", [], ["n4"])]),
        {**PERFECT, "link_recall": 0.5, "link_f1": 0.667, "status_accuracy": 0.667, "segmentation_exact": 0.875,
         "errors": ["a:A2 want persisted got missed: quote of A2", "b:B2 want persisted got new: quote of B2"]},
    ),
    "noise hit": (
        PLAIN_LINKS,
        _report([*EXACT_OLD, ("o6", 58, 70)], EXACT_NEW, [*PERFECT_CHANGES, ("dropped", ["o6"], [])]),
        {**PERFECT, "noise_reported": 1},
    ),
    "fragment": (
        PLAIN_LINKS,
        # n5 touches nothing in the gold; n6 only grazes B1 (1 of 10 chars): neither covers nor is a fragment.
        _report(EXACT_OLD, [*EXACT_NEW, ("n5", 120, 130), ("n6", 9, 12)], [*PERFECT_CHANGES, ("new", [], ["n5"]), ("new", [], ["n6"])]),
        {**PERFECT, "fragments": 1},
    ),
    "many-to-one group": (
        MERGE_LINKS,
        _report(EXACT_OLD, EXACT_NEW, [("modified", ["o1", "o2"], ["n1"]), ("new", [], ["n2"]), ("modified", ["o3"], ["n3"]),
                                       ("dropped", ["o5"], []), ("new", [], ["n4"])]),
        {**PERFECT, "status_n": 6},
    ),
    "over-merged group": (
        MERGE_LINKS,
        _report(EXACT_OLD, EXACT_NEW, [("modified", ["o1", "o2"], ["n1", "n2"]), ("modified", ["o3"], ["n3"]),
                                       ("dropped", ["o5"], []), ("new", [], ["n4"])]),
        {**PERFECT, "link_precision": 0.6, "link_f1": 0.75, "status_accuracy": 0.833,
         "errors": ["b:B2 want new got persisted: quote of B2"]},
    ),
    "one span holding two pledges": (
        PLAIN_LINKS,
        _report([("o1", 0, 30), ("o3", 40, 50), ("o5", 100, 110)], EXACT_NEW,
                [("modified", ["o1"], ["n1", "n2"]), ("modified", ["o3"], ["n3"]), ("dropped", ["o5"], []), ("new", [], ["n4"])]),
        {**PERFECT, "link_precision": 0.6, "link_f1": 0.75, "segmentation_exact": 0.75},
    ),
    "nothing linked": (
        PLAIN_LINKS,
        _report(EXACT_OLD, EXACT_NEW, [("dropped", [o], []) for o, _, _ in EXACT_OLD] + [("new", [], [n]) for n, _, _ in EXACT_NEW]),
        {**PERFECT, "link_precision": 0.0, "link_recall": 0.0, "link_f1": 0.0, "status_accuracy": 0.333,
         "errors": ["a:A1 want persisted got dropped: quote of A1", "a:A2 want persisted got dropped: quote of A2",
                    "b:B1 want persisted got new: quote of B1", "b:B2 want persisted got new: quote of B2"]},
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_scorer_on_hand_made_cases(case: str) -> None:
    links, report, expected = CASES[case]
    assert score_report(parse_gold(_gold(links)), report).as_dict() == expected


@pytest.mark.parametrize("case", CASES)
def test_hand_made_cases_agree_with_reference(case: str, reference: ModuleType) -> None:
    links, report, _ = CASES[case]
    assert score_report(parse_gold(_gold(links)), report).as_dict() == reference.score(_gold(links), report)


def test_mean_is_unweighted_over_gold_files() -> None:
    gold = parse_gold(_gold(PLAIN_LINKS))
    perfect = score_report(gold, CASES["perfect report"][1])
    missing = score_report(gold, CASES["missing unit"][1])
    noisy = score_report(gold, CASES["noise hit"][1])
    mean = mean_scores([perfect, missing, noisy])
    assert mean.count == 3
    assert mean.link_recall == pytest.approx((1 + 0.5 + 1) / 3)
    assert mean.noise_reported == pytest.approx(1 / 3)
    assert mean.as_dict()["link_recall"] == 0.833
    assert mean_scores([]).count == 0


# --- agreement with score.py on real comparisons -------------------------------------------------

REAL_PAIRS = [pytest.param(SHARED_GOLD, SHARED, id="shared-seed-gold")] + [
    pytest.param(path, ROOT, id=path.name.removesuffix(".gold.json")) for path in PROJECT_GOLD
]


@pytest.mark.parametrize(("gold_path", "root"), REAL_PAIRS)
def test_statediff_report_scores_agree_with_reference(gold_path: Path, root: Path, reference: ModuleType) -> None:
    gold = load_gold(gold_path)
    old_path, new_path = statement_paths(gold, root)
    report = json.loads(json.dumps(to_dict(compare(old_path, new_path))))  # exactly what score.py would read from disk
    ours = score_report(gold, report).as_dict()
    theirs = reference.score(json.loads(gold_path.read_text(encoding="utf-8")), report)
    for figure in (*FIGURES, "status_n", "errors"):
        assert ours[figure] == theirs[figure], figure
    assert ours == theirs


@pytest.mark.parametrize(("gold_path", "root"), REAL_PAIRS)
@pytest.mark.parametrize("method", ["difflib", "rapidfuzz"])
def test_baseline_report_scores_agree_with_reference(gold_path: Path, root: Path, method: str, reference: ModuleType,
                                                     quality: ModuleType) -> None:
    # The baselines make very different reports (big many-to-many hunks, sentence-level spans, noise):
    # more shapes on which the two scorers must agree.
    gold = load_gold(gold_path)
    old_path, new_path = statement_paths(gold, root)
    make = quality.difflib_baseline if method == "difflib" else quality.rapidfuzz_baseline
    report = make(load(old_path), load(new_path))
    assert score_report(gold, report).as_dict() == reference.score(json.loads(gold_path.read_text(encoding="utf-8")), report)


def test_project_seed_gold_is_the_shared_one() -> None:
    if not SHARED_GOLD.is_file():
        pytest.skip("../shared is not available")
    assert (ROOT / "benchmarks" / "gold" / SHARED_GOLD.name).read_bytes() == SHARED_GOLD.read_bytes()


# --- baselines ------------------------------------------------------------------------------------


def test_baseline_sentence_split(quality: ModuleType) -> None:
    text = "Title line\n\nWe agree. We will act!  Will we? Yes.\n- item one\n"
    assert [text[s:e] for s, e in quality.split_sentences(text)] == ["Title line", "We agree.", "We will act!", "Will we?", "Yes.", "- item one"]


@pytest.mark.parametrize("method", ["difflib_baseline", "rapidfuzz_baseline"])
def test_baseline_reports_follow_the_contract(method: str, quality: ModuleType) -> None:
    gold = load_gold(PROJECT_GOLD[0])
    old_path, new_path = statement_paths(gold, ROOT)
    old, new = load(old_path), load(new_path)
    report = getattr(quality, method)(old, new)
    for key, doc in (("old", old), ("new", new)):
        ids = [c["id"] for c in report[key]["commitments"]]
        listed = [cid for ch in report["changes"] for cid in ch[key]]
        assert sorted(listed) == sorted(ids)  # changes partition each side
        for c in report[key]["commitments"]:
            assert doc.text[c["start"]:c["end"]] == c["text"]
    for ch in report["changes"]:
        assert ch["status"] in ("persisted", "modified", "new", "dropped")
        if ch["status"] in ("persisted", "modified"):
            assert ch["old"] and ch["new"]


def test_quality_table_has_every_method_and_mean(quality: ModuleType) -> None:
    table = quality.markdown_table(quality.run([SEED_GOLD], ROOT))
    lines = table.splitlines()
    assert lines[0].startswith("| gold file | method | link P |")
    assert len(lines) == 2 + len(quality.METHODS) * 2
    assert sum("mean of 1" in line for line in lines) == len(quality.METHODS)


# --- gold file validation ---------------------------------------------------------------------------


def _broken(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(_gold(PLAIN_LINKS))
    mutate(data)
    return data


MALFORMED = {
    "not an object": ([], "top level is a list"),
    "wrong format": (_broken(lambda d: d.update(format="statediff-gold/2")), "'statediff-gold/2'"),
    "no format": (_broken(lambda d: d.pop("format")), "no \"format\" field"),
    "no side": (_broken(lambda d: d.pop("b")), "\"b\" must be an object"),
    "no path": (_broken(lambda d: d["a"].pop("path")), "a.path must be a non-empty string"),
    "units not a list": (_broken(lambda d: d["a"].update(units={})), "a.units must be a list"),
    "bad kind": (_broken(lambda d: d["b"]["units"][1].update(kind="pledge")), "b.units[1] (B2): \"kind\" is 'pledge'"),
    "duplicate id": (_broken(lambda d: d["a"]["units"][1].update(id="A1")), "duplicate unit id 'A1'"),
    "string offset": (_broken(lambda d: d["a"]["units"][0].update(start="0")), "integer character offsets"),
    "boolean offset": (_broken(lambda d: d["a"]["units"][0].update(start=False)), "integer character offsets"),
    "empty span": (_broken(lambda d: d["a"]["units"][0].update(end=0)), "start=0, end=0"),
    "bad noise": (_broken(lambda d: d["b"]["noise"][0].pop("quote")), "b.noise[0]: \"quote\" must be a string"),
    "dangling link": (_broken(lambda d: d["links"].append({"a": "A9", "b": "B1", "kind": "sure"})), "links[3]: \"a\" refers to unit 'A9'"),
    "bad link kind": (_broken(lambda d: d["links"][0].update(kind="maybe")), "links[0]: \"kind\" is 'maybe'"),
    "links missing": (_broken(lambda d: d.pop("links")), "\"links\" must be a list"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_gold_is_a_gold_format_error(case: str) -> None:
    data, message = MALFORMED[case]
    with pytest.raises(GoldFormatError) as err:
        parse_gold(data, "some.gold.json")
    assert str(err.value).startswith("some.gold.json: ")
    assert message in str(err.value)


def test_invalid_json_names_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text('{"format": "statediff-gold/1",\n "a": }', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad\.gold\.json: not valid JSON \(line 2, column 7"):
        load_gold(path)


def test_missing_gold_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "nope.json")


def _one_unit_gold(quote: str, start: int) -> dict[str, Any]:
    raw = _gold(PLAIN_LINKS)
    raw["a"]["units"] = [{"id": "A1", "kind": "commitment", "quote": quote, "start": start, "end": start + len(quote)}]
    raw["a"]["noise"] = []
    raw["links"] = []
    return raw


@pytest.mark.parametrize(("text", "start", "found"), [
    ("We agree to meet. We will trade.", 18, (18, 32)),  # at its offsets: kept
    ("Preface. We agree to meet. We will trade. We will trade.", 40, (42, 56)),  # moved: the occurrence nearest its offset
    ("We agree to meet. We will\n   trade.", 18, (18, 35)),  # rewrapped by a converter: any whitespace between words
])
def test_a_quote_is_located_again_in_the_text(text: str, start: int, found: tuple[int, int]) -> None:
    from statediff.evaluate import locate_quotes

    gold = parse_gold(_one_unit_gold("We will trade.", start), "tiny.gold.json")
    [unit] = locate_quotes(gold, "a", text, "a.txt").a.units
    assert (unit.start, unit.end) == found


def test_noise_quotes_are_located_again_too() -> None:
    from statediff.evaluate import locate_quotes

    raw = _one_unit_gold("We will trade.", 0)
    raw["a"]["noise"] = [{"quote": "Add a comment", "start": 0, "end": 13}]
    text = "We will trade.\nAdd a comment"
    [noise] = locate_quotes(parse_gold(raw, "tiny.gold.json"), "a", text, "a.txt").a.noise
    assert (noise.start, noise.end) == (15, 28)


def test_a_quote_found_nowhere_is_refused() -> None:
    from statediff.evaluate import locate_quotes

    gold = parse_gold(_one_unit_gold("We will trade.", 0), "tiny.gold.json")
    with pytest.raises(GoldFormatError, match=r"tiny\.gold\.json: a unit A1: the quote 'We will trade\.' is not in a\.txt"):
        locate_quotes(gold, "a", "Something else entirely.", "a.txt")


def test_missing_statement_names_gold_side_and_root(tmp_path: Path) -> None:
    gold = parse_gold(_gold(PLAIN_LINKS), "tiny.gold.json")
    with pytest.raises(InputError, match=r"tiny\.gold\.json: statement a \(a\.txt\) not found under .*--root"):
        statement_paths(gold, tmp_path)


# --- the library entry point and the CLI -----------------------------------------------------------


def test_evaluate_passes_threshold_and_scores_each_gold_file() -> None:
    loose = evaluate([SEED_GOLD], root=ROOT, threshold=0.05)
    strict = evaluate([SEED_GOLD], root=ROOT, threshold=0.99)
    assert loose.threshold == 0.05 and strict.threshold == 0.99
    # A near-impossible threshold links (almost) nothing; a tiny one links more pairs than it.
    assert strict.results[0].scores.link_recall <= loose.results[0].scores.link_recall
    assert loose.mean.count == 1 and loose.mean.link_f1 == loose.results[0].scores.link_f1


def test_cli_eval_json_has_score_py_fields_per_file_and_mean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = [str(p.relative_to(ROOT)) for p in PROJECT_GOLD]
    result = CliRunner().invoke(cli, ["eval", *paths, "--format", "json", "--threshold", "0.3"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["threshold"] == 0.3
    assert [g["gold"] for g in data["gold"]] == paths
    for entry in data["gold"]:
        assert set(FIGURES) | {"errors", "status_n"} <= set(entry)
        assert len(entry["errors"]) == len(entry["wrong"])
    assert set(FIGURES) <= set(data["mean"])
    assert data["mean"]["gold_files"] == len(paths)


def test_cli_eval_rich_output_lists_wrong_commitments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("COLUMNS", raising=False)  # Rich's width, hence where headers wrap
    result = CliRunner().invoke(cli, ["eval", str(SEED_GOLD.relative_to(ROOT)), "--color", "never"])
    assert result.exit_code == 0, result.stderr
    assert "link F1" in result.stdout and "mean over 1 gold file" in result.stdout
    errors = evaluate([SEED_GOLD], root=ROOT).results[0].scores.errors
    if errors:
        assert f"{errors[0].side}:{errors[0].unit_id}" in result.stdout


def test_cli_eval_shared_gold_with_root(reference: ModuleType) -> None:
    result = CliRunner().invoke(cli, ["eval", str(SHARED_GOLD), "--root", str(SHARED), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["gold"][0]["status_n"] > 0


def test_cli_eval_malformed_gold_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.gold.json"
    path.write_text(json.dumps(_broken(lambda d: d["links"][0].update(kind="maybe"))), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"statediff: error: {path}: links[0]")


def test_cli_eval_missing_statement_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "tiny.gold.json"
    path.write_text(json.dumps(_gold(PLAIN_LINKS)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path), "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert "statement a (a.txt) not found" in result.stderr


def test_cli_eval_needs_a_gold_file() -> None:
    result = CliRunner().invoke(cli, ["eval"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("old_input", "new_input"),
    [("tests/data/inputs/jspg7.docx", "tests/data/inputs/jspg8.html"), ("tests/data/inputs/jspg7.pdf", "tests/data/inputs/jspg8.docx")],
)
def test_the_seed_gold_scores_converted_inputs_like_the_text_pair(tmp_path: Path, old_input: str, new_input: str) -> None:
    """Gold quotes are located again in the extracted text, so one gold file scores any format;
    the 7th statement as .docx against the 8th as .html links exactly like the .txt pair."""
    pytest.importorskip("docx")
    pytest.importorskip("bs4")
    pytest.importorskip("pypdf")
    root = Path(__file__).resolve().parent.parent
    raw = json.loads((root / "benchmarks" / "gold" / "jspg7-vs-jspg8.gold.json").read_text(encoding="utf-8"))
    raw["a"]["path"], raw["b"]["path"] = old_input, new_input
    converted = tmp_path / "converted.gold.json"
    converted.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    text_pair = evaluate([root / "benchmarks" / "gold" / "jspg7-vs-jspg8.gold.json"], root=root).results[0].scores
    other = evaluate([converted], root=root).results[0].scores
    assert other.link_f1 == text_pair.link_f1
    assert other.status_accuracy == text_pair.status_accuracy
