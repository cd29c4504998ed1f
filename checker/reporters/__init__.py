"""Reporters: each turns findings into one output format and knows nothing else."""
