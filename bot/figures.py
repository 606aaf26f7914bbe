"""Figures derived from an election's counts. Never stored, always computed."""

from __future__ import annotations

from bot.models import Derived, Election


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


def derive(e: Election) -> Derived:
    counted = e.counted
    margin = margin_points = share_for = share_against = turnout = None
    if e.votes_for is not None and e.votes_against is not None and counted:
        margin = abs(e.votes_for - e.votes_against)
        share_for = percent(e.votes_for, counted)
        share_against = percent(e.votes_against, counted)
        margin_points = percent(margin, counted)
    cast = e.ballots_cast
    if cast is not None and e.eligible_voters:
        turnout = percent(cast, e.eligible_voters)
    return Derived(
        counted=counted,
        margin=margin,
        margin_points=margin_points,
        share_for=share_for,
        share_against=share_against,
        turnout=turnout,
        turnout_approximate=e.eligible_approximate,
    )
