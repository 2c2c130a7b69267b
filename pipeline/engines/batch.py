"""One annotation run over input paths, whatever the engine: the units as tasks (with the unit-id check and
progress by input bytes) and the run's tally and summary line."""
from __future__ import annotations

import collections
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator


def _stderr(msg: str) -> None:
    print(f"unap: {msg}", file=sys.stderr)


def input_bytes(paths: list[str]) -> int:
    """Bytes of every input file: the progress bar's total, known before the work starts."""
    from ..io.read import iter_files

    return sum(f.stat().st_size for f in iter_files(paths) if isinstance(f, Path))


def unit_tasks(args: Any, errors: list, warnings: list, stats: dict, done: set,
               advance: Callable[[int], Any] = lambda n: None,
               report: Callable[[str], None] = _stderr) -> Iterator[dict[str, Any]]:
    """Units of the input paths (`args.paths`, `.unit`, `.lang`, `.quiet`, `.strict`) as tasks for an engine;
    errors and warnings reported as they come.

    `advance(n)` moves the progress bar by input bytes: each unit by its text, the rest of a file when the next
    begins (headers, blank lines, a bad file). A unit id seen before is a warning, or with --strict an error
    and the unit is skipped.
    """
    from ..io.decode import InputError
    from ..io.read import Unit, Warning_, read_units

    seen: dict[str, str] = {}
    source, used = None, 0

    def file_done():
        if source is not None:
            try:
                advance(max(0, Path(source).stat().st_size - used))
            except OSError:
                pass

    for item in read_units(args.paths, unit=args.unit, lang=args.lang):
        if isinstance(item, InputError):
            errors.append(str(item))
            report(str(item))
            if item.line is None:
                try:
                    advance(Path(item.path).stat().st_size)
                except OSError:
                    pass
        elif isinstance(item, Warning_):
            warnings.append(str(item))
            if not args.quiet:
                report(str(item))
        elif isinstance(item, Unit):
            src = item.meta.get("source")
            if src != source:
                file_done()
                source, used = src, 0
            size = len(item.text.encode("utf-8"))
            used += size
            where = f"{src}:{item.meta['line']}" if item.meta.get("line") else str(src)
            if item.id in seen:
                msg = f"unit id {item.id} already used at {seen[item.id]}"
                if getattr(args, "strict", False):
                    errors.append(f"{where}: {msg}; skipped (--strict)")
                    report(errors[-1])
                    continue
                warnings.append(f"{where}: warning: {msg}")
                if not args.quiet:
                    report(warnings[-1])
            else:
                seen[item.id] = where
            if item.id in done:
                stats["skipped"] += 1
                advance(size)
                continue
            stats["documents"].add(item.meta.get("document") or item.meta.get("source"))
            task = item.to_task()
            task["weight"] = size
            yield task
    file_done()


@dataclass
class Tally:
    """What a run did: units annotated and skipped, documents, paragraph types, entity labels and strength
    classes (from each result's `record` summary), warnings and errors."""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=lambda: {"units": 0, "skipped": 0, "documents": set()})
    labels: collections.Counter = field(default_factory=collections.Counter)
    types: collections.Counter = field(default_factory=collections.Counter)
    strengths: collections.Counter = field(default_factory=collections.Counter)

    def add(self, summary: dict[str, Any]) -> None:
        """Count one annotated unit by its summary (`labels`, `types`, `strengths`)."""
        self.stats["units"] += 1
        self.labels.update(summary["labels"])
        self.types.update(summary["types"])
        self.strengths.update(summary["strengths"])

    def summary(self, seconds: float, out: Path | str) -> str:
        """The line `unap annotate` ends with (`out`: the output, or what became of it)."""
        stats, docs = self.stats, len(self.stats["documents"])
        return (f"{stats['units']} units from {docs} documents in {seconds:.1f}s"
                f" ({docs / seconds if seconds else 0:.1f} docs/s)"
                + (f", {stats['skipped']} already done" if stats["skipped"] else "")
                + f"; paragraphs: {dict(self.types)}; entities: {dict(self.labels)}; strength: {dict(self.strengths)}"
                + f"; {len(self.warnings)} warnings in "
                  f"{len({w.split(': warning: ')[0] for w in self.warnings})} documents"
                + f"; {len(self.errors)} errors -> {out}")
