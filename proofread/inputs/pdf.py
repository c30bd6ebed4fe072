"""PDF pages through pypdfium2: the text layer when the page has one, else a rendered image.

A PDF that already carries text (typed, or scanned with an OCR layer) is read as text:
its characters are exact, so OCR would only add errors. Each text run keeps its box,
so the same layout code (:mod:`proofread.inputs.layout`) turns runs into paragraphs.
"""

from __future__ import annotations

from .ocr import OcrLine


class PdfError(Exception):
    """A PDF that cannot be read; the message is one line for the user."""


def open_pdf(path: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise PdfError(f"{path}: the PDF is encrypted (password protected); decrypt it first") from None
        raise PdfError(f"{path}: not a readable PDF ({reason.rstrip('.')})") from None
    except OSError as exc:
        raise PdfError(f"{path}: cannot read ({exc.strerror or exc})") from None


def page_count(path: str) -> int:
    pdf = open_pdf(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def text_lines(page) -> tuple[list[OcrLine], float]:
    """The page's text layer as lines with boxes (top-left origin, points), or [] when it has none.

    A line is a run of the characters of one text object (one show-text operator) up to a
    line break, the unit pdfium's own text rectangles use. Its box is built from the
    characters' font boxes (advance width, ascent to descent), not their ink: a Chinese font
    that is referenced but not embedded, with no substitute on this machine, has no glyphs
    to measure, and pdfium's rectangles then flatten to the baseline or leave whole rows out.
    """
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        height = page.get_height()
        tp = textpage.raw
        # Older pdfium builds lack FPDFText_GetTextObject: lines then break at line ends only.
        text_object = getattr(raw, "FPDFText_GetTextObject", None)
        lines: list[OcrLine] = []
        chars: list[str] = []
        boxes: list[tuple[float, float, float, float]] = []
        current = None

        def flush() -> None:
            # pdfium gives a character outside the BMP (𠮷) as its two UTF-16 halves: pair them.
            text = "".join(chars).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").strip()
            if text:
                left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
                right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
                box = (left, height - top, right, height - bottom)
                lines.append(OcrLine(text, box, 1.0, [1.0] * len(text), [[] for _ in text]))
            chars.clear()
            boxes.clear()

        for i in range(textpage.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(tp, i))
            if ch in "\r\n":  # pdfium's line ends (and the PDF's own)
                flush()
                continue
            if ch == "\0":  # a glyph with no Unicode mapping: pdfium's own text API drops it too
                continue
            generated = raw.FPDFText_IsGenerated(tp, i) == 1  # a space pdfium inferred from a gap
            if text_object is not None and not generated:
                obj = ctypes.cast(text_object(tp, i), ctypes.c_void_p).value
                if obj != current:
                    flush()
                    current = obj
            chars.append(ch)
            if not generated:
                boxes.append(textpage.get_charbox(i, loose=True))
        flush()
        return lines, height
    finally:
        textpage.close()


def render(page, dpi: int):
    """The page as a PIL image at `dpi`."""
    return page.render(scale=dpi / 72, grayscale=False).to_pil()
