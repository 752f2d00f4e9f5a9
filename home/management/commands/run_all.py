"""Run the web server, Celery workers and Celery beat from one command.

A child that dies is started again, after a pause that doubles with each
quick death (up to BACKOFF_MAX seconds), as systemd's units in deploy/systemd
do in production: a worker lost to a Redis outage or a crash comes back.
Ctrl-C (or SIGTERM) stops them all: each leader gets SIGTERM and a grace
period, then its whole process group is killed, so runserver's reloader child
and Celery's pool processes go too and nothing is left behind.
"""

import ctypes
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from config.services import redis_answers
from home.first_run import (
    create_first_admin,
    log_paths,
    wait_until_serving,
    welcome_block,
)

PR_SET_PDEATHSIG = 1
GRACE_SECONDS = 10
#: The first pause before restarting a child that died, doubled each time
#: it dies again within STABLE_SECONDS of its start.
BACKOFF_START = 1.0
BACKOFF_MAX = 30.0
STABLE_SECONDS = 60.0
POLL_SECONDS = 0.3


def _die_with_parent():  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:  # not Linux: the process-group kill still applies
        pass


def signal_group(process, signum) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


class Child:
    """One supervised command: its process, when it may start, how it fared."""

    def __init__(self, name: str, command: list[str], log=None):
        self.name = name
        self.command = command
        #: Where its output goes (var/log/NAME.log), or None for the terminal.
        self.log = log
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0
        self.start_after = 0.0
        self.quick_deaths = 0

    def start(self, env: dict) -> None:
        output = open(self.log, "ab") if self.log else None  # noqa: SIM115
        try:
            self.process = subprocess.Popen(  # noqa: S603
                self.command,
                env=env,
                cwd=settings.BASE_DIR,
                start_new_session=True,
                preexec_fn=_die_with_parent,
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
            )
        finally:
            if output:
                output.close()  # the child holds its own descriptor
        self.started_at = time.monotonic()

    def reap(self) -> tuple[int, float] | None:
        """If the child died: its status and the pause before its restart."""
        if self.process is None or self.process.poll() is None:
            return None
        code = self.process.returncode
        signal_group(self.process, signal.SIGKILL)  # its pool, if any
        self.process = None
        now = time.monotonic()
        if now - self.started_at >= STABLE_SECONDS:
            self.quick_deaths = 0
        pause = min(BACKOFF_START * 2**self.quick_deaths, BACKOFF_MAX)
        self.quick_deaths += 1
        self.start_after = now + pause
        return code, pause


class Command(BaseCommand):
    help = "Serve the site with Celery workers and beat; Ctrl-C stops everything."

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport",
            nargs="?",
            default=f"{os.environ.get('HOST', '127.0.0.1')}:"
            f"{os.environ.get('PORT', '8000')}",
        )
        parser.add_argument(
            "--concurrency", type=int, default=2, help="processes for releases"
        )

    def choose_broker(self) -> str:
        configured = os.environ.get("CELERY_BROKER_URL")
        if configured:
            self.stdout.write(f"Celery broker: {configured} (from CELERY_BROKER_URL)")
            return configured
        if redis_answers(settings.REDIS_URL):
            self.stdout.write(f"Celery broker: Redis at {settings.REDIS_URL}")
            return settings.REDIS_URL
        self.stdout.write(
            self.style.WARNING(
                f"Celery broker: Redis does not answer at {settings.REDIS_URL}; "
                f"using the embedded filesystem broker under {settings.VAR_DIR}/celery"
            )
        )
        return "filesystem://"

    def commands(self, addrport: str, concurrency: int) -> dict[str, list[str]]:
        """Releases get a worker of their own, so that share images
        and purges (the default queue) never hold them up."""
        celery = [sys.executable, "-m", "celery", "-A", "config"]
        worker = [*celery, "worker", "--loglevel", "INFO"]
        return {
            "web": [sys.executable, "manage.py", "runserver", addrport],
            "releases": [
                *worker, "--queues", settings.RELEASE_QUEUE,
                "--concurrency", str(concurrency), "--hostname", "releases@%h",
            ],
            "background": [
                *worker, "--queues", settings.CELERY_TASK_DEFAULT_QUEUE,
                "--concurrency", "1", "--hostname", "background@%h",
            ],
            "beat": [*celery, "beat", "--loglevel", "INFO"],
        }  # fmt: skip

    def handle(self, *args, addrport, concurrency, **options):
        env = dict(os.environ)
        env["CELERY_BROKER_URL"] = self.choose_broker()
        env.setdefault("DJANGO_SETTINGS_MODULE", os.environ["DJANGO_SETTINGS_MODULE"])
        logs = log_paths(settings.VAR_DIR)
        children = [
            Child(name, command, logs.get(name))
            for name, command in self.commands(addrport, concurrency).items()
        ]
        stop = {"signal": None}

        def request_stop(signum, frame):
            stop["signal"] = signum

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        try:
            self.supervise(children, env)
            self.print_welcome(addrport, logs)
            while stop["signal"] is None:
                self.supervise(children, env)
                time.sleep(POLL_SECONDS)
        finally:
            self.stop_all([child.process for child in children if child.process])
        self.stdout.write("Stopped web, workers and beat.")

    def print_welcome(self, addrport: str, logs: dict) -> None:
        """Once the web server answers: the short block a newcomer reads last."""
        host, _colon, port = addrport.rpartition(":")
        host = host.strip("[]") or "127.0.0.1"
        probe = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
        wait_until_serving(probe, int(port))
        password = create_first_admin("admin", "admin@example.invalid")
        site_url = settings.PUBLIC_BASE_URL or f"http://{addrport}"
        self.stdout.write(welcome_block(site_url, "admin", password, logs))

    def supervise(self, children: list[Child], env: dict) -> None:
        for child in children:
            died = child.reap()
            if died:
                code, pause = died
                self.stderr.write(
                    f"{child.name} exited with status {code}; "
                    f"starting it again in {pause:g} s."
                )
            if child.process is None and time.monotonic() >= child.start_after:
                child.start(env)
                self.stdout.write(f"{child.name} started (pid {child.process.pid})")
            self.stdout.flush()

    def stop_all(self, processes: list) -> None:
        # SIGTERM to each leader first: Celery's warm shutdown finishes the
        # task in hand and stops its own pool.
        for process in processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + GRACE_SECONDS
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left in any group (pool children, the reloader's
        # server) is killed, so no process outlives the command.
        for process in processes:
            signal_group(process, signal.SIGKILL)
            process.wait()
