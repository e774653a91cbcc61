"""Validate exports against the published schemas copied into tests/schemas (no network)."""

import json
from pathlib import Path

from jsonschema import Draft4Validator, Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

SCHEMAS = Path(__file__).parent / "schemas"


def _load(name):
    return json.loads((SCHEMAS / name).read_text())


def giving360_errors(data) -> list[str]:
    grant = _load("360-giving-schema.json")
    package = _load("360-giving-package-schema.json")
    resource = Resource.from_contents(grant, default_specification=DRAFT202012)

    def retrieve(uri):
        # The package refers to the grant schema by a URL whose patch version differs from its $id.
        if uri.endswith("/360-giving-schema.json"):
            return resource
        raise LookupError(f"no local copy of {uri}")

    registry = Registry(retrieve=retrieve).with_resource(grant["$id"], resource)
    validator = Draft202012Validator(package, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def ocds_errors(data) -> list[str]:
    release = _load("ocds-1.1-release-schema.json")
    package = _load("ocds-1.1-release-package-schema.json")
    resource = Resource.from_contents(release, default_specification=DRAFT4)
    registry = Registry().with_resource(release["id"], resource)
    validator = Draft4Validator(package, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
