"""The character engine, one class of error at a time, in sentences written for these tests.

None of these uses the user's sample or its pairs: each class is shown with other characters.
"""

from __future__ import annotations

import pytest

from proofread import pipeline
from proofread.engine import candidates
from proofread.model import Document
from proofread.options import Options

CHAR_CODES = {"C001", "C002", "C003", "C004", "V001"}


def fix(text: str, **kw) -> str:
    applied, _ = pipeline.fix(Document(text), Options(select=CHAR_CODES, **kw))
    return applied.text


def findings(text: str, **kw):
    return pipeline.check(Document(text), Options(select=CHAR_CODES, **kw))


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (
            "各级党组织要切实履行管党治党政治责仟，推动工作落到实处。",
            "各级党组织要切实履行管党治党政治责任，推动工作落到实处。",
        ),
        (
            "我们要坚持稳中求进工作总基调，推动经济持续健康发屐。",
            "我们要坚持稳中求进工作总基调，推动经济持续健康发展。",
        ),
        ("各地要认真贯彻落实会议精神，确保各项任务按期完戍。", "各地要认真贯彻落实会议精神，确保各项任务按期完成。"),
        ("我们要加快径济结构调整，推动产业转型升级。", "我们要加快经济结构调整，推动产业转型升级。"),
        (
            "坚持把人民群众的小事当作自己的大事，持续改善人民生活水乎。",
            "坚持把人民群众的小事当作自己的大事，持续改善人民生活水平。",
        ),
    ],
)
def test_shape_confusable_character_is_fixed(damaged, expected):
    assert fix(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("要切实加强组织领导，确保各项惜旋落地见效。", "要切实加强组织领导，确保各项措施落地见效。"),
        ("我们要坚持新发展理念，扎实椎迸乡村全面振兴。", "我们要坚持新发展理念，扎实推进乡村全面振兴。"),
        ("各级党组织要认真履行主体贵仟，推动工作落实。", "各级党组织要认真履行主体责任，推动工作落实。"),
    ],
)
def test_two_adjacent_confusables_are_fixed_together(damaged, expected):
    assert fix(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("办一件事要跑好儿个部门的情况已经改变。", "办一件事要跑好几个部门的情况已经改变。"),
        ("全县上下要增强时不我待的紧追感。", "全县上下要增强时不我待的紧迫感。"),
    ],
)
def test_a_misread_hiding_in_a_rare_two_character_word_is_found(damaged, expected):
    # 好儿 and 紧追 are (very rare) vocabulary words: only the rare-pair detection looks there
    from proofread.engine import api

    corrector = api.get(Options(select=CHAR_CODES)).corrector
    i = next(k for k, (a, b) in enumerate(zip(damaged, expected, strict=True)) if a != b)
    assert i in corrector.suspicious(damaged)
    assert fix(damaged) == expected


def test_fix_reports_code_span_alternatives_and_confidence():
    (f,) = findings("我们要加快径济结构调整，推动产业转型升级。")
    assert (f.code, f.original, f.replacements[0], f.start) == ("C001", "径", "经", 5)
    assert f.safe and 0.5 < f.confidence <= 1.0
    assert f.data["lm_gain"] > 0


def test_a_word_the_document_uses_elsewhere_is_restored():
    # 更加 is used three times; 吏加 is an OCR slip the tables need not list
    text = "工作更加扎实，作风更加过硬，措施更加有力，群众吏加满意。"
    out = fix(text)
    assert out == text.replace("吏加", "更加")


CLEAN = [
    "全区上下要统一思想、提高认识，以更加饱满的热情投入到各项工作中去。",
    "着力推进城乡融合发展，扎实推动乡村产业、人才、文化、生态、组织振兴。",
    "要深入开展调查研究，准确把握基层实际情况，切实提高决策水平和工作效率。",
    "各部门要加强协调配合，形成工作合力，确保目标任务如期完成。",
    "加快建设现代化产业体系，积极培育新兴产业和未来产业，推动传统产业转型升级。",
    "要持续深化放管服改革，不断提升政务服务水平，为企业和群众办事提供更多便利。",
    "我们要牢固树立安全发展理念，坚决遏制重特大安全事故发生。",
    "认真做好就业、教育、医疗、养老等民生保障工作，切实兜牢民生底线。",
    "全面落实粮食安全党政同责，稳定粮食播种面积，提高粮食综合生产能力。",
    "要大力弘扬劳模精神、劳动精神和工匠精神，营造崇尚劳动的良好社会氛围。",
    "今年以来，全区共完成固定资产投资X亿元，同比增长X%，其中工业投资X亿元。",
    "XX同志任XX区委常委、组织部部长，免去其XX职务。",
]


