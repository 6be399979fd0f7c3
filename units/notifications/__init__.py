"""In-app notifications and their e-mail: the lowest layer, so that every app can tell people what happened.

The API is `units.notifications.services.notify(...)`; the model lives in `units.notifications.models` and is
registered with the units app (units/models.py imports it).
"""
