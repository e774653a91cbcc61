from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dapi.accounts"
    label = "accounts"
    verbose_name = "Organisations, areas and users"

    def ready(self):
        from . import checks  # noqa: F401  (registers the settings checks)
