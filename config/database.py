"""PostgreSQL session settings every process of the site connects with."""


def end_idle_transactions(database: dict, seconds: int) -> dict:
    """Have PostgreSQL end a session left idle inside a transaction.

    A host cut off from the network in the middle of a transaction never
    sends its COMMIT nor closes its socket: its backend keeps the row locks
    it took (a Release row, so that region would never publish, and the
    pages' rows) until TCP gives up, hours later. With this, PostgreSQL ends
    the session after ``seconds`` idle, rolls the transaction back and frees
    the rows for the other workers (tests/integration/test_several_hosts.py).
    0 keeps the server's own setting. ``database`` is a ``DATABASES`` entry;
    other engines are left as they are.
    """
    if seconds > 0 and database["ENGINE"].endswith("postgresql"):
        options = database.setdefault("OPTIONS", {})
        flag = f"-c idle_in_transaction_session_timeout={seconds * 1000}"
        options["options"] = f"{options.get('options', '')} {flag}".strip()
    return database
