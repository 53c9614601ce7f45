"""Webcare as the bot sees it: which colleagues are online (presence), the residents
waiting for one (their place and expected wait), service norms and satisfaction answers.
The console writes presence and ends waits; the action server reads both."""
