"""Benchmark: the service navigation of every page (dapi/navigation.py) for each demo user, its lists asked through
`exists_for` (SQL compiled once per user and memberships, dapi/accounts/lists.py), against each list made and
compiled afresh and asked `.exists()` in the same process (the baseline, as before `exists_for`).

    DAPI_DATA_DIR=/tmp/nav-demo .venv/bin/dapi demo --no-serve
    DAPI_DATA_DIR=/tmp/nav-demo .venv/bin/python bench/navigation.py [--repeat 200]

Each user is read afresh for every navigation, as each request reads them. Times are the median over --repeat
navigations per user, in ms; the ratio is exists_for / baseline. Both ways must give the same links.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    import django

    django.setup()
    from dapi.accounts import lists
    from dapi.accounts.models import User
    from dapi.cases import access as cases
    from dapi.cases.cara import access as cara
    from dapi.cases.forums import access as forums
    from dapi.decisions import access as decisions
    from dapi.funding import access as funding
    from dapi.navigation import nav_items_for
    from dapi.reports import access as reports

    askers = (cases, cara, forums, decisions, funding, reports)

    def asking(how):
        for module in askers:
            module.exists_for = how

    def afresh(user, make_list):
        return make_list(user).exists()

    def navigation_ms(user_pk: int) -> tuple[float, list]:
        times, links = [], None
        for _ in range(args.repeat):
            user = User.objects.get(pk=user_pk)
            user.memberships.exists()  # the request's own reads, outside the navigation
            start = time.perf_counter()
            links = nav_items_for(user, "/")
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000, [item["text"] for item in links]

    users = list(User.objects.filter(is_demo=True).order_by("username").values_list("pk", "username"))
    print(f"{'user':<26} {'baseline ms':>12} {'exists_for ms':>14} {'ratio':>6}")
    total_base = total_kept = 0.0
    for pk, username in users:
        asking(afresh)
        base, base_links = navigation_ms(pk)
        asking(lists.exists_for)
        kept, kept_links = navigation_ms(pk)
        assert kept_links == base_links, (username, base_links, kept_links)
        total_base, total_kept = total_base + base, total_kept + kept
        print(f"{username:<26} {base:>12.2f} {kept:>14.2f} {kept / base:>6.2f}")
    print(f"{'all users':<26} {total_base:>12.2f} {total_kept:>14.2f} {total_kept / total_base:>6.2f}")


if __name__ == "__main__":
    main()
