"""Reads for the evidence pages and extracts, each taking the user and applying access.py: what a
page shows, and whether its counts are exact or under disclosure control."""

from datetime import date

from django.db.models import Max, Min
from django.http import Http404

from dapi.cases import selectors as case_selectors
from dapi.cases.models import CaseStatus
from dapi.funding.access import programme_list_for
from dapi.funding.charts import timeline_svg
from dapi.lib.access import require
from dapi.lib.clock import parse_period, period_bounds, today
from dapi.lib.errors import OutOfBounds
from dapi.lib.money import FinancialYear

from . import access, charts
from .disclosure import Cell, protect_count, protect_series
from .evidence import programme_evidence
from .pack import pack_html, pack_pdf
from .opendata import FORMATS, NothingToPublish, OpenDataFile, open_data_file
from .periods import Quarter

PACK_FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


def default_period() -> FinancialYear:
    return FinancialYear.of(today())


def dashboard_periods(programme) -> list[FinancialYear]:
    """The financial years a dashboard offers, latest first: from the first year the programme's
    agreements or awards cover to the later of their last and this year, within the years a
    request may ask for (dapi/lib/clock.py)."""
    spans = [*programme.agreements.aggregate(first=Min("start"), last=Max("end")).values(),
             *programme.awards.aggregate(first=Min("start"), last=Max("end")).values()]
    days = [d for d in spans if d is not None]
    first, last = period_bounds()
    start = max(first, FinancialYear.of(min(days)) if days else default_period())
    end = min(last, max([default_period(), *([FinancialYear.of(max(days))] if days else [])]))
    return [FinancialYear(y) for y in range(end.start_year, start.start_year - 1, -1)]


def recent_quarters(day: date, count: int = 4) -> list[Quarter]:
    """The `count` quarters that ended before `day`, latest first."""
    year = FinancialYear.of(day)
    quarter = Quarter(year, max(n for n in (1, 2, 3, 4) if Quarter(year, n).start <= day))
    out = []
    while len(out) < count:
        quarter = Quarter(quarter.year, quarter.number - 1) if quarter.number > 1 else Quarter(
            FinancialYear(quarter.year.start_year - 1), 4)
        out.append(quarter)
    return out


def quarter_code(quarter: Quarter) -> str:
    return f"{quarter.year.start_year}Q{quarter.number}"


def report_list_page(user) -> dict:
    """The reports page: each programme's dashboard and pack, and for commissioners and finance officers
    of a lead commissioner, the downloads (open data, Home Office returns of the last four quarters)."""
    downloads = access.open_data_programme_list_for(user)
    quarters = [(quarter_code(q), q) for q in recent_quarters(today())]
    return {"programmes": access.report_programme_list_for(user), "period": default_period(),
            "downloads": downloads, "can_download": downloads.exists(), "quarters": quarters}


def home_office_quarter(text: str | None) -> Quarter:
    """The quarter a Home Office return is asked for (`?quarter=2023Q3`), the last ended quarter when
    none is given; OutOfBounds (400) for anything else, or a quarter outside the years a request may ask for."""
    if not text:
        return recent_quarters(today(), 1)[0]
    try:
        quarter = Quarter.parse(text)
    except ValueError as e:
        raise OutOfBounds("quarter", str(e)) from None
    parse_period(str(quarter.year), field="quarter")  # within the years a request may ask for, or 400
    return quarter


def dashboard_page(user, programme, *, period: FinancialYear, as_of: date, area=None, provider=None) -> dict:
    """A programme's dashboard (the programme already fetched through access.py): exact counts
    for commissioners and finance officers who see its ledger, published ones (disclosure
    control) for everyone else, with its charts."""
    exact = access.sees_exact_counts(user, programme)
    ev = programme_evidence(programme, period, as_of, published=not exact, area=area, provider=provider,
                            remember=True)
    return {"ev": ev, "exact": exact, "timeline_svg": timeline_svg(programme, as_of),
            "funding_svg": charts.funding_by_year_svg(ev), "cases_svg": charts.counts_svg(ev.cases, "Cases by status"),
            "referrals_svg": charts.counts_svg(ev.referrals, "Referrals by decision")}


