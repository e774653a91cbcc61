"""Every write to people, referrals and cases: check that `by` may do it (through `access.py`;
`by=None` is the system), validate, save and audit in one transaction.

Modules: people, referrals, cases (lifecycle, members, workers), work (contacts, needs,
goals, safety plans), risk (DASH). Forums and CARA have their own services in `cases/forums/`
and `cases/cara/`. Each service's docstring says who may call it; a refusal raises Http404, in
the same words as for something that does not exist, and writes nothing.
"""
