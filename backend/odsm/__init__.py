"""Ontario Driving School Manager: the local backend."""

__version__ = "0.1.0"