def panel_pack(user, slug, fmt: str, period_text: str, as_of: date) -> tuple[bytes | str, str, str | None]:
    """The panel pack of a programme `user` may see (404 otherwise, or for a format other than
    PDF or HTML) for the financial year `period_text` (this year's if empty; OutOfBounds, 400, if it
    is not a year a request may ask for, see dapi/lib/clock.py): its
    content, content type, and the file name to download it as (None: shown in the browser)."""
    programme = access.report_programme_get_for(user, slug)
    if fmt not in PACK_FORMATS:
        raise Http404("No such format")
    period = parse_period(period_text) or default_period()
    if fmt == "pdf":
        name = f"panel-pack-{programme.slug}-{str(period).replace('/', '-')}.pdf"
        return pack_pdf(programme, period, as_of), PACK_FORMATS[fmt], name
    return pack_html(programme, period, as_of), PACK_FORMATS[fmt], None


def extract_list_page(user, *, approving: bool = False) -> dict:
    """The approvals `user` may see, each with whether they may download it now; whether they may
    approve, and the programmes they may approve extracts of. When they are `approving`, 404 for
    anyone who may approve none."""
    downloadable = set(access.extract_download_list_for(user).filter(expires_on__gte=today()).values_list(
        "pk", flat=True))
    programmes = access.programmes_to_approve(user) if approving else access.approvable_programme_list_for(user)
    return {"approvals": [(a, a.pk in downloadable) for a in access.extract_list_for(user)],
            "programmes": programmes, "can_approve": programmes.exists(), "today": today()}


def extracts_approved_for(user) -> list[tuple] | None:
    """The evaluator's home panel: extracts approved for an evaluator they belong to, each with
    whether it has expired, latest first. None when there are none."""
    approvals = list(access.extract_download_list_for(user))
    on = today()
    return [(a, a.expires_on < on) for a in approvals] or None


def case_numbers(user) -> list[dict]:
    """Case numbers per programme `user` may see, for the API: exact for commissioners and finance
    officers who see its ledger, under the dashboard's disclosure control for everyone else (a
    provider manager): referrals by decision and cases by status each a series with its total,
    the others alone. Each row says which (`exact`) and carries Cells."""
    rows = []
    for row in case_selectors.programme_aggregates(programme_list_for(user).order_by("name")):
        published = not access.sees_exact_counts(user, row["programme"])
        waiting = row["referrals"] - row["accepted"] - row["declined"]
        (accepted, declined, _), referrals = _series([row["accepted"], row["declined"], waiting], published)
        statuses, cases = _series([n for _, n in row["statuses"]], published)
        rows.append({"programme": row["programme"], "exact": not published, "referrals": referrals,
                     "accepted": accepted, "declined": declined, "cases": cases,
                     "by_status": dict(zip(CaseStatus.values, statuses)),
                     **{name: protect_count(row[name]) if published else Cell(row[name])
                        for name in ("victims", "offered", "engaged", "children")}})
    return rows


def _series(values: list[int], published: bool) -> tuple[list[Cell], Cell]:
    return protect_series(values) if published else ([Cell(v) for v in values], Cell(sum(values)))


def public_open_data_file(standard: str, fmt: str, *, uri: str) -> OpenDataFile:
    """An open-data file of the whole ledger for the public transparency page (whose view has checked it
    is on), as `dapi export` writes it; 404 for a file there is not, or one with nothing to publish."""
    require((standard, fmt) in FORMATS, "No such file")
    try:
        return open_data_file(standard, fmt, uri=uri)
    except NothingToPublish:
        raise Http404("No such file") from None
