"""The JSON Schema (draft 2020-12) of the JSON report contract, shipped inside the package."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "report.schema.json"


def schema_text() -> str:
    """The schema file exactly as shipped (what ``statediff schema`` prints)."""
    return files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The schema as a dict, ready for a validator such as ``jsonschema.Draft202012Validator``."""
    schema: dict[str, Any] = json.loads(schema_text())
    return schema
