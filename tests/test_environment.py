"""environment.yml (conda) and pyproject.toml (pip) must name the same packages."""
from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\s\[;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pip_specs() -> dict[str, str]:
    proj = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(proj["dependencies"])
    for extra in proj.get("optional-dependencies", {}).values():
        specs += extra
    return {_name(s): s.replace(" ", "") for s in specs}


def _conda_specs() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    out = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str) and _name(dep) not in {"python", "pip"}:
            out[_name(dep)] = dep.replace(" ", "")
    return out


def test_environment_names_the_same_packages_as_pip():
    pip, conda = _pip_specs(), _conda_specs()
    assert set(pip) == set(conda), f"only pip: {set(pip) - set(conda)}; only conda: {set(conda) - set(pip)}"


def test_environment_uses_the_same_version_ranges():
    pip, conda = _pip_specs(), _conda_specs()
    for name in pip:
        assert pip[name] == conda[name], name


def test_environment_installs_the_kit_and_uses_conda_forge():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "conda-forge" in env["channels"]
    pip_section = [d for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert pip_section and "-e ." in pip_section[0]["pip"]
    assert "python=3.11" in env["dependencies"]
