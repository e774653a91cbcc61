from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "dapi.reports"
    label = "reports"
    verbose_name = "Reports, returns and open-data exports"
