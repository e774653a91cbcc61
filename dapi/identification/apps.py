from django.apps import AppConfig


class IdentificationConfig(AppConfig):
    name = "dapi.identification"
    label = "identification"
    verbose_name = "Perpetrator identification (RFGV)"
