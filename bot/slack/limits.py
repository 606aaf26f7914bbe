"""Slack's size limits, and cutting messages to fit them. Pure.

Documented limits: 50 blocks a message, 3,000 characters in a section's text, 75 in a
button's label, 2,000 in its value. Undocumented but real: Slack rejects a message whose
blocks hold ~13,200 characters of text in all with `msg_blocks_too_long` (measured in
slackapi/bolt-js#2509), far below 50 × 3,000. We keep each message under MESSAGE_TEXT and
page the rest behind a "More" button.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

Block = dict[str, Any]

SECTION_LIMIT = 3000
MAX_BLOCKS = 50
MESSAGE_TEXT = 12_000  # our budget for the text in one message's blocks; Slack's own ceiling is ~13,200
RESERVED_BLOCKS = 4  # suggestions, footer, share, feedback/more: the blocks that close every page
_ENTITY = re.compile(r"&(?:amp|lt|gt);")


def safe_cut(text: str, limit: int) -> int:
    """Where to cut `text` at or before `limit`: at a line end, else a space, never inside an
    escaped entity (`&amp;`, `&lt;`, `&gt;`)."""
    if len(text) <= limit:
        return len(text)
    cut = text.rfind("\n", 0, limit + 1)
    if cut <= limit // 2:
        cut = text.rfind(" ", 0, limit + 1)
    if cut <= limit // 2:
        cut = limit
    for entity in _ENTITY.finditer(text, max(0, cut - 5), cut + 5):
        if entity.start() < cut < entity.end():
            cut = entity.start()
    return cut


def split_line(line: str, limit: int = SECTION_LIMIT) -> list[str]:
    """An overlong mrkdwn line as pieces of at most `limit` characters, cut escape-safely; a
    quoted line (`>…`) stays quoted in every piece."""
    marker = ">" if line.startswith(">") else ""
    pieces: list[str] = []
    rest = line
    while len(rest) > limit:
        cut = safe_cut(rest, limit)
        pieces.append(rest[:cut].rstrip())
        rest = marker + rest[cut:].lstrip()
    pieces.append(rest)
    return pieces


def text_length(value: object) -> int:
    """Characters of text a block (or a list of them) carries: every `text` string inside."""
    if isinstance(value, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else text_length(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(text_length(v) for v in value)
    return 0


def paginate(blocks: list[Block], *, budget: int = MESSAGE_TEXT) -> list[list[Block]]:
    """Content blocks in pages that each fit a message. Blocks that close a message (any
    `actions` block and the final context footer) go on the last page."""
    body = list(blocks)
    closing: list[Block] = []
    while body and body[-1].get("type") in ("actions", "context"):
        closing.insert(0, body.pop())
    budget -= text_length(closing)
    pages: list[list[Block]] = [[]]
    used = 0
    for block in body:
        size = text_length(block)
        if pages[-1] and (used + size > budget or len(pages[-1]) >= MAX_BLOCKS - RESERVED_BLOCKS):
            pages.append([])
            used = 0
        pages[-1].append(block)
        used += size
    pages[-1].extend(closing)
    return pages


def chunks(lines: list[str], limit: int = SECTION_LIMIT) -> Iterator[str]:
    """Lines joined into texts of at most `limit` characters, broken only at line ends; an
    overlong line is split escape-safely (see split_line)."""
    current = ""
    for line in lines:
        for piece in split_line(line, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if len(candidate) > limit:
                yield current
                current = piece
            else:
                current = candidate
    if current:
        yield current
