"""Run the web server, a Celery worker and Celery beat from one command.

Ctrl-C (or SIGTERM) stops all three: each leader gets SIGTERM and a grace
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


def _die_with_parent():  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:  # not Linux: the process-group kill still applies
        pass


class Command(BaseCommand):
    help = "Serve the site with a Celery worker and beat; Ctrl-C stops everything."

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport",
            nargs="?",
            default=f"{os.environ.get('HOST', '127.0.0.1')}:"
            f"{os.environ.get('PORT', '8000')}",
        )
        parser.add_argument("--concurrency", type=int, default=2)

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

    def handle(self, *args, addrport, concurrency, **options):
        env = dict(os.environ)
        env["CELERY_BROKER_URL"] = self.choose_broker()
        env.setdefault("DJANGO_SETTINGS_MODULE", os.environ["DJANGO_SETTINGS_MODULE"])
        python = sys.executable
        commands = {
            "web": [python, "manage.py", "runserver", addrport],
            "worker": [
                python, "-m", "celery", "-A", "config", "worker",
                "--loglevel", "INFO", "--concurrency", str(concurrency),
                "--hostname", "worker@%h",
            ],
            "beat": [
                python, "-m", "celery", "-A", "config", "beat", "--loglevel", "INFO",
            ],
        }  # fmt: skip
        stop = {"signal": None}

        def request_stop(signum, frame):
            stop["signal"] = signum

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)

        children = {}
        logs = log_paths(settings.VAR_DIR)
        try:
            for name, command in commands.items():
                log = open(logs[name], "ab") if name in logs else None
                children[name] = subprocess.Popen(  # noqa: S603
                    command,
                    env=env,
                    cwd=settings.BASE_DIR,
                    start_new_session=True,
                    preexec_fn=_die_with_parent,
                    stdout=log,
                    stderr=subprocess.STDOUT if log else None,
                )
            self.print_welcome(addrport, logs)
            while stop["signal"] is None:
                exited = [n for n, p in children.items() if p.poll() is not None]
                if exited:
                    self.stderr.write(
                        f"{', '.join(exited)} stopped; stopping the rest."
                    )
                    break
                time.sleep(0.3)
        finally:
            self.stop_all(children)
        self.stdout.write("Stopped web, worker and beat.")

    def print_welcome(self, addrport: str, logs: dict) -> None:
        """Once the web server answers: the short block a newcomer reads last."""
        host, _colon, port = addrport.rpartition(":")
        host = host.strip("[]") or "127.0.0.1"
        probe = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
        wait_until_serving(probe, int(port))
        password = create_first_admin("admin", "admin@example.invalid")
        site_url = settings.PUBLIC_BASE_URL or f"http://{addrport}"
        self.stdout.write(welcome_block(site_url, "admin", password, logs))

    def stop_all(self, children: dict) -> None:
        # SIGTERM to each leader first: Celery's warm shutdown finishes the
        # task in hand and stops its own pool.
        for process in children.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + GRACE_SECONDS
        for process in children.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left in any group (pool children, the reloader's
        # server) is killed, so no process outlives the command.
        for process in children.values():
            self._signal_group(process, signal.SIGKILL)
            process.wait()

    @staticmethod
    def _signal_group(process, signum) -> None:
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            pass
