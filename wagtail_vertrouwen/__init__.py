"""Vertrouwenswerk for Dutch school websites on Wagtail."""

__version__ = "0.1.0"
