"""The identification engine: RFGV ranking of perpetrators from police incident data.

Django-free by design (a test checks): typed functions over Polars frames, layered like a small
dbt project, one step per function:

    read_incidents / validate_incidents   read and validate (read.py; read_incidents_of: some people's rows)
    counted_rows                          normalise: the rows that count on the as-of date (normalise.py)
    perpetrators                          per incident, per perpetrator (aggregate.py, hashed.py)
    points, score                         R, F, G, V and the score of everyone (score.py)
    rank, rank_incidents                  eligible perpetrators ranked per area, top N (rank.py)
    rank_file                             all of it from a file in one streaming pass (files.py)
    rescore_points, before_after_entry    outcomes of people on a programme (outcomes.py)
    victim_incident_dates                 the incidents naming a victim, for the MARAC escalation criterion (victims.py)

Every number comes from a versioned profile (profile.py; default profiles/rfgv-default.json).
"""

from .files import rank_file
from .outcomes import before_after, before_after_entry, rescore_points, rescore_series
from .profile import Profile, ProfileError, default_profile, load_profile, parse_profile
from .rank import RANKED, TIE_BREAK, rank, rank_incidents
from .read import (COLUMNS, OPTIONAL, InvalidIncidentFile, read_incidents, read_incidents_of,
                   read_incidents_of_victims, scan_incidents, validate_incidents)
from .score import SCORED, perpetrators, points, score
from .victims import victim_incident_dates

__all__ = [
    "COLUMNS", "OPTIONAL", "RANKED", "SCORED", "TIE_BREAK", "InvalidIncidentFile", "Profile", "ProfileError",
    "before_after", "before_after_entry", "default_profile", "load_profile", "parse_profile", "perpetrators",
    "points", "rank", "rank_file", "rank_incidents", "read_incidents", "read_incidents_of", "read_incidents_of_victims",
    "rescore_points", "rescore_series",
    "scan_incidents",
    "score", "validate_incidents", "victim_incident_dates",
]
