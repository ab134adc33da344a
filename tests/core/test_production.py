"""Production settings: the deployment check passes with the environment the README gives;
the health check answers; responses carry the security headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "opcc.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://opcc.example.org",
    "DATABASE_URL": "sqlite://:memory:",
}


def run_manage(*args, **env):
    # A clean environment: the browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE.
    dropped = ("DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_with_the_documented_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_with_a_weak_key():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="short")
    assert result.returncode != 0 and "security.W009" in result.stdout + result.stderr


@pytest.mark.django_db
def test_healthz(client, monkeypatch):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.json()["database"] == "ok"

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503 and response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src-attr")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert "<script>" not in response.content.decode()  # every script is a file


def test_log_lines_are_json():
    import json
    import logging

    from core.logging import JsonFormatter

    record = logging.makeLogRecord(
        {
            "name": "opcc",
            "levelname": "INFO",
            "msg": "hello %s",
            "args": ("world",),
            "office": "norfolk",
        }
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "hello world" and entry["office"] == "norfolk"


def access_line(path, status=200):
    """gunicorn's access log line for a request, as config/gunicorn.py configures it: its own
    atoms, the project's format, and the formatter the gunicorn.access logger's handler uses."""
    import datetime
    import logging
    from types import SimpleNamespace

    from django.utils.module_loading import import_string
    from gunicorn.glogging import Logger, SafeAtoms

    from config import gunicorn

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_USER_AGENT": "Calendar/1.0",
    }
    response = SimpleNamespace(status=f"{status} OK", sent=120, headers=[])
    request = SimpleNamespace(headers=[("USER-AGENT", "Calendar/1.0")])
    owner = SimpleNamespace(_get_user=lambda environ: None, now=lambda: "[01/Dec/2026:09:00:00]")
    atoms = Logger.atoms(owner, response, request, environ, datetime.timedelta(milliseconds=12))
    config = gunicorn.logconfig_dict
    handler = config["handlers"][config["loggers"]["gunicorn.access"]["handlers"][0]]
    formatter = import_string(config["formatters"][handler["formatter"]]["()"])()
    record = logging.makeLogRecord(
        {
            "name": "gunicorn.access",
            "levelname": "INFO",
            "msg": gunicorn.access_log_format,
            "args": SafeAtoms(atoms),
        }
    )
    return formatter.format(record)


def test_calendar_tokens_stay_out_of_the_logs():
    """The token in /calendar/<token>.ics is the feed's only credential (calendar apps cannot
    sign in), so the access log and Django's own lines name the feed without it."""
    import json
    import logging

    from core.logging import JsonFormatter

    token = secrets.token_urlsafe(32)
    line = access_line(f"/calendar/{token}.ics")
    assert token not in line
    assert "/calendar/[hidden].ics" in json.loads(json.loads(line)["message"])["path"]
    assert "/tracker/" in access_line("/tracker/")  # other paths are kept as they are
    not_found = logging.makeLogRecord(
        {
            "name": "django.request",
            "levelname": "WARNING",
            "msg": "Not Found: %s",
            "args": (f"/calendar/{token}x.ics",),
            "request": f"<WSGIRequest: GET '/calendar/{token}x.ics'>",
            "status_code": 404,
        }
    )
    assert token not in JsonFormatter().format(not_found)
