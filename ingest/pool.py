"""Extraction over all cores: a pool of long-lived worker processes, each source still under its time and memory limits.

A fork per source (ingest/guard.py) costs little next to one extraction, but it runs one source at a time. The pool
forks ``workers`` processes once, after the knowledge base is loaded and warmed up, so each inherits it ready
(copy-on-write) and never loads it again. The parent hands each idle worker one source at a time and keeps the
results in the order the sources came, so what is written, and in which order, is what a serial run writes.

The limits hold per source, as in guard.py: a worker runs under an address-space cap (what it inherited plus
``memory_limit``); a worker still busy with one source at its deadline is killed, the source recorded as failed
("timeout: ...") and a fresh worker forked in its place; a worker that dies (a signal, an exit) costs only its
source ("the extraction worker died (...)") and is replaced too; after a MemoryError a worker reports "too large"
and retires, since its heap may be left fragmented. Workers never touch the database and leave with ``os._exit``
(multiprocessing's fork start), so the parent's connections are not closed under them.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Iterable, Iterator

from .guard import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, _limit_memory, die_with_parent, outcome_of
from .knowledge import KnowledgeBase
from .pipeline import extract_document

# The knowledge base the workers inherit at fork: set by the pool just before it forks, never pickled.
_KNOWLEDGE: KnowledgeBase | None = None


@dataclass(frozen=True)
class Request:
    """What a worker needs to extract one source (the raw bytes stay in the parent)."""

    location: str
    content: str
    content_type: str
    published: Any = None
    publisher: str | None = None


@dataclass
class _Entry:
    item: Any
    request: Request | None
    done: bool = False
    document: Any = None
    error: str = ""


@dataclass
class _Worker:
    process: multiprocessing.Process
    connection: Connection
    entry: _Entry | None = None
    deadline: float = 0.0


def _serve(connection: Connection, memory_limit: int, parent_ends: list[Connection]) -> None:
    """A worker's life: extract each request it is sent and send back ("document", doc) or ("failed", reason).
    It closes the parent's ends of the pipes it inherited (so it sees the end of its own when the parent goes) and
    dies with the parent."""
    for end in parent_ends:
        end.close()
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C is the parent's to handle; it stops the workers
    _limit_memory(memory_limit)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        started = time.monotonic()
        outcome = outcome_of(lambda: extract_document(
            request.location, request.content, _KNOWLEDGE, content_type=request.content_type,
            published=request.published, publisher=request.publisher), memory_limit)
        connection.send((*outcome, time.monotonic() - started))
        if _retires(outcome):
            return


def _retires(outcome: tuple[str, object]) -> bool:
    """A worker that ran out of memory leaves after reporting it: its heap may be left fragmented."""
    return outcome[0] == "failed" and str(outcome[1]).startswith("too large")


class ExtractionPool:
    """``workers`` long-lived extraction processes; ``run`` yields each item's document or reason, in order."""

    def __init__(self, knowledge: KnowledgeBase, workers: int, *, time_limit: float = DEFAULT_TIME_LIMIT,
                 memory_limit: int = DEFAULT_MEMORY_LIMIT, window: int | None = None):
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.knowledge, self.size = knowledge, workers
        self.time_limit, self.memory_limit = time_limit, memory_limit
        # Sources read ahead of the one to be written next: enough to keep every worker busy, few enough that the
        # parent holds a bounded number of documents whatever the corpus size (memory stays flat).
        self.window = window or workers * 8
        self.workers: list[_Worker] = []
        self.replaced = 0

    def __enter__(self) -> ExtractionPool:
        global _KNOWLEDGE
        _KNOWLEDGE = self.knowledge
        self.workers = []
        for _ in range(self.size):
            self.workers.append(self._start())
        return self

    def __exit__(self, *exc) -> None:
        for worker in self.workers:
            worker.connection.close()
        for worker in self.workers:
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self.workers = []

    def _start(self) -> _Worker:
        parent_end, child_end = multiprocessing.Pipe()
        parent_ends = [parent_end, *(worker.connection for worker in self.workers)]
        process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(child_end, self.memory_limit, parent_ends), daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def _replace(self, worker: _Worker) -> None:
        worker.connection.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        self.workers[self.workers.index(worker)] = self._start()
        self.replaced += 1

    def run(self, items: Iterable[tuple[Any, Request | None]]) -> Iterator[tuple[Any, Any, str]]:
        """For each ``(item, request)``: ``(item, document, "")`` or ``(item, None, reason)``, in the items' order.
        An item without a request (nothing to extract) passes through as ``(item, None, "")``."""
        source = iter(items)
        pending: deque[_Entry] = deque()
        waiting: deque[_Entry] = deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                try:
                    item, request = next(source)
                except StopIteration:
                    exhausted = True
                    break
                entry = _Entry(item, request, done=request is None)
                pending.append(entry)
                if request is not None:
                    waiting.append(entry)
            while pending and pending[0].done:
                entry = pending.popleft()
                yield entry.item, entry.document, entry.error
            if not pending:
                if exhausted:
                    return
                continue
            for worker in self.workers:
                if worker.entry is None and waiting:
                    entry = waiting.popleft()
                    worker.entry, worker.deadline = entry, time.monotonic() + self.time_limit
                    try:
                        worker.connection.send(entry.request)
                    except OSError:          # it died while idle: its source goes to the worker replacing it
                        worker.entry = None
                        waiting.appendleft(entry)
                        self._death(worker)
            self._collect()

    def _collect(self) -> None:
        """Wait for a worker to finish, die or pass its deadline, and settle its source."""
        busy = [worker for worker in self.workers if worker.entry is not None]
        if not busy:
            return
        timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
        ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout))
        now = time.monotonic()
        for worker in busy:
            entry = worker.entry
            if worker.connection in ready:
                try:
                    outcome, value, seconds = worker.connection.recv()
                except (EOFError, OSError):
                    outcome, value = "failed", self._death(worker)
                else:
                    worker.entry = None
                    if _retires((outcome, value)):
                        self._replace(worker)
                    elif seconds >= self.time_limit:
                        # it ran past the limit (the serial guard would have killed it), though the wait saw it
                        # finish; a result merely read late, while the caller was writing, is on time
                        outcome, value = "failed", f"timeout: extraction ran past the {self.time_limit:g} s limit"
            elif worker.process.sentinel in ready:
                outcome, value = "failed", self._death(worker)
            elif now >= worker.deadline:
                outcome, value = "failed", f"timeout: extraction ran past the {self.time_limit:g} s limit"
                self._replace(worker)
            else:
                continue
            entry.done = True
            if outcome == "document":
                entry.document = value
            else:
                entry.error = value

    def _death(self, worker: _Worker) -> str:
        worker.process.join(timeout=5)
        if worker.process.is_alive():     # its pipe broke but it lingers: it is of no more use
            worker.process.kill()
            worker.process.join()
        code = worker.process.exitcode
        cause = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        self._replace(worker)
        return f"the extraction worker died ({cause})"


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
