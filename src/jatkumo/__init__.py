"""Jatkumo: an open platform for regional continuous-learning networks."""

__version__ = "0.1.0"
