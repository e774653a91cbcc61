"""The decisions a user may see, and those about one programme, are asked of PostgreSQL as lists of
ids per link table (issue 20, item 6), so the planner's estimate stays small on tables it has never
analysed. As one join of every link table, a fresh database estimated 26 million units for the
programme page's decisions at seed scale: past `jit_above_cost` (100,000 by default), so each page
view compiled the query (2.7 s) before running it (3 ms). No timing here: the planner's own
estimate, which does not depend on the machine; bench/pages.py times the pages before and after
ANALYZE."""

import json

import pytest
from django.db import connection

from dapi.decisions import access, selectors
from dapi.funding.models import Programme

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
JIT_ABOVE_COST = 100_000


def estimated_cost(queryset) -> float:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    return (plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]["Total Cost"]


@on_postgresql
def test_the_programme_pages_decision_queries_are_estimated_far_below_the_jit_threshold(cast):
    commissioner = cast["commissioner"]
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    about = selectors.decisions_about_programme(commissioner, programme)
    visible = access.decision_list_for(commissioner)
    assert about.exists() and visible.count() >= about.count()
    assert estimated_cost(about) < JIT_ABOVE_COST / 10
    assert estimated_cost(visible) < JIT_ABOVE_COST / 10


def test_the_lists_are_the_same_decisions_as_the_joins_gave(cast):
    """Rewriting the query did not change what anyone sees (decisions/tests/test_access.py checks
    each role; here the programme page's list against a plain reading of the links)."""
    commissioner = cast["commissioner"]
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    linked = {d.pk for d in access.decision_list_for(commissioner)
              if programme in d.programmes.all() or any(a.programme_id == programme.pk for a in d.agreements.all())
              or any(a.programme_id == programme.pk for a in d.awards.all())
              or any(a.programme_id == programme.pk for a in d.allocations.all())
              or any(m.programme_id == programme.pk for m in d.match_contributions.all())}
    assert linked and {d.pk for d in selectors.decisions_about_programme(commissioner, programme)} == linked
