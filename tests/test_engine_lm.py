"""Language models: the default KenLM word trigram, any KenLM file, and the lexicon fallback."""

from __future__ import annotations

import math

import pytest

from proofread.engine import EngineError, cache, lm


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROOFREAD_CACHE", str(tmp_path / "cache"))


def test_default_model_is_found_and_prefers_real_words():
    path = lm.default_lm_path()
    assert path and path.endswith("zh_CN.lm")
    model = lm.KenLMModel(path)
    assert "更加" in model.vocab and len(model.vocab) > 100_000
    good, words = model.best("发展机遇更加良好")
    assert words == ("发展", "机遇", "更加", "良好")
    bad, _ = model.best("发展机遇吏加良好")
    assert good - bad > 3  # log10 units


def test_vocabulary_cache_is_written_once_and_reused(tmp_path):
    path = lm.default_lm_path()
    lm.KenLMModel(path)
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1 and files[0].name.startswith("kenlm-vocab-")
    calls = []
    value = cache.cached("kenlm-vocab", path, lambda: calls.append(1))
    assert not calls and "更加" in value.split("\n")


def test_env_var_empty_selects_the_lexicon_fallback(monkeypatch):
    monkeypatch.setenv("PROOFREAD_LM", "")
    lm.load.cache_clear()
    try:
        model = lm.load()
        assert isinstance(model, lm.LexiconModel)
        score, words = model.best("发展机遇更加良好")
        assert words == ("发展", "机遇", "更加", "良好")
        assert score > model.best("发展机遇吏加良好")[0]
    finally:
        lm.load.cache_clear()


def test_missing_model_path_is_a_clear_error():
    with pytest.raises(EngineError, match="language model not found"):
        lm.load("/nonexistent/model.klm")


def _write_arpa(path, sentences):
    """A maximum-likelihood bigram ARPA file from a few segmented sentences, in pure Python."""
    unigrams, bigrams = {}, {}
    for s in sentences:
        toks = ["<s>", *s.split(), "</s>"]
        for t in toks:
            unigrams[t] = unigrams.get(t, 0) + 1
        for a, b in zip(toks, toks[1:], strict=False):
            bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
    unigrams["<unk>"] = 1
    total = sum(unigrams.values())
    lines = ["\\data\\", f"ngram 1={len(unigrams)}", f"ngram 2={len(bigrams)}", "", "\\1-grams:"]
    for w, c in unigrams.items():
        p = -99.0 if w == "<s>" else math.log10(c / total)
        lines.append(f"{p:.4f}\t{w}\t-0.3010")
    lines += ["", "\\2-grams:"]
    for (a, b), c in bigrams.items():
        lines.append(f"{math.log10(c / unigrams[a]):.4f}\t{a} {b}")
    lines += ["", "\\end\\", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_any_kenlm_file_loads_scores_and_segments(tmp_path):
    arpa = tmp_path / "tiny.arpa"
    _write_arpa(arpa, ["推动 高质量 发展", "推动 经济 发展", "高质量 发展 是 首要 任务"])
    model = lm.KenLMModel(str(arpa))
    assert {"推动", "高质量", "发展"} <= model.vocab
    score, words = model.best("推动高质量发展", bos=True, eos=True)
    assert words == ("推动", "高质量", "发展")
    assert score > model.best("推动高质最发展", bos=True, eos=True)[0]


def test_cli_engine_kenlm_with_a_model_file(tmp_path):
    import subprocess
    import sys

    arpa = tmp_path / "tiny.arpa"
    _write_arpa(arpa, ["推动 高质量 发展", "推动 经济 发展", "高质量 发展 是 首要 任务"])
    doc = tmp_path / "doc.txt"
    doc.write_text("推动高质量发展。\n", encoding="utf-8")
    env = {"PROOFREAD_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from proofread.cli import main; main()",
            "check",
            "--engine",
            "kenlm",
            "--model",
            str(arpa),
            str(doc),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    missing = subprocess.run(
        [sys.executable, "-c", "from proofread.cli import main; main()", "check", "--engine", "kenlm", str(doc)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 2 and "--engine kenlm needs --model" in missing.stderr
