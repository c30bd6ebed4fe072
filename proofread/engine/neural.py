"""`--engine macbert --model DIR`: a local MacBERT4CSC (BertForMaskedLM) spelling model.

Needs the `neural` extra (torch, transformers); nothing is downloaded: the model is
read from DIR only. Each character whose argmax prediction differs from the text is
a finding; it is a safe fix only when the model is confident and the pair is also in
the confusion tables, the same bar the default engine sets.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache

from . import EngineError, candidates

SAFE_PROB = 0.9
MAX_CHARS = 500  # BERT takes 512 tokens with [CLS] and [SEP]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=2)
def load(path: str | None):
    try:
        import torch  # noqa: F401
        import transformers
    except ImportError as exc:
        raise EngineError("--engine macbert needs torch and transformers: pip install 'proofread[neural]'") from exc
    if not path or not os.path.isdir(path):
        raise EngineError(f"--engine macbert needs --model DIR, a local MacBERT4CSC model directory (got {path!r})")
    # BertTokenizer reads a model directory's vocab.txt in transformers 4 and 5; word_ids()
    # below needs a fast tokenizer, which it already is in 5 and is converted to in 4.
    tokenizer = transformers.BertTokenizer.from_pretrained(path, local_files_only=True)
    if not getattr(tokenizer, "is_fast", False):
        tokenizer = transformers.BertTokenizerFast.from_pretrained(path, local_files_only=True)
    model = transformers.BertForMaskedLM.from_pretrained(path, local_files_only=True)
    model.eval()
    return tokenizer, model


def predict(tokenizer, model, text: str) -> list[tuple[int, str, str, float]]:
    """(offset, original, predicted, probability) for each Chinese character the model would change."""
    import torch

    out = []
    for base in range(0, len(text), MAX_CHARS):
        chunk = text[base : base + MAX_CHARS]
        if not any(_is_han(c) for c in chunk):
            continue
        enc = tokenizer(list(chunk), is_split_into_words=True, return_tensors="pt", truncation=True)
        with torch.no_grad():
            logits = model(**{k: v for k, v in enc.items() if k in ("input_ids", "attention_mask", "token_type_ids")})
        probs = torch.softmax(logits.logits[0], dim=-1)
        best_p, best_id = probs.max(dim=-1)
        for tok, wid in enumerate(enc.word_ids()):
            if wid is None:
                continue
            orig = chunk[wid]
            pred = tokenizer.convert_ids_to_tokens(int(best_id[tok]))
            if _is_han(orig) and len(pred) == 1 and _is_han(pred) and pred != orig:
                out.append((base + wid, orig, pred, float(best_p[tok])))
    return out


def check(doc, options) -> Iterator:
    from ..registry import RULES

    tokenizer, model = load(options.model)
    table = candidates.for_source(options.source, tuple(options.confusion_files))
    visual = candidates.visual()
    for offset, orig, pred, prob in predict(tokenizer, model, doc.text):
        listed = pred in {c for c, _ in table.get(orig, ())}
        shape = pred in {c for c, _ in visual.get(orig, ())} if orig in visual else False
        yield doc.finding(
            RULES["C001" if shape else "C002"],
            offset,
            offset + 1,
            pred,
            confidence=round(prob, 3),
            message=f"MacBERT 模型认为此处应为“{pred}”而非“{orig}”",
            safe=listed and prob >= SAFE_PROB,
            data={"engine": "macbert", "probability": round(prob, 3)},
        )
