"""Several "hosts" on one machine: network namespaces on a bridge.

Each host is a network namespace with one veth into a bridge in the root
namespace; the root namespace plays the database host. PostgreSQL and Redis
listen on 127.0.0.1 only, so a :class:`Forwarder` in the root namespace
pipes the bridge address's ports to them (as a port on the database host
would). Processes started on a host reach PostgreSQL and Redis through the
bridge only: taking a host's link down cuts it off as a pulled cable would,
with no reset sent either way. ``PGAPPNAME`` names the host in
``pg_stat_activity``, so a test can tell whose backend is whose.

Needs root and iproute2 (the ``netns`` marker of tests/services.py). Names
start with ``NETNS_PREFIX`` (``cm-`` unless set) and a random tag, and the
/24 is a free one in 10.128.0.0/9, so parallel runs never meet.
"""

import asyncio
import contextlib
import ipaddress
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from tests.helpers import BASE_DIR


def ip(*args: str) -> str:
    done = subprocess.run(
        ["ip", *args], capture_output=True, text=True, timeout=30, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def _free_subnet() -> ipaddress.IPv4Network:
    used = [
        ipaddress.ip_interface(word).network
        for line in ip("-4", "-o", "addr").splitlines()
        for word in line.split()
        if "/" in word and word[0].isdigit()
    ]
    while True:
        subnet = ipaddress.ip_network(
            f"10.{random.randint(128, 254)}.{random.randint(0, 255)}.0/24"  # noqa: S311
        )
        if not any(subnet.overlaps(other) for other in used):
            return subnet


class Forwarder:
    """A TCP forwarder in a thread: ``listen`` address (port chosen by the
    system) to ``target``. Each connection is piped both ways until either
    side closes."""

    def __init__(self, listen: str, target: tuple[str, int]):
        self.target = target
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self._transports: set[asyncio.StreamWriter] = set()
        self.server = self._call(asyncio.start_server(self._accept, listen, 0))
        self.port = self.server.sockets[0].getsockname()[1]

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(10)

    async def _accept(self, reader, writer) -> None:
        try:
            upstream_reader, upstream = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._transports |= {writer, upstream}
        await asyncio.gather(
            self._pipe(reader, upstream), self._pipe(upstream_reader, writer)
        )

    async def _pipe(self, reader, writer) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    def close(self) -> None:
        async def shut() -> None:
            self.server.close()
            for writer in self._transports:
                writer.transport.abort()
            # Aborted, each pipe reads its end and returns: nothing to cancel.
            tasks = asyncio.all_tasks() - {asyncio.current_task()}
            if tasks:
                await asyncio.wait(tasks, timeout=5)

        with contextlib.suppress(Exception):
            self._call(shut())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        if not self.thread.is_alive():
            self.loop.close()


class Network:
    """A bridge in the root namespace and one namespace per host on it."""

    def __init__(self, folder: Path):
        prefix = os.environ.get("NETNS_PREFIX", "cm-")
        self.tag = f"{prefix}{uuid.uuid4().hex[:4]}"
        self.folder = folder
        self.subnet = _free_subnet()
        addresses = self.subnet.hosts()
        self.gateway = str(next(addresses))  # the root namespace: the database host
        self._addresses = addresses
        self.bridge = f"{self.tag}br"
        self.hosts: dict[str, str] = {}  # name -> address
        self.processes: dict[str, subprocess.Popen] = {}
        self.roles: dict[str, str] = {}  # role -> host
        self.cut_off: set[str] = set()
        self.forwarders: list[Forwarder] = []
        ip("link", "add", self.bridge, "type", "bridge")
        ip("addr", "add", f"{self.gateway}/24", "dev", self.bridge)
        ip("link", "set", self.bridge, "up")

    def namespace(self, host: str) -> str:
        return f"{self.tag}{host}"

    def _veth(self, host: str) -> str:
        """The root namespace's end of the host's cable."""
        return f"{self.tag}{host}r"

    def add_host(self, host: str) -> str:
        """A namespace named after ``host`` (4 letters at most); its address."""
        namespace, address = self.namespace(host), str(next(self._addresses))
        inside = f"{self.tag}{host}n"
        ip("netns", "add", namespace)
        self.hosts[host] = address
        ip("link", "add", self._veth(host), "type", "veth", "peer", "name", inside,
           "netns", namespace)  # fmt: skip
        ip("link", "set", self._veth(host), "master", self.bridge, "up")
        ip("-n", namespace, "addr", "add", f"{address}/24", "dev", inside)
        ip("-n", namespace, "link", "set", inside, "up")
        ip("-n", namespace, "link", "set", "lo", "up")
        return address

    def forward(self, host: str, port: int) -> int:
        """A port on the gateway address that leads to ``host:port``."""
        forwarder = Forwarder(self.gateway, (host, port))
        self.forwarders.append(forwarder)
        return forwarder.port

    def cut(self, host: str) -> None:
        """Take the host's link down: nothing in or out, no reset either way."""
        ip("link", "set", self._veth(host), "down")
        self.cut_off.add(host)

    def spawn(self, host: str, role: str, args: list[str], env: dict) -> None:
        """Run ``python -m args...`` on ``host``; output in ``<role>.log``."""
        log = open(self.folder / f"{role}.log", "ab")  # the child keeps it open
        self.roles[role] = host
        self.processes[role] = subprocess.Popen(
            ["ip", "netns", "exec", self.namespace(host), sys.executable, "-m",
             *args],
            cwd=BASE_DIR,
            env={**env, "PGAPPNAME": f"{self.tag}{role}"},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def application_name(self, role: str) -> str:
        return f"{self.tag}{role}"

    def wait_for(self, role: str, marker: bytes, timeout: float = 90) -> None:
        log = self.folder / f"{role}.log"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if log.exists() and marker in log.read_bytes():
                return
            if self.processes[role].poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"{role} did not say {marker!r}:\n{self.logs()}")

    def logs(self) -> str:
        parts = []
        for role in self.processes:
            path = self.folder / f"{role}.log"
            if path.exists():
                parts.append(f"--- {role}\n{path.read_text(errors='replace')[-4000:]}")
        return "\n".join(parts)

    def stop(self) -> None:
        """SIGTERM every process (SIGKILL after 15 s), then take it all down.

        A cut-off host's processes could not finish a warm shutdown: they get
        SIGKILL at once. The forwarders close last, so PostgreSQL ends every
        session of theirs before the test's database is flushed.
        """
        running = [p for p in self.processes.values() if p.poll() is None]
        for role, process in self.processes.items():
            cut = self.roles[role] in self.cut_off
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL if cut else signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for forwarder in self.forwarders:
            forwarder.close()
        for host in self.hosts:
            # The cable first: a cut-off host's sockets still retransmitting
            # would keep its namespace, and this end, around for minutes.
            with contextlib.suppress(RuntimeError):
                ip("link", "delete", self._veth(host))
            with contextlib.suppress(RuntimeError):
                ip("netns", "delete", self.namespace(host))
        with contextlib.suppress(RuntimeError):
            ip("link", "delete", self.bridge)
