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
    (tmp_path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt"))
    tokenizer.save_pretrained(tmp_path)
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32
    )
    transformers.BertForMaskedLM(config).save_pretrained(tmp_path)
    neural.load.cache_clear()
    tok, model = neural.load(str(tmp_path))
    out = neural.predict(tok, model, "推动高质量发展")
    assert all(0 <= off < 7 and 0.0 <= p <= 1.0 for off, _, _, p in out)
