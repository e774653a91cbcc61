"""Every write to people, referrals and cases: validate, save and audit in one transaction.

Modules: people, referrals, cases (lifecycle, members, workers), work (contacts, needs,
goals, safety plans), risk (DASH), forums, cara. Each service's docstring says who may call
it; views and the API check that with `access.py` first.
"""
