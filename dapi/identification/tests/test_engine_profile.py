"""RFGV profiles: the default holds every number of DOMAIN.md section 4; other files are checked."""

import copy
import json
from importlib import resources

import pytest

from dapi.identification.engine import ProfileError, default_profile, load_profile, parse_profile


def default_data() -> dict:
    text = resources.files("dapi.identification.engine.profiles").joinpath("rfgv-default.json").read_text()
    return json.loads(text)


def errors_of(data) -> list[str]:
    with pytest.raises(ProfileError) as e:
        parse_profile(data)
    return e.value.errors


def test_the_default_profile_holds_every_number_of_domain_section_4():
    p = default_profile()
    assert (p.version, p.window_days, p.minimum_age, p.eligible_min_incidents, p.serial_min_victims, p.top_n) == (
        "rfgv-default-1", 730, 16, 2, 2, 20)
    assert p.recency == ((28, 100), (91, 80), (182, 60), (365, 40), (548, 20), (730, 10))
    assert p.frequency == ((1, 10), (2, 30), (3, 45), (4, 60), (5, 75), (7, 90), (10, 100))
    assert p.victims == ((1, 20), (2, 60), (3, 80), (4, 100))
    assert p.gravity_cap_days == 1825
    assert p.weights == {"recency": 0.2, "frequency": 0.2, "gravity": 0.4, "victims": 0.2}
    assert p.harm == {"NCI": 1, "CD": 2, "PO": 7.5, "HAR": 10, "CA": 10, "STK": 30, "CCB": 60, "TTK": 90,
                      "SA": 182.25, "ABH": 365, "NFS": 365, "GBH": 1095, "RAPE": 2555, "HOM": 5475}
    assert (p.outcome_window_days, p.rescore_every_days) == (365, 28)


def test_every_offence_code_says_what_it_means():
    p = default_profile()
    assert p.harm_names["CCB"] == "Controlling or coercive behaviour"
    assert p.harm_names["NFS"] == "Non-fatal strangulation"
    assert set(p.harm_names) == set(p.harm) and all(p.harm_names.values())


def test_weights_and_harm_are_kept_exactly():
    p = default_profile()
    # 0.2, 0.2, 0.4, 0.2 are 1/5, 1/5, 2/5, 1/5: equal sums of points give bit-for-bit equal scores.
    assert (p.weight_units, p.weight_scale) == ({"recency": 1, "frequency": 1, "gravity": 2, "victims": 1}, 5)
    assert p.harm_centidays["SA"] == 18225 and p.harm_centidays["PO"] == 750


def test_another_file_of_the_same_shape_is_loaded(tmp_path):
    data = default_data()
    data["version"], data["top_n"], data["harm"]["XX"] = "local-2", 25, {"days": 0.01, "name": "Test code"}
    path = tmp_path / "local.json"
    path.write_text(json.dumps(data))
    p = load_profile(path)
    assert (p.version, p.top_n, p.harm_centidays["XX"]) == ("local-2", 25, 1)


def test_missing_and_unknown_keys_are_named():
    data = default_data()
    del data["window_days"], data["weights"]
    data["windows_days"] = 730
    assert errors_of(data) == [
        "missing keys: weights, window_days",
        "unknown keys: windows_days (expected description, eligible_min_incidents, frequency_points, "
        "gravity_cap_days, harm, minimum_age, outcomes, recency_points, serial_min_victims, top_n, version, "
        "victim_points, weights, window_days)"]


def test_every_problem_in_a_profile_is_named_at_once():
    data = default_data()
    data["window_days"] = 0
    data["minimum_age"] = "16"
    data["recency_points"][1]["days_up_to"] = 20
    data["frequency_points"][0]["incidents_from"] = 2
    data["victim_points"].append({"victims_from": 5, "points": 120})
    data["weights"]["gravity"] = 0.5
    data["harm"]["abh"] = {"days": 365, "name": "lower case"}
    data["harm"]["SA"]["days"] = 182.255
    assert errors_of(data) == [
        "window_days: expected a whole number from 1 to 36500, found 0",
        "minimum_age: expected a whole number from 0 to 120, found '16'",
        "recency_points: days_up_to must be strictly ascending, found [28, 20, 182, 365, 548, 730]",
        "frequency_points: incidents_from must be strictly ascending, found [2, 2, 3, 4, 5, 7, 10]",
        "frequency_points: the first band must start at 1, so that every count has points",
        "victim_points: band 5 needs a whole \"victims_from\" of 0 or more and whole \"points\" from 0 to 100, "
        "found {'victims_from': 5, 'points': 120}",
        "weights: must add up to exactly 1, they add up to 1.1",
        "harm: SA days may have at most 2 decimal places, found 182.255",
        "harm: 'abh' is not an offence code (capital letters, digits and _, up to 20, starting with a letter)",
    ]


def test_recency_bands_must_reach_the_end_of_the_window():
    data = default_data()
    data["recency_points"][-1]["days_up_to"] = 700
    assert errors_of(data) == ["recency_points: the last band must reach 729 days (the oldest counted incident is "
                               "window_days - 1 days before the as-of date)"]


def test_weights_must_be_the_four_components():
    data = copy.deepcopy(default_data())
    data["weights"] = {"recency": 0.5, "gravity": 0.5}
    assert errors_of(data)[0].startswith("weights: expected exactly recency, frequency, gravity, victims")


def test_a_file_that_is_not_json_or_not_there_is_refused(tmp_path):
    bad = tmp_path / "p.json"
    bad.write_text("{version: 1")
    with pytest.raises(ProfileError, match=r"p.json: not valid JSON"):
        load_profile(bad)
    with pytest.raises(ProfileError, match=r"nothing.json: cannot be read"):
        load_profile(tmp_path / "nothing.json")
    with pytest.raises(ProfileError, match="a profile must be a JSON object"):
        parse_profile([1, 2])
