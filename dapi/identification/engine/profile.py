"""RFGV profiles: every number of the method, versioned, in one JSON file.

The default is `profiles/rfgv-default.json` (DOMAIN.md section 4). Another file of the same
shape can be loaded with `load_profile`; it is checked key by key and every problem is named.
"""

import json
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from pathlib import Path

# The engine packs day counts and area codes into 16 bits and harm into whole hundredths of a
# day, so these limits keep every intermediate value exact.
MAX_WINDOW_DAYS = 36_500
MAX_HARM_DAYS = 1_000_000
WEIGHT_NAMES = ("recency", "frequency", "gravity", "victims")
KEYS = {"version", "description", "window_days", "minimum_age", "eligible_min_incidents", "serial_min_victims",
        "top_n", "recency_points", "frequency_points", "victim_points", "gravity_cap_days", "weights", "harm",
        "outcomes"}
OFFENCE_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,19}")


class ProfileError(ValueError):
    """A profile file that cannot be used; `.errors` names every problem found."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Profile:
    """One RFGV method, every number of it. Bands are tuples of (threshold, points):
    `recency` by "days since the latest incident, up to", ascending; `frequency` and `victims` by
    "from this count", ascending. `harm` is days per offence code; `harm_centidays` the same in
    whole hundredths of a day, which is what the engine adds up (so sums are exact)."""

    version: str
    description: str
    window_days: int
    minimum_age: int
    eligible_min_incidents: int
    serial_min_victims: int
    top_n: int
    recency: tuple[tuple[int, int], ...]
    frequency: tuple[tuple[int, int], ...]
    victims: tuple[tuple[int, int], ...]
    gravity_cap_days: float
    weights: dict[str, float]
    weight_units: dict[str, int]  # weights as whole units of 1 / weight_scale, exactly
    weight_scale: int
    harm: dict[str, float]
    harm_centidays: dict[str, int]
    harm_names: dict[str, str]
    outcome_window_days: int
    rescore_every_days: int

    @property
    def offence_codes(self) -> list[str]:
        """The accepted offence codes, alphabetical."""
        return sorted(self.harm)


def _whole(errors: list[str], data: dict, key: str, low: int, high: int, prefix: str = "") -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors.append(f"{prefix}{key}: expected a whole number from {low} to {high}, found {value!r}")
        return low
    return value


def _bands(errors: list[str], data: dict, key: str, threshold: str, *, first: int | None = None,
           last_at_least: int | None = None) -> tuple[tuple[int, int], ...]:
    """A list of {threshold: n, "points": p}, thresholds strictly ascending, points 0-100."""
    shape = f'{key}: expected a list like [{{"{threshold}": 1, "points": 10}}, ...]'
    items = data.get(key)
    if not isinstance(items, list) or not items:
        errors.append(shape)
        return ((0, 0),)
    bands = []
    for i, item in enumerate(items, start=1):
        t, p = (item.get(threshold), item.get("points")) if isinstance(item, dict) else (None, None)
        if isinstance(item, dict) and set(item) != {threshold, "points"}:
            errors.append(f'{key}: band {i} must have exactly "{threshold}" and "points"')
        elif any(isinstance(v, bool) or not isinstance(v, int) for v in (t, p)) or t < 0 or not 0 <= p <= 100:
            errors.append(f'{key}: band {i} needs a whole "{threshold}" of 0 or more and whole "points" from 0 '
                          f"to 100, found {item!r}")
        else:
            bands.append((t, p))
    if len(bands) != len(items):
        return ((0, 0),)
    thresholds = [t for t, _ in bands]
    if any(b <= a for a, b in zip(thresholds, thresholds[1:])):
        errors.append(f"{key}: {threshold} must be strictly ascending, found {thresholds}")
    if first is not None and thresholds[0] != first:
        errors.append(f"{key}: the first band must start at {first}, so that every count has points")
    if last_at_least is not None and thresholds[-1] < last_at_least:
        errors.append(f"{key}: the last band must reach {last_at_least} days (the oldest counted incident "
                      f"is window_days - 1 days before the as-of date)")
    return tuple(bands)


def _weights(errors: list[str], data: dict) -> tuple[dict[str, float], dict[str, int], int]:
    raw = data.get("weights")
    if not isinstance(raw, dict) or set(raw) != set(WEIGHT_NAMES):
        errors.append(f"weights: expected exactly {', '.join(WEIGHT_NAMES)}, found {raw!r}")
        return dict.fromkeys(WEIGHT_NAMES, 0.25), dict.fromkeys(WEIGHT_NAMES, 1), 4
    exact = {}
    for name in WEIGHT_NAMES:
        value = raw[name]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            errors.append(f"weights: {name} must be a number from 0 to 1, found {value!r}")
            return dict.fromkeys(WEIGHT_NAMES, 0.25), dict.fromkeys(WEIGHT_NAMES, 1), 4
        # The decimal as written (0.2 is 1/5), so that equal sums of points give equal scores.
        exact[name] = Fraction(repr(value))
        if exact[name].denominator > 10**6:
            errors.append(f"weights: {name} may have at most 6 decimal places, found {value!r}")
    if sum(exact.values()) != 1:
        errors.append(f"weights: must add up to exactly 1, they add up to {float(sum(exact.values()))!r}")
    scale = math.lcm(*(f.denominator for f in exact.values()))
    return ({n: float(raw[n]) for n in WEIGHT_NAMES}, {n: int(exact[n] * scale) for n in WEIGHT_NAMES}, scale)


def _harm(errors: list[str], data: dict) -> tuple[dict[str, float], dict[str, int], dict[str, str]]:
    raw = data.get("harm")
    shape = 'harm: expected {"CODE": {"days": number, "name": "what the code means"}, ...}'
    if not isinstance(raw, dict) or not raw:
        errors.append(shape)
        return {}, {}, {}
    days, centidays, names = {}, {}, {}
    for code, entry in raw.items():
        if not OFFENCE_CODE.fullmatch(code):
            errors.append(f"harm: {code!r} is not an offence code (capital letters, digits and _, up to 20, "
                          f"starting with a letter)")
            continue
        value = entry.get("days") if isinstance(entry, dict) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or set(entry) != {"days", "name"}:
            errors.append(f'harm: {code} must have exactly "days" and "name"')
        elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_HARM_DAYS:
            errors.append(f"harm: {code} days must be a number from 0 to {MAX_HARM_DAYS}, found {value!r}")
        elif Fraction(repr(value)) * 100 != round(Fraction(repr(value)) * 100):
            errors.append(f"harm: {code} days may have at most 2 decimal places, found {value!r}")
        elif not isinstance(name, str) or not name.strip():
            errors.append(f"harm: {code} needs a name saying what the code means")
        else:
            days[code] = float(value)
            centidays[code] = int(Fraction(repr(value)) * 100)
            names[code] = name
    return days, centidays, names


def parse_profile(data: object) -> Profile:
    """A Profile from its JSON form. Raises ProfileError naming every key at fault."""
    if not isinstance(data, dict):
        raise ProfileError(["a profile must be a JSON object"])
    errors: list[str] = []
    missing = sorted(KEYS - {"description"} - set(data))
    if missing:
        errors.append(f"missing keys: {', '.join(missing)}")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        errors.append(f"unknown keys: {', '.join(unknown)} (expected {', '.join(sorted(KEYS))})")
    if missing:
        raise ProfileError(errors)
    version = data["version"]
    if not isinstance(version, str) or not 1 <= len(version.strip()) <= 40:
        errors.append(f"version: expected a name of 1 to 40 characters, found {version!r}")
    window = _whole(errors, data, "window_days", 1, MAX_WINDOW_DAYS)
    minimum_age = _whole(errors, data, "minimum_age", 0, 120)
    eligible = _whole(errors, data, "eligible_min_incidents", 1, 10**6)
    serial = _whole(errors, data, "serial_min_victims", 1, 10**6)
    top_n = _whole(errors, data, "top_n", 1, 10**6)
    recency = _bands(errors, data, "recency_points", "days_up_to", last_at_least=window - 1)
    frequency = _bands(errors, data, "frequency_points", "incidents_from", first=1)
    victims = _bands(errors, data, "victim_points", "victims_from", first=1)
    cap = data["gravity_cap_days"]
    if isinstance(cap, bool) or not isinstance(cap, int | float) or not 0 < cap <= MAX_HARM_DAYS:
        errors.append(f"gravity_cap_days: expected a number above 0 and at most {MAX_HARM_DAYS}, found {cap!r}")
        cap = 1
    weights, units, scale = _weights(errors, data)
    harm, centidays, names = _harm(errors, data)
    outcomes = data["outcomes"] if isinstance(data["outcomes"], dict) else {}
    if set(outcomes) != {"window_days", "rescore_every_days"}:
        errors.append('outcomes: expected {"window_days": 365, "rescore_every_days": 28}')
    outcome_window = _whole(errors, outcomes, "window_days", 1, MAX_WINDOW_DAYS, "outcomes: ")
    rescore_every = _whole(errors, outcomes, "rescore_every_days", 1, MAX_WINDOW_DAYS, "outcomes: ")
    if errors:
        raise ProfileError(errors)
    return Profile(version=version.strip(), description=str(data.get("description", "")), window_days=window,
                   minimum_age=minimum_age, eligible_min_incidents=eligible, serial_min_victims=serial, top_n=top_n,
                   recency=recency, frequency=frequency, victims=victims, gravity_cap_days=float(cap),
                   weights=weights, weight_units=units, weight_scale=scale, harm=harm, harm_centidays=centidays,
                   harm_names=names, outcome_window_days=outcome_window, rescore_every_days=rescore_every)


def load_profile(path: str | Path) -> Profile:
    """The profile in a JSON file; ProfileError names the file or every key at fault."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ProfileError([f"{path}: cannot be read ({e.strerror or e})"]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ProfileError([f"{path}: not valid JSON ({e})"]) from None
    return parse_profile(data)


def default_profile() -> Profile:
    """The project's published default profile (DOMAIN.md section 4)."""
    text = resources.files("dapi.identification.engine.profiles").joinpath("rfgv-default.json").read_text("utf-8")
    return parse_profile(json.loads(text))
