"""Settings come from the environment and fail fast on bad values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parent.parent.parent


def test_env_bool(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", default=True) is False
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", default=True) is True
    monkeypatch.setenv("FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int(monkeypatch):
    monkeypatch.setenv("DAYS", "7")
    assert env_int("DAYS", 14) == 7
    monkeypatch.setenv("DAYS", "seven")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("DAYS", 14)
    monkeypatch.setenv("DAYS", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("DAYS", 14, minimum=0)


def test_env_str_required(monkeypatch):
    monkeypatch.delenv("NEEDED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="NEEDED must be set"):
        env_str("NEEDED", required=True)
    monkeypatch.setenv("NEEDED", "")
    with pytest.raises(ImproperlyConfigured):
        env_str("NEEDED", required=True)


def test_env_list_and_choice(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("RULE", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="RULE must be one of"):
        env_choice("RULE", "statutory", {"statutory", "after_publication"})


def run_check(settings_module, **env):
    """Load the settings in a fresh interpreter, as a deployment would."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    clean |= {"DJANGO_SETTINGS_MODULE": settings_module, **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check("config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key_and_debug_off():
    result = run_check("config.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_a_mistyped_setting_stops_start_up():
    result = run_check("config.settings.development", SECTION55_DUE_SOON_DAYS="fortnight")
    assert result.returncode != 0
    assert "SECTION55_DUE_SOON_DAYS must be a whole number" in result.stderr


def test_development_runs_with_no_environment():
    assert run_check("config.settings.development").returncode == 0


def test_database_url_selects_the_database(settings):
    import dj_database_url

    parsed = dj_database_url.parse("postgres://opcc@127.0.0.1:5432/opcc")
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert parsed["NAME"] == "opcc"
