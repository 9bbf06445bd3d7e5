"""gunicorn's configuration for chitieu (``gunicorn -c deploy/gunicorn.conf.py``).

Every value can be changed by an environment variable of the same service file, so the file itself
stays as shipped. Sync workers: a page's work is short and CPU-bound; what is long (reading an
uploaded report, the PDF) runs in the job worker, ``chitieu worker``.
"""

import multiprocessing
import os

wsgi_app = "chitieu.web.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# (2 × cores) + 1 is gunicorn's own advice for sync workers
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# a request taking longer than this is killed and logged (the PDF has its own, shorter, limit)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# a worker is replaced after this many requests (plus jitter, so they do not all restart at once):
# bounds the memory a long-running process can gather
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# uploads are limited by Django (DATA_UPLOAD_MAX_MEMORY_SIZE, the import form); headers here
limit_request_line = 8190
# the request log is chitieu's own (one line per request with duration and query count, JSON
# with LOG_FORMAT=json); gunicorn's access log would repeat it
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# the app is loaded in each worker after the fork: database connections and pools are never shared
preload_app = False
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "chitieu"
