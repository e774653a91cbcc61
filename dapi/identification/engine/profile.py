"""RFGV profiles: every number of the method, versioned, in a JSON file."""

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class Profile:
    version: str
    window_days: int
    minimum_age: int
    eligible_min_incidents: int
    serial_min_victims: int
    top_n: int
    recency: tuple[tuple[int, int], ...]  # (up to d days, points), ascending
    frequency: tuple[tuple[int, int], ...]  # (from n incidents, points), ascending
    victims: tuple[tuple[int, int], ...]  # (from k victims, points), ascending
    gravity_cap_days: float
    weights: dict[str, float]
    harm: dict[str, float]
    harm_names: dict[str, str]


def _bands(data, name) -> tuple[tuple[int, int], ...]:
    try:
        bands = tuple((int(a), int(b)) for a, b in data[name])
    except (KeyError, TypeError, ValueError):
        raise ProfileError(f"{name}: expected a list of [threshold, points] pairs") from None
    if not bands or [a for a, _ in bands] != sorted({a for a, _ in bands}):
        raise ProfileError(f"{name}: thresholds must be given in ascending order, each once")
    return bands


def parse_profile(data: dict) -> Profile:
    """A Profile from its JSON form, with errors that name the key at fault."""
    required = ["version", "window_days", "minimum_age", "eligible_min_incidents", "serial_min_victims", "top_n",
                "recency", "frequency", "victims", "gravity_cap_days", "weights", "harm"]
    missing = [k for k in required if k not in data]
    if missing:
        raise ProfileError(f"missing keys: {', '.join(missing)}")
    weights = {k: float(v) for k, v in data["weights"].items()}
    if set(weights) != {"recency", "frequency", "gravity", "victims"} or abs(sum(weights.values()) - 1) > 1e-9:
        raise ProfileError("weights: give recency, frequency, gravity and victims, adding up to 1")
    try:
        harm = {code: float(entry["days"]) for code, entry in data["harm"].items()}
        names = {code: str(entry.get("name", code)) for code, entry in data["harm"].items()}
    except (TypeError, KeyError, ValueError):
        raise ProfileError('harm: expected {"CODE": {"days": number, "name": text}, ...}') from None
    if not harm or any(v < 0 for v in harm.values()):
        raise ProfileError("harm: give at least one offence code, with days of 0 or more")
    recency = _bands(data, "recency")
    if recency[-1][0] < int(data["window_days"]) - 1:
        raise ProfileError("recency: the last band must reach the end of the window")
    return Profile(version=str(data["version"]), window_days=int(data["window_days"]),
                   minimum_age=int(data["minimum_age"]), eligible_min_incidents=int(data["eligible_min_incidents"]),
                   serial_min_victims=int(data["serial_min_victims"]), top_n=int(data["top_n"]), recency=recency,
                   frequency=_bands(data, "frequency"), victims=_bands(data, "victims"),
                   gravity_cap_days=float(data["gravity_cap_days"]), weights=weights, harm=harm, harm_names=names)


def load_profile(path: str | Path) -> Profile:
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ProfileError(f"{path}: {e}") from None
    return parse_profile(data)


def default_profile() -> Profile:
    text = resources.files("dapi.identification.engine.profiles").joinpath("rfgv-default.json").read_text()
    return parse_profile(json.loads(text))
