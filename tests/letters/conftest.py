import os
import shutil
import subprocess
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "letters"


@pytest.fixture
def pdf_text():
    """pdftotext (poppler-utils), in reading order. CI installs it; elsewhere its absence skips."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: .ci/run installs poppler-utils")
        pytest.skip("install poppler-utils for the PDF tests (apt-get install poppler-utils)")

    def extract(pdf_bytes, tmp_path):
        path = tmp_path / "letter.pdf"
        path.write_bytes(pdf_bytes)
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout

    return extract


def save_page_images(pdf_bytes, name, tmp_path):
    """Page images for a reviewer, in artifacts/letters/ (git-ignored)."""
    if shutil.which("pdftoppm") is None:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(path), str(ARTIFACTS / name)], check=True)
