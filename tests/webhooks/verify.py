"""Verifies webhook deliveries with the PyPI `standardwebhooks` package, independently of
Coffre's own signing code. Reads a JSON list of {"secret", "headers", "body"} on stdin; prints
one line per delivery and exits 1 if any signature does not verify."""

import json
import sys

from standardwebhooks import Webhook


def main() -> int:
    failures = 0
    for i, item in enumerate(json.load(sys.stdin)):
        try:
            Webhook(item["secret"]).verify(item["body"], item["headers"])
            print(f"{i}: ok")
        except Exception as e:  # noqa: BLE001 - report every failure
            failures += 1
            print(f"{i}: FAILED {type(e).__name__}: {e}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
