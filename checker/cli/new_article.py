"""`claimcheck new-article TEXTFILE --id ID`: start an article as the corpus wants it.

The text is copied byte for byte to `<corpus>/articles/ID.txt`, and `<corpus>/ID.claims.yaml`
is written as a skeleton: the metadata given, the schema named on its first line (editors
autocomplete from it), and a commented example claim. `claimcheck validate` passes on it as
written. An existing article or claim file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from checker.cli.review_arguments import one_line
from checker.load.corpus import load_registries
from checker.load.files import MAX_ARTICLE_BYTES, read_text
from checker.load.suggestions import unknown_id_message
from checker.model.claims import Article
from checker.model.diagnostics import InputError
from checker.report.safe import log_line

EXIT_CLEAN, EXIT_INVALID = 0, 2
SCHEMA = Path("schemas") / "claim-file.schema.json"

EXAMPLE_CLAIM = """\
claims: []
# One claim per checkable statement: a date, an amount, a list, a quote, a yes/no fact.
# To add the first, replace `claims: []` with `claims:` and copy this example without
# the leading "# " (ids from registry/entities.yaml and registry/properties.yaml):
#  - id: deal-value                  # unique in this file; never rename once reviewed
#    subject: acme-globex-deal       # who or what the statement is about
#    property: deal-value            # what it says about it
#    value: {kind: money, text: "around $1.4 trillion"}   # as the article words it
#    quote: "a deal worth around $1.4 trillion"            # exact words of the article
"""


def add_new_article_parser(sub, default_corpus: Path) -> None:
    parser = sub.add_parser("new-article", help="add an article: copy its text into the corpus and write a claim "
                                                "file to fill in")
    parser.add_argument("textfile", type=Path, metavar="TEXTFILE", help="the article text as published (UTF-8)")
    parser.add_argument("--id", required=True, dest="article_id", metavar="ID",
                        help="the article's id: lower-case letters, digits and hyphens, e.g. friday-unveiling")
    parser.add_argument("--publisher", metavar="ENTITY", help="the outlet, an id from registry/entities.yaml")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date the article states")
    parser.add_argument("--url", help="where the article was published (https://...)")
    parser.add_argument("--corpus", type=Path, default=default_corpus, metavar="DIR",
                        help=f"the corpus to add it to (default: {default_corpus})")
    parser.set_defaults(run=run_new_article)


def run_new_article(args: argparse.Namespace) -> int:
    corpus: Path = args.corpus
    if not corpus.is_dir():
        return _fail(f"corpus directory {str(corpus)!r} not found (run from the repository root, or pass --corpus)")
    article = _article(args, corpus)
    if isinstance(article, str):
        return _fail(article)
    text_path, claim_path = corpus / article.text, corpus / f"{article.id}.claims.yaml"
    existing = [str(path) for path in (text_path, claim_path) if path.exists() or path.is_symlink()]
    if existing:
        return _fail(f"{' and '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
                     "choose another --id, or edit the existing files")
    if not args.textfile.is_file():
        return _fail(f"TEXTFILE {str(args.textfile)!r} not found (or not a file): name the saved article text")
    try:
        read_text(args.textfile, str(args.textfile), MAX_ARTICLE_BYTES, strip_bom=False)  # what the loader accepts
    except InputError as error:
        return _fail(error.diagnostics[0].format())
    _create(text_path, args.textfile.read_bytes())
    _create(claim_path, skeleton(article, _schema_reference(corpus)).encode("utf-8"))
    print(log_line(f"wrote {text_path} and {claim_path}; add the claims, then run `claimcheck validate`"),
          file=sys.stderr)
    return EXIT_CLEAN


def _article(args: argparse.Namespace, corpus: Path) -> Article | str:
    """The metadata, checked as the loader will check it; or what is wrong, in one line."""
    try:
        published = dt.date.fromisoformat(args.published) if args.published is not None else None
    except ValueError:
        return f"--published {args.published!r} must be a date written YYYY-MM-DD"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", args.article_id):
        return (f"--id {args.article_id!r} must be lower-case letters, digits and hyphens (at most 80), "
                "e.g. friday-unveiling")
    if args.url is not None and not re.fullmatch(r"https?://\S+", args.url):
        return f"--url {args.url!r} must be a web address starting with https:// or http://"
    try:
        article = Article(id=args.article_id, text=f"articles/{args.article_id}.txt", publisher=args.publisher,
                          url=args.url, published=published, source_file=args.textfile.name[:255] or None)
    except ValidationError as error:
        return _option_words(one_line(error))
    if article.publisher is not None:
        registries, _problems = load_registries(corpus)
        if article.publisher not in registries.entities:
            return (f"--publisher: {unknown_id_message('entity', article.publisher, registries.entities)} "
                    f"(add the outlet to {corpus / 'registry' / 'entities.yaml'} first)")
    return article


def _option_words(message: str) -> str:
    """Name the options the editor typed, not the model's fields."""
    for field, option in (("id", "--id"), ("publisher", "--publisher"), ("url", "--url"), ("text", "--id")):
        message = message.replace(f"{field}: ", f"{option}: ") if message.startswith(f"{field}: ") else message
        message = message.replace(f"; {field}: ", f"; {option}: ")
    return message


def skeleton(article: Article, schema_reference: str) -> str:
    """The claim file an editor starts from: valid as it is."""
    fields = [
        ("id", article.id, ""),
        ("text", article.text, ""),
        ("source_file", _scalar(article.source_file), "the file the text came from"),
        ("title", "null", ""),
        ("publisher", _scalar(article.publisher), "only what the article itself states; unknown stays null"),
        ("url", _scalar(article.url), ""),
        ("published", _scalar(article.published), 'YYYY-MM-DD when stated: it resolves "Friday", "in October"'),
        ("timezone", "null", "e.g. America/New_York, when known"),
        ("derived_from", "[]", "wire services or outlets it says it is based on, e.g. [mint]"),
    ]
    lines = [f"# yaml-language-server: $schema={schema_reference}",
             f"# Claims encoded from {article.id}.txt. Every quote must be words of the article.",
             "article:"]
    for name, value, comment in fields:
        line = f"  {name}: {value}"
        lines.append(f"{line:<40} # {comment}" if comment else line)
    lines.append("")
    return "\n".join(lines) + "\n" + EXAMPLE_CLAIM


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _schema_reference(corpus: Path) -> str:
    """The schema, relative to the corpus (the claim file's directory), as the corpus's own files name it."""
    return Path(os.path.relpath(Path.cwd() / SCHEMA, corpus.resolve())).as_posix()


def _create(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as out:  # never replaces a file that appeared meanwhile
        out.write(content)


def _fail(message: str) -> int:
    print(f"claimcheck: error: {log_line(message)}", file=sys.stderr)
    return EXIT_INVALID
