"""--engine macbert: real loading code behind the `neural` extra; nothing is downloaded."""

from __future__ import annotations

import importlib.util

import pytest

from proofread import pipeline
from proofread.engine import EngineError, neural
from proofread.model import Document
from proofread.options import Options

HAVE_TORCH = importlib.util.find_spec("torch") is not None and importlib.util.find_spec("transformers") is not None


@pytest.mark.skipif(HAVE_TORCH, reason="torch is installed: the missing-extra message cannot show")
def test_missing_torch_gives_a_clear_error(tmp_path):
    neural.load.cache_clear()
    with pytest.raises(EngineError, match=r"pip install 'proofread\[neural\]'"):
        list(pipeline.check(Document("推动高质量发展。"), Options(engine="macbert", model=str(tmp_path))))


@pytest.mark.skipif(not HAVE_TORCH, reason="needs the neural extra (torch, transformers)")
def test_tiny_random_bert_loads_from_a_local_directory(tmp_path):
    import transformers

    chars = list("推动高质量发展经济")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]
    # a model directory as MacBERT4CSC ships it: vocab.txt, config.json, weights
    (tmp_path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32
    )
    model = transformers.BertForMaskedLM(config)
    # Make the output layer prefer one character everywhere, so the result is known in advance.
    import torch

    with torch.no_grad():
        model.cls.predictions.bias.fill_(-10.0)
        model.cls.predictions.bias[vocab.index("经")] = 10.0
    model.save_pretrained(tmp_path)
    neural.load.cache_clear()
    tok, loaded = neural.load(str(tmp_path))
    assert len(tok) == len(vocab)  # the directory's vocab.txt was read, not a default one
    out = neural.predict(tok, loaded, "推动高质量发展经济")
    text = "推动高质量发展经济"
    expected = [(i, c, "经") for i, c in enumerate(text) if c != "经"]
    assert [(off, orig, pred) for off, orig, pred, _ in out] == expected
    assert all(p > 0.9 for *_, p in out)
    findings = pipeline.check(Document("推动高质量发展经济"), Options(engine="macbert", model=str(tmp_path)))
    assert {f.replacements[0] for f in findings if f.code in ("C001", "C002")} == {"经"}
