"""The character engine: language models, segmentation, detection and correction.

Nothing here imports torch or transformers; the neural engine lives in
`neural.py` and is imported only when asked for.
"""
