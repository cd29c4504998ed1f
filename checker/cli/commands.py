"""What each subcommand does. The CLI parses arguments; these functions call the pipeline."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from checker.bench.command import add_bench_parser
from checker.cli.progress import progress_bar
from checker.config import Config, ConfigError, load_config
from checker.findings.finding import Status
from checker.incremental.cache import DEFAULT_CACHE_DIR, open_cache
from checker.incremental.loader import CachedLoader
from checker.load.claim_values import PARSERS
from checker.load.corpus import REVIEWS_FILE, load_corpus
from checker.load.git_base import GitBaseError
from checker.load.schema import SCHEMA_MODELS, render_schema
from checker.model.diagnostics import Diagnostic
from checker.model.reviews import Review
from checker.normalize import NormalizationError, NormalizeOptions
from checker.pipeline import CheckResult, UsageError, check_corpus
from checker.report import github as github_reporter
from checker.report import json as json_reporter
from checker.report import markdown as markdown_reporter
from checker.report import sarif as sarif_reporter
from checker.report import text as text_reporter
from checker.report.data import ReportData
from checker.report.jsonout import dump_json
from checker.rules import RULES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2
FORMATS = {
    "text": text_reporter.render,
    "json": json_reporter.render,
    "markdown": markdown_reporter.render,
    "sarif": sarif_reporter.render,
    "github": github_reporter.render,
}
FAIL_ON = {
    "conflict": (Status.CONFLICT,),
    "unsupported": (Status.CONFLICT, Status.UNSUPPORTED),
    "never": (),
}


def fail(message: str) -> int:
    print(f"claimcheck: error: {message}", file=sys.stderr)
    return EXIT_INVALID


def print_diagnostics(diagnostics: tuple[Diagnostic, ...]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)


def corpus_usage_error(corpus: Path) -> int | None:
    if not corpus.is_dir():
        return fail(f"corpus directory {str(corpus)!r} not found (run from the repository root, or pass its path)")
    return None


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write to a temporary file beside the target, then rename: never a truncated report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                     suffix=".tmp", delete=False, newline="") as handle:
        temporary = Path(handle.name)
        try:
            for part in [text] if isinstance(text, str) else text:
                handle.write(part)
        except BaseException:
            handle.close()
            temporary.unlink(missing_ok=True)
            raise
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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
    print(f"{len(corpus.articles)} articles, {len(corpus.claims)} claims loaded; "
          f"{len(result.diagnostics)} input errors", file=sys.stderr)
    return EXIT_INVALID if result.diagnostics else EXIT_CLEAN


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
            value = PARSERS[args.kind](text, args.reference_date, options)
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
    check.add_argument("corpus", nargs="?", type=Path, default=default_corpus)
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--output", type=Path, default=None, help="write the report here instead of stdout")
    check.add_argument("--fail-on", choices=sorted(FAIL_ON), default=None,
                       help="exit 1 when an unreviewed finding of this status (or worse) exists; default: conflict")
    change = check.add_mutually_exclusive_group()
    change.add_argument("--base", metavar="REF", help="report what the change since this git ref brings")
    change.add_argument("--new", nargs="+", type=Path, default=(), metavar="FILE",
                        help="report what these claim files or articles bring to the rest of the corpus")
    check.add_argument("--only-changes", action="store_true",
                       help="with --new or --base: report only the findings the change touches (quick on a large "
                            "corpus already checked)")
    add_cache_arguments(check)
    check.set_defaults(run=run_check)

    rules = sub.add_parser("rules", help="list the rules with their codes and what they check")
    rules.set_defaults(run=run_rules_listing)

    review = sub.add_parser("review", help="record an editor's decision on a finding in claims/reviews.yaml")
    review.add_argument("finding", metavar="FINDING-ID")
    review.add_argument("--decision", required=True, choices=["confirmed-error", "dismissed", "corrected"])
    review.add_argument("--reviewer", required=True)
    review.add_argument("--reason", required=True)
    review.add_argument("--date", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    review.add_argument("--corpus", type=Path, default=default_corpus)
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
    cache, refused = open_cache(None if getattr(args, "no_cache", True) else args.cache_dir)
    if refused:
        print(f"claimcheck: warning: {refused}", file=sys.stderr)
    progress = progress_bar()
    try:
        config, _source = load_config(Path.cwd())
        return check_corpus(args.corpus, config, cache=cache, progress=progress, **change), config
    except (ConfigError, UsageError, GitBaseError) as error:
        return fail(str(error))
    finally:
        if progress:
            progress.done(_cache_summary(cache))


def _cache_summary(cache) -> str:
    if cache is None:
        return ""
    stats = cache.stats
    return f"{stats.hits:,} files from the cache, {stats.misses:,} loaded afresh"


def run_check(args: argparse.Namespace) -> int:
    outcome = _configured_check(args, base_ref=args.base, new_files=tuple(args.new), only_changes=args.only_changes)
    if isinstance(outcome, int):
        return outcome
    result, config = outcome
    diagnostics, report = result.diagnostics, result.report
    del outcome, result  # the loaded corpus is not needed to render the report: free it before building that
    print_diagnostics(diagnostics)
    if report.drafts:
        print(f"claimcheck: warning: {len(report.drafts)} unconfirmed draft claims are not compared "
              "(listed in the report; confirm them with `claimcheck confirm`)", file=sys.stderr)
    if args.output is None:
        for part in rendered_report(args.format, report):
            sys.stdout.write(part)
    else:
        write_atomically(args.output, rendered_report(args.format, report))
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_path:
        with open(summary_path, "a", encoding="utf-8") as summary:
            summary.write(markdown_reporter.render(report))
    if diagnostics:
        return EXIT_INVALID
    return EXIT_FINDINGS if report.failing(FAIL_ON[args.fail_on or config.fail_on]) else EXIT_CLEAN


def run_review(args: argparse.Namespace) -> int:
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
    except ValueError as error:
        return fail(f"the review is not valid: {error}")
    path = args.corpus / REVIEWS_FILE
    existing = path.read_text(encoding="utf-8") if path.is_file() else REVIEWS_HEADER
    write_atomically(path, existing.rstrip("\n") + "\n" + review_entry(review))
    print(f"recorded {review.decision} for {finding.id} in {path}", file=sys.stderr)
    return EXIT_CLEAN


REVIEWS_HEADER = """# yaml-language-server: $schema=../schemas/reviews.schema.json
# Editors' decisions on findings. Add with `claimcheck review FINDING-ID ...` or by hand:
# finding and evidence are the ids the report prints for the finding.
reviews:
"""


def review_entry(review: Review) -> str:
    data = review.model_dump(mode="json")
    lines = [f"  - finding: {data['finding']}"]
    lines += [f"    {field}: {dump_json(data[field])}" for field in ("decision", "reviewer", "date", "reason", "evidence")]
    return "\n".join(lines) + "\n"
