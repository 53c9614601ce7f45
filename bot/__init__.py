"""Shared Python for the municipal assistant: settings, profile, NLU components, launcher."""
