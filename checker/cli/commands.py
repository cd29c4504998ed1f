"""What each subcommand does. The CLI parses arguments; these functions call the pipeline."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from checker.bench.command import add_bench_parser
from checker.cli.corpus_argument import add_corpus_argument
from checker.cli.output import OutputRefused, refusal, write_atomically
from checker.cli.report_context import commit_links, described, relative_links
from checker.cli.progress import progress_bar
from checker.cli.publishing import for_publishing, publishing_problem
from checker.cli.review_arguments import one_line, review_arguments_problem, review_date
from checker.cli.reviews_file import ReviewsFileError, append_review, mark_resolved, remove_reviews
from checker.config import Config, ConfigError, load_config
from checker.findings.finding import Status
from checker.incremental.cache import DEFAULT_CACHE_DIR, open_cache
from checker.incremental.loader import CachedLoader
from checker.load.claim_values import PARSERS
from checker.load.corpus import REVIEWS_FILE, load_corpus
from checker.load.git_base import GitBaseError, staged_corpus_files
from checker.load.schema import SCHEMA_MODELS, render_schema
from checker.model.diagnostics import Diagnostic, errors_among
from checker.model.reviews import DECISIONS, Review
from checker.normalize import NormalizationError, NormalizeOptions
from checker.pipeline import CheckResult, UsageError, check_corpus
from checker.report import claimreview as claimreview_reporter
from checker.report import github as github_reporter
from checker.report import json as json_reporter
from checker.report import markdown as markdown_reporter
from checker.report import sarif as sarif_reporter
from checker.report import text as text_reporter
from checker.report.data import ReportData
from checker.report.jsonout import dump_json
from checker.report.safe import log_line
from checker.rules import RULES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2
FORMATS = {
    "text": text_reporter.render,
    "json": json_reporter.render,
    "markdown": markdown_reporter.render,
    "sarif": sarif_reporter.render,
    "github": github_reporter.render,
    "claimreview": claimreview_reporter.render,
}
FAIL_ON = {
    "conflict": (Status.CONFLICT,),
    "unsupported": (Status.CONFLICT, Status.UNSUPPORTED),
    "never": (),
}


def fail(message: str) -> int:
    print(f"claimcheck: error: {log_line(message)}", file=sys.stderr)
    return EXIT_INVALID


def warn(message: str) -> None:
    print(f"claimcheck: warning: {log_line(message)}", file=sys.stderr)


def print_diagnostics(diagnostics: tuple[Diagnostic, ...]) -> None:
    """One line each, whatever a file name or a value holds: no input can start a line of its own
    (a GitHub workflow command) or move the terminal's cursor."""
    for diagnostic in diagnostics:
        print(log_line(diagnostic.format()), file=sys.stderr)


