from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "dapi.reminders"
    label = "reminders"
    verbose_name = "Reminders"
