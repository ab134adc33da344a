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
