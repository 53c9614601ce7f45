"""The webcare console: staff watch conversations, take one over and hand it back."""
