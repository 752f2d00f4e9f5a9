# Varnish in front of gunicorn, behind nginx (deploy/nginx.conf):
#
#   reader --TLS--> nginx :443 --> Varnish 127.0.0.1:6081 --> gunicorn 127.0.0.1:8000
#
# What it keeps: exactly what Django marks as shared-cacheable, the answers of
# the full-page cache (delivery/page_cache.py: "Cache-Control: public, ...,
# s-maxage=PAGE_CACHE_TTL"). Anything else (the admin, previews, documents,
# pages behind a password or a login, anything that sets a cookie) is passed.
#
# How it stays exact: Django purges every URL a commit affects through
# Wagtail's frontend cache HTTP backend (PURGE, delivery/purge.py), at once
# after the commit and once more a few seconds later (a render that raced the
# commit). A purge (hard) removes the object and its variants: a withdrawn or
# private page is never served from grace. A commit that only published or
# changed what live pages show sends a soft purge (PURGE with
# "X-Purge: soft", vmod purge): the copy is expired but kept in grace, so
# the first reader after it starts one fetch in the background and every
# reader gets the previous copy until the new one has come.
#
# Run: varnishd -a 127.0.0.1:6081 -f /path/to/deploy/varnish/default.vcl -s malloc,256m
# and set VARNISH_URL=http://127.0.0.1:6081 for the web processes and the worker.
# tests/cache/test_varnish.py starts it with this file as shipped (ports changed).

vcl 4.1;

import purge;
import std;

backend django {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
    # Sick when gunicorn stops answering (/healthz/live: the process and its
    # database, not the workers): grace then serves the copies it has.
    .probe = {
        .url = "/healthz/live";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the web processes and the worker (Django's HTTP backend).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # One entry per page, whatever case or port the client wrote in Host.
    if (req.http.Host) {
        set req.http.Host = regsub(std.tolower(req.http.Host), "(:[0-9]+)?\.?$", "");
    }

    if (req.method == "PURGE") {
        if (!(client.ip ~ purgers)) {
            return (synth(405, "Not allowed."));
        }
        # Purged even while a fetch of it is under way (no waiting list).
        set req.hash_ignore_busy = true;
        return (hash);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # nginx sets X-Forwarded-Proto from its own scheme and redirects plain
    # HTTP: anything else is a request this cache has no business with.
    if (req.http.X-Forwarded-Proto && req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents)/" || req.http.Authorization) {
        return (pass);
    }
    # A session, CSRF or messages cookie may make the answer personal
    # (delivery/page_cache.py, private_state): Django answers, nothing is kept.
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Other cookies change nothing a public page shows.
    unset req.http.Cookie;

    # Only the query parameters a page declares (Page.cache_query_parameters,
    # delivery/page_cache.py) are part of the key; every other one, tracking
    # ones included, is dropped here and never reaches Django. The
    # alternation below lists the declared names ("(?!)": none).
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(?!(?:(?!))=)[^&]*", "\1");
        set req.url = regsuball(req.url, "&&+", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = std.querysort(req.url);
    }

    # Grace: a few seconds while gunicorn answers (one request refreshes,
    # the others get the copy), hours while it does not.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    return (lookup);
}

sub purge_object {
    if (req.http.X-Purge == "soft") {
        purge.soft(0s);
    } else {
        purge.hard();
    }
    return (synth(200, "Purged."));
}

sub vcl_hit {
    if (req.method == "PURGE") {
        call purge_object;
    }
}

sub vcl_miss {
    if (req.method == "PURGE") {
        call purge_object;
    }
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status == 200
        && beresp.http.Cache-Control ~ "(^|,)\s*public\s*(,|$)"
        && beresp.http.Cache-Control ~ "s-maxage="
        && beresp.http.Cache-Control !~ "private|no-store|no-cache"
        && !beresp.http.Set-Cookie) {
        # beresp.ttl comes from s-maxage (PAGE_CACHE_TTL).
        set beresp.grace = 6h;
        return (deliver);
    }
    # Not shareable: the next request for it goes to Django too, without
    # waiting for this one (hit-for-miss, a short while).
    set beresp.uncacheable = true;
    set beresp.ttl = 10s;
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # Caches downstream (browsers) revalidate; only this one and CDNs purged
    # by Django may keep a copy for s-maxage.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.Age;
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
