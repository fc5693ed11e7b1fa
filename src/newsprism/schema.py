"""JSON Schema of the article JSON form, generated from the data model."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from .model import SCHEMA_VERSION, Article

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    bytes: {"type": "string"},
    type(None): {"type": "null"},
}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, defs) for arg in args]}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin in (dict, typing.Mapping) or hint is typing.Mapping:
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _record_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    return {}


def _record_schema(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {f.name: _type_schema(hints[f.name], defs) for f in dataclasses.fields(cls)}
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    doc = (cls.__doc__ or "").strip().splitlines()
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    if doc:
        schema["description"] = doc[0]
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`newsprism.model.article_to_json` output."""
    defs: dict[str, Any] = {}
    root = _record_schema(Article, defs)
    root["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://newsprism.dev/schema/article-{SCHEMA_VERSION}.json",
        "title": "newsprism article",
        **root,
        "$defs": defs,
    }
