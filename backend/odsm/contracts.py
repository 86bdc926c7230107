"""`make contracts`: the backend's routes and schemas become the IPC contract.

Writes into a directory:
- openapi.json   from create_app(...).openapi(), no server running;
- channels.json  one entry per `db:*` channel: method, path, parameters, whether it is idempotent or
                 takes an Idempotency-Key, and self-contained JSON schemas of its payload and result;
- channels.ts    the TypeScript channel map, in terms of the types openapi-typescript generates
                 from openapi.json into openapi.d.ts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from odsm.app import SECRET_BEARING_PATHS, create_app
from odsm.core.config import Settings

IDEMPOTENT_METHODS = {"GET", "HEAD", "PUT", "DELETE"}
KEYED_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
SUCCESS = ("200", "201", "202", "204")

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["code", "message", "requestId"],
    "properties": {
        "code": {"type": "string"},
        "message": {"type": "string"},
        "details": {},
        "requestId": {"type": "string"},
    },
    "additionalProperties": False,
}


def openapi_document() -> dict[str, Any]:
    app = create_app(Settings(data_dir=Path("unused"), api_secret=SecretStr("contracts")))
    return app.openapi()


def _refs_in(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            found |= _refs_in(value)
    elif isinstance(node, list):
        for value in node:
            found |= _refs_in(value)
    return found


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (v.replace("#/components/schemas/", "#/$defs/") if k == "$ref" else _rewrite_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def _self_contained(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    needed: set[str] = set()
    todo = _refs_in(schema)
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo |= _refs_in(components[name])
    out = _rewrite_refs(schema)
    if needed:
        out["$defs"] = {name: _rewrite_refs(components[name]) for name in sorted(needed)}
    return dict(out)


def _operation_channels(doc: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    found = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            name = op.get("x-channel")
            if name:
                found.append((name, method.upper(), path, op))
    names = [f[0] for f in found]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"channel names used twice: {sorted(duplicates)}")
    return sorted(found)


def build_manifest(doc: dict[str, Any]) -> dict[str, Any]:
    components = doc.get("components", {}).get("schemas", {})
    channels: dict[str, Any] = {}
    for name, method, path, op in _operation_channels(doc):
        params = op.get("parameters", [])
        props: dict[str, Any] = {}
        required: list[str] = []
        for p in params:
            props[p["name"]] = p["schema"]
            if p.get("required"):
                required.append(p["name"])
        body = op.get("requestBody")
        if body:
            props["body"] = body["content"]["application/json"]["schema"]
            if body.get("required"):
                required.append("body")
        request: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        if required:
            request["required"] = required
        status = next(s for s in SUCCESS if s in op["responses"])
        dry_run = bool(op.get("x-dry-run"))
        content = op["responses"][status].get("content", {}).get("application/json", {})
        channels[name] = {
            "method": method,
            "path": path,
            "operationId": op["operationId"],
            "successStatus": int(status),
            "pathParams": [p["name"] for p in params if p["in"] == "path"],
            "queryParams": [p["name"] for p in params if p["in"] == "query"],
            "hasBody": bool(body),
            # A dry run (`x-dry-run`) writes nothing: retried as a GET is, and with no key to store.
            "idempotent": method in IDEMPOTENT_METHODS or dry_run,
            # A write carrying a secret gets no key: the backend keeps nothing of it (SECRET_BEARING_PATHS).
            "idempotencyKey": method in KEYED_METHODS and not path.startswith(SECRET_BEARING_PATHS) and not dry_run,
            "request": _self_contained(request, components),
            "response": _self_contained(content.get("schema", {}), components),
        }
    return {
        "$comment": "Generated by `make contracts` from the backend. Do not edit.",
        "version": doc["info"]["version"],
        "errorSchema": ERROR_SCHEMA,
        "channels": channels,
    }


def _ts_request(entry: dict[str, Any]) -> str:
    op = f'operations["{entry["operationId"]}"]'
    parts = []
    if entry["pathParams"]:
        parts.append(f'{op}["parameters"]["path"]')
    if entry["queryParams"]:
        parts.append(f'NonNullable<{op}["parameters"]["query"]>')
    if entry["hasBody"]:
        parts.append(f'{{ body: {op}["requestBody"]["content"]["application/json"] }}')
    return " & ".join(parts) if parts else "Record<string, never>"


def _ts_optional(entry: dict[str, Any]) -> bool:
    return not entry["request"].get("required")


def build_typescript(manifest: dict[str, Any]) -> str:
    lines = [
        "// Generated by `make contracts` from the backend. Do not edit.",
        'import type { operations } from "./openapi";',
        "",
        "export interface Channels {",
    ]
    for name, entry in manifest["channels"].items():
        op = f'operations["{entry["operationId"]}"]'
        status = entry["successStatus"]
        response = "void" if status == 204 else f'{op}["responses"]["{status}"]["content"]["application/json"]'
        lines += [
            f'  "{name}": {{',
            f"    request: {_ts_request(entry)};",
            f"    optionalRequest: {'true' if _ts_optional(entry) else 'false'};",
            f"    response: {response};",
            "  };",
        ]
    lines += [
        "}",
        "",
        "export type ChannelName = keyof Channels;",
        'export type ChannelRequest<C extends ChannelName> = Channels[C]["request"];',
        'export type ChannelResponse<C extends ChannelName> = Channels[C]["response"];',
        "",
        "export const channelNames = [",
        *[f'  "{name}",' for name in manifest["channels"]],
        "] as const satisfies readonly ChannelName[];",
        "",
        "export interface IpcError {",
        "  code: string;",
        "  message: string;",
        "  details?: unknown;",
        "  requestId: string;",
        "}",
        "",
        "export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };",
        "",
    ]
    return "\n".join(lines)


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = openapi_document()
    manifest = build_manifest(doc)
    files = {
        "openapi.json": json.dumps(doc, indent=2, sort_keys=True) + "\n",
        "channels.json": json.dumps(manifest, indent=2) + "\n",
        "channels.ts": build_typescript(manifest),
    }
    written = []
    for name, text in files.items():
        target = out_dir / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("shared-contracts"))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for path in write_all(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
