"""The data files in dictionaries/: headers, format, and the generic confusion-set process."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

from proofread.engine import confusions

ROOT = Path(__file__).resolve().parent.parent
DICTS = ROOT / "dictionaries"
SCRIPTS = ROOT / "scripts"
REQUIRED = ("source", "license", "retrieved", "maintainer", "rule", "format")
CONFUSION_FILES = ("confusion_visual.tsv", "confusion_phonetic.tsv", "punct_lookalikes.tsv")


def header(path: Path) -> dict[str, str]:
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            key, sep, value = line[1:].strip().partition(":")
            if sep:
                fields[key.strip()] = value.strip()
    return fields


@pytest.mark.parametrize("path", sorted(p for p in DICTS.iterdir() if p.is_file()), ids=lambda p: p.name)
def test_every_dictionary_has_the_header_fields(path):
    fields = header(path)
    missing = [k for k in REQUIRED if not fields.get(k)]
    assert not missing, f"{path.name} lacks header fields {missing}"
    if fields["source"].startswith("generated"):
        assert fields.get("regenerate"), f"{path.name} is generated but says not how to regenerate it"


@pytest.mark.parametrize("name", CONFUSION_FILES)
def test_confusion_file_format(name):
    lines = [ln for ln in (DICTS / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(lines) > 50
    keys = set()
    for ln in lines:
        key, tab, rest = ln.partition("\t")
        assert tab and len(key) == 1, f"bad line {ln[:40]!r}"
        assert key not in keys, f"duplicate key {key}"
        keys.add(key)
        cands = [item.rpartition(":") for item in rest.split(" ")]
        assert all(c and sep for c, sep, _ in cands), f"bad candidate in {ln[:40]!r}"
        scores = [float(s) for _, _, s in cands]
        names = [c for c, _, _ in cands]
        assert key not in names, f"{key} lists itself as a candidate"
        assert len(set(names)) == len(names), f"{key} lists a candidate twice"
        assert all(0 < s <= 1 for s in scores), f"{key}: score outside (0,1]"
        assert scores == sorted(scores, reverse=True), f"{key}: candidates not best first"


def test_loaders_parse_and_agree_with_the_files():
    vis, pho, punct = confusions.load_visual(), confusions.load_phonetic(), confusions.load_punct_lookalikes()
    assert len(vis) > 6000 and len(pho) > 6000
    cands = vis["未"]
    assert isinstance(cands, list) and all(isinstance(c, str) and isinstance(s, float) for c, s in cands)
    assert vis.score("未", cands[0][0]) == cands[0][1]
    assert vis.score("未", "未") == 0.0
    assert all(len(p) >= 1 and set(p) <= set("”，、。") for v in punct.values() for p, _ in v)


def test_loading_is_fast():
    t = time.perf_counter()
    for name in CONFUSION_FILES:
        confusions.ConfusionTable.from_file(DICTS / name)
    # a few tens of ms on an idle core; generous bound for a loaded CI machine
    assert time.perf_counter() - t < 0.5


def _rank(table, seen: str, meant: str) -> int | None:
    names = [c for c, _ in table.get(seen, [])]
    return names.index(meant) + 1 if meant in names else None


@pytest.mark.parametrize(
    ("a", "b"), [("未", "末"), ("己", "已"), ("大", "太"), ("人", "入"), ("土", "士"), ("晴", "睛")]
)
def test_visual_set_has_classic_look_alikes_near_the_top(a, b):
    vis = confusions.load_visual()
    for seen, meant in ((a, b), (b, a)):
        r = _rank(vis, seen, meant)
        assert r is not None and r <= 5, f"{meant} ranks {r} among the look-alikes of {seen}"


def test_visual_set_recalls_held_out_ocr_errors():
    """Pairs RapidOCR produced on sentences never used to build the set (tests/data)."""
    vis = confusions.load_visual()
    pairs = []
    for ln in (ROOT / "tests" / "data" / "ocr_heldout_pairs.tsv").read_text(encoding="utf-8").splitlines():
        if ln and not ln.startswith("#"):
            meant, seen, n = ln.split("\t")
            pairs.append((meant, seen, int(n)))
    total = sum(n for *_, n in pairs)
    hit = sum(n for m, s, n in pairs if (r := _rank(vis, s, m)) is not None and r <= 40)
    # 0.49 when generated (2026-11-25); the pairs come from heavy degradations, many are not shape errors
    assert total > 100 and hit / total >= 0.45, f"recall@40 {hit / total:.2f}"


@pytest.mark.parametrize(("a", "b"), [("的", "地"), ("的", "得"), ("在", "再"), ("做", "作"), ("那", "哪")])
def test_phonetic_set_pairs_homophones(a, b):
    pho = confusions.load_phonetic()
    assert pho.score(a, b) >= 0.7 and pho.score(b, a) >= 0.7


def test_phonetic_same_tone_outranks_other_tone():
    pho = confusions.load_phonetic()
    assert pho.score("妈", "马") < pho.score("马", "码") or pho.score("马", "码") == pho.score("马", "玛")
    assert pho.score("的", "地") > pho.score("的", "低")


@pytest.fixture(scope="module")
def glyph_tools():
    if not shutil.which("fc-list"):
        pytest.skip("fontconfig not installed (make install)")
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_confusion_visual
        import glyphs

        glyphs.cjk_fonts()
    except SystemExit as e:  # fonts missing
        pytest.skip(str(e))
    finally:
        sys.path.remove(str(SCRIPTS))
    return glyphs, build_confusion_visual


def test_rendering_similarity_ranks_look_alikes_first(glyph_tools):
    """The generic process, from the fonts, on a small set: each pair is the other's best match."""
    glyphs, build = glyph_tools
    chars = list("未末己已大太人入土士日曰目自白百千干于午牛失矢天夫王玉主")
    mats = glyphs.feature_matrices(chars, glyphs.cjk_fonts())
    full = glyphs.combined_full(mats)
    raw = build.shape_score(full @ full.T, {k: mats[k] @ mats[k].T for k in glyphs.HALF_VIEWS})
    for a, b in ("未末", "己已", "大太", "人入", "土士", "千干", "牛午", "失矢"):
        i = chars.index(a)
        row = raw[i].copy()
        row[i] = -1
        ranked = [chars[k] for k in row.argsort()[::-1]]
        assert ranked.index(b) <= 1, f"{b} ranks {ranked.index(b) + 1} for {a}: {''.join(ranked[:5])}"


