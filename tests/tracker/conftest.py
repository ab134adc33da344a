from tests.letters.conftest import pdf_text  # noqa: F401 - the same pdftotext fixture
