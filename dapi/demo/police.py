"""Each force's demo incident import: a police history for every demo perpetrator, ranked
perpetrators who were never referred (for comparison) and the force's wider synthetic incidents,
ranked and turned into case outcomes by the product's own task (`rank_one`), synchronously.

Histories are generated so that outcomes vary as they do in real evaluations: before his referral
each man has two to five incidents in the year (so the force's ranking lists him, as it must for a
police referral); after entry most have fewer (and lighter ones), some the same number and some more
(one of them heavier). Men ranked but
never referred have the same kind of history, anchored on a date like a referral's, with fewer
reductions. Only the incident rows are generated here: the figures (incidents and harm before and
after entry, RFGV rescores) are computed by the product from them.
"""

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

import polars as pl
from django.core.files import File

from dapi.accounts.models import Organisation, User
from dapi.audit.services import acting_as
from dapi.identification.engine import default_profile, read_incidents, rescore_points, synth
from dapi.identification.models import IncidentImport
from dapi.identification.tasks import rank_one

# An incident's main offence: mostly lower-harm; after a reduction lower still (what evaluations of
# perpetrator programmes report: fewer incidents and less physical violence); an escalation brings one
# heavier incident among the rest.
USUAL = (["NCI", "CD", "PO", "HAR", "CA", "CCB", "ABH", "STK"], [30, 8, 8, 15, 22, 8, 6, 3])
LIGHTER = (["NCI", "CD", "PO", "HAR", "CA", "CCB"], [45, 10, 10, 20, 12, 3])
HEAVIER = (["CA", "CCB", "TTK", "ABH", "NFS", "SA"], [25, 20, 10, 25, 12, 8])
# (reduce, unchanged, escalate): how often each happens after entry, for referred men and for
# ranked men never referred. Generation weights only: the product computes what happened.
REFERRED_WEIGHTS = (0.58, 0.24, 0.18)
COMPARISON_WEIGHTS = (0.36, 0.38, 0.26)
BACKGROUND_ROWS = 6000


def _offence(rng: random.Random, table: tuple = USUAL) -> str:
    codes, weights = table
    return rng.choices(codes, weights)[0]


def _history(rng: random.Random, police_id: str, area: str, referred_on: date, entry: date, today: date,
             weights: tuple, rows: list) -> None:
    """His incidents: two to five in the year before `referred_on`, then after `entry` fewer, as
    many or more (by `weights`), up to `today`."""
    victims = [f"{police_id.replace('-D', '-V').replace('-N', '-W')}-{k}" for k in (1, 2)]
    before = rng.randint(2, 5)
    days = sorted(rng.sample(range(2, 330), before))
    for n, back in enumerate(days):
        rows.append((f"{police_id}-I{n:02d}", referred_on - timedelta(days=back), area, police_id,
                     victims[0] if rng.random() < 0.8 else victims[1], _offence(rng)))
    kind = rng.choices(["reduce", "same", "escalate"], weights)[0]
    after = {"reduce": rng.randint(0, before // 2), "same": before, "escalate": before + rng.randint(1, 3)}[kind]
    for n in range(after):
        on = entry + timedelta(days=rng.randint(0, 364))
        if on <= today:
            table = {"reduce": LIGHTER, "same": USUAL, "escalate": HEAVIER if n == before else USUAL}[kind]
            rows.append((f"{police_id}-J{n:02d}", on, area, police_id, victims[0] if rng.random() < 0.7 else
                         victims[1], _offence(rng, table)))


def incidents(planned_of_force: list, code: str, areas: list[str], seed: int, today: date) -> pl.DataFrame:
    """The force's incident rows: its demo perpetrators', as many ranked-never-referred men, and
    BACKGROUND_ROWS of the synthetic generator's wider population moved into the force's areas and
    up to `today`."""
    rng = random.Random(f"{seed}-{code}")
    rows: list[tuple] = []
    for p in planned_of_force:
        _history(rng, p.police_id, p.area, p.received_on, p.entered_on or p.received_on, today, REFERRED_WEIGHTS,
                 rows)
    if planned_of_force:
        first, last = planned_of_force[0].received_on, planned_of_force[-1].received_on
        for n in range(1, len(planned_of_force) + 1):
            anchor = first + timedelta(days=rng.randint(0, (last - first).days))
            _history(rng, f"SYN-{code}-N{n:06d}", rng.choice(areas), anchor, anchor + timedelta(days=21), today,
                     COMPARISON_WEIGHTS, rows)
    ours = pl.DataFrame(rows, schema={"incident_id": pl.String, "occurred_on": pl.Date, "area": pl.String,
                                      "perpetrator_id": pl.String, "victim_id": pl.String, "offence": pl.String},
                        orient="row").with_columns(pl.lit(None, dtype=pl.Int16).alias("perpetrator_age"))
    shift = (today - synth.AS_OF).days
    wider = synth.generate(BACKGROUND_ROWS, seed).with_columns(
        (pl.col("occurred_on") + pl.duration(days=shift)).alias("occurred_on"),
        pl.col("area").replace_strict(synth.AREAS, [areas[k % len(areas)] for k in range(len(synth.AREAS))]),
    ).filter(pl.col("occurred_on") <= today)
    return pl.concat([ours, wider]).sort("occurred_on", "incident_id")


def rfgv_on_referral(frame: pl.DataFrame, planned_of_force: list) -> dict[str, float]:
    """Each man's RFGV score as of the day he was referred, by the product's engine."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "incidents.parquet"
        synth.write(frame, path)
        rows = read_incidents(path, default_profile()).collect().lazy()
    stays = [(p.police_id, p.police_id, p.received_on, p.received_on) for p in planned_of_force]
    as_of = max((p.received_on for p in planned_of_force), default=date.today())
    scored = rescore_points(rows, stays, as_of, default_profile())
    return {row["key"]: row["score"] for row in scored.iter_rows(named=True)}


def import_and_rank(frame: pl.DataFrame, force: Organisation, analyst: User, today: date) -> IncidentImport:
    """The force's analyst's import of `frame`, as of `today`, ranked and its cases' outcomes
    computed, by the same code the background task runs."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{force.name.lower().replace(' ', '-')}-demo-incidents.parquet"
        synth.write(frame, path)
        incident_import = IncidentImport(organisation=force, uploaded_by=analyst, as_of=today,
                                         original_name=path.name)
        with path.open("rb") as handle:
            incident_import.file.save("import.parquet", File(handle), save=False)
        with acting_as(analyst):
            incident_import.save()
    rank_one(incident_import)
    incident_import.refresh_from_db()
    return incident_import
