"""doccano's dataset export, polled with a deadline of our own."""
from __future__ import annotations

import time
from pathlib import Path


def export(client, project_id: int, folder: Path, timeout: float) -> Path:
    """Run doccano's JSONL export (a celery task) and download the zip. doccano-client waits up to an hour for
    a task; without a worker that is a hang, so this polls with its own deadline."""
    from ..doccano.connection import DoccanoError, retry

    options = retry(lambda: client.list_download_options(project_id), what="list export formats")
    option = next((o for o in options if o.name == "JSONL"), None)
    if option is None:
        raise DoccanoError(f"doccano offers no JSONL export for this project ({', '.join(o.name for o in options)})")
    use = client.data_export
    repo, tasks = use._data_download_repository, use._task_status_repository
    task = retry(lambda: repo.schedule_download(project_id, option, False), what="start the export")
    deadline = time.time() + timeout
    while True:
        status = retry(lambda: tasks.get(task), what="export status")
        if status.ready:
            break
        if time.time() > deadline:
            raise DoccanoError(f"doccano's export did not finish within {timeout:.0f} s (is its celery worker "
                               f"running?)")
        time.sleep(0.5)
    if status.error:
        raise DoccanoError(f"doccano's export failed: {str(status.error)[:200]}")
    return retry(lambda: repo.download(project_id, task, str(folder)), what="download the export")