def test_clean_formal_prose_is_left_alone():
    text = "\n".join(CLEAN) + "\n"
    assert fix(text) == text


def test_clean_formal_prose_fixture_gets_no_safe_character_fix():
    with open("fixtures/formal_prose.txt", encoding="utf-8") as fh:
        text = fh.read()
    changed = [f for f in findings(text) if f.safe]
    assert changed == []


def test_names_are_not_corrected():
    for text in ("会议由金永善同志主持，张志会同志作报告。", "欧阳小燕同志在会上作了重要讲话。"):
        assert fix(text) == text


def test_a_surname_character_guards_a_name_but_not_a_common_word():
    from proofread.engine import api

    guard = api.get(Options(select=CHAR_CODES)).guard
    # 方 and 范 are common surnames; in 方式 and 规范 they are ordinary characters
    for line, suspicious in (("推动发展方式缘色转型", "缘"), ("严格规范举储融资行为", "储")):
        i = line.index(suspicious)
        assert guard.level(line, i, i + 1) is None
    # 张明 is a word of the model too, but a rare one: the character after it may be a name's
    line = "市委常委张明半出席会议"
    i = line.index("半")
    assert guard.level(line, i, i + 1) == "suggest"


def test_allow_list_protects_words(tmp_path):
    text = "我们要加快径济结构调整。"
    allow = tmp_path / "allow.txt"
    allow.write_text("# a user's word list\n径济\n", encoding="utf-8")
    assert fix(text, allow_files=[str(allow)]) == text


def test_traditional_script_lines_are_not_corrected_character_by_character():
    text = "我們要堅持穩中求進工作總基調，推動經濟持續健康發展，確保各項任務按期完成。"
    assert fix(text) == text


def test_typed_source_uses_sound_alikes():
    text = "各单位要高度重视，认真组织，确保各项工作顺利进形。"
    assert fix(text, source="typed") == "各单位要高度重视，认真组织，确保各项工作顺利进行。"
    (f,) = findings(text, source="typed")
    assert f.code == "C002"


def test_weak_sound_alike_evidence_is_only_a_suggestion_in_typed_text():
    text = "我们要在工作中不断总结经验，提高自己的能利。"
    assert fix(text, source="typed") == text
    assert [f.replacements[0] for f in findings(text, source="typed")] == ["力"]


def test_sound_alikes_are_never_safe_in_text_of_unknown_source():
    text = "各单位要高度重视，认真组织，确保各项工作顺利进形。"
    assert fix(text) == text


# --- C002: 的 for 得 --------------------------------------------------------------------
@pytest.mark.parametrize("text", ["这项工作他做的很好。", "大家把会场布置的非常整洁。", "这件事情办的实，群众满意。"])
def test_de_before_a_complement_is_a_suggestion(text):
    fs = [f for f in findings(text) if f.code == "C002" and f.original == "的"]
    assert len(fs) == 1 and fs[0].replacements == ("得",) and not fs[0].safe
    assert fix(text) == text


@pytest.mark.parametrize("text", ["我说的话你听见了吗？", "他写的文章很好。", "这是我们的目标。"])
def test_de_as_possessive_is_left_alone(text):
    assert not [f for f in findings(text) if f.code == "C002"]


# --- C003: closing quote read as a character ---------------------------------------------
@pytest.fixture
def lookalikes(monkeypatch):
    """A tiny look-alike table with characters the real table is not asked about."""
    table = {"乙": [("”，", 0.8)], "乚": [("”", 0.8)]}
    monkeypatch.setattr(candidates, "punct_lookalikes", lambda: table)
    return table


def test_closing_quote_and_comma_read_as_a_character(lookalikes):
    text = "深入开展“我为群众办实事乙推动解决了一批急难愁盼问题。"
    out = fix(text)
    assert out == "深入开展“我为群众办实事”，推动解决了一批急难愁盼问题。"
    (f,) = [f for f in findings(text) if f.code == "C003"]
    assert f.original == "乙" and f.replacements[0] == "”，"


def test_no_quote_fix_when_the_quote_is_closed(lookalikes):
    text = "深入开展“我为群众办实事”实践活动，乙方负责施工。"
    assert fix(text) == text


