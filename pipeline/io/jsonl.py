"""Reading JSONL files that must be whole: one line, one JSON object with a string `text`; the first bad line
stops the read with one error naming the file and line (gold, annotated output, doccano pushes)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator


def json_error(e: json.JSONDecodeError) -> str:
    """'malformed JSON (Expecting ',' delimiter at column 26)': one reading of the decoder's message, whose
    own text may already end in 'at' ('Invalid control character at', 'Unterminated string starting at')."""
    msg = e.msg[:-3] if e.msg.endswith(" at") else e.msg
    return f"malformed JSON ({msg} at column {e.colno})"


def records(path: Path, error: type[Exception], what: str = "a record") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; raises `error` for malformed JSON or a missing text."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line.rstrip("\r\n"))  # an unterminated string ends at the text's end
            except json.JSONDecodeError as e:
                raise error(f"{path}:{n}: {json_error(e)}") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise error(f"{path}:{n}: {what} needs a string 'text'")
            yield n, rec
