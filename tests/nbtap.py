# nbtap.py — a few lines of TAP for the Python tests of the export suite.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=None):
        self.n += 1
        if cond:
            print(f"ok {self.n} - {name}")
        else:
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            if detail is not None:
                for line in str(detail).splitlines() or [""]:
                    print(f"# {line}")
        sys.stdout.flush()
        return cond

    def eq(self, got, want, name):
        return self.ok(got == want, name, f"got {got!r}, want {want!r}")

    def done(self):
        print(f"1..{self.n}")
        sys.exit(1 if self.failed else 0)


def cli(*args):
    """Runs nianbao-cli; returns (exit code, stdout, stderr)."""
    p = subprocess.run([os.environ["NB_CLI"], *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def workdir():
    return tempfile.TemporaryDirectory(prefix="nb-export-")


def schema_validator(schema, store):
    """A 2020-12 validator resolving the export schema's reference to the document schema,
    with the jsonschema of Debian 12 (4.10, RefResolver) or a newer one (referencing)."""
    import jsonschema  # Debian: python3-jsonschema
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    try:
        from referencing import Registry, Resource
    except ImportError:
        return cls(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))
    registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in store.items())
    return cls(schema, registry=registry)
