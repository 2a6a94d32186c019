"""End-to-end smoke test on the seed pair through the library entry point."""

from pathlib import Path

from statediff.pipeline import compare

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt"


def test_seed_pair_changes_partition_both_sides():
    report = compare(str(SEED_OLD), str(SEED_NEW))
    old_ids = [cid for ch in report.changes for cid in ch.old]
    new_ids = [cid for ch in report.changes for cid in ch.new]
    assert sorted(old_ids) == sorted(c.id for c in report.old.commitments)
    assert sorted(new_ids) == sorted(c.id for c in report.new.commitments)
    assert report.summary()["persisted"] + report.summary()["modified"] >= 5
    for commitment in report.old.commitments:
        assert report.old.document.text[commitment.start:commitment.end] == commitment.text
