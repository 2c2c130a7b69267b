"""Atomic, resumable JSONL output and DocBin output.

Records go to `OUT.part` as they are made (one flushed line each) and `OUT` appears only when the run
completes, by rename. An interrupted run leaves `OUT` as it was and a `.part` whose last line may be cut;
`--resume` keeps every complete line of both and skips those units.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Iterator


def valid_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(id, line) for each complete JSON record line of a file; a cut or corrupt line is skipped."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.endswith("\n"):
                break  # cut by an interruption
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and "id" in rec:
                yield str(rec["id"]), line.rstrip("\n")


class JsonlWriter:
    def __init__(self, out: Path, *, resume: bool = False) -> None:
        self.out = Path(out)
        if not self.out.parent.is_dir():
            raise FileNotFoundError(f"{self.out}: output folder {self.out.parent} does not exist")
        self.part = self.out.with_name(self.out.name + ".part")
        self.done: set[str] = set()
        if resume:
            tmp = self.out.with_name(self.out.name + ".resume.tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                for src in (self.out, self.part):
                    for uid, line in valid_lines(src):
                        if uid not in self.done:
                            self.done.add(uid)
                            f.write(line + "\n")
            os.replace(tmp, self.part)
            self.f: IO[str] = open(self.part, "a", encoding="utf-8")
        else:
            self.f = open(self.part, "w", encoding="utf-8")
        self.written = 0

    def write(self, line: str) -> None:
        self.f.write(line + "\n")
        self.written += 1
        if self.written % 256 == 0:
            self.f.flush()

    def commit(self) -> None:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        os.replace(self.part, self.out)

    def close_partial(self) -> None:
        """Stop without publishing: the .part stays for --resume."""
        self.f.flush()
        self.f.close()

    def discard(self) -> None:
        """Stop without publishing anything: a run that annotated no unit leaves OUT as it was."""
        self.f.close()
        self.part.unlink(missing_ok=True)


def write_docbin(docs_bytes: list[bytes], out: Path, vocab) -> None:
    """The annotated Docs as one DocBin, written whole or not at all. User data is kept: it holds every
    extension value, so each Doc keeps its `Doc._.unap_*` (the unit's paragraphs, year and id) and its spans'."""
    from spacy.tokens import Doc, DocBin

    db = DocBin(store_user_data=True)
    for b in docs_bytes:
        db.add(Doc(vocab).from_bytes(b))
    tmp = out.with_name(out.name + ".part")
    db.to_disk(tmp)
    os.replace(tmp, out)
