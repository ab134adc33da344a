"""Reading findings out of a published inspection report. See parser.py for the rules."""

from .bodies import BodyDirectory
from .parser import parse


def extract_text(text, directory=None):
    """The Extraction of a report's text, matched against the reference data's bodies."""
    return parse(text, directory or BodyDirectory.from_database())
