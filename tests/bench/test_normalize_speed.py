"""The normalization benchmark's inputs: seeded, mixed across kinds, with unreadable texts among them."""

from benchmarks.normalize_speed import UNREADABLE, expressions
from checker.normalize.examples import EXAMPLES


def test_the_inputs_are_the_same_for_the_same_seed_and_mix_every_kind():
    inputs = expressions(400, seed=3)
    assert inputs == expressions(400, seed=3) != expressions(400, seed=4)
    assert {kind for kind, _ in inputs} == set(EXAMPLES)
    assert sum(text in UNREADABLE for _, text in inputs) == 40
