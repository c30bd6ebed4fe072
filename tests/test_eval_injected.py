"""scripts/eval_injected.py: the confusion tables it draws damage from, and the damage itself."""

from __future__ import annotations

import random

from script_loader import load_script

from proofread.engine.candidates import common_chars

E = load_script("eval_injected")


def test_rare_lookalikes_turn_common_characters_into_rare_ones_that_look_like_them():
    table = E.rare_lookalikes()
    common = common_chars()
    assert len(table) > 1000  # most common characters have a rare look-alike
    for meant, (seen, weights) in table.items():
        assert meant in common
        assert seen and all(s not in common for s in seen)
        assert len(weights) == len(seen)
    # a stricter similarity floor keeps fewer
    assert sum(len(v[0]) for v in E.rare_lookalikes(0.8).values()) < sum(len(v[0]) for v in table.values())


def test_damage_replaces_only_characters_the_table_knows_and_is_deterministic():
    table = {"展": (["屐"], [1]), "发": (["友", "犮"], [3, 1])}
    text = "推动高质量发展，发展是第一要务。"
    once = E.damage(text, 1.0, random.Random(7), table)
    assert once == E.damage(text, 1.0, random.Random(7), table)
    assert len(once) == len(text)
    for a, b in zip(text, once, strict=True):
        assert a == b or (a in table and b in table[a][0])
    assert once.count("屐") == 2  # every 展 at rate 1
    assert E.damage(text, 0.0, random.Random(7), table) == text
