"""Thin clients for external services (reporting backend, later issues)."""
