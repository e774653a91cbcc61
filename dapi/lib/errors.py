"""Errors every app's services raise and every adapter (page, API, command) turns into an answer."""


class ConflictError(Exception):
    """Someone else saved the record after this edit started (the page shows it above the form;
    the API answers 409)."""