def counted(number: int, noun: str) -> str:
    """'1 input error', '2 input errors', '0 input errors'."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def corpus_usage_error(corpus: Path) -> int | None:
    if not corpus.is_dir():
        return fail(f"corpus directory {str(corpus)!r} not found (run from the repository root, or pass its path)")
    return None


def rendered_report(format_: str, report: ReportData) -> Iterable[str]:
    """The report, in parts: the text format line by line (170,000 lines for 10,000 articles,
    which a rendered whole would hold twice over)."""
    return text_reporter.render_lines(report) if format_ == "text" else [FORMATS[format_](report)]


# ---- validate, schema, normalize, rules -----------------------------------------------------


def run_validate(args: argparse.Namespace) -> int:
    if (error := corpus_usage_error(args.corpus)) is not None:
        return error
    result = load_corpus(args.corpus, loader=CachedLoader(None))  # no cache; many files load in workers
    print_diagnostics(result.diagnostics)
    corpus = result.corpus
    errors = errors_among(result.diagnostics)
    warnings = len(result.diagnostics) - len(errors)
    print(f"{counted(len(corpus.articles), 'article')}, {counted(len(corpus.claims), 'claim')} loaded; "
          f"{counted(len(errors), 'input error')}" + (f", {counted(warnings, 'warning')}" if warnings else ""),
          file=sys.stderr)
    return EXIT_INVALID if errors else EXIT_CLEAN


def run_schema(args: argparse.Namespace) -> int:
    stale = []
    for name in sorted(SCHEMA_MODELS):
        target: Path = args.out / name
        rendered = render_schema(name)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == rendered:
            continue
        if args.check:
            stale.append(str(target))
            continue
        write_atomically(target, rendered)
        print(f"wrote {target}", file=sys.stderr)
    for path in stale:
        print(f"{path}: stale; run `claimcheck schema` and commit the result", file=sys.stderr)
    return EXIT_FINDINGS if stale else EXIT_CLEAN


def run_normalize(args: argparse.Namespace) -> int:
    options = NormalizeOptions()
    status = EXIT_CLEAN
    for text in args.texts:
        try:
            value = PARSERS[args.kind](text, args.reference_date, options, args.tense)
        except NormalizationError as error:
            hint = f" (hint: {error.hint})" if error.hint else ""
            print(f"claimcheck: cannot normalize {text!r} as {args.kind}: {error.message}{hint}", file=sys.stderr)
            status = EXIT_INVALID
            continue
        print(dump_json({"text": text, **value.model_dump()}))
    return status


def run_rules_listing(args: argparse.Namespace) -> int:
    for rule in sorted(RULES, key=lambda item: item.CODE):
        first_line = (rule.__doc__ or "").strip().splitlines()[0]
        summary = first_line.split(":", 1)[1].strip() if ":" in first_line else first_line
        print(f"{rule.CODE}  {rule.NAME:<26} {rule.SEVERITY:<8} {summary}")
    return EXIT_CLEAN


# ---- check and review -----------------------------------------------------------------------


def add_check_parsers(sub, default_corpus: Path) -> None:
    check = sub.add_parser("check", help="compare the claims across articles and report findings")
    check.add_argument("corpus", nargs="?", type=Path, default=default_corpus, metavar="CORPUS")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--output", type=Path, default=None, help="write the report here instead of stdout")
    check.add_argument("--fail-on", choices=sorted(FAIL_ON), default=None,
                       help="exit 1 when an unreviewed finding of this status (or worse) exists; default: conflict")
    change = check.add_mutually_exclusive_group()
    change.add_argument("--base", metavar="REF", help="report what the change since this git ref brings")
    change.add_argument("--new", nargs="+", type=Path, default=(), metavar="FILE",
                        help="report what these claim files or articles bring to the rest of the corpus")
    change.add_argument("--staged", action="store_true",
                        help="as --new with the claim files and articles staged in git (the pre-commit hook)")
    check.add_argument("--only-changes", action="store_true",
                       help="with --new or --base: report only the findings the change touches (quick on a large "
                            "corpus already checked)")
    add_cache_arguments(check)
    check.set_defaults(run=run_check)

    rules = sub.add_parser("rules", help="list the rules with their codes and what they check")
    rules.set_defaults(run=run_rules_listing)

    review = sub.add_parser("review", help="record, remove or archive editors' decisions in claims/reviews.yaml")
    review.add_argument("finding", metavar="FINDING-ID", nargs="?", help="the finding to record a decision on")
    review.add_argument("--decision", choices=DECISIONS)
    review.add_argument("--reviewer")
    review.add_argument("--reason", help="why: what the next editor reads (always required)")
    review.add_argument("--date", type=review_date, default=None, metavar="YYYY-MM-DD",
                        help="the decision's date, or with --archive the date it resolved (default: today)")
    lifecycle = review.add_mutually_exclusive_group()
    lifecycle.add_argument("--remove", metavar="FINDING-ID",
                           help="delete the decisions on this finding from reviews.yaml (printed as they go)")
    lifecycle.add_argument("--archive", action="store_true",
                           help="mark `resolved: DATE` on every decision whose finding is gone; they stay on record")
    add_corpus_argument(review, default_corpus, deprecated_option=True)
    add_cache_arguments(review)
    review.set_defaults(run=run_review)


def add_bench_parsers(sub) -> None:
    add_bench_parser(sub)


def add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR, metavar="DIR",
                        help=f"where loaded files are cached by content (default: {DEFAULT_CACHE_DIR}; safe to delete)")
    parser.add_argument("--no-cache", action="store_true", help="load every file afresh and write no cache")


def _configured_check(args: argparse.Namespace, **change) -> tuple[CheckResult, Config] | int:
    if (error := corpus_usage_error(args.corpus)) is not None:
        return error
    cache_dir = None if getattr(args, "no_cache", True) else args.cache_dir
    if cache_dir is not None and (cache_dir.resolve() == args.corpus.resolve()
                                  or cache_dir.resolve().is_relative_to(args.corpus.resolve())):
        return fail(f"--cache-dir {cache_dir} is inside the corpus {args.corpus}, whose files editors own; "
                    "keep the cache outside it (the default is .claimcheck-cache/)")
    cache, refused = open_cache(cache_dir)
    if refused:
        warn(refused)
    progress = progress_bar()
    try:
        config, _source = load_config(Path.cwd())
        return check_corpus(args.corpus, config, cache=cache, progress=progress, **change), config
    except (ConfigError, UsageError, GitBaseError) as error:
        return fail(str(error))
    finally:
        if cache is not None:
            cache.close()
        if progress:
            progress.done(_cache_summary(cache))
        if cache is not None and cache.unwritable:
            warn(f"the cache cannot be written ({cache.unwritable}); the check ran without keeping its results")


def _cache_summary(cache) -> str:
    if cache is None:
        return ""
    stats = cache.stats
    return f"{stats.hits:,} files from the cache, {stats.misses:,} loaded afresh"


def run_check(args: argparse.Namespace) -> int:
    if args.output is not None and (problem := refusal(args.output, [args.corpus])):
        return fail(f"--output {problem}")
    if (problem := publishing_problem(args)) is not None:
        return fail(problem)
    if args.staged:
        if (error := corpus_usage_error(args.corpus)) is not None:
            return error
        try:
            args.new = staged_corpus_files(args.corpus)
        except GitBaseError as error:
            return fail(f"--staged: {error}")
        if not args.new:
            print(f"claimcheck: no claim file or article staged in {log_line(str(args.corpus))}: nothing to check",
                  file=sys.stderr)
            return EXIT_CLEAN
    outcome = _configured_check(args, base_ref=args.base, new_files=tuple(args.new), only_changes=args.only_changes)
    if isinstance(outcome, int):
        return outcome
    result, config = outcome
    diagnostics = result.diagnostics
    report = replace(for_publishing(args, result, config), fail_on=FAIL_ON[args.fail_on or config.fail_on],
                     confirmed_errors_fail=config.confirmed_errors == "fail")
    del outcome, result  # the loaded corpus is not needed to render the report: free it before building that
    if args.format in ("markdown", "github"):  # the markdown report's header and links
        report = relative_links(described(report, args.corpus), args.output)
    print_diagnostics(diagnostics)
    errors = errors_among(diagnostics)
    if report.drafts:
        warn(f"{len(report.drafts)} unconfirmed draft claim{'s' * (len(report.drafts) != 1)} are not compared "
             "(listed in the report; confirm them with `claimcheck confirm`)")
    status = EXIT_INVALID if errors else EXIT_FINDINGS if report.blocking() else EXIT_CLEAN
    # GitHub annotates input errors too, at their file and line, within the same budget
    parts = [github_reporter.render(report, errors)] if args.format == "github" else rendered_report(args.format, report)
    try:
        _write_report(args, parts)
    except BrokenPipeError:
        _quiet_stdout()  # the reader stopped reading (`| head`): the check's verdict stands
        return status
    except OutputRefused as error:
        return fail(f"--output {error}")
    _write_step_summary(args.format, report, status)
    if args.output is not None:
        print(log_line(one_line_summary(report, len(errors), args.output, status)), file=sys.stderr)
    return status


def _write_report(args: argparse.Namespace, parts: Iterable[str]) -> None:
    if args.output is None:
        for part in parts:
            sys.stdout.write(part)
        sys.stdout.flush()
    else:
        write_atomically(args.output, parts, protected=[args.corpus])


def _write_step_summary(format_: str, report: ReportData, status: int) -> None:
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if format_ != "github" or not summary_path:
        return
    try:
        with open(summary_path, "a", encoding="utf-8") as summary:
            summary.write(markdown_reporter.render(commit_links(report, os.environ)))
    except OSError as error:
        warn(f"the job summary {summary_path} cannot be written ({error.strerror or error}); "
             f"the check itself ran and exits {status}")


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def one_line_summary(report: ReportData, input_errors: int, output: Path, status: int) -> str:
    """E.g. `6 articles, 95 claims: 2 unreviewed conflicts, 3 compatible, ... -> report.md; exit 1`."""
    def count(number: int, what: str) -> str:
        return f"{number:,} {what}"

    unreviewed = len(report.unreviewed(Status.CONFLICT))
    parts = [count(unreviewed, "unreviewed conflict" + "s" * (unreviewed != 1))]
    statuses = ((Status.COMPATIBLE, "compatible"), (Status.UNSUPPORTED, "single-source"), (Status.CONSISTENT, "corroborated"))
    parts += [count(sum(1 for f in report.findings if f.status is status), label) for status, label in statuses]
    stale = sum(1 for state in report.reviews.values() if state.stale)
    confirmed = len(report.confirmed_errors())
    extras = ((len(report.reviews) - stale, "reviewed"), (stale, "stale review" + "s" * (stale != 1)),
              (confirmed, "confirmed error" + "s" * (confirmed != 1) + " awaiting correction"),
              (len(report.resolved_reviews), "resolved"), (input_errors, "input error" + "s" * (input_errors != 1)))
    parts += [count(number, label) for number, label in extras if number]
    if report.change is not None:
        parts.append(f"{len(report.blocking())} blocking this change")
    articles = len(report.articles)
    return (f"{articles:,} article{'s' * (articles != 1)}, {report.claim_count:,} claims: {', '.join(parts)} "
            f"-> {output}; exit {status}")


def run_review(args: argparse.Namespace) -> int:
    if (args.remove or args.archive) and args.finding is not None:  # `review --archive CORPUS`
        args.corpus, args.finding = Path(args.finding), None
    if args.remove:
        return _remove_review(args)
    if args.archive:
        return _archive_reviews(args)
    missing = [f"--{name}" for name in ("decision", "reviewer", "reason") if getattr(args, name) is None]
    if args.finding is None or missing:
        return fail("record a decision with FINDING-ID --decision D --reviewer NAME --reason \"...\" "
                    f"(missing: {', '.join(['FINDING-ID'] * (args.finding is None) + missing)}), "
                    "or use --remove FINDING-ID or --archive")
    if (problem := review_arguments_problem(args)) is not None:
        return fail(problem)
    outcome = _configured_check(args)
    if isinstance(outcome, int):
        return outcome
    result, _config = outcome
    finding = next((f for f in result.findings if f.id == args.finding), None)
    if finding is None:
        return fail(f"no finding {args.finding} in the current report; copy the id from the report")
    try:
        review = Review(finding=finding.id, decision=args.decision, reviewer=args.reviewer,
                        date=args.date or dt.date.today(), reason=args.reason, evidence=finding.fingerprint)
    except ValidationError as error:
        return fail(f"the review is not valid: {one_line(error)}")
    path = args.corpus / REVIEWS_FILE
    try:
        append_review(path, review)
    except (ReviewsFileError, OutputRefused) as error:
        return fail(f"{error}; the decision was not recorded")
    print(f"recorded {review.decision} for {finding.id} in {log_line(str(path))}", file=sys.stderr)
    return EXIT_CLEAN


def _remove_review(args: argparse.Namespace) -> int:
    path = args.corpus / REVIEWS_FILE
    if not path.is_file():
        return fail(f"{path} not found: no decision to remove")
    try:
        removed = remove_reviews(path, lambda review: review.finding == args.remove)
    except (ReviewsFileError, OutputRefused) as error:
        return fail(f"{error}; nothing was removed")
    if not removed:
        return fail(f"{path} holds no decision on {args.remove}")
    for review in removed:
        print(log_line(f"removed from {path}: {describe_review(review)}"), file=sys.stderr)
    return EXIT_CLEAN


def _archive_reviews(args: argparse.Namespace) -> int:
    path = args.corpus / REVIEWS_FILE
    if not path.is_file():
        print(log_line(f"{path} not found: nothing to archive"), file=sys.stderr)
        return EXIT_CLEAN
    outcome = _configured_check(args)
    if isinstance(outcome, int):
        return outcome
    result, _config = outcome
    if errors_among(result.diagnostics):  # a claim file with errors is not checked: its findings would look gone
        print_diagnostics(result.diagnostics)
        return fail("fix the input errors first: the findings of files that cannot be checked would look resolved")
    gone = set(result.report.resolved_reviews)
    try:
        marked = mark_resolved(path, lambda review: review in gone, args.date or dt.date.today())
    except (ReviewsFileError, OutputRefused) as error:
        return fail(f"{error}; nothing was archived")
    for review in marked:
        print(log_line(f"resolved, kept on record in {path}: {describe_review(review)}"), file=sys.stderr)
    print(f"{len(marked)} decision{'s' * (len(marked) != 1)} archived as resolved", file=sys.stderr)
    return EXIT_CLEAN


def describe_review(review: Review) -> str:
    return (f"{review.finding} {review.decision} by {review.reviewer} on {review.date.isoformat()}: "
            f"{review.reason}")
