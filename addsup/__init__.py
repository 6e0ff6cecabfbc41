"""addsup: checks that the numbers in news articles add up.

A plain library: nothing in this package imports Prefect. The flows in ``flows/``
orchestrate the functions defined here.
"""

__version__ = "0.11.0"
