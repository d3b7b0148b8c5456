"""A Discord bot that compares AI language models."""

__version__ = "0.1.0"
