"""Poll URLs through a front server until each stops answering 200.

Run by bench_http's kill switch in a process of its own, so its requests
never wait for the withdrawing process (or it for them). Reads one JSON line
``{"port", "host", "paths", "threads"}``, answers ``ready``, waits for
``go`` and polls; prints ``{path: [seconds after go, status]}`` as JSON.

Each thread keeps its connection open, as a browser does: a new TCP
connection per request cost the poller (one process, one core under the
GIL) and Varnish more than the answers themselves, on the two cores the
withdrawal and gunicorn share with them. For the same reason each thread
rests PAUSE between its passes over its URLs: without it the threads spun
on Varnish hits while the withdrawal committed, a core's worth of work the
measured processes waited behind; it makes each time up to PAUSE late.
"""

import http.client
import json
import sys
import threading
import time

LIMIT = 120  # seconds: a URL still answering 200 then is reported missing
PAUSE = 0.05  # seconds between two passes of a thread


def status(conn: http.client.HTTPConnection, host: str, path: str) -> int | None:
    try:
        conn.request("GET", path, headers={"Host": host})
        response = conn.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        conn.close()  # the next request opens a new one
        return None


def poll(port, host, paths, started, out) -> None:
    pending = list(paths)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while pending and time.monotonic() < started + LIMIT:
        still = []
        for path in pending:
            answer = status(conn, host, path)
            if answer is not None and answer != 200:
                out[path] = [time.monotonic() - started, answer]
            else:
                still.append(path)
        pending = still
        if pending:
            time.sleep(PAUSE)
    conn.close()


def main() -> None:
    job = json.loads(sys.stdin.readline())
    print("ready", flush=True)
    sys.stdin.readline()  # go
    started = time.monotonic()
    out: dict = {}
    threads = [
        threading.Thread(
            target=poll,
            args=(
                job["port"],
                job["host"],
                job["paths"][n :: job["threads"]],
                started,
                out,
            ),
        )  # fmt: skip
        for n in range(job["threads"])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
