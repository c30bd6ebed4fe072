"""Line reassembly: OCR boxes → typed paragraphs (no OCR needed, fast)."""

from __future__ import annotations

from proofread.inputs.layout import assemble
from proofread.inputs.ocr import OcrLine

H = 20  # line height in px
LEFT, RIGHT = 100, 700


def line(text, x0, y, x1=None, score=0.99, scores=None):
    x1 = RIGHT if x1 is None else x1
    return OcrLine(text, (x0, y, x1, y + H), score, scores or [score] * len(text), [[] for _ in text])


def test_wrapped_chinese_lines_join_without_space_and_indent_starts_paragraph():
    lines = [
        line("推进以人为核心的新型城镇化，常住人口", LEFT + 40, 100),
        line("城镇化率达到66.16%。", LEFT, 130, 400),  # short: the paragraph ends here
        line("实施城市更新行动，加强城市基础设施", LEFT + 40, 160),
        line("建设。", LEFT, 190, 160),
    ]
    text = assemble([(lines, 1000)]).text
    assert text == "推进以人为核心的新型城镇化，常住人口城镇化率达到66.16%。\n实施城市更新行动，加强城市基础设施建设。"


def test_short_last_line_breaks_paragraph_even_without_indent():
    lines = [line("第一段到此为止。", LEFT, 100, 300), line("第二段从这里开始，没有缩进", LEFT, 130)]
    assert assemble([(lines, 1000)]).text == "第一段到此为止。\n第二段从这里开始，没有缩进"


def test_vertical_gap_breaks_paragraph():
    lines = [
        line("一行写满了字一行写满了字", LEFT, 100),
        line("隔了一大段空白之后的一行", LEFT, 100 + 30),
        line("再往下很远", LEFT, 400),
    ]
    assert assemble([(lines, 1000)]).text == "一行写满了字一行写满了字隔了一大段空白之后的一行\n再往下很远"


def test_boxes_of_one_row_are_joined_left_to_right():
    lines = [line("强化担当", 400, 101, 480), line("持续发力", 250, 100, 330)]
    # The gap (70 px) is over 1.5 line heights: the title's own spacing is kept.
    assert assemble([(lines, 1000)]).text == "持续发力  强化担当"
    close = [line("强化担当", 335, 101, 415), line("持续发力", 250, 100, 330)]
    assert assemble([(close, 1000)]).text == "持续发力强化担当"


def test_latin_words_keep_a_space_and_hyphenation_is_undone():
    lines = [line("The report was written by recog-", LEFT, 100), line("nition software and", LEFT, 130)]
    assert assemble([(lines, 1000)]).text == "The report was written by recognition software and"


def test_page_numbers_dropped_and_paragraph_runs_over_the_page_break():
    page1 = [
        line("这一段文字很长，一直写到了页面的最", LEFT + 40, 100),
        line("底部仍然没有结束并且占满整行文字", LEFT, 130),
        line("- 1 -", 380, 960, 420),
    ]
    page2 = [line("继续写完。", LEFT, 100, 200), line("第 2 页", 370, 960, 430)]
    text = assemble([(page1, 1000), (page2, 1000)]).text
    assert text == "这一段文字很长，一直写到了页面的最底部仍然没有结束并且占满整行文字继续写完。"
    # the dashes of "- 1 -" as OCR often reads them: an em dash and 一
    page1[-1] = line("—1一", 380, 960, 420)
    assert assemble([(page1, 1000), (page2, 1000)]).text == text


def test_running_header_is_dropped_but_a_single_margin_line_is_its_own_paragraph():
    def page(n, body):
        full = line("一整行正文一整行正文一整行正文", LEFT, 170)
        return [line("XX区委办公室文件", 300, 20, 500), full, line(body, LEFT, 200, 300), line(str(n), 395, 970, 405)]

    text = assemble([(page(1, "第一页完。"), 1000), (page(2, "第二页完。"), 1000)]).text
    assert text == "一整行正文一整行正文一整行正文第一页完。\n一整行正文一整行正文一整行正文第二页完。"
    single = assemble([([line("抄送：各有关单位", LEFT, 10, 300), line("正文内容写满整行文字", LEFT, 200)], 1000)]).text
    assert single == "抄送：各有关单位\n正文内容写满整行文字"


def test_confidence_spans_and_alternatives_map_onto_the_text():
    first = OcrLine("结呆良好", (LEFT, 100, RIGHT, 120), 0.8, [0.99, 0.41, 0.98, 0.99], [[], [("果", 0.3)], [], []])
    second = OcrLine("成果", (LEFT, 130, 200, 150), 0.97, [0.97, 0.97], [[], []])
    out = assemble([([first, second], 1000)])
    assert out.text == "结呆良好成果"
    assert out.spans[1] == (1, 2, 0.41)
    assert len(out.spans) == len(out.text)
    assert out.alternatives == {1: [("果", 0.3)]}
    assert out.lines[0][:2] == (0, 4) and out.lines[1][:2] == (4, 6)


def test_empty_pages_give_empty_text():
    assert assemble([([], 1000), ([], 1000)]).text == ""
