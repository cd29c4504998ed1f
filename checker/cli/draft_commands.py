"""`claimcheck draft` and `claimcheck confirm`: the editor confirms claims instead of typing them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from checker.cli.commands import EXIT_CLEAN, EXIT_INVALID, fail, print_diagnostics, write_atomically
from checker.draft.drafter import draft_article
from checker.draft.update import UpdateError, appended, confirmed, parse
from checker.draft.writer import render_file
from checker.load.corpus import load_registries
from checker.load.files import MAX_ARTICLE_BYTES, MAX_CLAIM_FILE_BYTES, read_text
from checker.load.provenance import FoldedText
from checker.model.claims import Article
from checker.model.diagnostics import InputError


def add_draft_parsers(sub, default_corpus: Path, iso_date) -> None:
    draft = sub.add_parser("draft", help="draft an article's claims from its text, for an editor to confirm")
    draft.add_argument("article", nargs="?", type=Path, metavar="ARTICLE_TEXT", help="the article's text file")
    draft.add_argument("--id", dest="article_id", metavar="ID", help="the article id (lower-case, hyphens)")
    draft.add_argument("--published", type=iso_date, default=None, metavar="YYYY-MM-DD")
    draft.add_argument("--publisher", default=None, metavar="ENTITY-ID", help="the outlet's id in the registry")
    draft.add_argument("--url", default=None)
    draft.add_argument("--output", type=Path, default=None, metavar="FILE", help="write here instead of stdout")
    draft.add_argument("--force", action="store_true", help="overwrite --output if it exists")
    draft.add_argument("--update", type=Path, default=None, metavar="CLAIM_FILE",
                       help="append drafts for what this claim file does not cover yet; confirmed claims stay as they are")
    draft.add_argument("--corpus", type=Path, default=default_corpus, help="where the registries are")
    draft.set_defaults(run=run_draft)

    confirm = sub.add_parser("confirm", help="confirm draft claims of a claim file (delete their `draft: true`)")
    confirm.add_argument("claim_file", type=Path, metavar="CLAIM_FILE")
    confirm.add_argument("claims", nargs="*", metavar="CLAIM-ID", help="these claims only (default: every draft)")
    confirm.set_defaults(run=run_confirm)


def run_draft(args: argparse.Namespace) -> int:
    registries, problems = load_registries(args.corpus)
    if problems:
        print_diagnostics(tuple(problems))
        return fail(f"the registries of {str(args.corpus)!r} have errors; fix them first (claimcheck validate)")
    if args.update is not None:
        return _update(args, registries)
    if args.article is None or args.article_id is None:
        return fail("give the article text and --id (or --update CLAIM_FILE)")
    if _inside_articles(args.output):
        return fail("never write a claim file inside articles/: that folder holds the article texts")
    if args.output is not None and args.output.exists() and not args.force:
        return fail(f"{args.output} exists; pass --force to overwrite it, or --update it to add drafts")
    try:
        Article(id=args.article_id, text="x", publisher=args.publisher, url=args.url, published=args.published)
        text = read_text(args.article, str(args.article), MAX_ARTICLE_BYTES, strip_bom=False)
    except ValidationError as error:
        return fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)))
    except InputError as error:
        print_diagnostics(error.diagnostics)
        return EXIT_INVALID
    if args.publisher is not None and args.publisher not in registries.entities:
        return fail(f"unknown publisher {args.publisher!r}: add it to registry/entities.yaml or fix the id")
    draft = draft_article(text, registries.entities, registries.properties, args.published)
    base = args.output.parent if args.output is not None else args.corpus
    text_path = Path(os.path.relpath(args.article.resolve(), base.resolve())).as_posix()
    rendered = render_file(draft, args.article_id, text_path, args.published, args.publisher, args.url)
    if args.output is None:
        sys.stdout.write(rendered)
    else:
        write_atomically(args.output, rendered)
    _summary(len(draft.claims), sum(1 for claim in draft.claims if claim.property is None), args.output)
    return EXIT_CLEAN


def _summary(count: int, unchosen: int, output: Path | None) -> None:
    where = f" to {output}" if output is not None else ""
    choose = f"; {unchosen} need a property (property: null)" if unchosen else ""
    print(f"claimcheck: {count} draft claims written{where}{choose}. Check each against the article, "
          "then `claimcheck validate` and `claimcheck confirm`.", file=sys.stderr)


def _inside_articles(path: Path | None) -> bool:
    return path is not None and "articles" in path.resolve().parent.parts[-1:]


def _update(args: argparse.Namespace, registries) -> int:
    path: Path = args.update
    try:
        original = read_text(path, str(path), MAX_CLAIM_FILE_BYTES, strip_bom=False)
        data = parse(original)
        article = data.get("article") or {}
        text_path = path.parent / str(article.get("text", ""))
        text = read_text(text_path, str(text_path), MAX_ARTICLE_BYTES, strip_bom=False)
        published = article.get("published") if isinstance(article.get("published"), dt.date) else None
        draft = draft_article(text, registries.entities, registries.properties, published)
        updated, count = appended(original, data, draft, FoldedText(text))
    except InputError as error:
        print_diagnostics(error.diagnostics)
        return EXIT_INVALID
    except UpdateError as error:
        return fail(f"{path}: {error}")
    if count:
        write_atomically(path, updated)
    print(f"claimcheck: {count} new draft claims appended to {path}; the claims already there are unchanged",
          file=sys.stderr)
    return EXIT_CLEAN


def run_confirm(args: argparse.Namespace) -> int:
    path: Path = args.claim_file
    try:
        original = read_text(path, str(path), MAX_CLAIM_FILE_BYTES, strip_bom=False)
        updated, done = confirmed(original, parse(original), args.claims)
    except InputError as error:
        print_diagnostics(error.diagnostics)
        return EXIT_INVALID
    except UpdateError as error:
        return fail(f"{path}: {error}")
    if done:
        write_atomically(path, updated)
    print(f"claimcheck: confirmed {len(done)} claims in {path}" + (f": {', '.join(done)}" if done else ""),
          file=sys.stderr)
    return EXIT_CLEAN
