"""The diff report an editor reads before publishing.

A unified diff per changed file in which the changed characters are visible
inside each line: highlighted on a terminal, marked ``[-old-]{+new+}`` (wdiff's
convention) in plain text. Then the suggestions that were not applied and a
summary of counts by rule. Full-width CJK lines are long, so one line of context.
"""

from __future__ import annotations

import difflib
from collections import Counter

from .text import line_of

CONTEXT = 1


def _mark_pair(old: str, new: str, color: bool) -> tuple[str, str]:
    """Mark the characters that differ between an old and a new line."""
    if color:
        dels, dele, ins, inse = "\x1b[1;31;7m", "\x1b[0;31m", "\x1b[1;32;7m", "\x1b[0;32m"
    else:
        dels, dele, ins, inse = "[-", "-]", "{+", "+}"
    a, b = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            a.append(old[i1:i2])
            b.append(new[j1:j2])
            continue
        if i2 > i1:
            a.append(dels + old[i1:i2] + dele)
        if j2 > j1:
            b.append(ins + new[j1:j2] + inse)
    return "".join(a), "".join(b)


def _strip_eol(line: str) -> tuple[str, str]:
    body = line.rstrip("\r\n")
    return body, line[len(body) :]


def file_diff(path: str, old_text: str, new_text: str, color: bool) -> list[str]:
    old_lines = old_text.splitlines(keepends=True)
    new_lines = new_text.splitlines(keepends=True)
    red, green, cyan, reset = ("\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[0m") if color else ("",) * 4
    out: list[str] = []
    name = path.lstrip("/")  # git's a/ b/ prefixes; an absolute path keeps one slash
    diff = list(difflib.unified_diff(old_lines, new_lines, f"a/{name}", f"b/{name}", n=CONTEXT))
    i = 0
    while i < len(diff):
        line = diff[i]
        if line.startswith(("---", "+++")) and i < 2:
            out.append(f"{line.rstrip()}\n")
        elif line.startswith("@@"):
            out.append(f"{cyan}{line.rstrip()}{reset}\n")
        elif line.startswith("-"):
            # Collect the run of removed lines and the run of added lines that follows.
            minus = []
            while i < len(diff) and diff[i].startswith("-"):
                minus.append(diff[i][1:])
                i += 1
            plus = []
            while i < len(diff) and diff[i].startswith("+"):
                plus.append(diff[i][1:])
                i += 1
            for k in range(max(len(minus), len(plus))):
                o = _strip_eol(minus[k])[0] if k < len(minus) else None
                n = _strip_eol(plus[k])[0] if k < len(plus) else None
                if o is not None and n is not None:
                    o, n = _mark_pair(o, n, color)
                if o is not None:
                    out.append(f"{red}-{o}{reset}\n")
                if n is not None:
                    out.append(f"{green}+{n}{reset}\n")
            continue
        elif line.startswith("+"):
            out.append(f"{green}+{_strip_eol(line[1:])[0]}{reset}\n")
        else:
            out.append(f" {_strip_eol(line[1:])[0]}\n")
        i += 1
    return out


def render(results, stream, color: bool) -> None:
    applied_counts: Counter = Counter()
    suggestion_counts: Counter = Counter()
    for tf, _doc, findings, applied in results:
        stream.writelines(file_diff(tf.path, tf.text, applied.text, color))
        used = {id(f) for f in applied.applied}
        applied_counts.update(f.code for f in applied.applied)
        rest = [f for f in findings if id(f) not in used]
        suggestion_counts.update(f.code for f in rest)
        for f in rest:
            loc, code, msg, change, conf, status = line_of(tf.path, f, False)
            stream.write(f"# {status[1:-1]}: {loc} {code} {msg} {change} {conf}\n")
    stream.write("\n# summary\n")
    for code in sorted(set(applied_counts) | set(suggestion_counts)):
        stream.write(f"#   {code}: {applied_counts[code]} fixed, {suggestion_counts[code]} not applied\n")
    total_fixed = sum(applied_counts.values())
    total_rest = sum(suggestion_counts.values())
    stream.write(f"# {total_fixed} fixed, {total_rest} not applied, in {len(results)} file(s)\n")
