"""The programme dashboard in a real browser (issue 17, item 9): the page's full width on a 1280 px
screen and usable on a 390 px phone, no table cell or chart cut off (a wide table or chart scrolls
in its own region), chart text at least 12 px as drawn on the screen, a picker of years, and no
serious accessibility violation."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

URL = "/reports/programmes/cleveland-complex-needs/?period=2023/24&today=2024-09-01"

# Every table cell and chart: whether it is cut off. A box that hides what overflows it (overflow
# other than visible) cuts off whatever lies outside it, unless the box scrolls to it (overflow auto or
# scroll, and wider content than the box); the page itself must not be wider than the window.
CLIPPED = """() => {
  const clipped = [];
  // A chart's text outside its SVG is cut off by the SVG itself.
  for (const svg of document.querySelectorAll('main .dapi-chart svg')) {
    const outer = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const box = t.getBoundingClientRect();
      if (t.textContent.trim() && (box.left < outer.left - 1 || box.right > outer.right + 1)) {
        clipped.push('chart text: ' + t.textContent.trim().slice(0, 40));
      }
    }
  }
  const items = [...document.querySelectorAll('main th, main td, main .dapi-chart svg')];
  for (const el of items) {
    const box = el.getBoundingClientRect();
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === 'visible') continue;
      const outer = up.getBoundingClientRect();
      const outside = box.left < outer.left - 1 || box.right > outer.right + 1;
      const scrolls = ['auto', 'scroll'].includes(style.overflowX) && up.scrollWidth > up.clientWidth;
      if (outside && !scrolls) clipped.push(el.textContent.trim().slice(0, 40) || el.tagName);
    }
  }
  return clipped;
}"""

# The smallest chart text as drawn: each SVG text's font size times the scale its SVG is shown at.
SMALLEST_CHART_TEXT = """() => {
  let smallest = Infinity;
  for (const svg of document.querySelectorAll('main .dapi-chart svg')) {
    const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
  }
  return smallest;
}"""


@pytest.fixture
def demo_loaded(transactional_db):
    from dapi.demo.cases import load_demo_cases
    from dapi.demo.seeds import load_demo

    loaded(load_demo)
    loaded(load_demo_cases)


def test_the_dashboard_uses_a_wide_screen_and_cuts_nothing_off(demo_loaded, browser_page):
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto(URL)
    assert page.get_by_role("heading", name="Funding and runway").is_visible()
    main_width = page.evaluate("document.querySelector('main').getBoundingClientRect().width")
    assert main_width >= 1200, f"the dashboard is {main_width} px wide on a 1280 px screen"
    # Each chart of counts sits beside its table: the table starts to the right of its chart. (The
    # funding chart and the timeline are above their tables, which need the page's width.)
    beside = page.evaluate("""() => [...document.querySelectorAll('.dapi-pair:not(.dapi-pair--stacked)')]
        .filter(p => p.querySelector('svg'))
        .map(p => p.querySelector('table').getBoundingClientRect().left
                  > p.querySelector('svg').getBoundingClientRect().right)""")
    assert beside and all(beside), beside
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate(CLIPPED) == []
    # At 1280 px nothing needs scrolling sideways.
    assert page.evaluate("[...document.querySelectorAll('main .dapi-table-scroll, main .dapi-chart-scroll')]"
                         ".filter(el => el.scrollWidth > el.clientWidth)"
                         ".map(el => [el.getAttribute('aria-label'), el.scrollWidth, el.clientWidth])") == []
    assert page.evaluate(SMALLEST_CHART_TEXT) >= 12
    years = page.get_by_label("Financial year", exact=True).locator("option").all_inner_texts()
    assert "2023/24" in years and "2021/22" in years
    assert serious_accessibility_violations(page) == []
    screenshot(page, "dashboard-1280")


def test_the_dashboard_reads_on_a_phone(demo_loaded, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto(URL)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate(CLIPPED) == []
    assert page.evaluate(SMALLEST_CHART_TEXT) >= 12
    # Wider than the phone, the timeline scrolls sideways in its own region, which a keyboard can reach.
    timeline = page.get_by_role("region", name="Chart: Timeline of awards, agreements and allocations, with the dates "
                                "of the table beside it")
    assert timeline.get_attribute("tabindex") == "0"
    assert timeline.evaluate("el => el.scrollWidth > el.clientWidth")
    page.get_by_label("Financial year", exact=True).select_option("2022/23")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "period=2022%2F23" in page.url
    assert "Delivery in 2022/23" in page.locator("main").inner_text()
    page.goto(URL)
    assert serious_accessibility_violations(page) == []
    screenshot(page, "dashboard-390")
