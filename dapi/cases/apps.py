from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "dapi.cases"
    label = "cases"
    verbose_name = "People, referrals, cases, risk and forums"

    def ready(self):
        # Declares which organisation holds each person and case record to the audit log.
        from . import holdings  # noqa: F401
