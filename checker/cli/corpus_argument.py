"""The corpus as every command takes it: a positional CORPUS, defaulting to `claims`.

`review` once took it as `--corpus DIR`; that spelling still works, with a warning, and
naming the corpus both ways is a usage error rather than a silent choice of one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_GIVEN = "_corpus_given"  # set on the namespace once the corpus was named, either way


class _CorpusPositional(argparse.Action):
    """Keeps what `--corpus` set when the positional is left out (argparse would reset it)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if values is self.default:
            return
        _set_once(parser, namespace, self.dest, values)


class _DeprecatedCorpusOption(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"claimcheck: warning: {option_string} is deprecated; name the corpus as the last argument (CORPUS) "
              "instead", file=sys.stderr)
        _set_once(parser, namespace, self.dest, values)


def _set_once(parser, namespace, dest: str, value: Path) -> None:
    if getattr(namespace, _GIVEN, False):
        parser.error("name the corpus once: as CORPUS, or with the deprecated --corpus, not both")
    setattr(namespace, _GIVEN, True)
    setattr(namespace, dest, value)


def add_corpus_argument(parser: argparse.ArgumentParser, default: Path, *, deprecated_option: bool = False) -> None:
    parser.add_argument("corpus", nargs="?", type=Path, default=default, metavar="CORPUS", action=_CorpusPositional,
                        help=f"the corpus directory (default: {default})")
    if deprecated_option:
        parser.add_argument("--corpus", dest="corpus", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                            action=_DeprecatedCorpusOption, help="deprecated: name the corpus as CORPUS instead")
