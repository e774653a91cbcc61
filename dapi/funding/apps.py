from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "dapi.funding"
    label = "funding"
    verbose_name = "Funding ledger"
