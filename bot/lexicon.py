"""Words and phrasings the engine understands, in English and Chinese.

Patterns run on normalised text (see matcher.normalise): lower case, punctuation turned
to spaces, apostrophes inside words dropped ("what's" -> "whats", "O'Brien" -> "obrien").
"""

from __future__ import annotations

import re

from bot.models import Figure


class Pattern:
    """A regular expression compiled on first use: a one-shot CLI run needs only a few of these."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)


def _rx(pattern: str) -> Pattern:
    return Pattern(pattern)


# Cues that name one figure, most specific first: the first that matches wins.
FIGURE_CUES: tuple[tuple[Figure, Pattern], ...] = (
    (Figure.share, _rx(r"\bpercent(age)?s?\b|\bshares?\b|%|\bproportion\b|\bfraction\b|百分比|比例|占比|比重")),
    (
        Figure.margin,
        _rx(
            r"\bmargins?\b|\bby how (much|many)\b|\bgap\b|\bdifference\b|\bspread\b|\bhow close\b|差距|差额|相差|差了多少|多多少"
        ),
    ),
    (Figure.void, _rx(r"\bvoid\b|\binvalid\b|\bspoil(ed|t)\b|无效")),
    (Figure.challenged, _rx(r"\bchallenged?\b|\bchallenges\b|质疑|争议票")),
    (
        Figure.eligible,
        _rx(
            r"\beligible\b|\beligibility\b|\bregistered voters?\b|\bvoter roll\b|\bcould vote\b|\bvoting unit\b|\bbargaining unit\b|合格选民|有资格|选民"
        ),
    ),
    (
        Figure.votes_for,
        _rx(
            r"\byes votes?\b|\bvotes? (for|in favou?r)\b|\bvoted (for|yes|in favou?r)\b|\bin favou?r\b|\bsupport(ed|ers)?\b|\bpro union\b|\byes\b.*\bvotes?\b|赞成|支持票|支持工会|投了?赞成"
        ),
    ),
    (
        Figure.votes_against,
        _rx(
            r"\bno votes?\b|\bvotes? against\b|\bvoted (against|no)\b|\bagainst\b|\boppos(ed|ition)\b|\banti union\b|反对"
        ),
    ),
    (
        Figure.turnout,
        _rx(r"\bturn ?out\b|\bparticipation\b|\bhow many\b.*\b(voted|cast)\b|投票率|参与率|参选率"),
    ),
    (
        Figure.counted,
        _rx(
            r"\bcounted\b|\bballots? (were )?(cast|counted|tallied)\b|\bhow many (votes|ballots)\b|\btotal (votes|ballots)\b|\bvotes? cast\b|\bnumber of (votes|ballots)\b|清点|点票数|总票数|多少张选票|多少票"
        ),
    ),
    (
        Figure.count_location,
        _rx(
            r"\bwhere\b.*\b(count|counted|tally|tallied|held|counting)\b|\b(count|tally|counting)\b.*\bwhere\b|\bzoom\b|计票地点|在哪里?计票|在哪里?举行|哪里计票"
        ),
    ),
    (
        Figure.place,
        _rx(
            r"\bwhere is\b|\bwheres\b|\blocated\b|\blocation\b|\bwhich (city|state|town)\b|\bwhat (city|state|town)\b|在哪里|在哪|位于|什么地方|哪个城市|哪个州"
        ),
    ),
    (Figure.objections, _rx(r"\bobjections?\b|\bobject\b|\bappeal\b|异议|反对意见|申诉|上诉")),
    (
        Figure.tally_date,
        _rx(r"\bwhen\b|\bdate\b|\bwhat day\b|\bwhich day\b|\bwhat time\b|什么时候|何时|日期|哪天|哪一天|几号"),
    ),
    (
        Figure.headcount,
        _rx(
            r"\bhow (big|large)\b|\bsize\b|\bheadcount\b|\bhow many (workers|employees|people|staff)\b|\bemploys?\b|\bworkforce\b|员工人数|多少(名)?员工|多少(名)?工人|多少人|规模|多大"
        ),
    ),
)

WIN_CUE = _rx(
    r"\bdid (the )?(union|workers|employees|alu|they|it)\b.*\b(win|lose|won|lost|pass|succeed|unioni[sz]e|join)\b"
    r"|\b(win|won|lose|lost|pass|passed|succeed|succeeded|fail|failed|unioni[sz]e|unioni[sz]ed|victory|defeat)\b"
    r"|赢|胜|输|失败|失利|成功|组建工会|成立工会|加入工会"
)
RESULT_CUE = _rx(
    r"\bresults?\b|\boutcome\b|\btally\b|\btallies\b|\bvote count\b|\bcount\b|\bscore\b|\bhow did\b.*\b(go|do|turn out)\b"
    r"|\bwhat happened\b|\bhappen(ed)?\b|\bstatus\b|\bupdate\b|\bnews\b|\bvote\b|\bvoting\b|\belection\b|\bsummary\b"
    r"|结果|投票|选举|计票|怎么样|如何|情况|进展"
)
QUOTE_CUE = _rx(
    r"\b(say|said|says|saying|tweet|tweets|tweeted|quote|quotes|quoted|statement|statements|comment|comments|commented"
    r"|respond|responded|response|react|reacted|reaction|reactions|told|tell us|remarks?|words|think|thinks|thought|view|views|position)\b"
    r"|说了什么|说什么|说过|说了|怎么说|表示|声明|推特|发推|评论|回应|反应|言论|引述|看法|观点"
)
WHO_SAID_CUE = _rx(
    r"\bwho (said|says|tweeted|wrote|stated|called|described|told)\b|\bwhose (words|quote|tweet)\b|\bwho is quoted\b|谁说|是谁说|谁发|谁表示|谁在推特"
)
WHO_IS_CUE = _rx(
    r"\bwho (is|was|s)\b|\bwhos\b|\btell me about\b|\bwhat (is|was) (the )?role\b|\bwhat does .* do\b|\bbackground\b|是谁|什么人|谁是|的职位|的身份|介绍一下"
)
LIST_CUE = _rx(
    r"\b(list|all|every|which|what|any) (of the )?(union )?(elections|votes|facilities|campaigns|warehouses)\b"
    r"|\belections\b|\bvotes\b.*\b(has|have|did)\b|\bwhere (has|have|did) (the )?(union|alu)\b|\bbeen part of\b|\btook part\b|\binvolved\b"
    r"|哪些选举|所有选举|哪些|列出|列表|所有的?选举|参与了"
)
COUNT_CUE = _rx(
    r"\bhow many\b.*\b(elections|times|facilities|campaigns|wins|losses)\b|\bnumber of (elections|wins|losses)\b|多少次|几次|多少场|几场"
)
COMPARE_CUE = _rx(
    r"\bvs\b|\bversus\b|\bcompared?\b|\bcomparison\b|\bagainst each other\b|\bdifference between\b|\bbetween\b|比较|对比|相比|与.*比"
)
WON_CUE = _rx(r"\b(won|win|wins|winning|victory|victories|successful)\b|赢|胜|成功")
LOST_CUE = _rx(r"\b(lost|lose|losses|loss|losing|defeats?|defeated|failed|unsuccessful)\b|输|败|失利|失败")
PENDING_CUE = _rx(
    r"\b(pending|undecided|open|unresolved|upcoming|too close|not decided|still)\b|未决|悬而未决|待定|尚未"
)
HELP_CUE = _rx(
    r"^\s*(help|\?|h|usage|commands|what can you do|what do you know|how do i use( this| you)?|帮助|怎么用|你能做什么)\s*$"
)

# Words that explain themselves in a question about elections: function words, question
# words and the domain's own vocabulary. Any other word is "unexplained".
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "about",
        "into",
        "near",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "done",
        "doing",
        "has",
        "have",
        "had",
        "having",
        "can",
        "could",
        "would",
        "will",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "what",
        "whats",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "hows",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "he",
        "she",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "then",
        "than",
        "so",
        "as",
        "if",
        "not",
        "no",
        "yes",
        "just",
        "only",
        "also",
        "still",
        "please",
        "pls",
        "plz",
        "thanks",
        "thank",
        "tell",
        "show",
        "give",
        "get",
        "got",
        "find",
        "know",
        "let",
        "lets",
        "us",
        "any",
        "some",
        "all",
        "each",
        "every",
        "much",
        "many",
        "more",
        "most",
        "less",
        "least",
        "very",
        "really",
        "ok",
        "okay",
        "hi",
        "hello",
        "hey",
        "bot",
        "again",
        "whole",
        "entire",
        "full",
        "across",
        "over",
        "under",
        "after",
        "before",
        "during",
        "up",
        "down",
        "out",
        "off",
        "per",
        "via",
        "vs",
        "versus",
        "between",
        "around",
        "go",
        "went",
        "gone",
        "goes",
        "happen",
        "happened",
        "happening",
        "say",
        "said",
        "latest",
        "recent",
        "recently",
        "final",
        "finally",
        "number",
        "numbers",
        "total",
        "overall",
        "actual",
        "actually",
        "exact",
        "exactly",
        "figure",
        "figures",
        "data",
        "details",
        "info",
    ]
)
DOMAIN = frozenset(
    [
        "vote",
        "votes",
        "voted",
        "voting",
        "voter",
        "voters",
        "ballot",
        "ballots",
        "election",
        "elections",
        "electoral",
        "union",
        "unions",
        "unionize",
        "unionise",
        "unionized",
        "unionised",
        "unionizing",
        "unionising",
        "unionization",
        "unionisation",
        "organize",
        "organise",
        "organized",
        "organised",
        "organizing",
        "organising",
        "organizer",
        "organiser",
        "organizers",
        "organisers",
        "worker",
        "workers",
        "employee",
        "employees",
        "staff",
        "people",
        "facility",
        "facilities",
        "warehouse",
        "warehouses",
        "site",
        "center",
        "centre",
        "plant",
        "location",
        "result",
        "results",
        "tally",
        "tallies",
        "count",
        "counts",
        "counted",
        "outcome",
        "status",
        "nlrb",
        "labor",
        "labour",
        "board",
        "representation",
        "petition",
        "campaign",
        "drive",
        "effort",
        "attempt",
        "amazon",
        "amazons",
        "company",
        "employer",
        "side",
        "sides",
        "percent",
        "percentage",
        "share",
        "margin",
        "turnout",
        "win",
        "won",
        "lose",
        "lost",
        "victory",
        "defeat",
        "support",
        "against",
        "favor",
        "favour",
        "yes",
        "no",
        "quote",
        "quotes",
        "statement",
        "statements",
        "tweet",
        "tweets",
        "comment",
        "comments",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "president",
        "leader",
        "leaders",
        "treasurer",
        "organizer",
        "professor",
        "senator",
        "representative",
    ]
)
# Long words the cues above rely on: a one-edit typo of one ("margni", "turnuot", "eligable")
# is read as the word. Short ones are left out, so "avoid" never becomes "void".
KEYWORDS = frozenset(
    [
        "margin",
        "margins",
        "turnout",
        "result",
        "results",
        "eligible",
        "ballots",
        "ballot",
        "election",
        "elections",
        "counted",
        "challenged",
        "percentage",
        "percent",
        "objections",
        "objection",
        "statement",
        "statements",
        "tweeted",
        "quoted",
        "compare",
        "versus",
        "happened",
        "unionize",
        "unionise",
        "unionized",
        "unionised",
        "workers",
        "against",
        "support",
        "supported",
        "opposed",
        "tallied",
        "headcount",
        "located",
        "location",
        "participation",
    ]
)

# Ordinary English words that look like names in the store; never typo-corrected to them.
NEVER_CORRECT = frozenset(
    [
        "small",
        "smaller",
        "smallest",
        "wesleyan",
        "logan",
        "lynch",
        "sander",
        "sanders",
        "medina",
        "perez",
        "weather",
        "whether",
        "bezos",
        "super",
        "bowl",
        "time",
        "times",
        "today",
        "tomorrow",
        "yesterday",
        "place",
        "places",
    ]
)

# Chinese function words and characters that carry no topic.
ZH_FILLER = _rx(
    r"请问|一下|什么|多少|怎么|怎样|如何|哪个|哪些|哪里|是否|有没有|关于|对于|这个|那个|这次|那次|一个"
    r"|[的是了吗呢吧啊呀和与及在有对说请问个张名位次场里中上下把被给让得地着过都也还就又才]"
)
ZH_DOMAIN = _rx(r"工会|选举|投票|选票|计票|工人|员工|仓库|设施|结果|亚马逊|票|赞成|反对|美国")

SPEAKER_PHRASE = _rx(
    r"\bwhat (did|does|has|have|do) (?P<a>.+?) (say|said|tweet|tweeted|think|thought|tell|told|write|wrote|comment|mean|post|posted)\b"
    r"|\bwhat (was|is|were|are) (?P<b>.+?) (statement|statements|comment|comments|reaction|reactions|response|responses|tweet|tweets|quote|quotes|view|views|position)\b"
    r"|\b(quotes?|statements?|tweets?|comments?) (from|by) (?P<c>.+?)$"
    r"|^(?P<d>.+?) (quotes?|statements?|tweets?|comments?|said|says|reaction)$"
    r"|^(?P<e>.+?)(说了什么|说什么|怎么说|的言论|的声明|的推特|发推|表示了什么|的看法|的观点)"
)
ROLE_WORDS = _rx(
    r"\b(spokes(person|man|woman)|representative|rep|president|leader|chief|head|treasurer|organi[sz]er|professor|worker|runs|leads|in charge)\b|发言人|总裁|主席|领导|财务主管|组织者|教授|工人"
)
LEADER_WORDS = frozenset({"president", "leader", "chief", "head", "runs", "leads", "in charge", "总裁", "主席", "领导"})
LEADER_ROLES = _rx(r"president|head|leader|chief|总裁|主席|领导")
