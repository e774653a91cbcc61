from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "dapi.decisions"
    label = "decisions"
    verbose_name = "Decisions, meetings and evaluations"
