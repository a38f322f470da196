"""What validate.py checks against (the repository's code, switchable for the self-test; infra/'s files) and what it
found (problems fail the run, notes are printed)."""
from __future__ import annotations

from pathlib import Path

INFRA = Path(__file__).resolve().parent.parent
REPO = INFRA.parent
MAIN = INFRA / "main.bicep"
PARAMS_EXAMPLE = INFRA / "main.parameters.example.json"
README = INFRA / "README.md"

problems: list[str] = []
notes: list[str] = []


def use_repo(path: Path) -> None:
    """Reads the code of another checkout (the self-test's synthetic repositories, --repo)."""
    global REPO
    REPO = Path(path).resolve()


def problem(text: str) -> None:
    problems.append(text)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")
