"""A real Celery worker and beat for integration tests, on the test database.

Each stack gets its own queue, cache prefix and folder, so parallel test
processes (pytest-xdist) never hand each other work. Needs a test marked
``django_db(transaction=True)``: the worker reads committed rows only.
Outside pytest (the benchmarks) it works the same once the test database
exists: ``settings.DATABASES`` names it.
"""

import base64
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import redis
from celery import Celery
from celery.result import AsyncResult
from django.conf import settings

from config.celery_app import app
from tests.helpers import BASE_DIR, project_env

#: The lists of one queue, one per priority step, as kombu's Redis names them.
STEPS = ("", "\x06\x163", "\x06\x166", "\x06\x169")


def database_url() -> str:
    db = settings.DATABASES["default"]
    user = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        user += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{user}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


class CeleryStack:
    def __init__(
        self,
        folder: Path,
        sweep_seconds: float = 0.5,
        redis_url: str | None = None,
        **env: str,
    ):
        """``redis_url`` (broker, results and cache) defaults to the tests' own;
        ``env`` adds or overrides variables of the worker's and beat's."""
        self.name = f"it-{uuid.uuid4().hex[:10]}"
        #: Release tasks go to a queue of their own (settings.RELEASE_TASKS).
        self.release_queue = f"{self.name}-releases"
        self.folder = folder
        self.sweep_seconds = sweep_seconds
        self.redis_url = redis_url or settings.REDIS_URL
        self.env = project_env(
            DATABASE_URL=database_url(),
            REDIS_URL=self.redis_url,
            CELERY_BROKER_URL=self.redis_url,
            CELERY_RESULT_BACKEND=self.redis_url,
            CELERY_TASK_DEFAULT_QUEUE=self.name,
            RELEASE_QUEUE=self.release_queue,
            CACHE_KEY_PREFIX=self.name,
            RELEASE_SWEEP_SECONDS=str(sweep_seconds),
            VAR_DIR=str(folder),
            MEDIA_ROOT=str(settings.MEDIA_ROOT),
            **env,
        )
        self.worker: subprocess.Popen | None = None
        self.beat: subprocess.Popen | None = None
        #: More workers, by role: start_worker_of.
        self.others: dict[str, subprocess.Popen] = {}
        self._client: Celery | None = None

    def _spawn(self, role: str, *args: str) -> subprocess.Popen:
        log = open(self.folder / f"{role}.log", "ab")  # the child keeps it open
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", role, "--loglevel", "INFO",
             *args],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def _offset(self, role: str) -> int:
        log = self.folder / f"{role}.log"
        return log.stat().st_size if log.exists() else 0

    def start_worker(
        self, concurrency: int = 2, timeout: float = 60, wait: bool = True
    ) -> int:
        """Start the worker; returns the log offset its start wrote from."""
        offset = self._offset("worker")
        self.worker = self._spawn(
            "worker", "--queues", f"{self.name},{self.release_queue}",
            "--concurrency", str(concurrency),
            "--hostname", f"{self.name}-{time.monotonic_ns()}@%h",
            "--without-gossip", "--without-mingle",
        )  # fmt: skip
        if wait:
            self.wait_for_worker(offset, timeout)
        return offset

    def start_worker_of(
        self, role: str, queue: str | None = None, concurrency: int = 1
    ) -> None:
        """Another worker, of one queue only (the release queue unless told),
        as production runs them (deploy/systemd): named ``<stack>-<role>``,
        logging to ``<role>.log``. Call ``wait_for_worker(role=role)``;
        ``stop`` stops it too."""
        log = open(self.folder / f"{role}.log", "ab")  # the child keeps it open
        self.others[role] = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker",
             "--loglevel", "INFO", "--queues", queue or self.release_queue,
             "--concurrency", str(concurrency),
             "--hostname", f"{self.name}-{role}@%h",
             "--without-gossip", "--without-mingle"],
            cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def kill_worker_of(self, role: str) -> None:
        """SIGKILL one of start_worker_of's workers and its pool."""
        process = self.others[role]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def wait_for_worker(
        self, offset: int = 0, timeout: float = 60, role: str = "worker"
    ) -> None:
        self._wait_for(self.folder / f"{role}.log", offset, b" ready.", timeout)

    def start_beat(self, timeout: float = 60, wait: bool = True) -> int:
        offset = self._offset("beat")
        self.beat = self._spawn(
            "beat", "--schedule", str(self.folder / "celerybeat-schedule"),
            "--max-interval", "1",
        )  # fmt: skip
        if wait:
            self.wait_for_beat(offset, timeout)
        return offset

    def wait_for_beat(self, offset: int = 0, timeout: float = 60) -> None:
        self._wait_for(self.folder / "beat.log", offset, b"beat: Starting", timeout)

    def start(self, concurrency: int = 2) -> "CeleryStack":
        """Start the worker and beat side by side, and wait for both."""
        worker = self.start_worker(concurrency, wait=False)
        beat = self.start_beat(wait=False)
        self.wait_for_worker(worker)
        self.wait_for_beat(beat)
        return self

    def _wait_for(self, log: Path, offset: int, marker: bytes, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if log.exists() and marker in log.read_bytes()[offset:]:
                return
            time.sleep(0.1)
        raise AssertionError(f"{log.name} did not say {marker!r}:\n{self.logs()}")

    def kill_worker(self) -> None:
        """SIGKILL the worker and its pool: no warm shutdown, no acks."""
        if self.worker and self.worker.poll() is None:
            os.killpg(self.worker.pid, signal.SIGKILL)
            self.worker.wait()

    def stop_worker(self, timeout: float = 15) -> None:
        """Warm shutdown: the worker hands its unacknowledged messages back."""
        self._terminate(self.worker, timeout=timeout)

    def _terminate(self, *processes: subprocess.Popen | None, timeout: float) -> None:
        """SIGTERM each process group at once; SIGKILL what outlives the timeout."""
        running = [p for p in processes if p is not None and p.poll() is None]
        for process in running:
            os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def stop(self) -> None:
        """Stop both processes, then remove what the stack left in Redis."""
        self._terminate(self.worker, self.beat, *self.others.values(), timeout=15)
        if self._client is not None:
            self._client.close()
        try:
            self.wipe_redis()
        except redis.RedisError:
            pass  # Redis itself is gone: nothing left to clean

    @contextlib.contextmanager
    def sending_from_here(self):
        """Tasks this test process queues (``delay``, often after a commit)
        go to this stack's worker instead of running inline.

        The test settings run tasks eagerly; inside this block the project's
        own Celery app sends them through the broker to this stack's queue,
        as a web process does.
        """
        assert app.conf.broker_url == self.redis_url, "the stack's broker"
        saved = (app.conf.task_always_eager, app.conf.task_default_queue)
        app.conf.task_always_eager = False
        app.conf.task_default_queue = self.name
        try:
            yield
        finally:
            app.conf.task_always_eager, app.conf.task_default_queue = saved

    # Redis ---------------------------------------------------------------

    def client(self) -> Celery:
        """A Celery client of this stack's broker and result backend.

        The test process's own app runs tasks eagerly (test settings); this
        one only sends messages to the worker and reads its results.
        """
        if self._client is None:
            self._client = Celery("stack-client", set_as_current=False)
            self._client.conf.update(
                broker_url=self.redis_url,
                result_backend=self.redis_url,
                task_default_queue=self.name,
                task_routes={
                    name: {"queue": self.release_queue}
                    for name in settings.RELEASE_TASKS
                },
                task_serializer="json",
                result_serializer="json",
                accept_content=["json"],
            )
        return self._client

    def send(self, task: str, *args, **options) -> AsyncResult:
        """Send a task by name to this stack's worker; its result can be awaited.

        Release tasks go to the release queue, as the settings route them.
        """
        queue = self.release_queue if task in settings.RELEASE_TASKS else self.name
        return self.client().send_task(task, args=args, queue=queue, **options)

    def redis(self) -> redis.Redis:
        return redis.Redis.from_url(self.redis_url)

    def queue_keys(self) -> list[str]:
        """The queues' lists (one per priority step, as kombu's Redis names them)."""
        return [f"{queue}{step}" for queue in self.queues() for step in STEPS]

    def queues(self) -> tuple[str, ...]:
        """The shared queues, then each release worker's own, as their
        bindings name them (campaign/releases/workers.py)."""
        prefix = f"{self.release_queue}:"
        own = set()
        with self.redis() as client:
            keys = [f"_kombu.binding.{self.name}"]
            keys += client.scan_iter(match=f"_kombu.binding.{prefix}*", count=1000)
            for key in keys:
                for member in client.smembers(key):
                    queue = member.decode().split("\x06\x16")[-1]
                    if queue.startswith(prefix):
                        own.add(queue)
        return (self.name, self.release_queue, *sorted(own))

    def queued(self) -> int:
        with self.redis() as client:
            return sum(client.llen(key) for key in self.queue_keys())

    def cache_keys(self, pattern: str = "*") -> list[bytes]:
        with self.redis() as client:
            return [
                *client.scan_iter(match=f"{self.name}:{pattern}", count=1000),
                *client.scan_iter(match=f"{self.name}-renditions:*", count=1000),
            ]

    def messages(self) -> list[dict]:
        """Task messages of this stack still in Redis: queued or unacknowledged.

        Each is ``{"task", "id", "args", "eta", "where", "queue"}``; a worker
        holds the unacknowledged ones (reserved with an ETA, or running:
        acks_late).
        """
        raw: list[tuple[str, str, bytes]] = []
        queues = self.queues()
        with self.redis() as client:
            for queue in queues:
                for step in STEPS:
                    items = client.lrange(f"{queue}{step}", 0, -1)
                    raw += [("queued", queue, item) for item in items]
            for _tag, item in client.hscan_iter("unacked"):
                try:
                    payload, _exchange, routing_key = json.loads(item)
                except ValueError:
                    continue
                if routing_key in queues:
                    raw.append(("unacked", routing_key, json.dumps(payload).encode()))
        found = []
        for where, queue, item in raw:
            message = json.loads(item)
            body = message["body"]
            if message["properties"].get("body_encoding") == "base64":
                body = base64.b64decode(body)
            args = json.loads(body)[0]
            headers = message["headers"]
            found.append(
                {
                    "task": headers["task"],
                    "id": headers["id"],
                    "args": args,
                    "eta": headers.get("eta"),
                    "where": where,
                    "queue": queue,
                }
            )
        return found

    def wipe_redis(self) -> int:
        """Delete everything of this stack in Redis, as a flush would.

        Only this stack's keys: its queue, its binding, the unacknowledged
        messages of its queue (and their index) and its cache prefix.
        Other stacks and test processes share the test database (db 15).
        Returns how many keys or entries were deleted.
        """
        queues = self.queues()
        with self.redis() as client:
            keys = [*self.queue_keys()]
            keys += [f"_kombu.binding.{queue}" for queue in queues]
            keys += self.cache_keys()
            deleted = client.delete(*keys)
            for tag, raw in client.hscan_iter("unacked"):
                try:
                    _payload, _exchange, routing_key = json.loads(raw)
                except ValueError:
                    continue
                if routing_key in queues:
                    client.hdel("unacked", tag)
                    client.zrem("unacked_index", tag)
                    deleted += 1
        return deleted

    def sweeps_done(self) -> int:
        """How many release sweeps the worker has finished, by its log."""
        log = self.folder / "worker.log"
        text = log.read_bytes() if log.exists() else b""
        return len(re.findall(rb"campaign\.sweep_releases\[[^]]+\] succeeded", text))

    def logs(self) -> str:
        parts = []
        for role in ("worker", "beat", *self.others):
            path = self.folder / f"{role}.log"
            if path.exists():
                parts.append(f"--- {role}\n{path.read_text(errors='replace')[-6000:]}")
        return "\n".join(parts)
