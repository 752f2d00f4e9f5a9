"""`make bench`: run every tests/bench/bench_*.py and print its report.

Each module exposes ``run() -> list[str]``: lines of figures, always as
ratios against a baseline measured in the same run, never a bare time alone.
"""

import importlib
import pkgutil
import sys
import time

import django


def main(selected: list[str]) -> int:
    django.setup()
    import tests.bench as package

    names = sorted(
        name
        for _, name, _ in pkgutil.iter_modules(package.__path__)
        if name.startswith("bench_") and (not selected or name in selected)
    )
    if not names:
        print("No benchmark selected.")
        return 1
    for name in names:
        started = time.monotonic()
        print(f"== {name}")
        module = importlib.import_module(f"tests.bench.{name}")
        for line in module.run():
            print(f"   {line}")
        print(f"   ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
