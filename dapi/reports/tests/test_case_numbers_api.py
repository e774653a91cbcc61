"""GET /api/case-numbers under the disclosure control the dashboards apply: exact for the
programme's commissioners, small counts hidden for its providers (issue 16, item 8)."""

from dapi.cases.tests.builders import tatc_case

CLEVELAND = "cleveland-complex-needs"


def numbers(client) -> dict:
    response = client.get("/api/case-numbers")
    assert response.status_code == 200
    return {row["programme"]["slug"]: row for row in response.json()["results"]}


def test_a_provider_gets_case_numbers_with_small_counts_hidden_as_on_its_dashboard(cast, client_for):
    tatc_case(cast)  # one case, one victim, one child: every count small
    provider = numbers(client_for(cast["provider-manager"]))[CLEVELAND]
    assert provider["disclosure"] == "published"
    assert provider["cases"] is None and provider["suppressed"]["cases"] == "<5"
    assert provider["by_status"]["referred"] is None and provider["suppressed"]["by_status.referred"] == "<5"
    assert provider["victims"] is None and provider["children"] is None
    assert provider["referrals"] == 0 and "referrals" not in provider["suppressed"]  # zero is not small
    dashboard = client_for(cast["provider-manager"]).get(f"/reports/programmes/{CLEVELAND}/?period=2022/23")
    assert dashboard.status_code == 200 and "&lt;5" in dashboard.content.decode()
    commissioner = numbers(client_for(cast["commissioner"]))[CLEVELAND]
    assert commissioner["disclosure"] == "exact" and commissioner["suppressed"] == {}
    assert (commissioner["cases"], commissioner["by_status"]["referred"], commissioner["victims"],
            commissioner["children"]) == (1, 1, 1, 1)
