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
