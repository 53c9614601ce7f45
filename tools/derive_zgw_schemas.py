"""Derive the JSON schemas of tests/contract/schemas/zgw/ from the ZGW APIs' OpenAPI documents.

    python tools/derive_zgw_schemas.py ZRC.yaml DRC.yaml NRC.yaml OUT_DIR

(zaken-api, documenten-api and notificaties-api `src/openapi.yaml` at the commits named in
OUT_DIR/index.json). `$ref`s are resolved; OpenAPI's `nullable` becomes a null type; request
schemas drop `readOnly` properties (and their `required` entries), as a client sends them.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import yaml

REQUESTS = {"zrc": {"zaak": "Zaak", "status": "Status", "rol": "natuurlijk_persoon_Rol",
                    "zaakobject_adres": "adres_ZaakObject",
                    "zaakobject_overige": "overige_ZaakObject",
                    "zaakinformatieobject": "ZaakInformatieObject"},
            "drc": {"enkelvoudiginformatieobject": "EnkelvoudigInformatieObject"},
            "nrc": {"abonnement": "Abonnement"}}
ANSWERS = {"zrc": {"fout": "Fout", "validatiefout": "ValidatieFout"}}


def resolve(node, schemas, request):
    if isinstance(node, list):
        return [resolve(item, schemas, request) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return resolve(copy.deepcopy(schemas[node["$ref"].rsplit("/", 1)[1]]), schemas, request)
    node = {k: resolve(v, schemas, request) for k, v in node.items()
            if k not in ("description", "title", "example", "discriminator")}
    if request and isinstance(node.get("properties"), dict):
        read_only = {k for k, v in node["properties"].items()
                     if v.get("readOnly") or any(x.get("readOnly") for x in v.get("anyOf", []))}
        node["properties"] = {k: v for k, v in node["properties"].items() if k not in read_only}
        if "required" in node:
            node["required"] = [k for k in node["required"] if k not in read_only]
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


def main(zrc: str, drc: str, nrc: str, out: str) -> None:
    documents = {"zrc": zrc, "drc": drc, "nrc": nrc}
    for key, path in documents.items():
        schemas = yaml.safe_load(Path(path).read_text())["components"]["schemas"]
        for kind, table in (("request", REQUESTS), ("answer", ANSWERS)):
            for name, schema in table.get(key, {}).items():
                derived = resolve(copy.deepcopy(schemas[schema]), schemas, kind == "request")
                derived["$schema"] = "http://json-schema.org/draft-07/schema#"
                Path(out, f"{key}_{name}.{kind}.json").write_text(
                    json.dumps(derived, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:5])
