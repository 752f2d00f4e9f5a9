"""A partner request's one Redis round trip: its answer's version checked,
its rate limit applied and its impression counted, in one script.

The script (atomic in Redis) reads the outreach version (outreach/snapshot.py;
a missing one gets the new token the caller brings), adds one to the
partner's window when the request has a partner to limit, adds what waited
in the process (outreach/counters.py), and adds the impression only when the
answer was made under the current version and the partner is within its
limit. It returns the version, the window's count and whether it counted:
a request answered from an outdated snapshot is answered again, and counted
then, by the caller.
"""

from dataclasses import dataclass

import redis

from . import counters, store

SCRIPT = """
local version = redis.call('GET', KEYS[1])
if not version then
  version = ARGV[1]
  redis.call('SET', KEYS[1], version, 'EX', tonumber(ARGV[2]))
end
local limit = tonumber(ARGV[4])
local used = 0
if limit >= 0 then
  used = redis.call('INCR', KEYS[2])
  if used == 1 then
    redis.call('EXPIRE', KEYS[2], tonumber(ARGV[5]))
  end
end
for i = 7, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[3], ARGV[i], ARGV[i + 1])
end
local counted = 0
if ARGV[6] ~= '' and version == ARGV[3] and used <= limit then
  redis.call('HINCRBY', KEYS[3], ARGV[6], 1)
  counted = 1
end
return {version, used, counted}
"""

#: The script object (its SHA-1; it runs on whichever client is passed).
_script = None


class Unavailable(Exception):
    """Redis did not answer (or is considered down): nothing was done."""


@dataclass(frozen=True)
class Outcome:
    version: str
    used: int  # the window's count after this request (0: not limited)
    counted: bool  # the impression was added


def run(
    version: str,
    new_version: str,
    version_ttl: int,
    window: str | None = None,
    limit: int = -1,
    window_ttl: int = 0,
    field: str | None = None,
) -> Outcome:
    """One round trip; ``window``/``limit`` only for a partner to limit,
    ``field`` only for an answer to count. Raises Unavailable."""
    client = store.client()
    if client is None:
        raise Unavailable
    global _script
    if _script is None:
        _script = client.register_script(SCRIPT)
    waiting = counters.take_pending()
    pairs = [str(part) for item in waiting.items() for part in item]
    keys = [store.key("version"), window or store.key("rl", "-"), store.key("counts")]
    args = [new_version, version_ttl, version, limit if window else -1, window_ttl,
            field or "", *pairs]  # fmt: skip
    try:
        found, used, counted = _evalsha(client, keys, args)
    except redis.RedisError:
        store.failed()
        counters.keep(waiting)
        raise Unavailable from None
    return Outcome(found, int(used), bool(counted))


def _evalsha(client: redis.Redis, keys: list, args: list):
    """The script, on this process's own connection (store.round_trip)."""
    command = [store.pack("EVALSHA", _script.sha, len(keys), *keys, *args)]

    def busy():
        return [_script(keys=keys, args=args, client=client)]

    try:
        return store.round_trip(client, command, busy)[0]
    except redis.exceptions.NoScriptError:  # Redis restarted or flushed
        client.script_load(SCRIPT)
        return store.round_trip(client, command, busy)[0]


def read_version(new_version: str, version_ttl: int) -> str:
    """The current version (made when missing), in one round trip."""
    return run("", new_version, version_ttl).version
