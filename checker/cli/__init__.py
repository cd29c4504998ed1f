"""The command line: parse arguments, call the pipeline, print, exit 0, 1 or 2.

`main` (in `main`) is the console script `claimcheck` and `python -m checker`;
`commands` holds what each subcommand does; `progress` draws the progress bar.

May import: everything.
"""

from checker.cli.main import main

__all__ = ["main"]
