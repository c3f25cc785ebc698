"""The confidential melding channel: its own Django app (``wagtail_vertrouwen.channel``).

Install it beside the core app ``wagtail_vertrouwen`` (profiles and route-finder), with the
``channel`` extra for its dependencies (django-otp, PyNaCl, django-tasks, altcha, …). The core
app never imports it. Inside, imports go one way: views → services → models, crypto, storage;
``policy`` decides who may do what and is asked by views, services, signals and hooks.
"""
