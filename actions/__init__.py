"""Custom actions, by topic."""
from bot import logmask

logmask.install()  # the SDK has set up its logging before it loads the actions
