"""Locust users for bench/load.py: office staff signed in through the sign-in form, reading the
pages they use most and saving their own finding responses through the API.

Read from the environment: LOAD_PLAN (JSON written by load.py), LOAD_REQUESTS (stop after
this many requests in all), LOAD_SIGN_IN (where to write how the sign-in went) and
LOAD_LETTER_EDITS (how often users also save their response's own text; 0, never, by default).

The figures are of the signed-in work: users wait for the last of them to sign in, the
sign-in's own figures are written to LOAD_SIGN_IN, locust's statistics start again and everyone
starts work. Signing in is slow on
purpose (password hashing), happens once a day for a real user, and for every user at the same
moment here.
"""

import itertools
import json
import os
import random
import re
import time
from urllib.parse import urlencode

import gevent
import gevent.event
from locust import FastHttpUser, constant, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115
LIMIT = int(os.environ.get("LOAD_REQUESTS", "5000"))
LETTER_EDITS = int(os.environ.get("LOAD_LETTER_EDITS", "0"))
_next_user = itertools.count()
_sent = itertools.count(1)
_signed_in = itertools.count(1)
_started = time.monotonic()
_everyone_in = gevent.event.Event()


@events.request.add_listener
def stop_when_done(**kwargs):
    # Bounded in requests as well as time: stop everyone once the budget is spent.
    if next(_sent) == LIMIT:
        runner = events.request._environment.runner  # set below
        gevent.spawn(runner.quit)


@events.init.add_listener
def remember_environment(environment, **kwargs):
    events.request._environment = environment


class OfficeStaff(FastHttpUser):
    # FastHttpUser (geventhttpclient) costs the shared cores a fraction of what python-requests
    # does, so more of the machine measures the server.
    wait_time = constant(0)  # a closed loop: each user sends its next request at once

    def cookie(self, name):
        return next((c.value for c in self.client.cookiejar if c.name == name), "")

    def on_start(self):
        self.plan = PLAN["users"][next(_next_user) % len(PLAN["users"])]
        self.rows = [dict(row) for row in self.plan["rows"]]
        self.letters = [dict(letter) for letter in self.plan["letters"]]
        page = self.client.get("/accounts/login/", name="sign in (form)")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
        with self.client.post(
            "/accounts/login/",
            data=urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "username": self.plan["username"],
                    "password": PLAN["password"],
                }
            ),
            headers={
                "Referer": f"{self.host}/accounts/login/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # A refused sign-in shows the form again (200); success sends the user on (302).
            if response.status_code != 302:
                response.failure(f"{response.status_code}: not signed in")
        # Everyone starts work together, once the last has signed in: measured from there.
        if next(_signed_in) == len(PLAN["users"]):
            self.note_sign_in()
            _everyone_in.set()
        _everyone_in.wait()

    def note_sign_in(self):
        stats = self.environment.runner.stats
        sign_in = stats.get("sign in", "POST")
        with open(os.environ["LOAD_SIGN_IN"], "w") as out:
            json.dump(
                {
                    "users": len(PLAN["users"]),
                    "seconds": time.monotonic() - _started,
                    "requests": stats.total.num_requests,
                    "errors": stats.total.num_failures,
                    "median_ms": sign_in.median_response_time,
                    "max_ms": sign_in.max_response_time,
                },
                out,
            )
        stats.reset_all()

    @task(12)
    def dashboard(self):
        self.client.get("/dashboard/", name="dashboard")

    @task(12)
    def tracker(self):
        self.client.get("/tracker/", name="tracker list")

    @task(8)
    def inspections(self):
        self.client.get("/inspections/", name="inspection list")

    @task(8)
    def inspection(self):
        self.client.get(
            f"/inspections/{random.choice(self.plan['inspections'])}/", name="inspection page"
        )

    @task(4)
    def responses(self):
        self.client.get("/responses/", name="response list")

    @task(8)
    def workspace(self):
        self.client.get(
            f"/responses/{random.choice(self.plan['responses'])}/", name="response workspace"
        )

    @task(8)
    def save_finding_response(self):
        # Comment edits: what office staff write most. They leave the figures (and so the
        # cached pages) as they were.
        row = random.choice(self.rows)
        self.save(
            f"/api/v1/finding-responses/{row['id']}/",
            row,
            {"office_comment": f"load-test {row['id']} {row['version']}"},
            "save finding response (API)",
        )

    @task(LETTER_EDITS)
    def save_response_text(self):
        # A change to the response itself moves the office's fingerprint: its dashboard,
        # tracker and lists are rendered again on their next view. Off unless LOAD_LETTER_EDITS
        # gives it a weight (the others add up to 60).
        letter = random.choice(self.letters)
        self.save(
            f"/api/v1/responses/{letter['id']}/",
            letter,
            {"general_comment": f"load-test {letter['id']} {letter['version']}"},
            "save response text (API)",
        )

    def save(self, url, row, values, name):
        with self.client.patch(
            url,
            json={**values, "version": row["version"]},
            # Signed in through the form, the session authenticates first: send its CSRF token.
            headers={
                "Authorization": f"Token {self.plan['token']}",
                "X-CSRFToken": self.cookie("csrftoken"),
                "Referer": f"{self.host}/",
            },
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                row["version"] = response.json()["version"]
                response.success()
            else:
                response.failure(f"{response.status_code}: {response.text[:200]}")
