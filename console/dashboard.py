"""Numbers for the dashboard and its CSV export."""
from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

from sqlalchemy import func

from bot.reports.db import session
from bot.reports.models import Report, utcnow
from bot.settings import DATABASE_URL
from bot.webcare.models import SatisfactionAnswer
from bot.webcare.norms import FIRST_REPLY, RESOLUTION, check
from console.conversations import conversations

DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]


@dataclass
class Dashboard:
    days: int
    conversations: int = 0
    by_channel: Counter = field(default_factory=Counter)
    reports_by_channel: Counter = field(default_factory=Counter)
    # (channel, weekday, hour) -> count, for conversations and for reports
    week_grid: Counter = field(default_factory=Counter)
    report_grid: Counter = field(default_factory=Counter)
    handover_rate: float = 0.0
    bot_only_share: float = 0.0
    fallback_rate: float = 0.0
    median_wait_seconds: float = 0.0
    top_intents: List[Tuple[str, int]] = field(default_factory=list)
    # Service norms over conversations that waited for a colleague: (kind, state) -> count.
    norms: Counter = field(default_factory=Counter)
    norm_checked: int = 0
    satisfaction_count: int = 0
    satisfaction_average: float = 0.0

    def norm_count(self, kind: str, state: str) -> int:
        return self.norms[(kind, state)]

    def rows(self) -> List[Tuple[str, str, str]]:
        """(metric, key, value) rows for the CSV export."""
        out = [("conversations", "all", str(self.conversations)),
               ("handover_rate", "all", f"{self.handover_rate:.3f}"),
               ("bot_only_share", "all", f"{self.bot_only_share:.3f}"),
               ("fallback_rate", "all", f"{self.fallback_rate:.3f}"),
               ("median_wait_seconds", "all", f"{self.median_wait_seconds:.0f}")]
        out += [("conversations_per_channel", c, str(n)) for c, n in self.by_channel.items()]
        out += [("reports_per_channel", c, str(n)) for c, n in self.reports_by_channel.items()]
        out += [("conversations_per_hour", f"{c} {DAYS[d]} {h:02d}", str(n))
                for (c, d, h), n in sorted(self.week_grid.items())]
        out += [("reports_per_hour", f"{c} {DAYS[d]} {h:02d}", str(n))
                for (c, d, h), n in sorted(self.report_grid.items())]
        out += [("top_intent", name, str(n)) for name, n in self.top_intents]
        out += [("norm_checked", "all", str(self.norm_checked))]
        out += [(f"norm_{kind}", state, str(n)) for (kind, state), n in sorted(self.norms.items())]
        out += [("satisfaction_count", "all", str(self.satisfaction_count)),
                ("satisfaction_average", "all", f"{self.satisfaction_average:.2f}")]
        return out

    @staticmethod
    def hours_of_week(per_channel: Counter) -> Dict[Tuple[int, int], int]:
        """(weekday, hour) -> count over all channels."""
        grid: Counter = Counter()
        for (_, day, hour), count in per_channel.items():
            grid[(day, hour)] += count
        return dict(grid)


def build(tracker_url: str, days: int = 7, url: str = DATABASE_URL) -> Dashboard:
    board = Dashboard(days=days)
    found = conversations(tracker_url, hours=days * 24)
    intents: Counter = Counter()
    waits: List[float] = []
    handed, user_messages, fallbacks = 0, 0, 0
    for conversation in found:
        if not conversation.user_messages:
            continue
        board.conversations += 1
        channel = conversation.channel or "rest"
        board.by_channel[channel] += 1
        started = dt.datetime.fromtimestamp(conversation.started_at)
        board.week_grid[(channel, started.weekday(), started.hour)] += 1
        if conversation.triggers or conversation.staff_replies:
            handed += 1
        if conversation.triggers and conversation.staff_replies:
            first = min(conversation.triggers)
            answered = [t for t in conversation.staff_replies if t >= first]
            if answered:
                waits.append(answered[0] - first)
        user_messages += conversation.user_messages
        fallbacks += conversation.fallbacks
        if conversation.last_intent:
            intents[conversation.last_intent] += 1
        _count_norms(board, conversation)
    if board.conversations:
        board.handover_rate = handed / board.conversations
        board.bot_only_share = 1 - board.handover_rate
    board.fallback_rate = fallbacks / user_messages if user_messages else 0.0
    board.median_wait_seconds = statistics.median(waits) if waits else 0.0
    board.top_intents = intents.most_common(8)
    since = utcnow() - dt.timedelta(days=days)
    _add_satisfaction(board, since, url)
    with session(url) as db:
        for channel, created in db.query(Report.channel, Report.created_at).filter(
                Report.created_at >= since):
            board.reports_by_channel[channel] += 1
            board.report_grid[(channel, created.weekday(), created.hour)] += 1
    return board


def _count_norms(board: Dashboard, conversation) -> None:
    """Each norm of a conversation that waited for a colleague: within, near or breached."""
    if not conversation.triggers:
        return
    board.norm_checked += 1
    started = min(conversation.triggers)
    replies = [t for t in conversation.staff_replies if t >= started]
    resolved = conversation.last_resume if conversation.last_resume > started else None
    now = time.time()
    for kind, done in ((FIRST_REPLY, replies[0] if replies else None),
                       (RESOLUTION, resolved)):
        checked = check(kind, conversation.channel or "rest", started, now, done)
        board.norms[(kind, checked.state)] += 1


def _add_satisfaction(board: Dashboard, since: dt.datetime, url: str) -> None:
    with session(url) as db:
        count, average = db.query(func.count(SatisfactionAnswer.id),
                                  func.avg(SatisfactionAnswer.score)).filter(
            SatisfactionAnswer.answered_at >= since).one()
    board.satisfaction_count, board.satisfaction_average = count or 0, float(average or 0)


# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(board: Dashboard) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["metric", "key", "value"])
    writer.writerows([[_cell(value) for value in row] for row in board.rows()])
    return out.getvalue()


def _cell(value: str) -> str:
    """A value a spreadsheet shows as text, never runs (a channel name is the resident's
    client's word on some paths)."""
    return f"'{value}" if value.startswith(FORMULA_START) else value
