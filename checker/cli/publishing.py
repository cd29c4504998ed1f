"""What `check --format claimreview` needs beyond the check: the newsroom that publishes the decisions."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from checker.config import Config, ConfigError, load_config
from checker.report.data import Newsroom, ReportData
from checker.report.outcome import CheckResult, article_sources

PUBLISHING_FORMATS = ("claimreview",)


def publishing_problem(args: argparse.Namespace) -> str | None:
    """Why this check cannot publish its decisions as asked, in one line, said before the check runs;
    None when it can (or was not asked to). A configuration that cannot be read is the check's to say."""
    if args.format not in PUBLISHING_FORMATS:
        return None
    if args.only_changes:
        return ("--format claimreview publishes every reviewed finding of the corpus; "
                "leave out --only-changes")
    try:
        config, _source = load_config(Path.cwd())
    except ConfigError:
        return None
    if config.newsroom is None or config.newsroom_url is None:
        return ('--format claimreview names the newsroom as the author of each review: set newsroom = "..." and '
                'newsroom-url = "https://..." under [tool.claimcheck] in pyproject.toml (or in claimcheck.toml)')
    return None


def for_publishing(args: argparse.Namespace, result: CheckResult, config: Config) -> ReportData:
    """The report data, with what a publishing format needs: the newsroom and where each article appeared."""
    report = result.report
    if args.format not in PUBLISHING_FORMATS or config.newsroom is None or config.newsroom_url is None:
        return report
    sources = article_sources(result.corpus) if result.corpus is not None else {}
    return replace(report, newsroom=Newsroom(config.newsroom, config.newsroom_url, config.review_url), sources=sources)
