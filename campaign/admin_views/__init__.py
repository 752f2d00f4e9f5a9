"""Admin screens of the campaign app, one module per area.

``campaign/wagtail_hooks.py`` imports each module so that its
``@hooks.register`` calls run when Wagtail collects hooks.
"""
