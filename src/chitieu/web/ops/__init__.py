"""Running chitieu in production: the health endpoint, one log line per request, JSON logs and
error reporting. Nothing here changes what a page shows; it tells the operator how the site is."""
