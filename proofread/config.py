"""Per-repository settings: ``.proofread.toml`` or ``[tool.proofread]`` in ``pyproject.toml``.

The config that applies to a file is the nearest one found by walking up from
the file's folder; in one folder ``.proofread.toml`` wins over ``pyproject.toml``,
and a ``pyproject.toml`` without a ``[tool.proofread]`` table does not count.
Configs are not merged: the nearest one is used whole.

Precedence: command-line flags > nearest config > built-in defaults. A flag that
is given replaces the config's value (``--select`` replaces ``select``).

Keys (paths and globs are relative to the config file's folder)::

    select = ["P001", "ascii-punctuation", "C"]   # codes, names, prefixes or ALL (default: all)
    ignore = ["L001"]                        # rule codes or names to skip
    threshold = 0.9                          # minimum confidence for a fix to be applied
    phrases = ["terms.txt"]                  # extra set-phrase / term lists
    allow = ["allow.txt"]                    # words never flagged
    confusions = ["pairs.txt"]               # extra "wrong right" confusion pairs
    include = ["*.md", "*.txt"]              # files picked up when walking folders
    exclude = ["drafts/", "CHANGELOG.md"]    # never checked, even when named
    extensions = { ".rst" = "text" }         # extension -> format (markdown | text)

An unknown key, a wrong type or a missing file is a :class:`ConfigError` that
names it (the CLI exits with 2).
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .options import Options

FILENAMES = (".proofread.toml", "pyproject.toml")
KEYS = ("select", "ignore", "threshold", "phrases", "allow", "confusions", "include", "exclude", "extensions")
#: Config key -> (Options field, the CLI flag that overrides it or None).
_TO_OPTIONS = {
    "select": ("select", "select"),
    "ignore": ("ignore", "ignore"),
    "threshold": ("threshold", "threshold"),
    "phrases": ("phrase_files", "phrases"),
    "allow": ("allow_files", "allow"),
    "confusions": ("confusion_files", None),
}


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    path: str | None  # the file it came from; None for the built-in defaults
    root: str  # folder that relative paths and globs are resolved against
    values: dict = field(default_factory=dict)  # validated keys that the file sets
    include: tuple = ()  # compiled globs
    exclude: tuple = ()
    extensions: dict = field(default_factory=dict)

    def options(self, cli: Options, given: set[str] = frozenset()) -> Options:
        """`cli` with every field the config sets and the command line did not."""
        changes = {}
        for key, (attr, flag) in _TO_OPTIONS.items():
            if key in self.values and (flag is None or flag not in given):
                changes[attr] = self.values[key]
        return dataclasses.replace(cli, **changes) if changes else cli

    def relative(self, path: str) -> str | None:
        """`path` relative to the config's folder (posix), or None when outside it."""
        rel = os.path.relpath(os.path.abspath(path), self.root)
        if rel == os.curdir:
            return ""
        if rel.startswith(os.pardir + os.sep) or rel == os.pardir:
            return None
        return rel.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        """True when `path` or one of its folders below the config root matches `exclude`."""
        rel = self.relative(path)
        if not rel or not self.exclude:
            return False
        parts = rel.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(rx.fullmatch(p) for rx in self.exclude for p in prefixes)

    def included(self, path: str) -> bool:
        """Is a file found while walking a folder one to check?"""
        rel = self.relative(path)
        if rel is None:
            rel = os.path.basename(path)
        return any(rx.fullmatch(rel) for rx in self.include)


def glob_regex(pattern: str) -> re.Pattern:
    """A gitignore-like glob: without a slash it matches a name at any depth; `**` spans folders."""
    pat = pattern.strip()
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pat.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1 : j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile(("" if anchored else "(?:.*/)?") + "".join(out))


def _strings(path, key, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key!r} must be a list of strings")
    return value


def _rules(path, key, value) -> set[str]:
    from . import registry

    codes = set()
    for item in _strings(path, key, value):
        for part in item.split(","):
            if part.strip():
                try:
                    codes |= registry.select(part)
                except KeyError:
                    raise ConfigError(f"{path}: {key}: unknown rule {part.strip()!r}") from None
    return codes


def _files(path, key, value, root) -> list[str]:
    out = []
    for item in _strings(path, key, value):
        full = os.path.normpath(os.path.join(root, os.path.expanduser(item)))
        if not os.path.isfile(full):
            raise ConfigError(f"{path}: {key}: no such file {item!r}")
        out.append(full)
    return out


def parse(table: dict, path: str, root: str) -> Config:
    """Validate a settings table (already read from TOML) into a Config."""
    from .inputs.prepare import EXTENSIONS, FORMATS

    for key in table:
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} (known keys: {', '.join(KEYS)})")
    values: dict = {}
    for key in ("select", "ignore"):
        if key in table:
            values[key] = _rules(path, key, table[key])
    if "threshold" in table:
        t = table["threshold"]
        if isinstance(t, bool) or not isinstance(t, int | float) or not 0.0 <= t <= 1.0:
            raise ConfigError(f"{path}: 'threshold' must be a number between 0 and 1")
        values["threshold"] = float(t)
    for key in ("phrases", "allow", "confusions"):
        if key in table:
            values[key] = _files(path, key, table[key], root)
    extensions = {}
    raw_ext = table.get("extensions", {})
    if not isinstance(raw_ext, dict):
        raise ConfigError(f'{path}: \'extensions\' must be a table like {{ ".rst" = "text" }}')
    for ext, fmt in raw_ext.items():
        if fmt not in FORMATS:
            raise ConfigError(f"{path}: extensions: {ext!r} = {fmt!r}, expected one of {', '.join(FORMATS)}")
        extensions["." + ext.lower().lstrip(".")] = fmt
    if "include" in table:
        include = _strings(path, "include", table["include"])
    else:
        include = [f"*{ext}" for ext in {**EXTENSIONS, **extensions}]
    exclude = _strings(path, "exclude", table.get("exclude", []))
    return Config(
        path=path,
        root=root,
        values=values,
        include=tuple(glob_regex(g) for g in include),
        exclude=tuple(glob_regex(g) for g in exclude),
        extensions=extensions,
    )


def load(path: str) -> Config | None:
    """Read one config file; None for a pyproject.toml without [tool.proofread]."""
    import tomllib

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if "proofread" not in tool:
            return None
        data = tool["proofread"]
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.proofread] must be a table")
    return parse(data, path, os.path.dirname(os.path.abspath(path)))


def defaults(root: str | None = None) -> Config:
    config = parse({}, "<defaults>", root or os.getcwd())
    config.path = None
    return config


@lru_cache(maxsize=1024)
def find(directory: str) -> Config:
    """The nearest config at or above `directory` (absolute), or the defaults."""
    for name in FILENAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            config = load(candidate)
            if config is not None:
                return config
    parent = os.path.dirname(directory)
    if parent == directory:
        return defaults(os.getcwd())
    return find(parent)


def for_path(path: str) -> Config:
    """The config that governs `path` (a file or folder): nearest in its folder or above."""
    return find(os.path.dirname(os.path.abspath(path)))
