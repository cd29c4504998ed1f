"""What the README and the editor guide promise must hold: commands, ids and examples."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from checker.config import Config
from checker.index.index import build_index
from checker.load.corpus import load_corpus
from checker.model.diagnostics import errors_among
from checker.pipeline import check_corpus
from checker.rules import arithmetic
from checker.rules.engine import run_rules
from tests.conftest import REPO, SEED_CORPUS
from tests.corpus_builder import write_corpus

GUIDE = (REPO / "docs" / "editor-guide.md").read_text(encoding="utf-8")
SAYING_MORE = "\n## Saying more\n"
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_exactly_the_readme_test_command():
    ci_command = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"\n{ci_command}\n" in README


def test_the_workflow_installs_as_the_readme_does():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "claimcheck.yml").read_text(encoding="utf-8"))
    install = next(step["run"] for step in workflow["jobs"]["check"]["steps"] if step.get("name", "").startswith("Install"))
    assert install in README


def test_finding_ids_quoted_in_the_docs_exist_in_the_seed_corpus_findings(monkeypatch):
    monkeypatch.chdir(SEED_CORPUS.parent)
    ids = {finding.id for finding in check_corpus(Path(SEED_CORPUS.name), Config()).findings}
    quoted = set(re.findall(r"CC1\d\d-[0-9a-f]{12}", GUIDE + README))
    assert quoted and quoted <= ids


def test_the_guide_examples_are_real_claims_of_the_seed_corpus():
    snippets = re.findall(r"```yaml\n(.*?)```", GUIDE.split(SAYING_MORE, 1)[0], flags=re.S)
    claims = [claim for snippet in snippets for claim in _claims_in(snippet)]
    assert len(claims) == 2
    corpus_claims = {}
    for path in SEED_CORPUS.glob("*.claims.yaml"):
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]:
            corpus_claims[claim["id"]] = claim
    for claim in claims:
        real = corpus_claims[claim["id"]]
        assert {key: real[key] for key in claim} == claim


def _claims_in(snippet: str) -> list[dict]:
    data = yaml.safe_load(snippet if snippet.lstrip().startswith(("#", "article")) else "claims:\n" + snippet)
    return data.get("claims", [])


def test_the_readme_runs_the_benchmark_as_its_script_says_and_quotes_its_latest_figures():
    script = (REPO / "benchmarks" / "run.py").read_text(encoding="utf-8")
    command = next(line.split("#")[0].strip() for line in script.splitlines() if "benchmarks/run.py" in line)
    assert f"\n{command}\n" in README
    results = (REPO / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    figures = [line for line in results.splitlines() if line.startswith("| articles |")]
    assert figures, "benchmarks/RESULTS.md has no figures table"
    table = results.split(figures[0], 1)[1].split("\n\n", 1)[0]
    assert figures[0] + table in README, "README's benchmark figures differ from benchmarks/RESULTS.md"
    targets = results.split("## Targets", 1)[1].split("## Notes", 1)[0]
    verdicts = [line for line in targets.splitlines() if line.startswith("- ")]
    assert verdicts and all(f"\n{line}\n" in README for line in verdicts), "README's targets differ from RESULTS.md"


def test_the_pre_commit_examples_name_the_release_of_this_version():
    import tomllib

    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"rev: (\S+)", README) == [f"v{version}"] and f"rev: v{version}" in hooks
    hook_ids = {hook["id"] for hook in yaml.safe_load(hooks)}
    assert set(re.findall(r"- id: (\S+)", README)) == hook_ids


def test_the_guide_examples_of_saying_more_load_from_their_invented_article(tmp_path):
    section = GUIDE.split(SAYING_MORE, 1)[1]
    (text,) = re.findall(r"```text\n(.*?)```", section, flags=re.S)
    claims = [claim for snippet in re.findall(r"```yaml\n(.*?)```", section, flags=re.S) for claim in _claims_in(snippet)]
    assert len(claims) >= 2
    result = load_corpus(write_corpus(tmp_path, [{"id": "guide", "text": text, "published": "2026-03-04",
                                                  "claims": claims}]))
    assert errors_among(result.diagnostics) == [], [d.format() for d in result.diagnostics]
    assert len(result.corpus.claims) == len(claims)
    computed = run_rules(build_index(result.corpus), Config(), rules=[arithmetic])
    assert sorted(finding.status.value for finding in computed) == ["consistent"] * 3, [f.message for f in computed]
