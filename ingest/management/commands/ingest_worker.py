"""python manage.py ingest_worker [--heartbeat SECONDS] [--stalled-after SECONDS] [--until-empty]

Takes ingest jobs off the queue (ingest/tasks.py) one at a time until stopped (SIGINT or SIGTERM finishes the job
in hand first). Run as many as there are cores, on as many machines as wanted, all on one database."""
import asyncio
import os
import socket

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run an ingest worker: it ingests the sources queued with `manage.py ingest --enqueue` (PostgreSQL only)."

    def add_arguments(self, parser):
        parser.add_argument("--heartbeat", type=float, default=10.0, metavar="SECONDS",
                            help="how often the worker tells the database it is alive (default 10)")
        parser.add_argument("--stalled-after", type=float, default=30.0, metavar="SECONDS",
                            help="a worker silent this long is taken for dead and its job is queued again "
                                 "(default 30; keep it a few heartbeats long)")
        parser.add_argument("--until-empty", action="store_true",
                            help="stop once the queue is empty instead of waiting for more jobs")

    def handle(self, *args, heartbeat, stalled_after, until_empty, **options):
        if not settings.TASK_QUEUE:
            raise CommandError("the ingest queue needs PostgreSQL (set DATABASE_URL); on SQLite use `manage.py ingest`")
        if heartbeat <= 0 or stalled_after <= heartbeat:
            raise CommandError("--heartbeat must be positive and --stalled-after longer than it")
        from procrastinate.contrib.django import app

        from ingest.tasks import QUEUE, retry_stalled_jobs

        async def work(worker_app):
            async with worker_app.open_async():
                sweeper = asyncio.create_task(retry_stalled_jobs(stalled_after, every=heartbeat))
                try:
                    await worker_app.run_worker_async(
                        queues=[QUEUE], wait=not until_empty, concurrency=1,
                        name=f"ingest@{socket.gethostname()}:{os.getpid()}",
                        update_heartbeat_interval=heartbeat, stalled_worker_timeout=stalled_after)
                finally:
                    sweeper.cancel()

        with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
            asyncio.run(work(worker_app))
