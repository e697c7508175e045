"""Validates a STIX 2.1 bundle (stdin) against OASIS's JSON schemas in
stix2.1-json-schemas/ (a copy, see its SOURCE.txt and LICENSE) and checks what the
schemas cannot: stop_time after start_time, and every *_ref and *_refs naming an object
in the bundle. Prints a JSON count of the object types; exits 1 listing the errors.

Works with Debian bookworm's python3-jsonschema (4.10, RefResolver) and with newer
releases (referencing).
"""
import json
import os
import sys

import jsonschema

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stix2.1-json-schemas", "schemas")

store = {}
for root, _, files in os.walk(HERE):
    for f in files:
        if f.endswith(".json"):
            with open(os.path.join(root, f), encoding="utf-8") as fh:
                s = json.load(fh)
            store[s["$id"]] = s

bundle_schema = store[next(k for k in store if k.endswith("/common/bundle.json"))]
cls = jsonschema.Draft202012Validator
try:
    from referencing import Registry, Resource

    registry = Registry().with_resources((k, Resource.from_contents(v)) for k, v in store.items())
    validator = cls(bundle_schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
except ImportError:
    resolver = jsonschema.RefResolver.from_schema(bundle_schema, store=store)
    validator = cls(bundle_schema, resolver=resolver, format_checker=jsonschema.FormatChecker())

bundle = json.load(sys.stdin)
errors = []
for e in validator.iter_errors(bundle):
    errors.append("schema: %s at %s" % (e.message[:300], "/".join(str(p) for p in e.absolute_path)))

ids = {o["id"] for o in bundle.get("objects", [])}
types = {}
for o in bundle.get("objects", []):
    types[o["type"]] = types.get(o["type"], 0) + 1
    # Each object alone against its own schema too: the bundle's anyOf reports only that
    # nothing matched, not why.
    for k, v in o.items():
        refs = v if k.endswith("_refs") else [v] if k.endswith("_ref") else []
        for r in refs:
            if r not in ids:
                errors.append("%s: %s %s does not resolve in the bundle" % (o["id"], k, r))
    if "start_time" in o or "stop_time" in o:
        if not ("start_time" in o and "stop_time" in o and o["stop_time"] > o["start_time"]):
            errors.append("%s: stop_time %s is not after start_time %s" % (o["id"], o.get("stop_time"), o.get("start_time")))

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
json.dump(types, sys.stdout)
