"""Resident conversation benchmark: multi-turn chats as residents of Lindendal write them.

Written apart from the bot's training data. One file per group, `<group>.yml`:

    group: places
    conversations:
      - name: corner of two streets in capitals
        opening: "LANTAARNPAAL KAPOT OP DE HOEK KERKSTRAAT MOLENWEG"
        opening_has_what_and_where: true   # counts for the first median
        answers:            # per requested slot; a list is used in order, then its last item
          report_updates: "nee hoor"
          report_confirmed: "ja"
          other: "nee dank u"   # a slot without an answer, or a question outside a form
        then: ["bedankt"]   # said after the report is filed or when no form is active
        max_turns: 8        # resident messages, the opening included (default 10)
        given_reports:      # earlier reports of this resident, seeded before the chat
          - {case_number: M-2025-004711, description: "...", location: "...",
             status: in_behandeling, days_ago: 9}
        expect:
          first_reply_contains: ["112"]      # any of these in the replies to the opening
          any_reply_contains: ["afvalkalender"]
          no_reply_contains: ["123456782"]   # none of these in any reply
          generic_where_at_most: 0           # utter_ask_report_location used at most N times
          case_number_within: 4              # a new case number by resident message N
          no_case_number: true               # no case number given and nothing stored
          filed:                             # reports stored for this sender
            count: 1
            location_contains: ["Kerkstraat", "Molenweg"]   # all; "a|b" means a or b
            description_contains: ["lamp|lantaarn"]   # with count >= 2: one entry per report
            description_excludes: ["Jansen"] # in neither description nor location
          handover: true                     # an ask-human/contact response or action was used
          reply_language: en                 # en, tr, pl, ar or nl

After each message the runner reads the tracker. While a form is active the resident
answers its requested slot; otherwise the resident says the next `then` message, or
answers a question of the bot with `other` (once, a list once per item) as long as fewer
reports than `filed.count` (default 1) are filed; else the conversation ends.
Given reports of the current year need a number of 500000 or more, so they never clash
with the numbers the bot gives out.

Run with `make converse` or `python -m tests.conversations --help`.
"""
