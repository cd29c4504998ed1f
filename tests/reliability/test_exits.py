"""Exit codes tell the truth; independence counts sources, not article ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from checker.cli import main
from checker.load.corpus import load_registry
from tests.conftest import REPO
from tests.corpus_builder import write_corpus


def test_a_broken_pipe_keeps_the_checks_exit_code(workdir):
    command = f"{sys.executable} -m checker check --format text claims | head -c 10 > /dev/null; " \
              "echo ${PIPESTATUS[0]}"
    result = subprocess.run(["bash", "-c", command], cwd=workdir, capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.stdout.decode().strip() == "1"
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


def test_a_same_size_edit_with_the_mtime_kept_is_seen_by_new_and_only_changes(workdir, capsys):
    assert main(["check"]) == 1  # a full check leaves the snapshot
    capsys.readouterr()
    claim_file = workdir / "claims" / "b.claims.yaml"
    text = workdir / "claims" / "articles" / "b.txt"
    stamps = {path: path.stat() for path in (claim_file, text)}
    text.write_text(text.read_text(encoding="utf-8").replace("$400", "$500"), encoding="utf-8")
    claim_file.write_text(claim_file.read_text(encoding="utf-8").replace("$400", "$500"), encoding="utf-8")
    for path, status in stamps.items():  # as `cp -p` or `rsync -t` leave them
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert main(["check", "--new", "claims/b.claims.yaml", "--only-changes", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert not [finding for finding in findings if finding["status"] == "conflict"]


def test_two_article_ids_with_byte_identical_texts_are_one_source_and_a_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    text = "Acme said the deal is worth $500 billion."
    claim = {"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
             "value": {"kind": "money", "text": "$500 billion"}, "quote": "worth $500 billion"}
    write_corpus(Path("claims"), [{"id": "copy-one", "text": text, "claims": [claim]},
                                  {"id": "copy-two", "text": text, "claims": [claim]}])
    assert main(["check", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "CC045 warning: article 'copy-two' has the same text as 'copy-one'" in captured.err
    statuses = {finding["rule"]: finding["status"] for finding in json.loads(captured.out)["findings"]}
    assert statuses.get("CC109") == "unsupported" and "consistent" not in statuses.values()


def test_a_registry_of_a_hundred_thousand_entities_loads(tmp_path):
    registry = tmp_path / "registry" / "entities.yaml"
    registry.parent.mkdir()
    registry.write_text("entities:\n" + "".join(f"  - {{id: org-{n}, name: Org {n}, kind: organization, "
                                               f"aliases: [O{n}]}}\n" for n in range(100_000)), encoding="utf-8")
    diagnostics: list = []
    entries = load_registry(tmp_path, Path("registry/entities.yaml"), "entities", diagnostics)
    assert diagnostics == [] and len(entries) == 100_000
