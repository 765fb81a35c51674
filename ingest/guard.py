"""Extraction of one source under a time and a memory limit, in a forked worker process.

A deadline checked in the ingest's own process (``signal.setitimer``) only fires between Python bytecodes: lxml
parsing a 10 MB page or one long regular-expression match runs in C and would hold the whole ingest past it, and
nothing in-process bounds memory. A worker forked per source shares the loaded knowledge base copy-on-write (a fork
costs milliseconds, the extraction itself about ten), can be killed outright at its deadline, and runs under an
address-space limit, so a pathological source costs at most the limit and becomes a failed source with its reason.
The worker never touches the database: extraction is pure (ingest/pipeline.py), and it leaves with ``os._exit`` so
the parent's connections are not closed under it.
"""
from __future__ import annotations

import ctypes
import functools
import os
import pickle
import resource
import selectors
import signal
import time
from typing import Callable

from .document import ExtractedDocument
from .knowledge import KnowledgeBase
from .pipeline import ExtractionError, extract_document
from .sources import RawSource

DEFAULT_TIME_LIMIT = 30.0        # seconds of wall-clock time per source
DEFAULT_MEMORY_LIMIT = 1024      # megabytes the worker may allocate beyond what the ingest already holds


# A short report in each content type: extracting it once in the ingest's process builds the knowledge base's
# matchers and imports the HTML readers there, so each worker inherits them instead of building them again.
_WARM_UP = (
    ("text/plain", "SEOUL, March 4, 2021 -- South Korean Defense Minister Suh Wook met U.S. Defense Secretary Lloyd "
                   "Austin in Seoul on Thursday. \"We agreed to expand joint training,\" Suh said."),
    ("text/html", "<html><head><title>Ministers meet</title></head><body><article><p>BRUSSELS, Feb. 16, 2023 -- "
                  "German Defence Minister Boris Pistorius met his French counterpart in Brussels on Thursday."
                  "</p></article></body></html>"),
)


def warm_up(knowledge) -> None:
    """Prepare ``knowledge`` (and the extractor's lazily built parts) once, before the first worker is forked."""
    for content_type, content in _WARM_UP:
        extract_document(f"warm-up ({content_type})", content, knowledge, content_type=content_type)


class ExtractionFailed(Exception):
    """The source could not be extracted; the message is the reason recorded with it."""


def extract_source(raw: RawSource, knowledge: KnowledgeBase, *, published=None, publisher: str | None = None,
                   time_limit: float = DEFAULT_TIME_LIMIT, memory_limit: int = DEFAULT_MEMORY_LIMIT) -> ExtractedDocument:
    """The document a loaded source yields, extracted under the limits; ExtractionFailed with the reason to record
    when it yields none (the loader's own error included)."""
    if raw.error:
        raise ExtractionFailed(raw.error)
    return extract_guarded(functools.partial(extract_document, raw.location, raw.content, knowledge,
                                             content_type=raw.content_type, published=published or raw.published,
                                             publisher=publisher),
                           time_limit=time_limit, memory_limit=memory_limit)


def extract_guarded(extract: Callable[[], ExtractedDocument], *, time_limit: float = DEFAULT_TIME_LIMIT,
                    memory_limit: int = DEFAULT_MEMORY_LIMIT) -> ExtractedDocument:
    """``extract()`` run in a worker: its document, or ExtractionFailed with the reason ("timeout: ...",
    "too large: ...", or the error the extractor raised)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        _run_worker(extract, write_end, memory_limit)
    os.close(write_end)
    try:
        data, finished = _read_until(read_end, time.monotonic() + time_limit)
    finally:
        os.close(read_end)
    if not finished:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if not finished:
        raise ExtractionFailed(f"timeout: extraction ran past the {time_limit:g} s limit")
    if not data:
        cause = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit status {os.waitstatus_to_exitcode(status)}"
        raise ExtractionFailed(f"the extraction worker died ({cause})")
    outcome, value = pickle.loads(data)
    if outcome == "document":
        return value
    raise ExtractionFailed(value)


def _run_worker(extract, write_end: int, memory_limit: int) -> None:
    try:
        die_with_parent()
        _limit_memory(memory_limit)
        payload = pickle.dumps(outcome_of(extract, memory_limit), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
    finally:
        os._exit(0)


def outcome_of(extract: Callable[[], ExtractedDocument], memory_limit: int) -> tuple[str, object]:
    """``("document", doc)``, or ``("failed", reason)``: what a worker sends back for one source."""
    try:
        return "document", extract()
    except MemoryError:
        return "failed", f"too large: extraction needed more than {memory_limit} MB"
    except ExtractionError as exc:
        return "failed", str(exc)
    except Exception as exc:  # an extractor bug on one source becomes that source's recorded reason
        return "failed", f"extractor error: {type(exc).__name__}: {exc}"[:500]


def die_with_parent() -> None:
    """Have the kernel kill this worker when the process that forked it dies (Linux's PR_SET_PDEATHSIG; elsewhere
    nothing): an ingest killed outright leaves no worker behind holding its files and database connections."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:      # the parent died before the request took effect
        os._exit(0)


PR_SET_PDEATHSIG = 1


def _limit_memory(megabytes: int) -> None:
    """Cap the worker's address space at what it inherited plus ``megabytes`` (on Linux, which says how much that
    is; elsewhere only the time limit holds)."""
    try:
        with open("/proc/self/statm") as statm:
            inherited = int(statm.read().split()[0]) * resource.getpagesize()
    except FileNotFoundError:
        return
    limit = inherited + megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_until(fd: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the worker writes, and whether it finished (closed its end) before ``deadline``."""
    chunks = []
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(left):
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
    return b"".join(chunks), False
