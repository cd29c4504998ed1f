"""What the markdown report says about itself: which corpus it describes, and where its links point.

Read here, in the command line layer (the environment, the corpus's files), and handed to
the reporter in the report data: the reporter itself reads nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from checker.load.digest import corpus_digest
from checker.report.data import Described, LinkBase, ReportData

GITHUB_VARIABLES = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")


def described(report: ReportData, corpus: Path) -> ReportData:
    from checker.cli.main import installed_version  # main imports the commands, which import this

    digest, files = corpus_digest(corpus)
    return replace(report, described=Described(installed_version(), digest, files))


def relative_links(report: ReportData, output: Path | None) -> ReportData:
    """Links relative to where the report is written (the working directory for stdout): the
    evidence's paths are relative to the working directory, so the prefix climbs from the
    report's directory to it. Relative, so the committed report is the same on every machine."""
    if output is None:
        return replace(report, links=LinkBase(""))
    climb = os.path.relpath(Path.cwd(), Path(os.path.abspath(output)).parent)
    return replace(report, links=LinkBase("" if climb == "." else Path(climb).as_posix() + "/"))


def commit_links(report: ReportData, environment: Mapping[str, str]) -> ReportData:
    """For a CI job summary, which is not a file of the repository: links to the files at the commit
    checked, when GitHub's variables say which; no links otherwise."""
    if not all(environment.get(name) for name in GITHUB_VARIABLES):
        return replace(report, links=None)
    server, repository, sha = (environment[name].rstrip("/") for name in GITHUB_VARIABLES)
    within = ""
    workspace = environment.get("GITHUB_WORKSPACE")
    if workspace:
        inside = os.path.relpath(Path.cwd(), workspace)
        within = "" if inside == "." or inside.startswith("..") else Path(inside).as_posix() + "/"
    return replace(report, links=LinkBase(f"{server}/{repository}/blob/{sha}/{within}"))
