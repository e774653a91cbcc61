"""Every write to identification data: check that `by` may do it (dapi/identification/access.py),
validate, save and audit, in one transaction. `by=None` is the system (the background ranking).

Modules: imports (upload a file, queue its ranking again), ranking (the background ranking's
writes: status and ranked perpetrators), referrals (refer a ranked perpetrator into a programme).
The task imports `ranking` directly: `imports` queues the task, so the task cannot import this
package's other modules without a circle.
"""

from .imports import incident_import_create, incident_import_rerun
from .ranking import incident_import_fail, incident_import_mark_running, incident_import_reject, ranking_save
from .referrals import refer_from_ranking

__all__ = ["incident_import_create", "incident_import_fail", "incident_import_mark_running", "incident_import_reject",
           "incident_import_rerun", "ranking_save", "refer_from_ranking"]
