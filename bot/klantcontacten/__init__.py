"""Webcare contacts and messages left for a colleague, registered in Open Klant.

- `contacts`: a conversation a webcare agent handled becomes a klantcontact (queued).
- `contactverzoek`: a message left for a colleague becomes an interne taak for the
  department that owns the subject (queued), with its state for the console.
- `subjects`: the subject and its owning department, from the knowledge base.
- `delivery`: the outbox kinds, delivered to Open Klant (`bot.integrations.openklant`).
- `dead_letters`: what Open Klant refused, for the console.

Nothing is queued while `OPENKLANT_URL` is empty.
"""
