from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "chitieu.web.rules"
    label = "rules"
