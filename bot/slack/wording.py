"""Every phrase the Slack surfaces say themselves (answers come from the renderers), in
English and Chinese. Tests compare against these constants."""

from __future__ import annotations

from bot.models import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "shared_by": {"en": "Shared by @{name}", "zh": "由 @{name} 分享"},
    "more": {"en": "More ({page} of {pages})", "zh": "更多（第 {page}/{pages} 页）"},
    "feedback_up": {"en": "👍", "zh": "👍"},
    "feedback_down": {"en": "👎", "zh": "👎"},
    "feedback_thanks": {
        "en": "Thanks — noted. Editors read every 👎 to see what the store lacks.",
        "zh": "谢谢，已记录。编辑会查看每一个 👎，了解资料库缺少什么。",
    },
    "post_failed": {
        "en": "I couldn't post that to the channel. Please try again in a moment.",
        "zh": "无法发到频道，请稍后再试。",
    },
    "shortcut_no_text": {
        "en": "That message has no text I can read.",
        "zh": "这条消息没有我能读的文字。",
    },
    "thinking": {"en": "is looking it up…", "zh": "正在查找…"},
    "assistant_greeting": {
        "en": "Hi! Ask me about a union election — a tally, turnout, a margin, or who said what.",
        "zh": "你好！可以问我工会选举的问题：计票结果、投票率、票数差距，或谁说了什么。",
    },
    "assistant_prompts_title": {"en": "Try one of these:", "zh": "试试这些问题："},
    "home_title": {"en": "election-bot", "zh": "election-bot"},
    "home_knows": {
        "en": "I know *{elections:,}* elections, *{people:,}* people, *{organisations:,}* organisations and *{quotes:,}* quotes, every one traceable to one of *{sources:,}* sources.",
        "zh": "我掌握 *{elections:,}* 场选举、*{people:,}* 位人物、*{organisations:,}* 个组织和 *{quotes:,}* 条引语，每一条都可追溯到 *{sources:,}* 个来源之一。",
    },
    "home_ask": {
        "en": "Ask with `/election …`, mention me in a channel, or write to me here.",
        "zh": "可以用 `/election …` 提问，在频道里 @我，或在这里直接发消息。",
    },
    "home_examples": {"en": "Example questions", "zh": "示例问题"},
    "home_latest": {"en": "Latest elections", "zh": "最近的选举"},
    "unfurl_more": {
        "en": "Ask `/election {label}` for sources and details.",
        "zh": "用 `/election {label}` 查看来源和详情。",
    },
}


def say(lang: Lang, key: str, **values: object) -> str:
    return WORDS[key][lang].format(**values)
