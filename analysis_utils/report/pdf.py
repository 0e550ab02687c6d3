"""Print an HTML file to PDF with headless Chromium (Debian's ``chromium`` package).

nbconvert's own ``webpdf`` exporter drives a Chromium that Playwright downloads, which
the kit must not do; Debian's ``/usr/bin/chromium`` prints the report instead, with
``--print-to-pdf``. When Chromium is absent, :func:`find_chromium` returns ``None`` and
the report is written without its PDF (the caller says so and how to install it).

The PDF is made deterministic: Chromium stamps the print time into ``/CreationDate``
and ``/ModDate``; :func:`normalise_pdf_dates` overwrites those digits in place (same
length, so the cross-reference offsets stay valid). With the same Chromium and the same
HTML, two prints give the same bytes.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
#: Overrides the Chromium binary (a path; an empty or missing file means "no Chromium").
CHROMIUM_ENV = "NEWS_KIT_CHROMIUM"
#: Flags for a quiet, offline, headless Chromium: no sandbox (containers, root), no GPU,
#: no QUIC, no first-run UI, no background traffic, no component updates, no sync.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
INSTALL_HINT = (
    "install Debian's Chromium to get report.pdf: `sudo apt-get install -y chromium` "
    "(or run `make report` as root, which installs it)"
)
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{4,14})")


class PdfError(RuntimeError):
    """Chromium ran but did not produce a PDF."""


def find_chromium() -> Path | None:
    """Debian's Chromium, or ``None`` when it is not installed.

    ``$NEWS_KIT_CHROMIUM`` names another binary (tests set it to a missing path to
    check the behaviour without Chromium); otherwise ``/usr/bin/chromium``, then
    ``chromium`` on the ``PATH``.
    """
    override = os.environ.get(CHROMIUM_ENV)
    if override is not None:
        p = Path(override)
        return p if override and p.is_file() and os.access(p, os.X_OK) else None
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return Path(CHROMIUM)
    found = shutil.which("chromium")
    return Path(found) if found else None


def chromium_command(chromium: str | Path, html: str | Path, pdf: str | Path, profile_dir: str | Path) -> list[str]:
    """The command line that prints ``html`` to ``pdf`` (no page header or footer)."""
    return [
        str(chromium),
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile_dir}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={Path(pdf).resolve()}",
        Path(html).resolve().as_uri(),
    ]


def normalise_pdf_dates(data: bytes, stamp: str = "19700101000000") -> bytes:
    """Replace the digits of ``/CreationDate`` and ``/ModDate`` by ``stamp``, in place.

    Only as many digits as the PDF has are replaced, so the file length and every
    byte offset stay the same.
    """

    fixed = stamp.encode("ascii")

    def repl(m: re.Match) -> bytes:
        n = len(m.group(2))
        return m.group(1) + fixed[:n].ljust(n, b"0")

    return _PDF_DATE.sub(repl, data)


def html_to_pdf(html: str | Path, pdf: str | Path, chromium: str | Path | None = None, timeout: float = 120) -> Path:
    """Print ``html`` to ``pdf`` with headless Chromium; returns ``pdf``.

    Raises :class:`FileNotFoundError` when no Chromium is found and :class:`PdfError`
    when Chromium fails, times out or writes no PDF (with the end of its output).
    Chromium runs with a throw-away profile folder, removed afterwards.
    """
    chromium = Path(chromium) if chromium else find_chromium()
    if chromium is None:
        raise FileNotFoundError(f"Chromium not found; {INSTALL_HINT}")
    pdf = Path(pdf)
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="news-kit-chromium-") as profile:
        cmd = chromium_command(chromium, html, pdf, profile)
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                env=dict(os.environ, HOME=profile),
            )
        except subprocess.TimeoutExpired as exc:
            raise PdfError(f"Chromium did not finish printing {html} within {timeout:.0f} s") from exc
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        tail = "\n".join((proc.stderr or "").strip().splitlines()[-5:])
        raise PdfError(f"Chromium wrote no PDF for {html} (exit code {proc.returncode}): {tail}")
    pdf.write_bytes(normalise_pdf_dates(pdf.read_bytes()))
    return pdf
