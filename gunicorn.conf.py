"""gunicorn settings for the web container, `make serve` and CI: `gunicorn -c gunicorn.conf.py config.wsgi`.

GUNICORN_BIND      address to listen on (default 0.0.0.0:8000)
WEB_CONCURRENCY    worker processes (default 2 per CPU this process may run on, plus 1)
GUNICORN_TIMEOUT   seconds a worker may spend on one request before it is restarted (default 30)
FORWARDED_ALLOW_IPS  read by gunicorn itself: the proxies whose X-Forwarded-* headers are trusted
"""
import os


def usable_cpus():
    """The CPUs this process may run on (a container's cpuset), not every CPU of the host."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS has no sched_getaffinity
        return os.cpu_count() or 1


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * usable_cpus() + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (the jitter keeps them from all restarting at once).
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"  # the heartbeat file on memory, not on a container's overlay disk
