"""Speed and scale of statediff, printed as Markdown tables (a script, not a test).

    .venv/bin/python benchmarks/speed.py                 # everything (20,000 × 20,000 takes a while)
    .venv/bin/python benchmarks/speed.py --sizes 50 500  # fewer sizes

1. The seed pair end to end (`statediff A B --format json`, a fresh process each time) against
   the import floor (`python -c "import rich, rapidfuzz, click"`), alternating runs in this one
   script run, medians: the ratio is what counts, absolute times are noisy. statediff's bytecode
   is compiled first, as `pip install` does for the floor's packages: an editable install run
   with PYTHONDONTWRITEBYTECODE set would otherwise compile every module from source on every
   run (~100 ms) while the floor never does.
2. Synthetic pairs of 50 … 20,000 pledges a side (benchmarks/synthetic.py): wall time per stage,
   peak memory (this process plus worker processes), candidate pairs scored, ratio to the floor.
   Each size runs in a fresh process so that peak memory is its own.
3. Candidate-generation recall on a synthetic pair (true pairs known by construction), whether
   the output is byte-identical for 1 and N workers, and gold quality with candidate generation
   forced on versus exhaustive scoring.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STATEDIFF = str(Path(PYTHON).with_name("statediff"))
SEED_OLD = ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt"
GOLD = sorted((ROOT / "benchmarks" / "gold").glob("*.gold.json"))


def _wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def floor_and_seed(runs: int) -> tuple[float, float]:
    """Median wall seconds of the import floor and of the seed comparison, alternated."""
    floor_cmd = [PYTHON, "-c", "import rich, rapidfuzz, click"]
    seed_cmd = [STATEDIFF, str(SEED_OLD), str(SEED_NEW), "--format", "json"]
    compileall.compile_dir(ROOT / "statediff", quiet=1)  # .pyc files even under PYTHONDONTWRITEBYTECODE
    _wall(floor_cmd), _wall(seed_cmd)  # warm the file cache
    floors, seeds = [], []
    for _ in range(runs):
        floors.append(_wall(floor_cmd))
        seeds.append(_wall(seed_cmd))
    return statistics.median(floors), statistics.median(seeds)


def one_size(size: int, workers: int, folder: str) -> dict:
    """Run one synthetic comparison stage by stage in this process, with the garbage collector
    paused as statediff's command line pauses it; return its figures."""
    from statediff.gcpause import gc_paused

    with gc_paused():
        return _stages(size, workers, folder)


def _stages(size: int, workers: int, folder: str) -> dict:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import make_pair

    from statediff.align import DEFAULT_THRESHOLD, align
    from statediff.classify import DEFAULT_PERSIST_THRESHOLD, classify
    from statediff.details import annotate
    from statediff.details.why import TermIndex
    from statediff.load import load
    from statediff.model import Report, Settings
    from statediff.pipeline import _segment_both
    from statediff.render.json_report import render_json

    pair = make_pair(size)
    old_path, new_path = Path(folder) / f"old-{size}.txt", Path(folder) / f"new-{size}.txt"
    old_path.write_text(pair.old_text, encoding="utf-8")
    new_path.write_text(pair.new_text, encoding="utf-8")
    stages: dict[str, float] = {}
    started = time.perf_counter()
    old_doc, new_doc = load(str(old_path)), load(str(new_path))
    stages["load"] = time.perf_counter() - started
    started = time.perf_counter()
    # As statediff.pipeline.compare runs the stages: with workers, the segmenting processes read
    # the details facts of their statement while this one aligns.
    old, new, readers = _segment_both(old_doc, new_doc, "en", "en", workers)
    stages["segment"] = time.perf_counter() - started
    started = time.perf_counter()
    alignment = align(old, new, workers=max(1, workers - 1) if readers else workers)  # a reader holds one worker
    changes = classify(old, new, alignment)
    stages["align"] = time.perf_counter() - started
    started = time.perf_counter()
    terms = TermIndex(old, new) if readers else None
    facts = readers.facts() if readers else None
    annotation = annotate(old, new, alignment, changes, DEFAULT_THRESHOLD, facts=facts, terms=terms,
                          persist_threshold=DEFAULT_PERSIST_THRESHOLD)
    stages["details"] = time.perf_counter() - started
    started = time.perf_counter()
    report = Report(old, new, annotation.changes, Settings(0.25, "en", 0.9), topics=annotation.topics, details=annotation.details)
    output = render_json(report)
    stages["render"] = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "size": size,
        "pledges": [len(old.commitments), len(new.commitments)],
        "stages": stages,
        "total": sum(stages.values()),
        "peak_mib": peak_kib / 1024,
        "candidates": alignment.candidates_scored,
        "sha256": hashlib.sha256(output.encode()).hexdigest(),
    }


