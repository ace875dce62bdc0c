from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYWEAVE_SHARED", ROOT.parent / "shared" / "datasets"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


MINI = {
    "bbc/sochi.txt": """Lavrov and Pompeo meet in Sochi
Home | World | Politics | Sport
Today: Saturday, 27 April 2024
Russian Foreign Minister Sergei Lavrov met US Secretary of State Mike Pompeo in Sochi on Tuesday, 14 May 2019.
The two discussed arms control, Iran, Venezuela and North Korea, officials said.
"We want to improve relations," Pompeo told reporters.
Read more: Putin hosts Pompeo
Share on Facebook
""",
    "ukrinform/sochi.txt": """Лавров і Помпео зустрілися в Сочі
Сьогодні: субота, 27 квітня 2024
Міністр закордонних справ Росії Сергій Лавров у вівторок зустрівся з держсекретарем США Майком Помпео в Сочі.
Сторони обговорили контроль над озброєннями, Іран та Венесуелу.
Читайте також: Зеленський відвідав Брюссель
""",
    "tass/sochi.txt": """Лавров и Помпео провели переговоры в Сочи
14.05.2019 18:32
Министр иностранных дел России Сергей Лавров во вторник провел переговоры с госсекретарем США Майком Помпео в Сочи.
Стороны обсудили контроль над вооружениями, Иран и Венесуэлу.
""",
    "bbc/quake.txt": """Earthquake strikes central Italy
A magnitude 6.2 earthquake struck central Italy on 24 August 2016, killing at least 247 people in Amatrice and nearby towns.
Rescue teams worked through the night, the civil protection agency said.
""",
    "tass/quake.txt": """Землетрясение в Италии
24.08.2016 10:05
Землетрясение магнитудой 6,2 произошло в центральной Италии, погибли по меньшей мере 247 человек в Аматриче.
Спасатели работали всю ночь, сообщили в службе гражданской защиты.
""",
}


@pytest.fixture
def mini_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for rel, text in MINI.items():
        write(root / rel, text)
    return root


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/datasets not present")
    return SHARED
