"""The one way tests find fixture files."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"


def fixture(*parts: str) -> Path:
    return FIXTURES.joinpath(*parts)
