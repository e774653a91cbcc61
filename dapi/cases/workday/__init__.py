"""A worker's home (issue 21 item 4): my cases with their last and next sessions and what is overdue,
referrals waiting to be screened, and recent changes to my cases by others."""
