"""How the loader treats drafts: validated, set aside from the comparison, listed in the report."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.config import Config
from checker.load.corpus import load_corpus
from checker.model.corpus import DRAFT_REASON
from checker.model.diagnostics import Code
from checker.pipeline import check_corpus
from checker.report.markdown import render

HERE = Path(__file__).resolve().parent
TEXT = "Acme will invest $2 billion in Oslo. Globex will invest $3 billion.\n"
CLAIMS = """article: {{id: a, text: articles/a.txt}}
claims:
  - id: acme-investment
    subject: acme
    property: investment
    value: {{kind: money, text: "$2 billion"}}
    quote: "Acme will invest $2 billion"
  - id: globex-investment
    subject: globex
    property: {globex_property}
    value: {{kind: money, text: "$3 billion"}}
    quote: "Globex will invest $3 billion"
    draft: {draft}
"""


def corpus(tmp_path, *, draft: str, globex_property: str = "investment") -> Path:
    root = tmp_path / "claims"
    shutil.copytree(HERE / "corpus" / "registry", root / "registry")
    (root / "articles").mkdir()
    (root / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "a.claims.yaml").write_text(CLAIMS.format(draft=draft, globex_property=globex_property),
                                        encoding="utf-8")
    return root


def test_a_draft_is_validated_but_not_compared(tmp_path):
    result = load_corpus(corpus(tmp_path, draft="true"))
    assert not result.diagnostics
    assert [claim.claim.id for claim in result.corpus.claims] == ["acme-investment"]
    assert [(u.claim_id, u.reason) for u in result.corpus.unchecked] == [("globex-investment", DRAFT_REASON)]


def test_a_draft_with_a_bad_quote_is_an_input_error_like_any_claim(tmp_path):
    root = corpus(tmp_path, draft="true")
    path = root / "a.claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Globex will invest $3", "Globex invests $3"),
                    encoding="utf-8")
    assert [d.code for d in load_corpus(root).diagnostics] == [Code.QUOTE_NOT_FOUND]


def test_a_missing_property_asks_the_editor_to_choose_draft_or_not(tmp_path):
    for draft in ("true", "false"):
        result = load_corpus(corpus(tmp_path / draft, draft=draft, globex_property="null"))
        [diagnostic] = result.diagnostics
        assert diagnostic.code is Code.PROPERTY_TO_CHOOSE and diagnostic.line == 10  # the property line
        assert "deal-value, investment" in diagnostic.hint  # the properties of its value's kind


def test_the_report_lists_drafts_apart_from_claims_with_errors(tmp_path):
    result = check_corpus(corpus(tmp_path, draft="true"), Config())
    assert [item.claim for item in result.report.drafts] == ["globex-investment"]
    assert result.report.unchecked == () and result.report.claim_count == 1
    rendered = render(result.report)
    assert "<summary>Unconfirmed drafts (1)</summary>" in rendered and "Not checked" not in rendered
