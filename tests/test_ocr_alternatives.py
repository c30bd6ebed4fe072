"""C001 from the recogniser's own second readings (doc.meta set by `proofread ocr`)."""

from __future__ import annotations

from proofread.checkers import ocr_alternatives
from proofread.commands.ocr_cmd import check_scan
from proofread.inputs.layout import OcrText
from proofread.inputs.pages import ScanResult
from proofread.model import Document
from proofread.options import Options


def scanned(text: str, doubts: dict[int, tuple[float, list[tuple[str, float]]]]) -> Document:
    """A Document as `proofread ocr` builds it: every character sure except `doubts`."""
    spans = [(i, i + 1, doubts[i][0] if i in doubts else 0.99) for i in range(len(text))]
    alts = {i: a for i, (_, a) in doubts.items()}
    return Document(text, meta={"ocr_confidence": spans, "ocr_alternatives": alts})


def c001(doc):
    return list(ocr_alternatives.check(doc, Options(source="ocr")))


def test_an_unsure_character_is_replaced_by_the_alternative_that_fits():
    text = "全面提升水身灾害防御能力，做好防汛工作。"
    i = text.index("身")
    found = [f for f in c001(scanned(text, {i: (0.27, [("旱", 0.21), ("具", 0.05)])})) if f.start == i]
    assert found and found[0].replacement == "旱" and found[0].safe
    assert found[0].data["ocr_confidence"] == 0.27


def test_a_correct_character_read_with_doubt_stays():
    text = "全面提升水旱灾害防御能力，做好防汛工作。"
    i = text.index("旱")
    assert not [f for f in c001(scanned(text, {i: (0.6, [("早", 0.3), ("身", 0.05)])})) if f.start == i]


def test_a_sure_character_is_not_tried_even_with_alternatives():
    text = "全面提升水身灾害防御能力，做好防汛工作。"
    i = text.index("身")
    assert not [f for f in c001(scanned(text, {i: (0.97, [("旱", 0.02)])})) if f.start == i and f.replacement == "旱"]


def test_two_damaged_neighbours_are_judged_with_the_other_repaired():
    text = "今年汛期降水偏多，防汛形势较为产峻。"
    i = text.index("产")
    doc = scanned(text, {i: (0.63, [("严", 0.3)]), i + 1: (0.83, [("酸", 0.1)])})
    fixes = {(f.start, f.replacement) for f in c001(doc) if f.safe}
    assert (i, "严") in fixes and (i + 1, "酸") not in fixes


def test_proofread_ocr_applies_it_and_a_plain_document_is_untouched():
    text = "全面提升水身灾害防御能力，做好防汛工作。"
    i = text.index("身")
    spans = [(k, k + 1, 0.27 if k == i else 0.99) for k in range(len(text))]
    res = ScanResult("scan.png", text=OcrText(text, spans, [(0, len(text), 0.9)], {i: [("旱", 0.21)]}))
    _, _, findings, applied = check_scan(res, Options(source="ocr"))
    assert applied.text == text.replace("身", "旱")
    assert any(f.data.get("ocr_confidence") == 0.27 for f in findings)
    assert not c001(Document(text))  # no OCR metadata: nothing to go on


def test_the_engine_does_not_repair_the_neighbour_ocr_was_surer_of():
    text = "全面提升水身灾害防御能力，做好防汛工作。"
    i = text.index("身")
    # 水 just under "sure"; 身 very doubtful with 旱 as its second reading.
    spans = [(k, k + 1, 0.27 if k == i else 0.985 if k == i - 1 else 0.999) for k in range(len(text))]
    res = ScanResult("scan.png", text=OcrText(text, spans, [], {i: [("旱", 0.21)]}))
    _, _, findings, applied = check_scan(res, Options(source="ocr"))
    assert applied.text == text.replace("身", "旱")
    assert all(not f.safe for f in findings if f.start == i - 1)


def test_a_character_repair_where_ocr_was_sure_is_only_a_suggestion():
    from proofread.commands.ocr_cmd import _trust_sure_characters
    from proofread.registry import RULES

    doc = Document("政洽规矩，结果。")
    f = doc.finding(RULES["C001"], 1, 2, "治", safe=True)
    p = doc.finding(RULES["P004"], 4, 5, "，")
    sure = [(k, k + 1, 0.999) for k in range(8)]
    out = _trust_sure_characters([f, p], sure, 8)
    assert not out[0].safe and out[0].data["ocr_sure"]
    assert out[1] is p  # punctuation rules are not the recogniser's business
    doubt = [(k, k + 1, 0.6 if k == 1 else 0.999) for k in range(8)]
    assert _trust_sure_characters([f], doubt, 8)[0].safe