def test_closing_quote_alone(lookalikes):
    text = "全面开展“三个以案乚警示教育。"
    assert fix(text) == "全面开展“三个以案”警示教育。"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # no look-alike entry: the quote closes on a known set phrase; a verb follows -> ”，
        (
            "各级党组织要坚决落实“全面从严治党巴推动形成风清气正的政治生态。",
            "各级党组织要坚决落实“全面从严治党”，推动形成风清气正的政治生态。",
        ),
        # a noun follows -> the lone ”
        ("我们要统筹推进“五位一体丸总体布局，协调推进改革。", "我们要统筹推进“五位一体”总体布局，协调推进改革。"),
    ],
)
def test_quote_closing_on_a_set_phrase_without_a_lookalike(monkeypatch, damaged, expected):
    monkeypatch.setattr(candidates, "punct_lookalikes", lambda: {"乙": [("”，", 0.8)]})
    assert fix(damaged) == expected


def test_quote_closing_on_a_term_the_document_quotes_elsewhere(monkeypatch):
    # 三个以案 is in no list: the document's own closed “三个以案” is the evidence
    monkeypatch.setattr(candidates, "punct_lookalikes", lambda: {"乙": [("”，", 0.8)]})
    damaged = "我们要落实“三个以案巴推动整改。\n开展“三个以案”警示教育。"
    assert fix(damaged) == "我们要落实“三个以案”，推动整改。\n开展“三个以案”警示教育。"


@pytest.mark.parametrize(
    "text",
    [
        "他说“全面从严治党永远在路上，不能有丝毫松懈。",  # the next character makes a word
        "坚持“全面从严治党，推动形成风清气正的政治生态。",  # a clause mark ends the region
        "我们要落实“四个全面〃战略布局。",  # not a Chinese character: the punctuation rules' business
        "我们要落实“三个以案巴推动整改。",  # the quoted text is not a known set phrase
    ],
)
def test_no_structural_quote_fix_without_its_evidence(monkeypatch, text):
    monkeypatch.setattr(candidates, "punct_lookalikes", lambda: {"乙": [("”，", 0.8)]})
    assert [f for f in findings(text) if f.code == "C003"] == []


# --- C004: set phrases ----------------------------------------------------------------
def test_set_phrase_near_miss():
    # C004 alone: with every rule on, a look-alike finding for the same change speaks for both
    doc = Document("我们要始终坚持全面从产治党，增强四个白信。")
    fs = [f for f in pipeline.check(doc, Options(select={"C004"})) if f.code == "C004"]
    assert {(f.original, f.replacements[0]) for f in fs} == {("产", "严"), ("白", "自")}


def test_user_phrase_file(tmp_path):
    phrases = tmp_path / "terms.txt"
    phrases.write_text("# terms\n河湖长制工作\n", encoding="utf-8")
    text = "全面推行河湖长制工仟，加强水生态保护。"
    fs = [f for f in findings(text, phrase_files=[str(phrases)]) if f.code == "C004"]
    assert fs and fs[0].original == "仟" and fs[0].replacements[0] == "作"


# --- V001: traditional characters --------------------------------------------------------
def test_traditional_characters_in_simplified_text():
    assert fix("我们要推动經濟发展。") == "我们要推动经济发展。"


def test_all_traditional_text_is_not_converted():
    text = "我們要推動經濟發展，實現共同富裕。"
    assert fix(text) == text


def test_characters_valid_in_simplified_script_stay():
    text = "他写了一本著作，乾坤未定，后来去了皇后家。"
    assert fix(text) == text


# --- the fallback model (no KenLM file) ---------------------------------------------------
@pytest.fixture
def no_kenlm(monkeypatch, tmp_path):
    from proofread.engine import api, lm

    monkeypatch.setenv("PROOFREAD_LM", "")
    monkeypatch.setenv("PROOFREAD_CACHE", str(tmp_path / "cache"))
    lm.load.cache_clear()
    api._build.cache_clear()
    yield
    lm.load.cache_clear()
    api._build.cache_clear()


def test_fallback_lexicon_model_corrects_and_leaves_clean_prose(no_kenlm):
    from proofread.engine import api, lm

    assert isinstance(api.get(Options()).model, lm.LexiconModel)
    assert fix("各级党组织要切实履行管党治党政治责仟，推动工作落到实处。").endswith("政治责任，推动工作落到实处。")
    text = "\n".join(CLEAN) + "\n"
    assert fix(text) == text


def test_closing_form_follows_the_documents_own_habit(monkeypatch):
    monkeypatch.setattr(candidates, "punct_lookalikes", lambda: {"乙": [("”。", 0.8), ("”，", 0.8)]})
    text = "开展“三个以案”，推动整改。深化“两学一做”，抓好落实。深入开展“我为群众办实事乙推动解决了一批问题。"
    out = fix(text)
    assert out == text.replace("实事乙", "实事”，")


