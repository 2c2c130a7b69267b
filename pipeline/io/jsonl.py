"""Reading JSONL files that must be whole: one line, one JSON object with a string `text`; the first bad line
stops the read with one error naming the file and line (gold, annotated output, doccano pushes)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator


def records(path: Path, error: type[Exception], what: str = "a record") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; raises `error` for malformed JSON or a missing text."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise error(f"{path}:{n}: malformed JSON ({e.msg})") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise error(f"{path}:{n}: {what} needs a string 'text'")
            yield n, rec
