"""kombu's Redis transport, with a lost broker kept a connection error.

When Redis goes away while a worker holds reserved messages (ETA wake-ups,
prefetched tasks), Celery's consumer cleans the broken connection up twice:
``Connection.collect()`` first, then ``Connection.close()``. The first pass
meets the dead socket while draining BRPOP, so kombu's ``maybe_close_channel``
swallows the connection error and the channel stays open; ``collect()`` then
detaches the transport from its connection (``transport.client = None``).
The second pass closes the channel for real, which restores the unacked
messages; building a Redis client for that reads ``transport.client.hostname``
and raises ``AttributeError``. Not being a connection error, it escapes the
consumer's reconnect loop: "Unrecoverable error" and the worker exits.

Reproduced in tests/integration/test_redis_outage.py with kombu 5.7.0 and
Celery 5.7.0 (the newest releases). Upstream, the same trap on warm shutdown
is celery/kombu#970 ("Error on Restarting Celery"); no release fixes this
path. Here a channel whose connection is already gone raises Redis's own
``ConnectionError``: the cleanup treats it as the broker being away, the
consumer reconnects, and the messages stay in Redis's ``unacked`` hash, from
which kombu restores them after the visibility timeout. Publications do not
wait for that: the release sweep resends every overdue wake-up
(campaign/releases/sweep.py).
"""

from kombu.transport import redis as kombu_redis
from redis.exceptions import ConnectionError as RedisConnectionError

#: The dotted path ``CELERY_BROKER_TRANSPORT`` names for a Redis broker.
TRANSPORT = "config.broker:Transport"


class Channel(kombu_redis.Channel):
    def _connparams(self, asynchronous=False):
        transport = self.connection
        if transport is None or transport.client is None:
            raise RedisConnectionError(
                "The broker connection is closed; its messages stay in Redis."
            )
        return super()._connparams(asynchronous=asynchronous)


class Transport(kombu_redis.Transport):
    Channel = Channel


def transport_for(broker_url: str) -> str | None:
    """The transport to use for ``broker_url``: ours for Redis, else kombu's.

    Naming a transport overrides the URL's scheme, so only a Redis URL gets
    this one (the tests and ``make run`` may use the filesystem broker).
    """
    if broker_url.split("://", 1)[0] in ("redis", "rediss"):
        return TRANSPORT
    return None
