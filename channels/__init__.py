"""Rasa custom connectors, one module per medium."""
