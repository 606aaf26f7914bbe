"""election-bot: sourced answers about union representation elections."""

__version__ = "0.1.0"
