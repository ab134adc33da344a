"""Whole numbers from request parameters, where a form field would be too much."""

DATABASE_INT_MAX = 2_147_483_647  # the largest id or number a 32-bit integer column holds


def parse_id(value):
    """A database id from text, or None: ASCII digits only (``"²".isdigit()`` is true, and
    int() takes "٦"), no larger than the column holds."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= DATABASE_INT_MAX else None
