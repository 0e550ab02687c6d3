"""environment.yml (conda) and pyproject.toml (pip) must name the same packages."""
from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\s\[;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


#: extras that environment.yml leaves out on purpose (training only; see pyproject.toml)
NOT_IN_CONDA = {"train"}


def _pip_specs() -> dict[str, str]:
    proj = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(proj["dependencies"])
    for name, extra in proj.get("optional-dependencies", {}).items():
        if name not in NOT_IN_CONDA:
            specs += extra
    return {_name(s): s.replace(" ", "") for s in specs}


def test_training_packages_stay_out_of_the_notebook_environments():
    """scikit-learn brings SciPy, which NLTK (under TextBlob) imports whenever it is there:
    seconds more for every kernel. Only the training environment has it."""
    proj = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    train = {_name(s) for s in proj["optional-dependencies"]["train"]}
    assert "scikit-learn" in train
    assert not train & set(_conda_specs())
    assert not train & {_name(s) for s in proj["dependencies"] + proj["optional-dependencies"]["test"]}
    makefile = (ROOT / "Makefile").read_text()
    setup_install = re.search(r"pip install --quiet -e '\.\[([a-z,]+)\]'", makefile)
    assert setup_install and "train" not in setup_install.group(1).split(",")


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