def _run_size(size: int, workers: int, folder: str) -> dict:
    started = time.perf_counter()
    out = subprocess.run([PYTHON, __file__, "--one", str(size), "--workers", str(workers), "--folder", folder],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    result = json.loads(out.stdout)
    result["process_wall"] = time.perf_counter() - started
    return result


def candidate_recall(size: int) -> tuple[float, int, int]:
    """Share of true pairs (both lines yielding a pledge) that candidate generation proposes."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import make_pair

    from statediff import align as A
    from statediff.load import load
    from statediff.segment import segment

    pair = make_pair(size)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "a.txt", Path(folder) / "b.txt"]
        paths[0].write_text(pair.old_text, encoding="utf-8")
        paths[1].write_text(pair.new_text, encoding="utf-8")
        old, new = (segment(load(str(p)), "en") for p in paths)
    vectors = A.build_vectors(old, new)
    # As align() proposes them: the rare-term index and the twins of repeated pledges.
    pairs = A.candidate_pairs(*vectors, exhaustive=False, twins=A.twin_pairs(A.term_sets(old), A.term_sets(new)))
    old_line = [old.document.text.count("\n", 0, c.start) for c in old.commitments]
    new_line = [new.document.text.count("\n", 0, c.start) for c in new.commitments]
    proposed = {(old_line[i], new_line[j]) for i, j in pairs}
    reachable = {(a, b) for a, b in pair.true_pairs if a in set(old_line) and b in set(new_line)}
    found = len(reachable & proposed)
    return found / len(reachable), found, len(reachable)


def gold_with_and_without_index() -> list[tuple[str, dict, dict]]:
    """Link F1 and status accuracy per gold file, exhaustive scoring vs candidate generation."""
    from statediff.evaluate import load_gold, score_report, statement_paths
    from statediff.pipeline import compare
    from statediff.render.json_report import to_dict

    rows = []
    for path in GOLD:
        gold = load_gold(str(path))
        old_path, new_path = statement_paths(gold, ROOT)
        figures = []
        for exhaustive in (True, False):
            report = compare(old_path, new_path, exhaustive=exhaustive)
            figures.append(score_report(gold, to_dict(report)))
        rows.append((path.name, figures[0], figures[1]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 500, 5000, 20000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=15, help="runs of the floor and of the seed pair")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one, args.workers, args.folder)))
        return

    floor, seed = floor_and_seed(args.runs)
    print(f"## Speed ({time.strftime('%Y-%m-%d')}, {os.uname().machine}, {os.cpu_count()} cores, workers={args.workers})\n")
    print("| measure | median wall | ratio to import floor |")
    print("|---|---|---|")
    print(f"| import floor `python -c \"import rich, rapidfuzz, click\"` | {floor * 1000:.0f} ms | 1.00 |")
    print(f"| seed pair `statediff A B --format json` | {seed * 1000:.0f} ms | {seed / floor:.2f} |\n")
    if not args.sizes:  # `--sizes` with no value: the seed pair's ratio only
        return

    print("| pledges a side | load s | segment s | align s | details s | render s | total s | process wall s | peak MiB | candidate pairs | total / floor |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for size in args.sizes:
            r = _run_size(size, args.workers, folder)
            results[size] = r
            st = r["stages"]
            print(f"| {size:,} ({r['pledges'][0]:,} / {r['pledges'][1]:,}) | {st['load']:.2f} | {st['segment']:.2f} | {st['align']:.2f} | "
                  f"{st['details']:.2f} | {st['render']:.2f} | {r['total']:.2f} | {r['process_wall']:.2f} | {r['peak_mib']:.0f} | "
                  f"{r['candidates']:,} | {r['total'] / floor:.0f} |")
        check_size = 5000 if 5000 in args.sizes else args.sizes[-1]
        other = _run_size(check_size, 1 if args.workers > 1 else 2, folder)
        same = other["sha256"] == results[check_size]["sha256"]
        print(f"\nOutput at {check_size:,} a side identical for workers={args.workers} and workers={1 if args.workers > 1 else 2}: {same}"
              f" (wall {results[check_size]['total']:.2f} s vs {other['total']:.2f} s)")

    share, found, reachable = candidate_recall(check_size)
    print(f"Candidate generation recall at {check_size:,} a side: {share:.4f} ({found:,} of {reachable:,} true pairs whose lines both yield a pledge)\n")

    print("| gold | link F1 exhaustive | link F1 with candidate index | status exhaustive | status with index |")
    print("|---|---|---|---|---|")
    for name, full, indexed in gold_with_and_without_index():
        print(f"| {name} | {full.link_f1:.3f} | {indexed.link_f1:.3f} | {full.status_accuracy:.3f} | {indexed.status_accuracy:.3f} |")


if __name__ == "__main__":
    main()
