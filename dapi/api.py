"""The JSON API: one NinjaAPI; each app contributes its router from its own api.py."""

from ninja import NinjaAPI

api = NinjaAPI(title="dapi", version="1", urls_namespace="api")
