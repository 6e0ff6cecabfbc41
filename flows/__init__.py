"""Prefect flows and tasks: thin wrappers that orchestrate addsup's library functions."""
