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
