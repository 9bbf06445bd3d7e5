"""DOCX → PDF with LibreOffice (``soffice --headless --convert-to pdf``), where it is installed.

Owns: finding ``soffice``, running it in a throwaway profile directory (so it neither reads nor
locks the user's LibreOffice profile, and runs beside an open LibreOffice), the time limit, and
the error that says what to install when it is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 180
INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"


class PdfConversionError(RuntimeError):
    """The PDF could not be made; the message says why and what to do, in Vietnamese and English."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: str | Path, pdf: str | Path, *, timeout: int = TIMEOUT_SECONDS) -> Path:
    """Convert ``docx`` to ``pdf``; raises ``PdfConversionError`` without leaving a partial file."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfConversionError(
            f"Không tìm thấy LibreOffice (soffice) để tạo PDF; cài đặt: {INSTALL_HINT} / "
            f"LibreOffice (soffice) is not installed; install it with: {INSTALL_HINT}"
        )
    docx, pdf = Path(docx), Path(pdf)
    with tempfile.TemporaryDirectory(prefix="chitieu-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        outdir = Path(tmp, "out")
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfConversionError(
                f"LibreOffice không chuyển xong sau {timeout} giây / LibreOffice did not finish within {timeout} s"
            ) from None
        made = outdir / (docx.stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            detail = (done.stderr or done.stdout or "").strip()[-500:]
            raise PdfConversionError(f"LibreOffice không tạo được PDF / LibreOffice failed: {detail}")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), pdf)
    return pdf
