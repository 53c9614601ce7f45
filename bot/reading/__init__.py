"""The message reader: what a resident's message says, read once (pure Python)."""