def test_near_identical_glyphs_need_more_evidence_for_a_safe_fix():
    # 干/于 differ by a stroke's hook: the word model alone decides, so a moderate gain only suggests
    assert fix("屏幕脏了，可用干棉签轻轻擦拭，不要用水冲洗。") == "屏幕脏了，可用干棉签轻轻擦拭，不要用水冲洗。"
    assert any(f.replacement == "于" and not f.safe for f in findings("屏幕脏了，可用干棉签轻轻擦拭，不要用水冲洗。"))
    # a clear win between near-identical glyphs is still fixed
    assert (
        fix("县级财政收人增长百分之六，城镇新增就业五千二百人以上。")
        == "县级财政收入增长百分之六，城镇新增就业五千二百人以上。"
    )


def test_a_city_name_gets_at_most_an_even_odds_suggestion():
    # 澜州市 is an invented city: the first character of X州市 is a name's, so the look-alike the
    # model prefers (湖) is a suggestion, and the report does not claim to be sure of it
    fs = [f for f in findings("9月3日，消费者黄女士在澜州市岚山区某超市购买的商品存在质量问题。") if f.original == "澜"]
    assert all(not f.safe and f.confidence <= 0.5 for f in fs)


def test_a_name_used_three_times_gets_no_finding():
    # an invented city the model does not know: once it is a suggestion, three times it is the author's
    one = "梧川市今年新建学校九所。"
    three = "梧川市今年新建学校九所。梧川市图书馆全年接待读者十万人次。梧川市博物馆免费开放。"
    assert [f for f in findings(one) if f.original == "川"]
    assert not [f for f in findings(three) if f.original in "梧川"]


def test_a_misread_repeated_by_the_scan_is_fixed_where_the_document_also_writes_the_word():
    # a scan misreads a glyph the same way each time (间题 ×3); the document writes 问题 where the
    # glyph came out whole, so the repetition is not the author's usage
    misread = "全年发现并处理间题三百个，间题整改率达到九成。下一步要把间题化解在基层"
    text = "各部门要坚持问题导向，建立问题清单。" + misread + "，把问题解决在萌芽状态。"
    assert fix(text) == text.replace("间题", "问题")
    # written right only once beside three odd ones, the odd spelling may still be the author's
    once = misread + "，把问题解决在萌芽状态。"
    assert fix(once) == once


def test_a_place_name_is_only_a_suggestion():
    # 梧川市 may be an invented city as well as a misread 梧州市: the two characters before a place
    # suffix are a name's, so the look-alike is suggested at even odds, never fixed
    text = "我市与梧川市签订了合作协议。"
    fs = [f for f in findings(text) if f.original == "川"]
    assert fs and all(not f.safe and f.confidence <= 0.5 for f in fs)
    # a suffix character that ends or starts a common word is no place suffix (城市, 乡村)
    assert fix("我们要坚持新发展理念，扎实椎进乡村全面振兴。") == "我们要坚持新发展理念，扎实推进乡村全面振兴。"


# --- a rare character read where a common look-alike makes sense ---------------------------
def test_a_rare_character_is_tried_against_look_alikes_that_make_no_word():
    # 的 makes no word with 上 or 讲, so only the rare character's own evidence brings it in
    assert fix("这是市长在全市经济工作会议上蚐讲话。") == "这是市长在全市经济工作会议上的讲话。"
    # a common character in the same place is not tried that way: 约 stays
    assert fix("这是市长在全市经济工作会议上约讲话。") == "这是市长在全市经济工作会议上约讲话。"


def test_a_rare_original_needs_less_score_for_a_safe_fix():
    from proofread.engine import api
    from proofread.engine.correct import RARE_BAR, Correction

    corrector = api.get(Options()).corrector
    score = corrector.safe_threshold - RARE_BAR / 2
    rare = Correction(0, 1, "蚐", "的", score, score, 0.7)
    common = Correction(0, 1, "约", "的", score, score, 0.7)
    assert corrector.is_safe(rare) and not corrector.is_safe(common)
    assert not corrector.is_safe(Correction(0, 1, "蚐", "的", score, score, 0.7, guarded=True))


def test_a_rare_character_doubled_is_a_name_not_a_misread_twice():
    text = "放学后，邻居家的晟睿、昊昊和玥玥都来帮忙剥荸荠。"
    assert fix(text) == text
    assert not [f for f in findings(text) if f.original in ("昊", "昊昊")]


def test_a_regional_word_in_quoted_speech_stays():
    text = "老乡说：“天干了这么久，一亩要减产上百斤，啷个不着急嘛。”"
    assert fix(text) == text
