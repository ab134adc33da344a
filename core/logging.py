"""Log records as single-line JSON objects on stdout."""

import json
import logging
import re
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed in ``extra`` and is kept.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

# A calendar feed's address holds its only credential (calendar apps cannot sign in), so no
# log line keeps it: gunicorn's access log and Django's own lines both pass through here.
_CALENDAR_TOKEN = re.compile(r"(/calendar/)[^/\s\"'?#\\]+?(\.ics)?(?=[/\s\"'?#\\]|$)")


def mask_secrets(text):
    return _CALENDAR_TOKEN.sub(r"\1[hidden]\2", text)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return mask_secrets(json.dumps(entry, ensure_ascii=False))
