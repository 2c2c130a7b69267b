"""Connection settings and a retrying doccano-client session.

Settings come from the environment (DOCCANO_URL, DOCCANO_USERNAME, DOCCANO_PASSWORD) or from a JSON file
(`--config`, default ~/.unap/doccano.json: {"url", "username", "password"}; keep it chmod 600). Never from
command-line arguments, and the password is never logged or exported.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")
DEFAULT_CONFIG = Path.home() / ".unap" / "doccano.json"


class DoccanoError(RuntimeError):
    pass


@dataclass
class Settings:
    url: str
    username: str
    password: str = field(repr=False)

    @classmethod
    def load(cls, config: Path | None = None) -> "Settings":
        data: dict[str, Any] = {}
        path = Path(config) if config else DEFAULT_CONFIG
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise DoccanoError(f"{path}: not valid JSON ({e.msg})") from None
        elif config:
            raise DoccanoError(f"{path}: no such config file")
        url = os.environ.get("DOCCANO_URL") or data.get("url")
        user = os.environ.get("DOCCANO_USERNAME") or data.get("username")
        password = os.environ.get("DOCCANO_PASSWORD") or data.get("password")
        missing = [n for n, v in (("DOCCANO_URL", url), ("DOCCANO_USERNAME", user), ("DOCCANO_PASSWORD", password))
                   if not v]
        if missing:
            raise DoccanoError(f"doccano connection: set {', '.join(missing)} in the environment or in {path}")
        return cls(url.rstrip("/"), user, password)


def retry(fn: Callable[[], T], *, what: str, attempts: int | None = None, base: float = 0.5) -> T:
    """Call `fn`, retrying connection errors, timeouts and 5xx answers with exponential backoff
    (UNAP_DOCCANO_RETRIES attempts, default 6: about 15 s before giving up)."""
    import requests

    attempts = attempts or int(os.environ.get("UNAP_DOCCANO_RETRIES", "6"))
    delay = base
    for k in range(1, attempts + 1):
        try:
            return fn()
        except requests.exceptions.HTTPError as e:
            status = e.response.status_code if e.response is not None else 0
            if status < 500 or k == attempts:
                raise DoccanoError(f"doccano refused {what}: HTTP {status} {_body(e)}") from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as e:
            if k == attempts:
                raise DoccanoError(f"doccano did not answer ({what}) after {attempts} attempts: "
                                   f"{type(e).__name__}") from None
        time.sleep(delay)
        delay = min(delay * 2, 8.0)
    raise AssertionError("unreachable")


def _body(e) -> str:
    try:
        return e.response.text[:200]
    except Exception:
        return ""


def connect(settings: Settings):
    """A logged-in DoccanoClient (its requests session keeps the login)."""
    from doccano_client import DoccanoClient

    client = DoccanoClient(settings.url)
    retry(lambda: client.login(username=settings.username, password=settings.password), what="login")
    return client
