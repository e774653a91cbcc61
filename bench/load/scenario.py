"""What the locustfile and the runner share: the password, the programmes and the years asked for.
No locust import here: importing locust patches the standard library with gevent."""

import os
from datetime import date

PASSWORD = os.environ.get("DAPI_DEMO_PASSWORD", "dapi-demo-2026")
PROGRAMMES = ["cleveland-complex-needs", "jenkins-centre", "greater-manchester-cara", "hampshire-perpetrator",
              "greater-manchester-csp", "hampshire-victim"]
WITH_CASES = PROGRAMMES[:4]  # the programmes seed.py gives cases to


def financial_years() -> list[str]:
    """The current financial year and the three before it, as "2024/25"."""
    today = date.today()
    start = today.year if today.month >= 4 else today.year - 1
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(start - 3, start + 1)]
