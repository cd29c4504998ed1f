"""The "many sources, one fact" benchmark corpus: many articles, one finding per fact."""

from checker.config import Config
from checker.pipeline import check_corpus
from benchmarks.one_fact import write


def test_many_sources_stating_one_fact_with_many_values_make_one_finding_per_fact(tmp_path):
    result = check_corpus(write(tmp_path / "corpus", 300, 30), Config())
    assert sorted((f.rule, f.status.value) for f in result.findings) == [("CC101", "conflict"), ("CC102", "conflict")]
    for finding in result.findings:
        [majority] = [summary for summary in finding.clusters if summary.role == "majority"]
        assert majority.sources > 200 and "and " in finding.message  # articles named up to five, then "and N more"
        assert len(finding.message) < 3000
