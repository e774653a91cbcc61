from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dapi.audit"
    label = "audit"
    verbose_name = "Audit"
