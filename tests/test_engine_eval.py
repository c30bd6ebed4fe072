"""`proofread eval`: the metrics, and the command on a small gold file."""

from __future__ import annotations

import json
import subprocess
import sys

from proofread.engine.evaluate import Tally, read_gold


def _eval(gold, *flags: str) -> subprocess.CompletedProcess:
    """`proofread eval GOLD FLAGS...` in a fresh process; it must succeed."""
    run = subprocess.run(
        [sys.executable, "-c", "from proofread.cli import main; main()", "eval", str(gold), *flags],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run


def test_metrics_count_sentences_and_characters():
    t = Tally()
    t.add("1", "政洽规矩", "政治规矩", "政治规矩")  # corrected
    t.add("2", "推进改草", "推进改革", "推进改草")  # missed
    t.add("3", "严守纪律", "严守纪律", "严守纪津")  # a correct sentence changed
    t.add("4", "发展经济", "发展经济", "发展经济")  # left alone
    r = t.report()
    assert r["sentence_correction"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}
    assert r["char_detection"]["precision"] == 0.5 and r["char_detection"]["recall"] == 0.5
    assert r["correct_sentences_changed"] == 0.5


def test_wrong_correction_is_detected_but_not_corrected():
    t = Tally()
    t.add("1", "政洽规矩", "政治规矩", "政冶规矩")
    r = t.report()
    assert r["char_detection"]["tp"] == 1 and r["char_correction"]["tp"] == 0
    assert r["sentence_detection"]["tp"] == 1 and r["sentence_correction"]["tp"] == 0


def test_read_gold_with_header_or_two_columns(tmp_path):
    three = tmp_path / "a.tsv"
    three.write_text("id\tsource\ttarget\nx1\t甲\t乙\n", encoding="utf-8")
    two = tmp_path / "b.tsv"
    two.write_text("甲\t乙\n丙\t丙\n", encoding="utf-8")
    assert read_gold(three) == [("x1", "甲", "乙")]
    assert read_gold(two) == [("1", "甲", "乙"), ("2", "丙", "丙")]


def test_eval_command_reports_json(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "id\tsource\ttarget\n"
        "a\t我们要加快径济结构调整，推动产业转型升级。\t我们要加快经济结构调整，推动产业转型升级。\n"
        "b\t各部门要加强协调配合，形成工作合力。\t各部门要加强协调配合，形成工作合力。\n",
        encoding="utf-8",
    )
    r = json.loads(_eval(gold, "--json").stdout)
    assert r["sentences"] == 2 and r["with_errors"] == 1
    assert r["sentence_correction"]["tp"] == 1 and r["correct_sentences_changed"] == 0.0
    assert r["chars_per_second"] > 0


def test_eval_counts_every_rule_unless_selected(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "id\tsource\ttarget\na\t今年秋粮收购进度明显快于往年·\t今年秋粮收购进度明显快于往年。\n", encoding="utf-8"
    )

    def corrected(*flags):
        return json.loads(_eval(gold, "--json", *flags).stdout)["sentence_correction"]["tp"]

    assert corrected() == 1  # P011, as `fix` would
    assert corrected("--select", "C,V001") == 0  # the character engine alone


def test_an_output_of_another_length_is_aligned_not_dropped():
    t = Tally()
    # the gold position (，→%) stays in the count; the merged comma is a change that corrects nothing
    t.add("a", "投资的68.5，，其中", "投资的68.5%，其中", "投资的68.5，其中")
    r = t.report()["char_correction"]
    assert r["gold"] == 1 and r["pred"] == 1 and r["tp"] == 0
    t = Tally()
    t.add("b", "甲乙丙", "甲乙丙", "甲乙丙丁")  # an insertion into a correct sentence
    assert t.report()["char_correction"]["pred"] == 1 and t.report()["correct_sentences_changed"] == 1.0


def test_by_rule_judges_each_applied_fix_against_the_gold(tmp_path):
    from proofread.model import Finding

    def fix(code, start, end, repl):
        return Finding(code, "x", "m", start, end, 1, start + 1, "", (repl,), 0.9, True, "punctuation", {})

    tally = Tally()
    tally.add_fixes("会议强调,要加强", "会议强调，要加强", [fix("P004", 4, 5, "，")])  # right
    tally.add_fixes("全年增长6.78，", "全年增长6.78，", [fix("P019", 8, 9, "%")])  # the gold keeps the 8
    tally.add_fixes("好的，，", "好的，", [fix("P007", 2, 4, "，")])  # lengths differ: not judged here
    assert tally.report()["by_rule"] == {
        "P004": {"right": 1, "wrong": 0, "unjudged": 0},
        "P007": {"right": 0, "wrong": 0, "unjudged": 1},
        "P019": {"right": 0, "wrong": 1, "unjudged": 0},
    }


def test_eval_by_rule_prints_each_rules_counts(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "id\tsource\ttarget\na\t全年地区生产总值增长6.78，三产比重提高。\t全年地区生产总值增长6.7%，三产比重提高。\n",
        encoding="utf-8",
    )
    assert "P019  right    1  wrong    0  unjudged    0" in _eval(gold, "--by-rule").stdout
