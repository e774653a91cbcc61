from django.apps import AppConfig


class DapiConfig(AppConfig):
    """The project package itself: base templates and project-wide commands (demo, serve)."""

    name = "dapi"
    label = "dapi"
