from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "A_RES_79_138.zh.txt"
GA = FIXTURES / "A_RES_80_11.md"
GA1 = FIXTURES / "A_RES_80_1.md"
SC = FIXTURES / "S_RES_0242_1967_EN_GOLD.txt"
SC1 = FIXTURES / "S_RES_0001_1946_EN_GOLD.txt"


@pytest.fixture
def seed_text():
    return SEED.read_text(encoding="utf-8")
