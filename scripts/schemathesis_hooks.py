"""Schemathesis hooks for scripts/check-openapi: test data, not relaxed checks.

Two rules of the API relate a request's values to each other or to stored data, which no JSON
Schema can state; the generated bodies follow them so that requests reach the handlers' logic.
Both refusals are covered by the API suite instead.
- A folder id in a body (`idFolderParent`, `idFolder`) names a folder of the same year; a random
  one is answered 404, which a stateful run reads as "the year just created is gone". Generated
  bodies use the top level (null). Tests: tests/api/folders.rs, tests/api/files.rs.
- A fiscal year ends after it starts: generated years are put in order (tests/api/years.rs).
"""

import datetime

import schemathesis

FOLDER_REFERENCES = ("idFolderParent", "idFolder")


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


@schemathesis.hook
def before_call(context, case, kwargs):
    """Every phase sends its requests through here (coverage cases skip the body hooks)."""
    body = case.body
    if not isinstance(body, dict):
        return
    for field in FOLDER_REFERENCES:
        if isinstance(body.get(field), str):
            body[field] = None
    start, end = _date(body.get("startingAt")), _date(body.get("endingAt"))
    if start and end and end <= start:
        start, end = min(start, end), max(start, end)
        if start == end:
            if end < datetime.date.max:
                end += datetime.timedelta(days=1)
            else:
                start -= datetime.timedelta(days=1)
        body["startingAt"], body["endingAt"] = start.isoformat(), end.isoformat()
