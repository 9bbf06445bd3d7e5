"""Reading and extracting one document in a child process with a time and a memory limit.

Owns ``read_and_extract(path)``: ``read_document`` + ``extract`` run in a child Python process
(``python -m chitieu.extract.guarded``; a fresh interpreter imports only the extractor, ~0,1 s,
and is independent of whatever server or command started it). The child caps its own address
space with ``RLIMIT_AS`` before reading and sends back the pickled ``Document`` and statements;
the parent kills it when the wall-time limit passes. Every way the child can fail comes back as
an ``ExtractionError``: the reader's own error as it was raised, a timeout or exhausted memory as
"tài liệu quá lớn hoặc quá phức tạp để đọc trong N giây", anything else as a damaged document.

The limits default to ``DEFAULT_TIMEOUT`` seconds and ``DEFAULT_MEMORY`` bytes; the environment
variables ``CHITIEU_EXTRACT_TIMEOUT`` (seconds) and ``CHITIEU_EXTRACT_MEMORY_MB`` change them,
and callers may pass their own. Pure Python; no Django (the web layer's ``imports.reading``
calls this).
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
from pathlib import Path

from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.extractor import Statement

DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY = 1536 * 2**20


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise ValueError(f"{name}={raw!r} must be positive")
    return value


def default_timeout() -> float:
    return _env_number("CHITIEU_EXTRACT_TIMEOUT", DEFAULT_TIMEOUT)


def default_memory() -> int:
    return int(_env_number("CHITIEU_EXTRACT_MEMORY_MB", DEFAULT_MEMORY / 2**20) * 2**20)


def _limit_memory(memory: int) -> None:
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        pass  # a platform without RLIMIT_AS: the time limit still holds


def _work(path: str) -> tuple:
    """Read and extract; one tagged tuple whatever happens."""
    try:
        from chitieu.extract import extract, read_document

        document = read_document(path)
        return ("ok", document, extract(document))
    except ExtractionError as exc:
        return ("extraction", exc.path, exc.vi, exc.en)
    except MemoryError:
        return ("memory",)
    except RecursionError:
        return ("complex",)
    except Exception as exc:  # a bug in a reader or the extractor: a refusal, not a crash of the caller
        return ("error", type(exc).__name__, str(exc)[:300])


def main(argv: list[str] | None = None) -> int:
    """The child: ``python -m chitieu.extract.guarded PATH MEMORY_BYTES``; the pickle on stdout."""
    path, memory = (argv if argv is not None else sys.argv[1:])[:2]
    _limit_memory(int(memory))
    message = _work(path)
    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory",))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def too_complex(name: str, timeout: float) -> ExtractionError:
    seconds = f"{timeout:g}"
    return ExtractionError(
        name,
        f"tài liệu quá lớn hoặc quá phức tạp để đọc trong {seconds} giây",
        f"the document is too large or too complex to read within {seconds} seconds",
    )


def read_and_extract(
    path: str | Path, *, timeout: float | None = None, memory: int | None = None, name: str | None = None
) -> tuple[Document, list[Statement]]:
    """``read_document(path)`` and ``extract`` in a child process limited to ``timeout`` seconds
    and ``memory`` bytes of address space. Raises ``ExtractionError`` (also on a timeout or when
    the memory runs out); ``name`` is what messages call the document (default: the path)."""
    timeout = default_timeout() if timeout is None else timeout
    memory = default_memory() if memory is None else memory
    shown = name or str(path)
    process = subprocess.Popen(
        [sys.executable, "-m", "chitieu.extract.guarded", str(path), str(int(memory))],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise too_complex(shown, timeout) from None
    try:
        message = pickle.loads(out) if out else ("died",)
    except Exception:  # a child killed while writing (out of memory in C code, a signal)
        message = ("died",)
    kind = message[0]
    if kind == "ok":
        return message[1], message[2]
    if kind == "extraction":
        raise ExtractionError(message[1], message[2], message[3])
    if kind in ("memory", "died", "complex"):
        mb = memory // 2**20
        exc = too_complex(shown, timeout)
        raise ExtractionError(
            shown,
            f"{exc.vi} (hoặc cần hơn {mb} MB bộ nhớ)",
            f"{exc.en} (or needs more than {mb} MB of memory)",
        )
    raise ExtractionError(
        shown,
        f"không đọc được tài liệu: tệp bị hỏng hoặc có cấu trúc lạ ({message[1]})",
        f"cannot read the document: the file is damaged or has an unusual structure ({message[1]}: {message[2]})",
    )


if __name__ == "__main__":
    raise SystemExit(main())
