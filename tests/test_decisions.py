"""A reviser's decisions applied by the toolkit: fixed pairs re-align their neighbours, settled flags, the
contract's checks."""
import json

import pytest

from align.cli import main
from align.errors import AlignError
from align.review.decisions import (Decisions, FlagDecision, PairDecision, check_documents, fixed_path,
                                    parse_decisions, sha256_hex)
from align.review.review import review_documents
from align.search.align import _detach
from conftest import SOURCE_SEED, TARGET_SEED, read


@pytest.fixture(scope="module")
def seed():
    return read(SOURCE_SEED), read(TARGET_SEED)


def ids(pair):
    return tuple(s.id for s in pair.source), tuple(t.id for t in pair.target)


def decisions_file(path, **fields):
    data = {"schema_version": 1, "source_sha256": sha256_hex(open(SOURCE_SEED, "rb").read()),
            "target_sha256": sha256_hex(open(TARGET_SEED, "rb").read()), "pairs": [], "flags": []}
    data.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestContract:
    def test_a_hand_written_file(self):
        d = parse_decisions(json.dumps({"schema_version": 1, "source_sha256": "ab", "target_sha256": "cd",
                                        "pairs": [{"source_ids": ["s4"], "target_ids": [], "state": "corrected"}],
                                        "flags": [{"source_ids": ["s4"], "target_ids": ["t1"],
                                                   "type": "partial_omission", "state": "dismissed",
                                                   "reason": "the name is implied"}]}))
        assert d.pairs == (PairDecision(("s4",), (), "corrected"),)
        assert d.flags[0].reason == "the name is implied"

    @pytest.mark.parametrize("text, message", [
        ("[]", "not a decisions object"),
        ('{"schema_version": 2}', "schema_version must be 1"),
        ('{"schema_version": 1, "pairs": [{"source_ids": ["s1"], "state": "maybe"}]}', "state must be one of"),
        ('{"schema_version": 1, "pairs": [{"source_ids": "s1"}]}', "ids must be a list"),
        ('{"schema_version": 1, "flags": [{"source_ids": ["s1"], "type": "dropped", "state": "ignored"}]}',
         "state must be one of"),
    ])
    def test_what_is_refused(self, text, message):
        with pytest.raises(AlignError, match=message):
            parse_decisions(text)

    def test_decisions_for_other_documents(self):
        d = Decisions(sha256_hex(b"a"), sha256_hex(b"b"))
        check_documents(d, sha256_hex(b"a"), sha256_hex(b"b"))
        with pytest.raises(AlignError, match="made for another target"):
            check_documents(d, sha256_hex(b"a"), sha256_hex(b"c"))

    def test_pairs_must_exist_follow_and_not_cross(self):
        src, tgt = [f"s{k}" for k in range(5)], [f"t{k}" for k in range(5)]
        for pairs, message in (([PairDecision(("s9",), ("t0",))], "no segment 's9'"),
                               ([PairDecision(("s1", "s3"), ("t1",))], "must follow each other"),
                               ([PairDecision(("s1",), ("t3",)), PairDecision(("s2",), ("t2",))], "cross"),
                               ([PairDecision(("s1",), ("t1",)), PairDecision((), ("t1",))], "cross or share")):
            with pytest.raises(AlignError, match=message):
                fixed_path(Decisions("x", "y", tuple(pairs)), src, tgt)
        path = fixed_path(Decisions("x", "y", (PairDecision(("s3",), ("t3",)), PairDecision((), ("t1",)),
                                               PairDecision(("s0",), ("t0",)))), src, tgt)
        assert path == [((0,), (0,)), ((), (1,)), ((3,), (3,))]


def test_detach_keeps_order_and_coverage():
    path = [((0,), (0,)), ((1, 2, 3), (1,)), ((4,), (2,))]
    assert _detach(path, 0, 1) == [((0,), (0,)), ((1,), ()), ((2, 3), (1,)), ((4,), (2,))]
    assert _detach(path, 1, 2) == [((0,), (0,)), ((1, 2, 3), (1,)), ((), (2,)), ((4,), ())]


