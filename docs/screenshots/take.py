"""Retake the README's screenshots of the demo: the Cleveland dashboard at 1280 px and 390 px and every
page of its 2023/24 panel pack, and a worker's day (the perpetrator worker's caseload and case page,
the partner support worker's DASH form) at both widths, as `make demo` shows them (the demonstration
date, the demo at volume).

    DAPI_DATA_DIR=/tmp/shots .venv/bin/dapi demo --no-serve
    DAPI_DATA_DIR=/tmp/shots .venv/bin/python docs/screenshots/take.py [--port 8017] [--only worker-day]

It serves that data directory with `dapi serve` on 127.0.0.1:PORT (pinned to the demonstration date, as
`make demo` serves it), signs in through the pages as the demo commissioner with the code her
authenticator would show (`dapi totp_code`), photographs the dashboard in Debian's chromium, downloads
the PDF pack and renders each of its pages with pypdfium2. The files go beside this script.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEMO_DAY = "2024-03-15"
DASHBOARD = "/reports/programmes/cleveland-complex-needs/?period=2023/24"
PACK = "/reports/programmes/cleveland-complex-needs/panel-pack.pdf?period=2023/24"


def dapi(*argv: str, **kwargs):
    return subprocess.run([str(ROOT / ".venv" / "bin" / "dapi"), *argv], cwd=ROOT, **kwargs)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8017)
    parser.add_argument("--only", choices=["worker-day"], help="retake only these screenshots")
    args = parser.parse_args()
    if "DAPI_DATA_DIR" not in os.environ:
        raise SystemExit("set DAPI_DATA_DIR to the data directory `dapi demo --no-serve` loaded")
    base = f"http://127.0.0.1:{args.port}"
    env = {**os.environ, "DAPI_TODAY": DEMO_DAY}
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "dapi"), "serve", "--bind", f"127.0.0.1:{args.port}",
                               "--allow-demo-users"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        wait_for(base + "/login/")
        if args.only == "worker-day":
            photograph_worker_day(base)
        else:
            photograph(base)
    finally:
        server.terminate()
        server.wait(timeout=30)


def photograph(base: str) -> None:
    from playwright.sync_api import sync_playwright

    import pypdfium2

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        raise SystemExit("Debian chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        page = browser.new_page(base_url=base, viewport={"width": 1280, "height": 900})
        page.goto("/login/")
        page.get_by_label("Username").fill("commissioner")
        page.get_by_label("Password").fill(demo_password())
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        code = dapi("totp_code", "commissioner", capture_output=True, text=True, check=True).stdout.strip()
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(DASHBOARD)
            page.screenshot(path=str(HERE / f"dashboard-{width}.png"), full_page=True)
            print(f"dashboard-{width}.png")
        pdf = page.request.get(base + PACK)
        if not pdf.ok:
            raise SystemExit(f"the pack answered {pdf.status}")
        body = pdf.body()
        worker_day(browser, base)
        browser.close()
    for old in HERE.glob("panel-pack-page-*.png"):
        old.unlink()
    document = pypdfium2.PdfDocument(body)
    for number, pdf_page in enumerate(document, start=1):
        pdf_page.render(scale=110 / 72).to_pil().save(HERE / f"panel-pack-page-{number}.png")
        print(f"panel-pack-page-{number}.png")


def photograph_worker_day(base: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
                                    headless=True, args=["--no-sandbox"])
        worker_day(browser, base)
        browser.close()


def sign_in(browser, base: str, username: str):
    """A new page signed in as `username`, with the authenticator code where the role needs one."""
    page = browser.new_page(base_url=base, viewport={"width": 1280, "height": 900})
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if page.url.split("?")[0].endswith("/login/verify/"):
        code = dapi("totp_code", username, capture_output=True, text=True, check=True).stdout.strip()
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
    return page


def worker_day(browser, base: str) -> None:
    """The perpetrator worker's caseload and his first active case (his client named, hers not), the
    partner support worker's DASH form for the victim on that case, and the police analyst's ranking,
    at 1280 px and 390 px."""
    page = sign_in(browser, base, "perpetrator-worker")
    page.goto("/cases/?status=active")
    case_url = page.locator("table tbody a").first.get_attribute("href")
    shots = [("caseload", "/cases/"), ("case-page", case_url)]
    for name, url in shots:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            page.screenshot(path=str(HERE / f"{name}-{width}.png"), full_page=True)
            print(f"{name}-{width}.png")
    page.close()
    page = sign_in(browser, base, "partner-support-worker")
    page.goto(case_url)
    page.get_by_role("row").filter(has_text="Victim").get_by_role("link", name="Open record").first.click()
    dash = page.get_by_role("link", name="Record a DASH").or_(page.get_by_role("link", name="Continue the DASH draft"))
    dash.first.click()
    dash_url = page.url
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(dash_url)
        page.screenshot(path=str(HERE / f"dash-form-{width}.png"), full_page=True)
        print(f"dash-form-{width}.png")
    page.close()
    # The police analyst's ranking of the newest Cleveland import: every column in sight at 1280 px.
    page = sign_in(browser, base, "police-analyst")
    page.goto("/identification/")
    ranking_url = page.locator("main table tbody a").first.get_attribute("href")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(ranking_url)
        page.screenshot(path=str(HERE / f"ranking-{width}.png"), full_page=True)
        print(f"ranking-{width}.png")
    page.close()


def demo_password() -> str:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    from django.conf import settings

    return settings.DEMO_PASSWORD


if __name__ == "__main__":
    main()
