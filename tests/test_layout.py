"""The package's map: one folder per stage of the flow, and imports that only point along it.

load -> normalize -> index -> rules -> findings -> report. A stage may use what the stages
before it give (and the model everyone speaks), never what comes after it; only the
pipeline and the command line wire stages together, and only they may use the
incremental machinery (cache, snapshot, change re-check), which is never needed for a
check to be right.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

# stage -> the stages its modules may import (besides its own)
ALLOWED: dict[str, set[str]] = {
    "model": set(),  # what every stage speaks: claim models, values, the loaded corpus, diagnostics
    "normalize": {"model"},  # surface text -> intervals
    "load": {"model", "normalize"},  # files -> a Corpus; the only stage that reads files
    "findings": {"model"},  # Finding, Evidence, editors' decisions matched to findings
    "index": {"model", "normalize", "findings"},  # claims grouped for the rules, shared comparisons
    "config": {"findings", "normalize"},  # [tool.claimcheck], typed
    "rules": {"model", "index", "findings", "config", "workers"},  # the engine and one module per rule
    "report": {"model", "findings"},  # report data and one module per output format
    "incremental": {"model", "normalize", "load", "findings", "index", "config", "rules", "report", "workers"},
    "pipeline": {"model", "normalize", "load", "findings", "index", "config", "rules", "report", "incremental"},
    "draft": {"model", "normalize", "load"},  # an article's text -> draft claims for an editor to confirm
    "cli": {"model", "normalize", "load", "findings", "index", "config", "rules", "report", "incremental",
            "pipeline", "bench", "draft"},
    "workers": set(),  # worker processes: forked with stop signals held, killed with the check
    "bench": set(),  # synthetic corpora for benchmarks: writes files, imports no stage
    "__main__": {"cli"},
}


def stage_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def imported_stages(path: Path) -> set[str]:
    stages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "checker" and len(parts) > 1:
                stages.add(parts[1])
    return stages


MODULES = sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def test_every_folder_and_top_level_module_of_the_package_is_on_the_map():
    top_level = {stage_of(path) for path in MODULES} - {"__init__"}
    assert top_level == set(ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_along_the_flow(path):
    stage = stage_of(path)
    if stage == "__init__":
        return
    against = imported_stages(path) - ALLOWED[stage] - {stage}
    assert not against, f"{path.relative_to(PACKAGE)} ({stage}) imports {sorted(against)}, against the flow"


def test_every_stage_folder_says_what_it_takes_gives_and_may_import():
    for folder in sorted(path for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"):
        docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert "May import" in docstring, folder.name


def test_the_checker_catches_an_import_against_the_flow(tmp_path):
    reporter = tmp_path / "report_module.py"
    reporter.write_text("from checker.rules.engine import run_rules\nimport checker.index.index\n", encoding="utf-8")
    assert imported_stages(reporter) == {"rules", "index"}
