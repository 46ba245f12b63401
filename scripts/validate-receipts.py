"""Validates every consent receipt the HTTP tests saw (written by server/tests/api/helpers.rs
into CONSENTRY_RECEIPTS_DIR) against Consentry's receipt schema and the schema of Kantara
CR 1.1, with jsonschema (Draft 2020-12). Fails when there are none, when one is invalid, or
when the schemas would accept a receipt without its controller's e-mail address (so a
schema that checks nothing cannot pass).

Usage: python validate-receipts.py RECEIPTS_DIR
"""

import copy
import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"


def validators():
    registry = Registry()
    loaded = {}
    for name in ("consent-receipt.schema.json", "kantara-cr-1.1.schema.json"):
        schema = json.loads((SCHEMAS / name).read_text())
        Draft202012Validator.check_schema(schema)
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
        loaded[name] = schema
    return {
        name: Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        for name, schema in loaded.items()
    }


def main():
    directory = pathlib.Path(sys.argv[1])
    files = sorted(directory.glob("*.json")) if directory.is_dir() else []
    if not files:
        sys.exit(f"no receipts in {directory}: the tests produced none to validate")
    checks = validators()
    failed = 0
    for path in files:
        receipt = json.loads(path.read_text())
        for name, validator in checks.items():
            for error in validator.iter_errors(receipt):
                failed += 1
                where = "/".join(str(p) for p in error.absolute_path) or "(top)"
                print(f"{path.name}: {name}: {where}: {error.message}")
    # The schemas must refuse what CR 1.1 requires and a receipt lacks.
    broken = copy.deepcopy(json.loads(files[0].read_text()))
    del broken["piiControllers"][0]["email"]
    for name, validator in checks.items():
        if validator.is_valid(broken):
            failed += 1
            print(f"{name} accepts a receipt without the controller's e-mail address")
    if failed:
        sys.exit(f"{failed} schema violations in {len(files)} receipts")
    print(f"{len(files)} receipts valid against {', '.join(checks)}")


if __name__ == "__main__":
    main()
