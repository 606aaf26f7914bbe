"""Names in a question that no record owns: capitalised runs, a speaker's place in "what did X say",
Chinese before "说了什么", and a misspelt first name beside a person on file ("Jon Logan") or
another person's ("Jim Logan"). What the engine can't place is reported, never replaced by
someone else on file."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.lexicon import Pattern
from bot.matcher import Analysis, edit_distance, normalise
from bot.speakers import role_asked
from bot.store import Store

# Latin words that look like a name: capitalised, not the first word of a sentence asking something
_NAME_WORD = Pattern(r"(?<![\w'’])[A-Z][a-zA-Z'’.-]+(?![\w\d])")
# Chinese words asking what someone said ("…发表了什么评论", "…有什么反应"), whatever else is asked
ZH_SAYING = r"说了什么|怎么说|发表了?什么|有什么评论|有何评论|评论了?什么|作何回应|回应了?什么|有什么反应"
_ZH_SPEAKER = Pattern(
    r"^(?P<who>[\u3400-\u9fff·]{2,8}?)(?:对.{0,12})?(?:"
    + ZH_SAYING
    + r"|说什么|怎么看|怎么评价|发推|的声明|的言论|表示了什么|有什么看法|的看法|是谁|的反应|的评论)"
)
_SPEAKER_PHRASE = Pattern(
    r"^(what|how) (did|does|has|have|do) (?P<who>[a-z][a-z ]{2,40}?) (say|said|think|tweet|tell|comment|react|respond|feel|describe)\b"
    r"|^(who|what) (is|was) (?P<who2>[a-z][a-z ]{2,40}?)$"
)
NOT_NAMES = frozenset(
    [
        "what",
        "who",
        "whom",
        "whose",
        "which",
        "when",
        "where",
        "why",
        "how",
        "did",
        "does",
        "do",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "tell",
        "give",
        "show",
        "list",
        "the",
        "a",
        "an",
        "and",
        "or",
        "any",
        "all",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "it",
        "its",
        "he",
        "she",
        "they",
        "their",
        "this",
        "that",
        "please",
        "hey",
        "hi",
        "ok",
        "nlrb",
        "cnn",
        "us",
        "usa",
        "u.s.",
        "ny",
        "covid",
        "chinese",
        "english",
        "staten",
        "new",
        "york",
        "california",
        "alabama",
    ]
)
ZH_PRONOUN = Pattern(r"^(他|她|它|他们|她们|我们|你们|大家|有人|别人|人们|谁)")
ZH_NOT_NAMES = frozenset(
    {
        "他们",
        "她们",
        "我们",
        "大家",
        "人们",
        "工人",
        "员工",
        "工会",
        "公司",
        "对方",
        "官方",
        "他",
        "她",
        "它",
        "有人",
        "别人",
        "谁",
    }
)


def capitalised_names(question: str, covered: set[str], known: frozenset[str]) -> list[str]:
    """Runs of capitalised words (not opening a sentence) that are neither records nor known words."""
    found: list[list[str]] = []
    last_end = -1
    for m in _NAME_WORD.finditer(question):
        word = m.group(0).rstrip(".'’")
        parts = normalise(word).split()
        if not parts or all(p in covered or p in NOT_NAMES or p in known for p in parts):
            continue
        if m.start() == 0 or question[: m.start()].rstrip().endswith((".", "?", "!")):
            continue
        if found and question[last_end : m.start()].strip() == "":
            found[-1].append(word)
        else:
            found.append([word])
        last_end = m.end()
    return [" ".join(run) for run in found]


def unknown_name(question: str, analysis: Analysis, known: frozenset[str]) -> str | None:
    """A name-like span (capitalised, or unknown words where a speaker goes, or Chinese before
    "说了什么") that no record of the store owns."""
    covered = {w for hit in analysis.hits for w in hit.text.split()}
    found = capitalised_names(question, covered, known)
    if found:
        return max(found, key=len)
    phrase = _SPEAKER_PHRASE.search(analysis.norm)
    if phrase:
        words = [w for w in (phrase.group("who") or phrase.group("who2")).split() if w not in NOT_NAMES]
        if words and all(w not in known and w not in covered and w.isalpha() for w in words):
            return " ".join(w.capitalize() for w in words)
    zh = _ZH_SPEAKER.match(re.sub(r"\s", "", question))
    if (
        zh
        and not ZH_PRONOUN.match(zh.group("who"))
        and zh.group("who") not in ZH_NOT_NAMES
        and not _generic_role(zh.group("who"))
        and not any(h.text in zh.group("who") for h in analysis.hits)
    ):
        return zh.group("who")
    return None


def _generic_role(who: str) -> bool:
    """ "工会主席", "公司发言人": a role of nobody named (read through roles), not a person's name."""
    role = role_asked(who)
    return role is not None and who[: who.find(role[1])] in ZH_NOT_NAMES | {""}


HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep", "president", "chair", "comrade"]
)


def absorb_name_typos(a: Analysis, store: Store, known: frozenset[str], text: str) -> tuple[Analysis, str | None]:
    """A misspelt word beside a person the question names is the rest of their name ("Jon Logan":
    "Logan" is John Logan, "Jon" one or two edits from "John"): read as part of the name, not as an
    unknown word. A capitalised first name that is not theirs ("Jim Logan") is another person: it
    is returned, so nobody else's words are given for them."""
    people = [store.people[t.key] for t in a.targets("person") if t.key in store.people]
    if not people or "P" not in a.template.split():
        return a, None
    names = {w for p in people for name in (p.name, *p.aliases) for w in normalise(name).split() if len(w) > 2}
    words = a.template.split()
    drop = set()
    for n, word in enumerate(words):
        if word in known or word in HONORIFICS or not word.isalpha() or not word.islower() or len(word) < 3:
            continue
        before = n + 1 < len(words) and words[n + 1] == "P"
        if not (before or (n > 0 and words[n - 1] == "P")) or word in names:
            continue
        limit = 1 if len(word) <= 4 else 2
        if any(edit_distance(word, name) <= limit and word[0] == name[0] for name in names):
            drop.add(n)
            continue
        written = re.search(rf"\b{re.escape(word)}\s+(\S+)", text, re.IGNORECASE) if before else None
        if written and written.group(0)[0].isupper():  # "Jim Logan": a first name that is not John Logan's
            return a, written.group(0).rstrip("?.!,")
    if not drop:
        return a, None
    kept = [w for n, w in enumerate(words) if n not in drop]
    gone = {words[n] for n in drop}
    return replace(a, template=" ".join(kept), leftover=[w for w in a.leftover if w not in gone]), None
