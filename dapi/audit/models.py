# The audit trail itself is django-auditlog's LogEntry; this app adds the administrators'
# view of it and the helpers that record reads.
