"""An output folder replaced whole (`unap annotate --engine dask`): the parts are written into a staging folder
beside it, which takes its place only once the run is complete, so an earlier run's parts never mix with the new
ones and an interrupted run leaves the folder as it was."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def staged_folder(out: Path) -> Iterator[Path]:
    """A new folder beside `out` to write into; it replaces `out` when the block ends without an exception, and
    is removed otherwise."""
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".staging", dir=out.parent))
    try:
        yield staging
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