def test_punct_lookalike_process_prefers_open_shapes_to_dense_ones(glyph_tools):
    """A squashed ”， is nearer to an open character than to a dense one, from the glyphs."""
    glyphs, _ = glyph_tools
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_punct_lookalikes as punct
    finally:
        sys.path.remove(str(SCRIPTS))
    chars = list("门口国器赢餐")
    mats = glyphs.feature_matrices(chars, glyphs.cjk_fonts())
    sim = punct.similarity("”，", mats, glyphs.combined_full(mats))
    assert sim[chars.index("门")] > max(sim[chars.index(c)] for c in "国器赢餐")


def test_ocr_channel_counts_format():
    trials, pairs = {}, 0
    for ln in (DICTS / "ocr_channel_counts.tsv").read_text(encoding="utf-8").splitlines():
        if not ln or ln.startswith("#"):
            continue
        meant, seen, *counts = ln.split("\t")
        assert len(meant) == 1 and seen != meant
        if seen == "*":
            trials[meant] = int(counts[0])
        else:
            hard, soft = int(counts[0]), float(counts[1])
            assert hard >= 0 and soft >= 0 and hard + soft > 0
            assert meant in trials, f"{meant} has confusions but no trial count"
            pairs += 1
    assert len(trials) > 3000 and pairs > 1000
