"""structlog JSON lines to stderr and to a rotating file, with the request id bound to every line.

Each line is built once, on the thread that logs it (where its request id is bound), and a writer thread
writes it to stderr and to the file: a request never waits on a write or a rotation. The writer drains
what is queued when the process exits; `flush_logs()` waits for it (tests call it before reading the file).
A crash (kill -9, os._exit) may lose the last few lines: the request log is not the audit, which commits
with the data.
"""

from __future__ import annotations

import atexit
import logging
import logging.handlers
import queue
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
    _stop_writer()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler(sys.stderr)
    rotating = logging.handlers.RotatingFileHandler(
        log_dir / "backend.log", maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    # The queue handler formats the line once (QueueHandler.prepare); the writers write that text as is.
    for writer in (stderr, rotating):
        writer.setFormatter(logging.Formatter("%(message)s"))
    lines: queue.Queue[logging.LogRecord] = queue.Queue()
    queued = logging.handlers.QueueHandler(lines)
    queued.setFormatter(formatter)
    _writer.append(logging.handlers.QueueListener(lines, stderr, rotating))
    _writer[0].start()
    root.addHandler(queued)
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


# The one writer thread, started by configure_logging; a new configuration drains and replaces it.
_writer: list[logging.handlers.QueueListener] = []


def flush_logs() -> None:
    """Waits until every line logged so far is written to stderr and the file."""
    if _writer:
        _writer[0].queue.join()  # type: ignore[attr-defined]


def _stop_writer() -> None:
    """Writes what is queued, then ends the writer thread (and closes nothing: the handlers are closed
    by their owner)."""
    while _writer:
        listener = _writer.pop()
        listener.stop()
        for handler in listener.handlers:
            handler.close()


# Before logging's own shutdown (atexit runs last registered first): the queued lines are written first.
atexit.register(_stop_writer)
