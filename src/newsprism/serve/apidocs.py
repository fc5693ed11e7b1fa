"""The browsable API page (``/docs``), drawn on the server from the app's OpenAPI document.

FastAPI's own docs pages load Swagger UI or ReDoc from a CDN and run inline
scripts; our Content-Security-Policy forbids both and the server must work
offline, and no installed package ships those assets. So the page lists each
route with its parameters and the fields of its response model, every type
linking to its schema, from ``app.openapi()``: plain HTML, no script.
"""

from __future__ import annotations

from typing import Any


def type_of(schema: dict[str, Any]) -> tuple[str, str | None]:
    """A schema's type as people read it, and the schema name it refers to (if any).

    >>> type_of({"type": "array", "items": {"$ref": "#/components/schemas/Hit"}})
    ('list of Hit', 'Hit')
    >>> type_of({"anyOf": [{"type": "string"}, {"type": "null"}]})
    ('string or null', None)
    """
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return name, name
    if "anyOf" in schema:
        parts = [type_of(s) for s in schema["anyOf"]]
        return " or ".join(p[0] for p in parts), next((p[1] for p in parts if p[1]), None)
    if "enum" in schema:
        return " | ".join(repr(v) for v in schema["enum"]), None
    kind = schema.get("type")
    if kind == "array":
        if "prefixItems" in schema:
            return "[" + ", ".join(type_of(s)[0] for s in schema["prefixItems"]) + "]", None
        inner, ref = type_of(schema.get("items", {}))
        return f"list of {inner}", ref
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        inner, ref = type_of(schema["additionalProperties"])
        return f"map of {inner}", ref
    return str(kind or "any"), None


def _fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema.get("properties", {}).items():
        text, ref = type_of(prop)
        out.append({"name": name, "type": text, "ref": ref, "required": name in required,
                    "description": prop.get("description") or prop.get("title") or ""})
    return out


def _operation(path: str, method: str, op: dict[str, Any]) -> dict[str, Any]:
    params = []
    for p in op.get("parameters", []):
        text, _ = type_of(p.get("schema", {}))
        params.append({"name": p.get("name"), "in": p.get("in"), "required": bool(p.get("required")),
                       "type": text, "description": p.get("description") or ""})
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    responses = []
    for status, answer in op.get("responses", {}).items():
        schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
        text, ref = type_of(schema) if schema else ("", None)
        responses.append({"status": status, "description": answer.get("description", ""), "type": text, "ref": ref})
    return {"path": path, "method": method.upper(), "summary": op.get("summary", ""),
            "description": op.get("description", ""), "params": params,
            "body": type_of(body) if body else None, "responses": responses,
            "anchor": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", "").replace(".", "-")}


def api_page(openapi: dict[str, Any]) -> dict[str, Any]:
    """What the API page draws: the routes and every schema they use."""
    operations = [_operation(path, method, op) for path, item in openapi.get("paths", {}).items()
                  for method, op in item.items() if isinstance(op, dict)]
    schemas = [{"name": name, "description": schema.get("description", ""), "fields": _fields(schema)}
               for name, schema in sorted(openapi.get("components", {}).get("schemas", {}).items())]
    info = openapi.get("info", {})
    return {"title": info.get("title", ""), "version": info.get("version", ""),
            "description": info.get("description", ""), "operations": operations, "schemas": schemas}
