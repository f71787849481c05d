"""tools/system-packages on a machine without Node: it installs Node.js and npm with apt-get.

The machine is simulated by a PATH that holds only the programs the script may find; apt-get
is a stand-in that writes down what it was asked to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "tools" / "system-packages"


def machine(tmp_path: Path, programs: list[str]) -> tuple[dict, Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(Path(sys.base_prefix) / "bin" / "python3")  # not the venv's
    for name in ["bash", "env", *programs]:
        found = shutil.which(name)
        assert found, f"{name} mangler på maskinen som kjører testen"
        (bin_dir / name).symlink_to(found)
    log = tmp_path / "apt-get.log"
    for name, body in {"apt-get": f'echo "$@" >> {log}\n', "id": "echo 0\n"}.items():
        stub = bin_dir / name
        stub.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        stub.chmod(0o755)
    return {**os.environ, "PATH": str(bin_dir)}, log


def test_installs_node_and_npm_when_missing(tmp_path):
    env, log = machine(tmp_path, ["hunspell", "java"])
    result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    installs = [line for line in log.read_text().splitlines() if line.startswith("install")]
    assert installs and {"nodejs", "npm"} <= set(installs[-1].split()), log.read_text()


def test_installs_nothing_when_all_is_there(tmp_path):
    env, log = machine(tmp_path, ["hunspell", "java", "node", "npm"])
    result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not log.exists()
