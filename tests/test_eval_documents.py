"""scripts/eval_documents.py: page-set rows put back into documents and scored edit by edit."""

from __future__ import annotations

from script_loader import load_script

E = load_script("eval_documents")


def test_edits_split_equal_substitutions_and_keep_insertions_whole():
    assert E.edits("发展机遇戛加良好", "发展机遇更加良好") == {(4, 5, "更")}
    assert E.edits("四个园区飞整合", "四个园区”，整合") == {(4, 5, "”，")}
    assert E.edits("同一文本", "同一文本") == set()


def test_documents_are_rebuilt_by_paragraph_and_scored(tmp_path):
    corpus = tmp_path / "prose.txt"
    corpus.write_text("# a comment\n第一句话很长。\n第二句话也长。\n\n第三段只有一句。\n", encoding="utf-8")
    gold = tmp_path / "set.tsv"
    rows = [
        ("x-fa-p01-light-s001", "第一句话很长，", "第一句话很长。"),
        ("x-fa-p01-light-s003", "第三段只有一句。", "第三段只有一句。"),
    ]
    gold.write_text("id\tsource\ttarget\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "set.unaligned.tsv").write_text(
        "id\tsource\ttarget\nx-fa-p01-light-s002\t第二句话也长。\t第二句话也长。\n", encoding="utf-8"
    )
    docs = E.read_rows([gold, tmp_path / "set.unaligned.tsv"])
    source, target, severities = E.rebuild(docs["x-fa"], E.paragraph_of_sentence(corpus))
    assert source == "第一句话很长，第二句话也长。\n第三段只有一句。"
    assert target == "第一句话很长。第二句话也长。\n第三段只有一句。"
    assert severities == ["light", "light"]
    # an output that fixes the one error and changes a clean paragraph: 1 right of 2 made
    output = "第一句话很长。第二句话也长。\n第三段只有一句！"
    assert E.score(source, target, output) == {"gold": 1, "pred": 2, "right": 1}
    assert E.paragraphs_changed(source, target, output) == (1, 1)


def test_main_reports_one_severity(tmp_path, capsys):
    import json

    corpus = tmp_path / "prose.txt"
    corpus.write_text("全区经济运行总体平稳。\n\n各项社会事业全面进步。\n", encoding="utf-8")
    gold = tmp_path / "set.tsv"
    gold.write_text(
        "id\tsource\ttarget\n"
        "d-fa-p01-light-s001\t全区经济运行总体平稳,\t全区经济运行总体平稳。\n"
        "d-fa-p02-bilevel-s002\t各项社会事业全面进步。\t各项社会事业全面进步。\n",
        encoding="utf-8",
    )
    assert E.main([str(gold), "--corpus", str(corpus), "--severity", "bilevel", "--json"]) == 0
    bilevel = json.loads(capsys.readouterr().out)
    assert (bilevel["gold"], bilevel["pred"], bilevel["clean_paragraphs"]) == (0, 0, 1)
    assert E.main([str(gold), "--corpus", str(corpus), "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert both["gold"] == 1 and both["documents"] == 1
