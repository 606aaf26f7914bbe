"""People named in the other script: "凯利·南特尔是谁" asks about Kelly Nantel, whom the sources
name only in Latin letters; "克里斯·斯莫尔斯" is another Chinese rendering of Chris Smalls.

Chinese renders foreign names with a small, conventional set of characters, each standing for a
syllable. A name written with them is compared with the store's Latin names by its consonant
skeleton (b/p, d/t, g/k, l/r, s/z/j/sh and n/ng each one sound; vowels and doubled letters aside):
保罗弗拉宁根 and Paul Flaningan are both P-L-F-L-N-K-N. A run is read as a person's name only when
its skeleton is long enough and matches one person's name or surname closely and no other's.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from weakref import WeakKeyDictionary

from rapidfuzz.distance import Indel

from bot.store import Store

# Characters Chinese uses to spell foreign names, with the syllable each stands for (pinyin).
_SYLLABLES = dict(
    pair.split(":")
    for pair in [
        "阿:a",
        "艾:ai",
        "安:an",
        "奥:ao",
        "巴:ba",
        "拜:bai",
        "班:ban",
        "邦:bang",
        "保:bao",
        "鲍:bao",
        "贝:bei",
        "本:ben",
        "比:bi",
        "彼:bi",
        "宾:bin",
        "波:bo",
        "伯:bo",
        "博:bo",
        "布:bu",
        "查:cha",
        "茨:ci",
        "达:da",
        "戴:dai",
        "黛:dai",
        "丹:dan",
        "道:dao",
        "德:de",
        "登:deng",
        "迪:di",
        "蒂:di",
        "丁:ding",
        "东:dong",
        "杜:du",
        "顿:dun",
        "多:duo",
        "恩:en",
        "尔:er",
        "法:fa",
        "凡:fan",
        "菲:fei",
        "费:fei",
        "斐:fei",
        "芬:fen",
        "丰:feng",
        "弗:fu",
        "福:fu",
        "夫:fu",
        "芙:fu",
        "盖:gai",
        "甘:gan",
        "冈:gang",
        "高:gao",
        "戈:ge",
        "格:ge",
        "葛:ge",
        "根:gen",
        "古:gu",
        "哈:ha",
        "海:hai",
        "汉:han",
        "豪:hao",
        "赫:he",
        "亨:heng",
        "胡:hu",
        "华:hua",
        "霍:huo",
        "吉:ji",
        "基:ji",
        "加:jia",
        "贾:jia",
        "杰:jie",
        "金:jin",
        "卡:ka",
        "凯:kai",
        "坎:kan",
        "康:kang",
        "柯:ke",
        "科:ke",
        "克:ke",
        "肯:ken",
        "库:ku",
        "拉:la",
        "莱:lai",
        "兰:lan",
        "朗:lang",
        "劳:lao",
        "勒:le",
        "雷:lei",
        "蕾:lei",
        "里:li",
        "利:li",
        "莉:li",
        "丽:li",
        "力:li",
        "莲:lian",
        "林:lin",
        "琳:lin",
        "麟:lin",
        "卢:lu",
        "鲁:lu",
        "路:lu",
        "露:lu",
        "伦:lun",
        "罗:luo",
        "洛:luo",
        "马:ma",
        "玛:ma",
        "麦:mai",
        "曼:man",
        "梅:mei",
        "门:men",
        "蒙:meng",
        "米:mi",
        "密:mi",
        "敏:min",
        "莫:mo",
        "默:mo",
        "穆:mu",
        "纳:na",
        "娜:na",
        "南:nan",
        "内:nei",
        "尼:ni",
        "妮:ni",
        "宁:ning",
        "纽:niu",
        "诺:nuo",
        "欧:ou",
        "帕:pa",
        "潘:pan",
        "佩:pei",
        "彭:peng",
        "皮:pi",
        "普:pu",
        "奇:qi",
        "琪:qi",
        "乔:qiao",
        "切:qie",
        "琼:qiong",
        "瑞:rui",
        "若:ruo",
        "萨:sa",
        "赛:sai",
        "桑:sang",
        "瑟:se",
        "森:sen",
        "莎:sha",
        "沙:sha",
        "山:shan",
        "尚:shang",
        "舍:she",
        "圣:sheng",
        "史:shi",
        "施:shi",
        "舒:shu",
        "斯:si",
        "松:song",
        "苏:su",
        "索:suo",
        "塔:ta",
        "泰:tai",
        "坦:tan",
        "汤:tang",
        "特:te",
        "提:ti",
        "汀:ting",
        "廷:ting",
        "通:tong",
        "图:tu",
        "托:tuo",
        "瓦:wa",
        "万:wan",
        "旺:wang",
        "威:wei",
        "韦:wei",
        "维:wei",
        "薇:wei",
        "温:wen",
        "沃:wo",
        "乌:wu",
        "伍:wu",
        "西:xi",
        "希:xi",
        "茜:xi",
        "夏:xia",
        "肖:xiao",
        "谢:xie",
        "辛:xin",
        "休:xiu",
        "逊:xun",
        "雅:ya",
        "亚:ya",
        "扬:yang",
        "杨:yang",
        "耶:ye",
        "伊:yi",
        "英:ying",
        "尤:you",
        "于:yu",
        "约:yue",
        "扎:zha",
        "詹:zhan",
        "泽:ze",
        "兹:zi",
        "祖:zu",
        "佐:zuo",
        "汀:ting",
        "琳:lin",
    ]
)
_RUN = re.compile(f"[{''.join(_SYLLABLES)}][{''.join(_SYLLABLES)}·・•‧･\\-]*")
_INITIALS = (  # pinyin initials, longest first, and the sound class each stands for
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"), ("g", "K"),
    ("k", "K"), ("f", "F"), ("l", "L"), ("r", "L"), ("m", "M"), ("n", "N"), ("h", "H"), ("j", "S"),
    ("q", "S"), ("x", "S"), ("z", "S"), ("c", "S"), ("s", "S"),
)  # fmt: skip
_LATIN = (  # Latin spellings and the same sound classes, longest first
    ("ph", "F"), ("sh", "S"), ("ch", "S"), ("th", "T"), ("ck", "K"), ("qu", "K"), ("ce", "S"), ("ci", "S"),
    ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"), ("g", "K"), ("k", "K"), ("c", "K"), ("q", "K"),
    ("f", "F"), ("v", "F"), ("l", "L"), ("r", "L"), ("m", "M"), ("n", "N"), ("h", "H"), ("s", "S"),
    ("z", "S"), ("x", "S"), ("j", "S"),
)  # fmt: skip
MIN_SOUNDS = 3  # a shorter skeleton matches too much
MIN_LIKENESS = 0.85
SHORT = 4  # sounds: a skeleton this short must match exactly


def _collapse(sounds: str) -> str:
    return re.sub(r"(.)\1+", r"\1", sounds)


def zh_skeleton(run: str) -> str:
    out = []
    for ch in run:
        syllable = _SYLLABLES.get(ch)
        if syllable is None:
            continue
        if syllable == "er":  # 尔: a final l or r
            out.append("L")
            continue
        sound = next((cls for initial, cls in _INITIALS if syllable.startswith(initial)), "")
        out.append(sound)
        if syllable.endswith(("n", "ng")) and len(syllable) > 1:
            out.append("N")
    return _collapse("".join(out))


def latin_skeleton(name: str) -> str:
    text, out, i = name.casefold(), [], 0
    while i < len(text):
        for spelling, cls in _LATIN:
            if text.startswith(spelling, i):
                out.append(cls)
                i += len(spelling) - (1 if spelling in ("ce", "ci") else 0)
                break
        else:
            i += 1
    return _collapse("".join(out))


def _like(a: str, b: str) -> float:
    """How alike two skeletons are; a short one must be the same (SMS is not SMLS: Smith is not Smalls)."""
    if min(len(a), len(b)) <= SHORT:
        return 1.0 if a == b else 0.0
    return Indel.normalized_similarity(a, b)


class Names:
    """Every person's Latin name as sounds (whole, and first name and surname), built once per store."""

    def __init__(self, store: Store) -> None:
        self.people: list[tuple[str, str, str, str]] = []  # (name, whole, first, last) skeletons
        for p in store.people.values():
            for name in dict.fromkeys([p.name, *(a for a in p.aliases if a.isascii() and " " in a)]):
                words = name.split()
                self.people.append((p.name, latin_skeleton(name), latin_skeleton(words[0]), latin_skeleton(words[-1])))

    def person(self, run: str) -> str | None:
        """The one person whose name the run spells, if any: with a name dot, the first name and the
        surname must both fit; without one, the whole name or the surname."""
        parts = [zh_skeleton(p) for p in re.split(r"[·・•‧･\-]", run) if p]
        whole = _collapse("".join(parts))
        if len(whole) < MIN_SOUNDS:
            return None
        best: dict[str, float] = {}
        for name, full, first, last in self.people:
            if len(parts) > 1:
                likeness = min(_like(parts[0], first), _like(parts[-1], last))
            else:
                likeness = max(_like(whole, full), _like(whole, last))
            best[name] = max(best.get(name, 0.0), likeness)
        ranked = sorted(best.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < MIN_LIKENESS:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.1:
            return None  # two people alike: neither
        return ranked[0][0]


_NAMES: WeakKeyDictionary[Store, Names] = WeakKeyDictionary()
_LOCK = threading.Lock()


def names_for(store: Store) -> Names:
    with _LOCK:
        found = _NAMES.get(store)
        if found is None:
            found = _NAMES[store] = Names(store)
    return found


def in_latin(text: str, store: Store, known: Callable[[str], bool]) -> str:
    """The text with each run of name characters that spells a person's Latin name (and is not
    already a name on file, in `known`) written as that name: "凯利·南特尔是谁" -> "Kelly Nantel是谁"."""
    if not any(ch in _SYLLABLES for ch in text):
        return text
    names = names_for(store)

    def spelled(m: re.Match[str]) -> str:
        run = m.group(0)
        plain = re.sub(r"[·・•‧･\-]", "", run)
        if (
            len(plain) < 3
            or known(plain)
            or any(known(plain[i:]) or known(plain[:i]) for i in range(2, len(plain) - 1))
        ):
            return run
        name = names.person(run)
        return f" {name} " if name else run

    return _RUN.sub(spelled, text)
