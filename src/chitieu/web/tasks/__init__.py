"""Plan tasks (nhiệm vụ) and one-stop-shop (TTHC) statistics: the web app.

Owns the source documents a town issues with their task groups and tasks, the assignments of
tasks to wards with their progress reports and review, the TTHC figures of a unit per window
(form and file import) and the CCHC indicator values computed from them, the tasks dashboards,
the implementation report and the API router (``chitieu.web.tasks.api``). See docs/tasks.md.
"""
