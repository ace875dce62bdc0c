"""Static HTML report: an index of events, a page per event and per storyline.

Rendered from the same dict as the JSON output (`export_json`), so the two agree.
Cited passages are highlighted in the article texts and linked from the summary.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .figures import readable

__all__ = ["write_report", "Renderer", "stylesheet"]


def _env() -> Environment:
    env = Environment(loader=PackageLoader("storyweave", "templates"),
                      autoescape=select_autoescape(["html"]))
    env.filters["count"] = _count
    env.filters["figure"] = readable
    return env


def _count(n: int, noun: str) -> str:
    """ "1 article", "3 articles": English plurals of the report's few nouns."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _highlight(text: str, spans: list[tuple[int, int]], article_id: str) -> Markup:
    """The article text with cited passages marked and an anchor at each passage start
    (passages may nest: a quote inside a summary sentence), so every citation link lands."""
    spans = sorted({(a, b) for a, b in spans if 0 <= a < b <= len(text)})
    starts = {a for a, _ in spans}
    cuts = sorted({0, len(text), *starts, *(b for _, b in spans)})
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        if lo in starts:
            out.append(Markup(f'<a class="anchor" id="{article_id}-{lo}"></a>'))
        piece = escape(text[lo:hi])
        inside = any(a <= lo and hi <= b for a, b in spans)
        out.append(Markup("<mark>") + piece + Markup("</mark>") if inside else piece)
    return Markup("").join(out)


def _event_context(ev: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    numbers = {a["id"]: i + 1 for i, a in enumerate(ev["articles"])}
    spans: dict[str, list[tuple[int, int]]] = {a["id"]: [] for a in ev["articles"]}
    for s in ev["summary"]:
        for c in s["citations"] + s["corroboration"]["contradicted_by"]:
            spans.setdefault(c["article_id"], []).append((c["start"], c["end"]))
    for q in ev.get("quotes", []):
        for c in q["citations"]:
            spans.setdefault(c["article_id"], []).append((c["start"], c["end"]))
    for x in ev.get("aspects", []):
        for c in x["passages"]:
            spans.setdefault(c["article_id"], []).append((c["start"], c["end"]))
    for d in ev.get("developments", []):
        spans.setdefault(d["article_id"], []).append((d["start"], d["end"]))
    titles = {a["id"]: a["title"] for a in ev["articles"]}
    sl_title = next((s["title"] for s in data["storylines"] if s["id"] == ev["storyline"]), "")
    return {"ev": ev, "numbers": numbers, "titles": titles, "storyline_title": sl_title,
            "conflicts": {m["article_id"]: m["date_conflict"] for m in ev["membership"]},
            "passages": {a["id"]: _highlight(a["clean_text"], spans[a["id"]], a["id"])
                         for a in ev["articles"]}}


class Renderer:
    """Renders report pages from the export dict; used for files and by the web UI."""

    def __init__(self, data: dict[str, Any], target_lang: str = "en"):
        self.data, self.env = data, _env()
        self.by_id = {ev["id"]: ev for ev in data["events"]}
        self.storylines = {sl["id"]: sl for sl in data["storylines"]}
        self.common = {"data": data, "target_lang": target_lang,
                       "storyline_titles": {s["id"]: s["title"] for s in data["storylines"]}}

    def page(self, name: str) -> str | None:
        """HTML of a page path ("index.html", "events/ev-….html", ...), None if unknown."""
        t = self.env.get_template
        if name in ("index.html", ""):
            langs = sorted({lang for ev in self.data["events"] for lang in ev["languages"]})
            n = sum(ev["n_articles"] for ev in self.data["events"])
            # Undated events (no date in any member) go last, not into a None < str error.
            newest = sorted(self.data["events"], key=lambda ev: ev["date"] or "", reverse=True)
            return t("index.html").render(root="", languages=langs, n_articles=n,
                                          events=newest, **self.common)
        if name in ("storylines.html", "rejected.html"):
            return t(name).render(root="", **self.common)
        folder, _, file = name.partition("/")
        key = file.removesuffix(".html")
        if folder == "events" and key in self.by_id:
            return t("event.html").render(root="../", **self.common,
                                          **_event_context(self.by_id[key], self.data))
        if folder == "storylines" and key in self.storylines:
            sl = self.storylines[key]
            events = [self.by_id[e] for e in sl["events"] if e in self.by_id]
            event_of = {a["id"]: ev["id"] for ev in events for a in ev["articles"]}
            return t("storyline.html").render(root="../", sl=sl, events=events,
                                              events_by_id=self.by_id, event_of=event_of,
                                              **self.common)
        return None

    def names(self) -> list[str]:
        return (["index.html", "storylines.html", "rejected.html"]
                + [f"events/{i}.html" for i in self.by_id]
                + [f"storylines/{i}.html" for i in self.storylines])


def stylesheet() -> str:
    return (Path(__file__).parent / "templates" / "style.css").read_text(encoding="utf-8")


def write_report(data: dict[str, Any], out_dir: str | Path, target_lang: str = "en") -> Path:
    out = Path(out_dir)
    (out / "events").mkdir(parents=True, exist_ok=True)
    (out / "storylines").mkdir(parents=True, exist_ok=True)
    renderer = Renderer(data, target_lang)
    for name in renderer.names():
        (out / name).write_text(renderer.page(name) or "", encoding="utf-8")
    (out / "style.css").write_text(stylesheet(), encoding="utf-8")
    return out / "index.html"
