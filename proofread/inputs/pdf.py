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
    """The page's text layer as lines with boxes (top-left origin, points), or [] when it has none."""
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() == 0:
            return [], page.get_height()
        height = page.get_height()
        lines = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top)
            text = text.replace("\r", "").replace("\n", "").strip()
            if text:
                box = (left, height - top, right, height - bottom)
                lines.append(OcrLine(text, box, 1.0, [1.0] * len(text), [[] for _ in text]))
        return lines, height
    finally:
        textpage.close()


def render(page, dpi: int):
    """The page as a PIL image at `dpi`."""
    return page.render(scale=dpi / 72, grayscale=False).to_pil()
