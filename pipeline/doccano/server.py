"""A local doccano 1.8.4 server: installed into its own virtual environment on first use, initialized under
a data folder, admin created from the environment, web app (gunicorn, 127.0.0.1 only) and task worker
(celery: file imports and exports hang without it) started in the background and stopped by recorded pids.

Why not `doccano webserver`: it binds 0.0.0.0. The password never appears on a command line: the admin is
created by Django's `createsuperuser --noinput`, which reads DJANGO_SUPERUSER_PASSWORD from the environment.
"""
from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PINS = ["doccano==1.8.4", "numpy<2", "marshmallow<4"]
BUILTIN_HOME = Path.home() / ".unap" / "doccano"
DEFAULT_HOME = Path(os.environ.get("UNAP_DOCCANO_HOME", BUILTIN_HOME))


class ServerError(RuntimeError):
    pass


def _venv_python(home: Path) -> Path:
    return home / "venv" / "bin" / "python"


def install(home: Path, *, quiet: bool = True) -> Path:
    """Create home/venv with doccano 1.8.4 unless it is there already; returns the venv's python."""
    py = _venv_python(home)
    stamp = home / "venv" / ".unap-installed"
    if stamp.exists():
        return py
    home.mkdir(parents=True, exist_ok=True)
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(home / "venv")], check=True)
    q = ["-q"] if quiet else []
    subprocess.run([str(py), "-m", "pip", "install", *q, "--upgrade", "pip"], check=True)
    subprocess.run([str(py), "-m", "pip", "install", *q, *PINS], check=True)
    stamp.write_text("\n".join(PINS) + "\n")
    return py


def _backend_dir(py: Path) -> Path:
    out = subprocess.run([str(py), "-c", "import backend, os; print(os.path.dirname(backend.__file__))"],
                         check=True, capture_output=True, text=True)
    return Path(out.stdout.strip())


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DOCCANO_PASSWORD",)}
    env.update({
        "DOCCANO_HOME": str(home),
        "STANDALONE": "True",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"sqlite:///{home / 'db.sqlite3'}",
        "MEDIA_ROOT": str(home / "media"),
        "DEBUG": "False",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    })
    return env


def _pids_file(home: Path) -> Path:
    return home / "pids.json"


def running(home: Path) -> dict | None:
    f = _pids_file(home)
    if not f.exists():
        return None
    info = json.loads(f.read_text())
    alive = []
    for pid in info.get("pids", []):
        try:
            os.kill(pid, 0)
            alive.append(pid)
        except OSError:
            pass
    return info if alive else None


def _wait_http(url: str, timeout: float) -> None:
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/v1/health", timeout=3) as r:  # noqa: S310 (loopback only)
                if r.status < 500:
                    return
        except urllib.error.HTTPError as e:
            if e.code < 500:
                return
            last = e
        except OSError as e:
            last = e
        time.sleep(1)
    raise ServerError(f"doccano did not answer at {url} within {timeout:.0f} s ({last})")


def start(home: Path = DEFAULT_HOME, *, port: int = 8000, username: str | None = None,
          password: str | None = None, timeout: float = 120, quiet: bool = True) -> str:
    """Install if needed, initialize, create the admin, start web app and worker; returns the URL."""
    home = Path(home).resolve()
    info = running(home)
    if info:
        return info["url"]
    username = username or os.environ.get("DOCCANO_USERNAME", "admin")
    password = password or os.environ.get("DOCCANO_PASSWORD")
    if not password:
        raise ServerError("set DOCCANO_PASSWORD (and DOCCANO_USERNAME) in the environment for the admin user")
    py = install(home, quiet=quiet)
    backend = _backend_dir(py)
    env = environment(home)
    (home / "media").mkdir(parents=True, exist_ok=True)
    log = open(home / "server.log", "ab")
    manage = [str(py), str(backend / "manage.py")]
    subprocess.run(manage + ["migrate", "--noinput"], check=True, env=env, cwd=backend, stdout=log, stderr=log)
    subprocess.run(manage + ["create_roles"], env=env, cwd=backend, stdout=log, stderr=log)
    su_env = dict(env, DJANGO_SUPERUSER_PASSWORD=password, DJANGO_SUPERUSER_USERNAME=username,
                  DJANGO_SUPERUSER_EMAIL=f"{username}@localhost")
    subprocess.run(manage + ["createsuperuser", "--noinput"], env=su_env, cwd=backend, stdout=log, stderr=log)
    bin_dir = py.parent
    web = subprocess.Popen([str(bin_dir / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2",
                            "--timeout", "300", "--chdir", str(backend), "config.wsgi"],
                           env=env, cwd=backend, stdout=log, stderr=log, start_new_session=True)
    worker = subprocess.Popen([str(bin_dir / "celery"), "--app=config", "worker", "--loglevel=INFO",
                               "--concurrency=1", "--pool=solo"],
                              env=env, cwd=backend, stdout=log, stderr=log, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    _pids_file(home).write_text(json.dumps({"pids": [web.pid, worker.pid], "url": url}))
    try:
        _wait_http(url, timeout)
    except ServerError:
        stop(home)
        raise
    return url


def stop(home: Path = DEFAULT_HOME) -> bool:
    """Stop the web app and the worker started by `start` (by their recorded process groups)."""
    home = Path(home).resolve()
    f = _pids_file(home)
    if not f.exists():
        return False
    info = json.loads(f.read_text())
    for pid in info.get("pids", []):
        try:
            os.killpg(pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.time() + 15
    for pid in info.get("pids", []):
        while time.time() < deadline:
            try:
                os.kill(pid, 0)
                time.sleep(0.2)
            except OSError:
                break
        else:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
    f.unlink()
    return True


def stop_command(home: Path) -> str:
    """The exact command that stops the server of `home`: with `--data` (absolute) unless it is the built-in
    default folder, which a later shell finds without UNAP_DOCCANO_HOME."""
    home = Path(home).resolve()
    if home == BUILTIN_HOME.resolve():
        return "unap doccano serve --stop"
    return f"unap doccano serve --stop --data {shlex.quote(str(home))}"
