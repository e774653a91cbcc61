"""Administrators manage their own organisation's users from pages (add, deactivate and reactivate,
reset the second factor, unlock sign-in), and everyone changes their own password. Who may do what
is decided in `dapi.accounts.access`."""
