import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent

# The five seed articles, their claims and registries, byte for byte as first encoded: what the
# tests rely on. claims/ is the newsroom's live corpus and grows; no test may depend on what it holds.
SEED_CORPUS = Path(__file__).resolve().parent / "fixtures" / "seed"

# An article a newsroom might add: Stargate at $400 billion, where the seed articles say $500
# billion, so it brings one new conflict. Its claim sits on line 7 of the claim file.
CONFLICTING_TEXT = "OpenAI's Stargate venture with Oracle and SoftBank is a $400 billion plan, the outlet reported.\n"


def conflicting_claims(article_id: str) -> str:
    return f"""\
# yaml-language-server: $schema=../schemas/claim-file.schema.json
article:
  id: {article_id}
  text: articles/{article_id}.txt
claims:
  # the figure the other outlets give as $500 billion
  - id: stargate-value
    subject: stargate
    property: deal-value
    value: {{kind: money, text: "$400 billion"}}
    quote: "a $400 billion plan"
"""
