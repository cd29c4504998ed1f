"""Any text gives a claim file that loads: every error is a placeholder for the editor, every quote found once."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.draft.drafter import draft_article
from checker.draft.writer import render_file
from checker.load.corpus import load_corpus, load_registries
from checker.load.provenance import FoldedText
from checker.model.diagnostics import Code

HERE = Path(__file__).resolve().parent
REGISTRIES, _ = load_registries(HERE / "corpus")
PIECES = ["Acme", "Globex", "Jane Roe", "said", "the company", "$2 billion", "around", "between", "and", "3%",
          "more than half", "in 2024", "on Friday", "March 3, 2025", "annually", "“", "”", '"', ",", ".", "\n",
          "including", "Oslo", "does not include", "purchase commitments", "would invest", "4 gigawatts",
          "according to", "Daily Planet", "CEO", "Umbrella Corp", "agreement", "1,200", "\u00a0", "—", "’s",
          "was followed by", "the launch event", "(NASDAQ:GBX)", "Japanese", "supplies", "earlier", "Initech",
          "a new partnership", "manufacture", "Japan", "he said,", "plans", "deals with", "struck", "multibillion-dollar"]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)), min_size=1, max_size=60).map(
    " ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_file_that_loads_with_only_placeholders_to_choose(text):
    draft = draft_article(text, REGISTRIES.entities, REGISTRIES.properties)
    folded = FoldedText(text)
    for claim in draft.claims:
        assert len(folded.occurrences(claim.quote.exact, claim.quote.prefix)) == 1
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        shutil.copytree(HERE / "corpus" / "registry", root / "registry")
        (root / "articles").mkdir()
        (root / "articles" / "a.txt").write_text(text, encoding="utf-8", newline="")
        if not text.strip() or "\x00" in text:
            return  # the loader refuses an empty or binary article text itself, with its own message
        rendered = render_file(draft, "a", "articles/a.txt", None, None, None)
        (root / "a.claims.yaml").write_text(rendered, encoding="utf-8")
        result = load_corpus(root)
    unexpected = [d for d in result.diagnostics if d.code is not Code.PROPERTY_TO_CHOOSE]
    assert not unexpected, [d.format() for d in unexpected]
    placeholders = sum(1 for claim in draft.claims if claim.property is None)
    assert len(result.diagnostics) == placeholders
    assert len(result.corpus.claims) == 0  # drafts are validated, never compared
