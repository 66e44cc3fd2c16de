"""The portal's REST API (/api/v1/): every register read through the pages' own querysets and
filters, and the writes the pages allow, through the same access helpers and services."""
