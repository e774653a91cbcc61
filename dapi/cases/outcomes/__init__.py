"""Victim-reported outcomes: a questionnaire per programme, answered with a victim by her partner
support worker at intake, mid-point, exit and follow-up (victim side only)."""
