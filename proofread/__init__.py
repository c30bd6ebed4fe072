"""proofread: find and fix what OCR and careless pasting did to Chinese text."""

__version__ = "0.1.0"
