"""Scripts, the reply language, and the plain words of a pasted or long message."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.lexicon import Pattern
from bot.models import Lang

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
LONG = 120  # characters (a Chinese character counts three times): a longer message is searched for its question
QUESTION_MAX = 400  # characters of the question sentence itself
MAX_READ = 5000  # characters read from the end of a very long message

_SLACK_LINK = Pattern(r"<(?:https?|mailto):[^|>]*\|([^>]*)>|<(?:https?|mailto):[^>]*>")
_SLACK_LABELLED = Pattern(r"<[@#!][^|>]*\|([^>]*)>")  # <@U1|bob>, <#C1|news>, <!subteam^S1|@team>
_SLACK_BARE = Pattern(r"<[@#!][^>]*>")  # <@U1>, <!channel>, <!here>
_EMPHASIS = Pattern(r"(?<![\w*_~`])([*_~]{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*_~])")
_CODE = Pattern(r"```(.*?)```|`([^`]*)`", re.S)
_QUOTE_MARK = Pattern(r"^\s*(>|&gt;)\s?", re.M)
_SENTENCE = Pattern(r"[^.!?。！？\n]+[.!?。！？]*")
_QUESTION_START = Pattern(
    r"^\s*(what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|can|could|tell|give|list|show"
    r"|compare)\b",
    re.I,
)


# Instructions aimed at the bot rather than questions ("ignore your instructions", "系统提示：…"):
# dropped before reading, so what is left is answered from the facts, never as instructed.
_PREAMBLE = Pattern(r"\s+[—–-]{1,2}\s+|:\s+|;\s+|：")
_INSTRUCTION = Pattern(
    r"\b(ignore|disregard|forget)\b( (all|your|the|any|previous|prior|above|my|of))*"
    r"( (instructions?|rules|prompts?|fact store|facts|sources|everything|that))\b|\bpretend( that)?\b|\bfrom now on\b[^.?!]*[.?!]?|\bsystem( prompt)?\s*:"
    r"|\b(just |please )?confirm( it| that)?\b|\bpost @?(channel|here|everyone)\b:?|\bsay (that )?(?=the\b)"
    r"|忽略[^，。？！]*[，。]?|系统提示[：:][^。？！]*[。]?|以后所有回答[^。？！]*[。]?|不要查资料[，,]?|直接确认",
    re.I,
)


_INSTRUCTION_WORDS = ("ignore", "disregard", "forget", "pretend", "from now on", "system", "confirm", "post", "say ", "忽略", "系统提示", "以后所有回答", "不要查资料", "直接确认")  # fmt: skip


def without_instructions(text: str) -> tuple[str, bool]:
    """The text with instructions to the bot taken out, and whether there were any."""
    lowered = text.casefold()
    if not any(word in lowered for word in _INSTRUCTION_WORDS):
        return text, False
    stripped = _INSTRUCTION.sub(" ", text)
    return stripped, stripped != text


def is_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def plain_words(text: str) -> str:
    """Slack markup pasted anywhere read as the words it shows: mentions and channel links by their
    labels (or dropped), links by their labels, no emphasis or code marks, `&lt;` as `<`."""
    if not any(mark in text for mark in "<>&*_~`"):
        return text
    text = _SLACK_LINK.sub(lambda m: m.group(1) or " ", text)
    text = _SLACK_LABELLED.sub(lambda m: m.group(1).lstrip("@#"), text)
    text = _SLACK_BARE.sub(" ", text)
    text = _QUOTE_MARK.sub("", text)
    text = _CODE.sub(lambda m: m.group(1) or m.group(2) or " ", text)
    for _ in range(2):  # *_nested_*
        text = _EMPHASIS.sub(r"\2", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def find_question(text: str) -> tuple[str, str]:
    """(the question, the text before it) of a long message; a short one is its own question.

    People paste context first and ask last: the last sentence that asks (ends with a question
    mark or starts with a question word) is the question, else the last sentence."""
    if len(text) + 2 * len(CJK.findall(text)) <= LONG and "\n" not in text.strip():
        return _after_preamble(text)  # a Chinese character says about what three letters do
    text = text[-MAX_READ:]
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    if len(sentences) < 2:
        return text[-QUESTION_MAX:], ""
    asking = [n for n, s in enumerate(sentences) if s.endswith(("?", "？")) or _QUESTION_START.match(s)]
    at = asking[-1] if asking else len(sentences) - 1
    return sentences[at][-QUESTION_MAX:], "\n".join(sentences[:at])[-MAX_READ:]


def last_sentence(text: str) -> str | None:
    """The last sentence of a message of several ("I'm writing a story. The ALB1 vote — how many
    voted against?"), or None for a message of one sentence."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    return sentences[-1] if len(sentences) > 1 else None


def _after_preamble(text: str) -> tuple[str, str]:
    """ "I'm an HR manager — how many …?": the clause that asks, and the preamble before it."""
    if not any(mark in text for mark in "—–-:;："):
        return text, ""
    parts = _PREAMBLE.compiled.split(text)
    if len(parts) > 1 and _QUESTION_START.match(parts[-1]):
        return parts[-1].strip(), " ".join(parts[:-1]).strip()
    return text, ""


def reply_language(text: str, names: Iterable[str] = ()) -> Lang:
    """The language of the question's own words, names aside: Chinese when its Chinese characters
    outnumber its Latin words once the names of records are taken out."""
    rest = text
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name, " ")
    cjk = len(CJK.findall(rest))
    latin = len(re.findall(r"[a-z]{2,}", re.sub(r"\b[a-z]{2,5}\d{1,4}\b", " ", rest)))
    if cjk == 0 and latin == 0:
        return "zh" if is_cjk(text) else "en"
    return "zh" if cjk >= max(latin, 1) else "en"


