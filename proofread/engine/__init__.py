"""The character engine: language models, segmentation, detection and correction.

Nothing here imports torch or transformers; the neural engine lives in
`neural.py` and is imported only when asked for.
"""


class EngineError(RuntimeError):
    """The chosen engine cannot run here (missing extra, missing model); the message says what to do."""
