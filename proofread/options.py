"""Settings that reach every checker: which rules run, how sure a fix must be, extra data.

The CLI builds one from its flags; the config file (``[tool.proofread]``) fills
the same fields. Checkers read it and never look at flags or files themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Options:
    select: set[str] | None = None  # rule codes to run; None = every rule
    ignore: set[str] = field(default_factory=set)  # rule codes switched off
    threshold: float = 0.0  # minimum confidence for a safe fix to be applied
    unsafe_fixes: bool = False  # also apply suggestions (never by default)
    source: str = "mixed"  # where the text came from: ocr | typed | mixed
    engine: str = "default"  # default | kenlm | macbert
    model: str | None = None  # path for --engine kenlm/macbert, or a zh_CN.lm
    phrase_files: list[str] = field(default_factory=list)  # extra set phrases and terms
    allow_files: list[str] = field(default_factory=list)  # words never flagged
    confusion_files: list[str] = field(default_factory=list)  # extra "wrong right" pairs

    def enabled(self, code: str) -> bool:
        if code in self.ignore:
            return False
        return self.select is None or code in self.select