class TestApplied:
    def test_a_corrected_pair_is_kept_and_its_neighbours_follow(self, seed):
        plain = review_documents(*seed, "en", "fr")
        both = [k for k, p in enumerate(plain.pairs) if len(p.source) == 1 and len(p.target) == 1]
        k = both[3]
        merged_target = ids(plain.pairs[k])[1] + ids(plain.pairs[k + 1])[1]
        d = Decisions("x", "y", (PairDecision(ids(plain.pairs[k])[0], merged_target),))
        review = review_documents(*seed, "en", "fr", decisions=d)
        got = [ids(p) for p in review.pairs]
        assert (ids(plain.pairs[k])[0], merged_target) in got
        assert ids(plain.pairs[k + 1])[0] not in [g[0] for g in got if g[1]] or \
            all(set(g[1]).isdisjoint(merged_target) for g in got if g[0] == ids(plain.pairs[k + 1])[0])
        covered_src = sorted(s for g in got for s in g[0])
        covered_tgt = sorted(t for g in got for t in g[1])
        assert covered_src == sorted(s.id for s in review.source.segments)
        assert covered_tgt == sorted(t.id for t in review.target.segments)
        assert review.states[got.index((ids(plain.pairs[k])[0], merged_target))] == "corrected"
        assert review_documents(*seed, "en", "fr", decisions=d) == review   # the same decisions, the same review

    def test_a_dismissed_flag_stays_out_and_is_listed(self, seed):
        plain = review_documents(*seed, "en", "fr")
        (k,) = [k for k, p in enumerate(plain.pairs) if any(f.type == "partial_omission" for f in p.flags)]
        s_ids, t_ids = ids(plain.pairs[k])
        d = Decisions("x", "y", (), (FlagDecision(s_ids, t_ids, "partial_omission", "dismissed", "implied"),))
        review = review_documents(*seed, "en", "fr", decisions=d)
        assert "partial_omission" not in [f.type for p in review.pairs for f in p.flags]
        assert [(s.type, s.state, s.reason) for s in review.settled] == [("partial_omission", "dismissed", "implied")]
        assert review.summary.severities["warning"] == plain.summary.severities["warning"] - 1


class TestCommandLine:
    def test_decisions_reproduce_the_correction(self, capsys, tmp_path):
        assert main(["report", SOURCE_SEED, TARGET_SEED, "--out", str(tmp_path / "r")]) == 0
        data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
        assert data["source"]["sha256"] == sha256_hex(open(SOURCE_SEED, "rb").read())
        flagged = next(p for p in data["pairs"] if any(f["type"] == "partial_omission" for f in p["flags"]))
        path = decisions_file(tmp_path / "d.json",
                              pairs=[{"source_ids": flagged["source_ids"], "target_ids": flagged["target_ids"],
                                      "state": "confirmed"}],
                              flags=[{"source_ids": flagged["source_ids"], "target_ids": flagged["target_ids"],
                                      "type": "partial_omission", "state": "dismissed", "reason": "implied"}])
        assert main(["report", SOURCE_SEED, TARGET_SEED, "--decisions", str(path), "--out", str(tmp_path / "c")]) == 0
        corrected = json.loads((tmp_path / "c" / "report.json").read_text(encoding="utf-8"))
        assert corrected["settled_flags"][0]["state"] == "dismissed"
        pair = next(p for p in corrected["pairs"] if p["source_ids"] == flagged["source_ids"])
        assert pair["state"] == "confirmed" and not any(f["type"] == "partial_omission" for f in pair["flags"])
        tmx = (tmp_path / "c" / "pairs.tmx").read_text(encoding="utf-8")
        assert "partial_omission" not in tmx

    def test_decisions_for_other_documents_are_one_line(self, capsys, tmp_path):
        path = decisions_file(tmp_path / "d.json", source_sha256="0" * 64)
        code = main(["report", SOURCE_SEED, TARGET_SEED, "--decisions", str(path), "--out", str(tmp_path / "c")])
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1 and "made for another source" in err
