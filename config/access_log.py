"""gunicorn's access log without query strings, addresses or tokens.

Used by config/gunicorn.py. The log format itself leaves out the address,
user agent, referrer and query string; this logger also blanks the secret
parts of a password-reset link, which Django carries in the path
(``/admin/password_reset/confirm/<uidb64>/<token>/``), and keeps ``%(r)s``
(the request line) free of the query string for any format that uses it.
"""

import re

from gunicorn.glogging import Logger

_RESET_LINK = re.compile(r"(/password_reset/confirm/)[^/]+/[^/]+")


def redact(path: str) -> str:
    return _RESET_LINK.sub(r"\1-/-", path or "")


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact(environ.get("PATH_INFO", ""))
        atoms["U"] = path
        atoms["q"] = ""
        atoms["r"] = f"{environ['REQUEST_METHOD']} {path} {environ['SERVER_PROTOCOL']}"
        for key in ("h", "a", "f", "u"):
            atoms[key] = "-"
        return atoms
