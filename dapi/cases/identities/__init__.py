"""Names where the barrier allows them: a person's name and age beside the reference, for those who
may read that person's identifying details, and the reference alone for everyone else."""
