"""Run every benchmark script in bench/ (each updates its section of docs/benchmarks.md).

Usage: ``make bench`` or ``python bench/run_all.py [NAME ...]``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: scripts that are no benchmark: a review tool that writes where it is told
NOT_BENCHMARKS = {"run_all.py", "attribution_dump.py"}


def main(argv: list[str]) -> int:
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name not in NOT_BENCHMARKS and not p.name.startswith("_")
    )
    if argv:
        scripts = [p for p in scripts if p.stem in argv]
    failed = 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        failed += subprocess.call([sys.executable, str(script)]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
