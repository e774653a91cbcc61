"""The identification engine: RFGV ranking of perpetrators from police incident data.

Django-free by design (a test checks): typed functions over Polars lazy frames, layered like a
small dbt project: `read` (read and validate) -> `score` (normalise, per incident, per
perpetrator, components) -> `rank` (within area, top N) -> `outcomes` (before and after).
Every number comes from a versioned profile (`profile.py`, default `profiles/rfgv-default.json`).
"""

from .outcomes import before_after, rescore_series
from .profile import Profile, ProfileError, default_profile, load_profile
from .rank import rank
from .read import COLUMNS, InvalidIncidentFile, read_incidents
from .score import score

__all__ = ["COLUMNS", "InvalidIncidentFile", "Profile", "ProfileError", "before_after", "default_profile",
           "load_profile", "rank", "read_incidents", "rescore_series", "score"]
