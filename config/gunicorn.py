"""gunicorn settings: ``gunicorn -c config/gunicorn.py config.wsgi``.

The access log keeps the time, method, path (without query string), status,
size and duration, nothing else: no client address (%(h)s), user agent,
referrer or query string, and no password-reset token (config/access_log.py).
The public must be able to read about abuse without being recorded.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
logger_class = "config.access_log.PrivateAccessLogger"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn (25.1+) opens a control socket for gunicornc at one path per user
# ($XDG_RUNTIME_DIR/gunicorn.ctl): several instances on a host would share
# it, and the last one started would take it from the others. Each instance
# gets its own, named after its bind address (unique on a host), in systemd's
# RuntimeDirectory when there is one; GUNICORN_CONTROL_SOCKET names another
# path, or "off" for none.
_control = os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip()
if _control.lower() in ("off", "none", "false", "0"):
    control_socket_disable = True
elif _control:
    control_socket = _control
else:
    _runtime = os.environ.get("RUNTIME_DIRECTORY") or os.environ.get(
        "XDG_RUNTIME_DIR", os.path.expanduser("~/.gunicorn")
    )
    _instance = "".join(c if c.isalnum() else "-" for c in bind.split(",")[0])
    control_socket = os.path.join(_runtime, f"gunicorn-{_instance}.ctl")
