from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "dapi.cases"
    label = "cases"
    verbose_name = "People, referrals, cases, risk and forums"
