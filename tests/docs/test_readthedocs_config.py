"""Read the Docs builds the docs as the tests do: the configuration it names exists, the extra
it installs is declared, and warnings fail the build."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def config() -> Any:
    return yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))


def test_it_is_version_2_on_ubuntu_with_the_supported_python() -> None:
    settings = config()
    assert settings["version"] == 2
    assert settings["build"]["os"].startswith("ubuntu-")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    python = settings["build"]["tools"]["python"]
    assert isinstance(python, str)  # unquoted, 3.10 would read as 3.1
    assert project["requires-python"] == f">={python}"


def test_it_names_the_sphinx_configuration_and_fails_on_warnings() -> None:
    sphinx = config()["sphinx"]
    assert (ROOT / sphinx["configuration"]).is_file()
    assert sphinx["configuration"] == "docs/conf.py"
    assert sphinx["fail_on_warning"] is True


def test_it_installs_the_project_with_an_extra_that_pyproject_declares() -> None:
    (install,) = config()["python"]["install"]
    assert install["method"] == "pip"
    assert (ROOT / install["path"] / "pyproject.toml").is_file()
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert install["extra_requirements"] == ["docs"]
    assert {"sphinx", "furo", "myst-parser"} <= {
        requirement.split(">")[0].split("=")[0].strip() for requirement in extras["docs"]
    }
