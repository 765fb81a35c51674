"""Ingest jobs on a task queue (procrastinate, its jobs kept in our PostgreSQL): any number of ``ingest_worker``
processes, on any number of machines, drain one backlog.

A job is one location: a file path (a path every worker can read), an http(s) address, or a feed (each of its
entries is a source). ``manage.py ingest --enqueue`` turns directories into one job per file, so the workers share
them. No source is ingested twice: a location waiting in the queue is not queued again (procrastinate's
queueing lock), a location is run by one worker at a time (its lock), and the writer itself finds a source by its
content hash under its advisory lock (ingest/writer.py). No job is lost: a job runs in one transaction per source,
so a worker killed mid-job leaves nothing half-written, and its job, left "doing" by a worker whose heartbeat
stopped, is put back in the queue by the other workers (``retry_stalled_jobs``), where a source already stored is
found and left unchanged. Feeds listed in settings.INGEST_FEEDS are queued every INGEST_FEED_MINUTES.
"""
from __future__ import annotations

import asyncio
import logging
import time
from datetime import date

from django.conf import settings
from django.db import close_old_connections, connection
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from ingest.guard import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, ExtractionFailed, extract_source, warm_up
from ingest.knowledge import KnowledgeBase
from ingest.snapshot import load_knowledge
from ingest.sources import load
from ingest.writer import find_source, is_current, record_original_url, write

QUEUE = "ingest"
KNOWLEDGE_SECONDS = 300     # a worker reads staff's additions to the knowledge base at least this often

logger = logging.getLogger(__name__)
_knowledge: tuple[float, KnowledgeBase] | None = None


def current_knowledge() -> KnowledgeBase:
    """The knowledge base, loaded and warmed up once per worker process and read again every KNOWLEDGE_SECONDS."""
    global _knowledge
    if _knowledge is None or time.monotonic() - _knowledge[0] > KNOWLEDGE_SECONDS:
        knowledge = load_knowledge()
        warm_up(knowledge)
        _knowledge = (time.monotonic(), knowledge)
    return _knowledge[1]


@app.task(name="ingest.location", queue=QUEUE, retry=RetryStrategy(max_attempts=3, wait=30))
def ingest_location(location: str, original_url: str = "", publisher: str | None = None,
                    published: str | None = None, force: bool = False) -> dict[str, int]:
    """Ingest every source at ``location`` as ``manage.py ingest`` does (each extracted under the time and memory
    limits, each written in its own transaction); how many were new, updated, unchanged or failed. A database
    error raises, and the job is tried again later."""
    close_old_connections()
    try:
        return _ingest(location, original_url, publisher, published, force)
    finally:
        connection.close()     # jobs run on a pool of threads, each with its own connection: none is left open


def _ingest(location: str, original_url: str, publisher: str | None, published: str | None,
            force: bool) -> dict[str, int]:
    knowledge = current_knowledge()
    tally = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    day = date.fromisoformat(published) if published else None
    for raw in load(location):
        raw.original_url = raw.original_url or original_url
        stored = None if force or raw.error else find_source(raw)
        if stored is not None and is_current(stored):
            record_original_url(stored, raw)
            tally["unchanged"] += 1
            continue
        document, error = None, raw.error
        if not error:
            try:
                document = extract_source(raw, knowledge, published=day, publisher=publisher,
                                          time_limit=DEFAULT_TIME_LIMIT, memory_limit=DEFAULT_MEMORY_LIMIT)
            except ExtractionFailed as exc:
                error = str(exc)
        result = write(raw, document, error)
        tally[result.status] += 1
        if error:
            logger.warning("failed: %s: %s", raw.location, error)
    return tally


def enqueue(location: str, **options) -> bool:
    """Queue one location; False when it is already waiting in the queue (queued once, ingested once)."""
    try:
        ingest_location.configure(lock=location, queueing_lock=location).defer(location=location, **options)
    except AlreadyEnqueued:
        return False
    return True


@app.periodic(cron=f"*/{settings.INGEST_FEED_MINUTES} * * * *")
@app.task(name="ingest.poll_feeds", queue=QUEUE, queueing_lock="ingest.poll_feeds")
def poll_feeds(timestamp: int) -> int:
    """Queue each feed of settings.INGEST_FEEDS (one not yet taken from the queue is not queued twice)."""
    return sum(enqueue(feed) for feed in settings.INGEST_FEEDS)


async def retry_stalled_jobs(stalled_after: float, every: float) -> None:
    """Until cancelled: put back in the queue each ingest job left "doing" by a worker that sent no heartbeat for
    ``stalled_after`` seconds (killed, or its machine gone). Every worker runs this; a job put back twice is
    harmless (the second finds it queued or done)."""
    while True:
        for job in await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after):
            logger.warning("job %s (%s) was left by a stalled worker: queued again", job.id, job.task_kwargs)
            await app.job_manager.retry_job(job)
        await asyncio.sleep(every)
