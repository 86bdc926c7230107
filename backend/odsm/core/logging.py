"""structlog JSON lines to stderr and to a rotating file, with the request id bound to every line."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

import structlog

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def configure_logging(log_dir: Path, level: str = "info") -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
    )
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(formatter)
    rotating = logging.handlers.RotatingFileHandler(
        log_dir / "backend.log", maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    rotating.setFormatter(formatter)
    root.addHandler(stderr)
    root.addHandler(rotating)
    root.setLevel(_LEVELS[level])
    # A log line that cannot be written (a full disk) must not print a traceback among the lines the
    # supervisor reads; the failure that matters surfaces where the database meets it.
    logging.raiseExceptions = False
    # uvicorn's access log duplicates our request.done line; its error log is kept.
    logging.getLogger("uvicorn.access").disabled = True
    for noisy in ("httpx", "httpcore", "asyncio", "watchfiles", "multipart"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    structlog.configure(
        # filter_by_level first: a line below the level costs one check, not the whole chain.
        processors=[structlog.stdlib.filter_by_level, *shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