# Traditional characters people type (Taiwan, Hong Kong) and their simplified forms, one to one:
# questions are read in simplified Chinese, like the store's aliases.
_TRADITIONAL = (
    "說說話麼嗎贏輸選舉計結會員數張對發聲導據點場區間時還誰這個們沒與為進過應頭來樣問題動參開關於亞馬遜勞資議論評價採訪紐約島羅勝敗"
    "無效質疑總統倉庫設施揀級號幾億萬標準響體現實際門廳預報導傳達組織領後嗎麼歷經濟紀錄聯邦國際華盛頓爾斯蘭蘇維權處產線辦廣電視條約"
    "規則類別廠鐘錢銷售購買貨運輸隊伍職業務業績額差距離異議訴訟請願書申請審判決裁師範學習讀寫聽見觀點認識記憶憶險環境護衛隨機構雙"
    "單獨立場戰鬥爭取權益貪婪濫催化劑骨牌狀態態度層樓舊金莫雷諾貝塞默爾奧尼韋約翰桑德斯奧卡西奧科爾特林奇梅迪納佩雷萊恩伯謝熱愛幫"
    "裡裏內從給讓並當兩僱稱"
)
_SIMPLIFIED = (
    "说说话么吗赢输选举计结会员数张对发声导据点场区间时还谁这个们没与为进过应头来样问题动参开关于亚马逊劳资议论评价采访纽约岛罗胜败"
    "无效质疑总统仓库设施拣级号几亿万标准响体现实际门厅预报导传达组织领后吗么历经济纪录联邦国际华盛顿尔斯兰苏维权处产线办广电视条约"
    "规则类别厂钟钱销售购买货运输队伍职业务业绩额差距离异议诉讼请愿书申请审判决裁师范学习读写听见观点认识记忆忆险环境护卫随机构双"
    "单独立场战斗争取权益贪婪滥催化剂骨牌状态态度层楼旧金莫雷诺贝塞默尔奥尼韦约翰桑德斯奥卡西奥科尔特林奇梅迪纳佩雷莱恩伯谢热爱帮"
    "里里内从给让并当两雇称"
)
TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def simplified(text: str) -> str:
    return text.translate(TO_SIMPLIFIED)
