"""Background jobs beyond what django-tasks ships: a Redis-backed task backend and its worker
(``redis_backend``), for installations whose database should not also be the job queue."""
