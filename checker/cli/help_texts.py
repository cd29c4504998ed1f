"""What `claimcheck COMMAND --help` says about each argument, where its definition says nothing.

Kept apart from the argument definitions so that every command explains itself from one
table; `explain` fills the gaps and gives each subcommand its one-line help as description.
"""

from __future__ import annotations

import argparse

# (command path, option string or positional dest) -> help text
HELP: dict[tuple[str, str], str] = {
    ("validate", "corpus"): "the corpus directory (default: claims)",
    ("schema", "--out"): "the directory the schemas are written to (default: schemas)",
    ("normalize", "--kind"): "what kind of value the texts are",
    ("normalize", "--reference-date"): "the publication date that resolves 'Friday' or 'in October' in a date",
    ("normalize", "texts"): "value texts as an article words them, e.g. '$1.4 trillion' or 'Friday'",
    ("check", "corpus"): "the corpus directory (default: claims)",
    ("check", "--format"): "text: one line per finding; json, sarif: for tools; markdown: the report editors "
                           "read; github: annotations and the job summary; claimreview: reviewed findings as "
                           "schema.org ClaimReview JSON-LD (default: text)",
    ("review", "finding"): "the finding's id, as the report prints it (e.g. CC102-1a2b3c4d5e6f)",
    ("review", "--decision"): "confirmed-error: the article is wrong; dismissed: fine as it is (say why in "
                              "--reason); corrected: the article was fixed",
    ("review", "--reviewer"): "who decided: your name, as the next editor should read it",
    ("review", "--reason"): "why, in a sentence: this is what the next editor reads",
    ("review", "--date"): "the date of the decision (default: today)",
    ("bench generate", "--articles"): "how many articles to generate",
    ("draft", "--published"): "the publication date the article states; it resolves 'Friday' or 'in October'",
    ("draft", "--url"): "the article's address, when it states one",
    ("confirm", "claim_file"): "the claim file whose drafts an editor has checked",
    ("review", "--remove"): "delete the decisions on this finding from reviews.yaml (printed as they go)",
    ("review", "--archive"): "mark `resolved: DATE` on every decision whose finding is gone; they stay on record",
}


def explain(parser: argparse.ArgumentParser, command: str = "") -> None:
    """Fill in help from HELP for every argument of parser and its subcommands that has none."""
    for action in parser._actions:  # argparse offers no public way to walk its arguments
        if isinstance(action, argparse._SubParsersAction):
            _explain_subcommands(action, command)
            continue
        if action.help:
            continue
        keys = [*action.option_strings, action.dest]
        action.help = next((HELP[(command, key)] for key in keys if (command, key) in HELP), None)


def _explain_subcommands(action: argparse._SubParsersAction, command: str) -> None:
    summaries = {choice.dest: choice.help for choice in action._choices_actions}
    for name, subparser in action.choices.items():
        if subparser.description is None and summaries.get(name):
            summary = summaries[name]
            subparser.description = summary[0].upper() + summary[1:] + "."
        explain(subparser, f"{command} {name}".strip())


def unexplained(parser: argparse.ArgumentParser, command: str = "") -> list[str]:
    """The arguments (as 'command --option') that still have no help text."""
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                missing.extend(unexplained(subparser, f"{command} {name}".strip()))
        elif not action.help:
            missing.append(f"{command} {(action.option_strings or [action.dest])[0]}".strip())
    return missing
