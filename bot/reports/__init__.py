"""Reports (meldingen): storage, forwarding to Signalen through an outbox, retention."""
