"""scripts/system-packages.sh, run against stand-ins for dpkg-query, id and apt-get."""

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "system-packages.sh"
BASH = shutil.which("bash") or "/bin/bash"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def stand_ins(folder: Path, installed: list[str], uid: int) -> Path:
    """A folder of fake commands: dpkg-query knows `installed`, id says `uid`, apt-get logs."""
    folder.mkdir()
    known = " ".join(installed)
    scripts = {
        # dpkg-query -W -f=FORMAT PACKAGE ($3): the status line of an installed package, else fail.
        "dpkg-query": f'for p in {known}; do [ "$p" = "$3" ] && '
        'echo -n "install ok installed" && exit 0; done; exit 1',
        "id": f"echo {uid}",
        "apt-get": f'echo "$*" >> {folder / "apt-get.log"}',
    }
    for name, body in scripts.items():
        path = folder / name
        path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
        path.chmod(0o755)
    return folder


def run(folder: Path, with_system_path: bool = True) -> subprocess.CompletedProcess[str]:
    path = f"{folder}:/usr/bin:/bin" if with_system_path else str(folder)
    return subprocess.run(
        [BASH, str(SCRIPT)], capture_output=True, text=True, env={"PATH": path}, check=False
    )


def apt_calls(folder: Path) -> list[str]:
    log = folder / "apt-get.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_not_root_and_missing_says_what_to_install_in_one_line(tmp_path) -> None:
    fake = stand_ins(tmp_path / "bin", installed=[], uid=1000)
    done = run(fake)
    assert done.returncode != 0
    assert done.stderr.splitlines() == [
        "missing Debian packages; as root run: "
        "apt-get install --no-install-recommends fonts-noto-cjk chromium chromium-driver"
    ]
    assert apt_calls(fake) == []


def test_root_installs_only_what_is_missing(tmp_path) -> None:
    fake = stand_ins(tmp_path / "bin", installed=["fonts-noto-cjk"], uid=0)
    done = run(fake)
    assert done.returncode == 0, done.stderr
    assert apt_calls(fake) == [
        "update -qq",
        "install -y -qq --no-install-recommends chromium chromium-driver",
    ]


def test_nothing_missing_does_nothing(tmp_path) -> None:
    fake = stand_ins(
        tmp_path / "bin", installed=["fonts-noto-cjk", "chromium", "chromium-driver"], uid=1000
    )
    done = run(fake)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert apt_calls(fake) == []


def test_without_dpkg_a_note_and_no_failure(tmp_path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    done = run(empty, with_system_path=False)
    assert done.returncode == 0
    assert "not a Debian system" in done.stderr
