"""Read scanned files (PNG, JPEG, TIFF, PDF) page by page, spread over processes.

Each page is one task: the worker opens the file itself (nothing large is pickled),
takes the PDF text layer when there is one (unless `force_ocr`), otherwise renders or
loads the image and runs OCR. A bad file yields one message and does not stop the
others; a page with no text is reported, and a file with no text at all is an error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .layout import OcrText, assemble
from .ocr import OcrLine, Recognizer

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
PDF_EXTENSIONS = {".pdf"}
DEFAULT_DPI = 200


class ScanError(Exception):
    """A scanned file that cannot be read; the message is one line for the user."""


@dataclass
class PageResult:
    lines: list[OcrLine]
    height: float
    method: str  # "ocr" or "text-layer"
    error: str | None = None


@dataclass
class ScanResult:
    path: str
    pages: list[PageResult] = field(default_factory=list)
    error: str | None = None  # the file could not be read at all
    warnings: list[str] = field(default_factory=list)
    text: OcrText | None = None


def kind_of(path: str) -> str:
    """'pdf' or 'image', from the first bytes (a renamed file still works), else the extension."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ScanError(f"{path}: cannot read ({exc.strerror})") from None
    if head.startswith(b"%PDF"):
        return "pdf"
    ext = os.path.splitext(path)[1].lower()
    if ext in PDF_EXTENSIONS:
        return "pdf"
    return "image"


def count_pages(path: str) -> tuple[str, int]:
    """The file's kind and number of pages; ScanError when it cannot be opened."""
    if not os.path.exists(path):
        raise ScanError(f"{path}: no such file")
    if os.path.isdir(path):
        raise ScanError(f"{path}: is a directory, expected an image or a PDF")
    kind = kind_of(path)
    if kind == "pdf":
        from .pdf import PdfError, page_count

        try:
            n = page_count(path)
        except PdfError as exc:
            raise ScanError(str(exc)) from None
        if n == 0:
            raise ScanError(f"{path}: the PDF has no pages")
        return kind, n
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            return kind, getattr(img, "n_frames", 1)
    except UnidentifiedImageError:
        raise ScanError(f"{path}: not an image or PDF this tool can read") from None
    except OSError as exc:
        raise ScanError(f"{path}: damaged image ({exc})") from None


_RECOGNIZER: Recognizer | None = None
_THREADS = -1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours taskset/cgroup limits, unlike cpu_count
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _recognizer() -> Recognizer:
    global _RECOGNIZER
    if _RECOGNIZER is None:
        _RECOGNIZER = Recognizer(threads=_THREADS)
    return _RECOGNIZER


def _init_worker(threads: int) -> None:
    global _THREADS
    _THREADS = threads


def read_page(path: str, kind: str, index: int, dpi: int, force_ocr: bool) -> PageResult:
    """One page's lines. Never raises: a failure is returned as the page's error."""
    try:
        if kind == "pdf":
            from .pdf import PdfError, open_pdf, render, text_lines

            try:
                pdf = open_pdf(path)
            except PdfError as exc:
                return PageResult([], 0, "ocr", str(exc))
            try:
                page = pdf[index]
                if not force_ocr:
                    lines, height = text_lines(page)
                    if lines:
                        return PageResult(lines, height, "text-layer")
                image = render(page, dpi)
            finally:
                pdf.close()
        else:
            from PIL import Image

            with Image.open(path) as img:
                img.seek(index)
                img.load()
                image = img.convert("RGB")
        return PageResult(_recognizer().page(image), image.height, "ocr")
    except (OSError, ValueError, SyntaxError) as exc:  # PIL raises these on damaged images
        return PageResult([], 0, "ocr", f"damaged image ({exc})")
    except Exception as exc:  # pdfium errors on damaged pages, and anything unexpected
        return PageResult([], 0, "ocr", f"{type(exc).__name__}: {exc}")


def scan(paths: list[str], dpi: int = DEFAULT_DPI, force_ocr: bool = False, jobs: int | None = None, progress=None):
    """Read every file; return a ScanResult per path, in order (errors inside, never raised)."""
    results = [ScanResult(p) for p in paths]
    tasks = []
    for n, path in enumerate(paths):
        try:
            kind, count = count_pages(path)
        except ScanError as exc:
            results[n].error = str(exc)
            continue
        results[n].pages = [None] * count  # type: ignore[list-item]
        tasks += [(n, path, kind, i) for i in range(count)]
    jobs = max(1, min(jobs or _cores(), len(tasks)))
    if progress is not None:
        progress.start(len(tasks))
    if jobs == 1:
        for n, path, kind, i in tasks:
            results[n].pages[i] = read_page(path, kind, i, dpi, force_ocr)
            if progress is not None:
                progress.advance()
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        threads = max(1, _cores() // jobs)
        ctx = multiprocessing.get_context("spawn")  # onnxruntime and fork do not mix well
        with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(threads,)) as pool:
            futures = {pool.submit(read_page, path, kind, i, dpi, force_ocr): (n, i) for n, path, kind, i in tasks}
            from concurrent.futures import as_completed

            for future in as_completed(futures):
                n, i = futures[future]
                results[n].pages[i] = future.result()
                if progress is not None:
                    progress.advance()
    if progress is not None:
        progress.stop()
    for res in results:
        if res.error:
            continue
        _finish(res)
    return results


def _finish(res: ScanResult) -> None:
    """Turn a file's page results into text, collecting per-page problems."""
    good = []
    many = len(res.pages) > 1
    for i, page in enumerate(res.pages, 1):
        where = f"page {i}" if many else "the page"
        if page.error:
            res.warnings.append(f"{res.path}: {where}: {page.error}")
        elif not page.lines:
            res.warnings.append(f"{res.path}: {where}: no text found")
        good.append((page.lines, page.height))
    res.text = assemble(good)
    if not res.text.text.strip():
        errors = [p.error for p in res.pages if p.error]
        res.error = f"{res.path}: {errors[0]}" if len(errors) == len(res.pages) else f"{res.path}: no text found"
