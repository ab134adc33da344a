"""runserver's autoreloader imports the URLconf on one thread while the system checks load the
template tags on another; WeasyPrint must already be whole by then (see LettersConfig.ready)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# After django.setup(), import the two modules that reach WeasyPrint from two threads at once, as
# runserver does. Before the fix about one start in three failed here with "cannot import name
# 'URLFetcher' from partially initialized module 'weasyprint.urls'".
SCRIPT = """
import importlib, sys, threading
import django
django.setup()
assert "weasyprint.urls" in sys.modules, "setup did not import WeasyPrint"
errors = []
barrier = threading.Barrier(2)
def load(name):
    barrier.wait()
    try:
        importlib.import_module(name)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=load, args=(name,))
           for name in ("letters.views", "letters.templatetags.letters")]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
assert not errors, errors
"""


def test_setup_imports_weasyprint_before_any_thread_can():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.development", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
