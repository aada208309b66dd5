"""The table of issue 16: ``python -m tests.hostile.report [--cases NAME ...] [--failures]``.

Runs the whole corpus (or the named cases) through the harness, the same way
``test_hostile.py`` does, and prints one row per category: cases tried,
crashes, hangs, data lost, wrong results. ``--failures`` also prints what went
wrong in each failing case.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tests.hostile.corpus import CATEGORIES, all_cases
from tests.hostile.harness import run_all


def table(outcomes) -> str:
    """The Markdown table of ``outcomes`` by category, with a total row."""
    rows = {category: Counter() for category in CATEGORIES}
    for outcome in outcomes:
        row = rows[outcome.case.category]
        row["cases"] += 1
        row["crashes"] += bool(outcome.crashes)
        row["hangs"] += outcome.hang
        row["lost"] += bool(outcome.lost)
        row["wrong"] += bool(outcome.wrong)
    total = sum(rows.values(), Counter())
    lines = ["| category | cases tried | crashes | hangs | data lost | wrong results |",
             "|---|---|---|---|---|---|"]
    for name, row in [*rows.items(), ("**all**", total)]:
        lines.append(f"| {name} | {row['cases']} | {row['crashes']} | {row['hangs']} | {row['lost']} | {row['wrong']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the corpus and print the table; exit 1 when any case went wrong."""
    parser = argparse.ArgumentParser(prog="python -m tests.hostile.report")
    parser.add_argument("--cases", nargs="*", default=None, metavar="NAME", help="only these cases")
    parser.add_argument("--failures", action="store_true", help="say what went wrong in each failing case")
    args = parser.parse_args(argv)
    cases = [case for case in all_cases() if args.cases is None or case.name in args.cases]
    with tempfile.TemporaryDirectory(prefix="kb-hostile-") as folder:
        outcomes = run_all(cases, Path(folder))
    print(table(outcomes))
    if args.failures:
        for outcome in outcomes:
            if not outcome.ok:
                print(f"\n{outcome.case.category}/{outcome.case.name}:\n{outcome.summary()[:3000]}")
    return 0 if all(outcome.ok for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
