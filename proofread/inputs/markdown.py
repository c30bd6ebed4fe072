"""Markdown input: keep the prose, mask everything else (Vale's scopes).

The checkers must see headings, paragraphs, list items, table cells, block
quotes and link text, and nothing of code, URLs, link targets, HTML or front
matter. We parse with markdown-it-py and build a text of the same length as
the source in which every character that is not prose is replaced by
:data:`proofread.model.MASK` (``\\n`` and ``\\r`` stay, so lines and columns
stay right). The resolver drops any finding that touches a masked character,
so fixes can never reach code.

markdown-it gives block tokens source *lines* but inline tokens no positions.
We therefore (1) map each line of an inline token's content back onto its
source line, and (2) wrap the inline rules that consume non-prose constructs
(code spans, links' ``](target)``, images, autolinks, inline HTML, entities,
escapes, emphasis delimiters) so they record the content ranges they consumed.
Anything we cannot map for certain stays masked: losing a little prose is
better than fixing inside code.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import MASK

_NOT_NEWLINE = re.compile(r"[^\r\n]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ATX_PREFIX = re.compile(r"[ \t]*#{1,6}(?:[ \t]+|$)")
# Bare URLs and e-mail addresses in prose (CommonMark does not link them; GFM would).
# ASCII only, so a URL glued to Chinese text ends where the Chinese starts; trailing
# sentence punctuation is left to the prose.
_BARE_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[!-~]*[A-Za-z0-9/#=_~+-]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)

#: Characters that can start a masked inline construct (code, link, image, HTML, entity, escape, emphasis).
_INLINE_SYNTAX = re.compile(r"[`\[<&\\*_~]")
#: Inline rules whose whole match is not prose.
_MASK_WHOLE = ("escape", "backticks", "image", "autolink", "html_inline", "entity", "emphasis", "strikethrough")


@dataclass
class Masked:
    text: str  # same length as the source; non-prose replaced by MASK
    code_lines: set[int] = field(default_factory=set)  # 1-based lines inside code blocks and front matter


def _recording(name, fn):
    """Wrap an inline rule so that, when it consumes input, it records what is not prose."""

    def rule(state, silent):
        start = state.pos
        label_end = -1
        if name == "link" and not silent and state.src[start] == "[":
            label_end = state.md.helpers.parseLinkLabel(state, start, True)
        ok = fn(state, silent)
        if ok and not silent:
            ranges = state.env.setdefault("masks", [])
            if name == "link":
                ranges.append((start, start + 1))  # "["
                if label_end >= 0:
                    ranges.append((label_end, state.pos))  # "](target "title")" or "][ref]"
            else:
                ranges.append((start, state.pos))
        return ok

    return rule


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable(["inline", "text_join"])  # we run the inline parser ourselves, per block
    for name in _MASK_WHOLE + ("link",):
        rule = next(r for r in md.inline.ruler.__rules__ if r.name == name)
        md.inline.ruler.at(name, _recording(name, rule.fn))
    return md


def _front_matter_end(lines: list[str]) -> int:
    """Number of lines taken by YAML (---) or TOML (+++) front matter at the top, or 0."""
    if not lines:
        return 0
    fence = lines[0].rstrip("\r\n").rstrip()
    if fence not in ("---", "+++"):
        return 0
    closers = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n").rstrip() in closers:
            return i + 1
    return 0


def _subtract(lo: int, hi: int, cuts: list[tuple[int, int]], ends: list[int]) -> list[tuple[int, int]]:
    """[lo, hi) minus the merged, sorted ranges in `cuts` (`ends` = their ends, for bisection)."""
    out = []
    for k in range(bisect.bisect_right(ends, lo), len(cuts)):
        a, b = cuts[k]
        if a >= hi:
            break
        if a > lo:
            out.append((lo, a))
        lo = max(lo, b)
    if lo < hi:
        out.append((lo, hi))
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _prose_ranges(md, env, token, context: str, line_starts, line_texts, cursors) -> list[tuple[int, int]]:
    """Source ranges of the prose in one inline token (a paragraph, heading or table cell)."""
    content = token.content
    first, last = token.map
    content_lines = content.split("\n")
    if first + len(content_lines) > last:
        return []  # content does not line up with the source lines: keep it all masked
    cuts: list[tuple[int, int]] = []
    if _INLINE_SYNTAX.search(content):  # most Chinese prose has none: skip the inline parser
        env["masks"] = []
        md.inline.parse(content, md, env, [])  # env carries the reference definitions
        cuts = _merge(env["masks"])
    ends = [b for _, b in cuts]
    out = []
    pos = 0  # start of the current content line within `content`
    for i, cl in enumerate(content_lines):
        core = cl.strip(" \t")
        lead = len(cl) - len(cl.lstrip(" \t"))
        line_no = first + i
        src_line = line_texts[line_no]
        if context == "cell":
            at = src_line.find(core, cursors.get(line_no, 0))
        elif context == "atx" and i == 0:
            m = _ATX_PREFIX.match(src_line)
            at = src_line.find(core, m.end() if m else 0)
        else:
            # Paragraph lines are the source line minus container prefixes (indent, >, list
            # marker): the content is a suffix of the line, up to trailing blanks.
            body = src_line.rstrip(" \t")
            at = len(body) - len(core) if body.endswith(core) else -1
        if core and at >= 0:
            cursors[line_no] = at + len(core)
            c0 = pos + lead
            base = line_starts[line_no] + at - c0
            for a, b in _subtract(c0, c0 + len(core), cuts, ends):
                out.append((a + base, b + base))
        pos += len(cl) + 1
    return out


def mask(source: str) -> Masked:
    """The masked text of a Markdown source (same length; prose kept, the rest MASK)."""
    lines = _LINE.findall(source)
    if lines and lines[-1] == "":
        lines.pop()
    line_starts = []
    offset = 0
    for ln in lines:
        line_starts.append(offset)
        offset += len(ln)
    line_texts = [ln.rstrip("\r\n") for ln in lines]

    fm = _front_matter_end(lines)
    code_lines = set(range(1, fm + 1))
    parse_src = source
    if fm:
        # Blank the front matter (same offsets) so markdown-it does not read it as text.
        cut = line_starts[fm] if fm < len(lines) else len(source)
        parse_src = _NOT_NEWLINE.sub(" ", source[:cut]) + source[cut:]

    md = _parser()
    keep: list[tuple[int, int]] = []
    cursors: dict[int, int] = {}
    context = "paragraph"
    env: dict = {}
    for token in md.parse(parse_src, env):
        t = token.type
        if t in ("fence", "code_block") and token.map:
            code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
        elif t == "heading_open":
            context = "atx" if token.markup.startswith("#") else "paragraph"
        elif t in ("th_open", "td_open"):
            context = "cell"
        elif t == "paragraph_open":
            context = "paragraph"
        elif t == "inline" and token.map:
            keep.extend(_prose_ranges(md, env, token, context, line_starts, line_texts, cursors))

    parts = []
    pos = 0
    for a, b in _merge(keep):
        parts.append(_NOT_NEWLINE.sub(MASK, source[pos:a]))
        parts.append(source[a:b])
        pos = b
    parts.append(_NOT_NEWLINE.sub(MASK, source[pos:]))
    text = "".join(parts)
    text = _BARE_URL.sub(lambda m: MASK * len(m.group()), text)
    return Masked(text, code_lines)
