"""Recognise the text lines of a page image with rapidocr-onnxruntime, keeping its doubts.

RapidOCR's public result gives a line's mean score only. The recogniser's CTC output
holds more: a probability for every character it emits and the runner-up characters
at that position. :class:`Recognizer` swaps in a decoder that keeps both, so the
engine can treat a low-confidence character as more likely wrong and try the
recogniser's own alternatives first (see ``Document.meta["ocr_confidence"]`` and
``["ocr_alternatives"]`` built in :mod:`proofread.inputs.layout`).

The models ship inside the rapidocr wheel: nothing downloads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Alternatives kept per character: the recogniser's next best readings above this probability.
ALT_MIN_PROB = 0.02
ALT_COUNT = 3


@dataclass
class OcrLine:
    """One detected text line: its text, box on the page and per-character confidences."""

    text: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in page pixels
    score: float  # the recogniser's mean confidence for the line
    char_scores: list[float] = field(default_factory=list)  # one per character of `text`
    alternatives: list[list[tuple[str, float]]] = field(default_factory=list)  # per character

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


class _KeepingDecoder:
    """CTC greedy decoding as rapidocr does it, returning per-character scores and runner-ups too."""

    def __init__(self, original):
        self.original = original
        self.character = original.character
        self.ignored = set(original.get_ignored_tokens())

    def __call__(self, preds, return_word_box=False, **kwargs):
        import numpy as np

        out = []
        idx = preds.argmax(axis=2)
        for b in range(len(idx)):
            keep = np.ones(len(idx[b]), dtype=bool)
            keep[1:] = idx[b][1:] != idx[b][:-1]  # collapse repeats (CTC)
            for token in self.ignored:
                keep &= idx[b] != token
            cols = np.nonzero(keep)[0]
            chars, scores, alts = [], [], []
            for col in cols:
                probs = preds[b, col]
                chars.append(self.character[idx[b][col]])
                scores.append(float(probs[idx[b][col]]))
                order = np.argsort(probs)[::-1][1 : ALT_COUNT + 1]
                alts.append(
                    [
                        (self.character[k], round(float(probs[k]), 4))
                        for k in order
                        if probs[k] >= ALT_MIN_PROB and k not in self.ignored
                    ]
                )
            mean = float(np.mean(scores)) if scores else 0.0
            out.append(("".join(chars), mean, scores, alts))
        return out

    def __getattr__(self, name):
        return getattr(self.original, name)


class Recognizer:
    """A RapidOCR engine (one per process) that returns :class:`OcrLine` objects."""

    def __init__(self, threads: int = -1):
        from rapidocr_onnxruntime import RapidOCR

        self.engine = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)
        rec = getattr(self.engine, "text_rec", None)
        # Keep per-character scores when this rapidocr has the decoder we know; else line scores only.
        if rec is not None and hasattr(getattr(rec, "postprocess_op", None), "get_ignored_tokens"):
            rec.postprocess_op = _KeepingDecoder(rec.postprocess_op)

    def page(self, image) -> list[OcrLine]:
        """Every text line found on a page image (PIL image or RGB array)."""
        import numpy as np

        arr = np.asarray(image.convert("RGB")) if hasattr(image, "convert") else image
        # No angle classifier: scanned pages are upright, and it flips good lines (a whole line
        # of a test page came back empty with it on).
        result, _ = self.engine(arr, use_cls=False)
        lines = []
        for item in result or []:
            box, text, score = item[0], item[1], float(item[2])
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            scores = list(item[3]) if len(item) > 3 else [score] * len(text)
            alts = list(item[4]) if len(item) > 4 else [[] for _ in text]
            if len(scores) != len(text):  # a decoder we do not know: fall back to the line score
                scores, alts = [score] * len(text), [[] for _ in text]
            if text.strip():
                lines.append(OcrLine(text, (min(xs), min(ys), max(xs), max(ys)), score, scores, alts))
        return lines
