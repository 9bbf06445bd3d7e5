"""Log records as one JSON object per line (``LOG_FORMAT=json``), for journald, Loki or ELK.

The fields a request or job line carries (``extra=`` of the logging call) are kept as top-level
keys beside time, level, logger and message; an exception's traceback goes in ``exc``.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# attributes every LogRecord has: anything else on a record came from ``extra=``
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "process": record.process,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
