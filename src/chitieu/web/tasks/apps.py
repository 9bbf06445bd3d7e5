from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "chitieu.web.tasks"
    label = "plantasks"  # "tasks" would read as django-tasks' background jobs
    verbose_name = "Nhiệm vụ và thống kê TTHC"
    default_auto_field = "django.db.models.BigAutoField"
