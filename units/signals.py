"""Signals for writes that skip Model.save(), so that what other apps derive from units can follow them."""

from django.dispatch import Signal

# Sent by bulk writes (the units importer's bulk_update) with `pks`, the units whose names or places changed.
units_changed = Signal()
