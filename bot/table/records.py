"""Rows about one or two records: an election's result, whether the union won, a comparison, a
case's history, what someone said, who said something, who someone is, an organisation, help."""

from __future__ import annotations

from bot.models import Intent
from bot.table import QuestionKind

RECORD_ROWS = (
    QuestionKind(
        name="result",
        intent=Intent.result,
        needs=("E",),
        phrasings={
            "en": (
                "{election}",
                "{election} result",
                "{election} vote",
                "{election} union election",
                "what was the result of the {election} union election",
                "how did the vote go at {election}",
                "what happened at {election}",
                "{election} vote count",
                "tell me about the {election} vote",
                "what was the final tally at {election}",
                "what was the outcome of the {election} election",
                "how did the union do at {election}",
                "any news on {election}",
                "{election} election status",
                "what about the {election} election",
                "how about {election}",
            ),
            "zh": (
                "{election}",
                "{election}投票结果",
                "{election}的投票结果是什么",
                "{election}的选举怎么样了",
                "{election}发生了什么",
                "{election}的计票结果",
                "{election}选举情况",
            ),
        },
        cues={
            "en": r"\bresults?\b|\boutcome\b|\btally\b|\bhappened\b|\bhow did\b.*\b(go|do)\b|\bstatus\b|\bscore\b",
            "zh": r"结果|怎么样|情况|发生了什么",
        },
        example={"en": "{election} result", "zh": "{election}投票结果"},
    ),
    QuestionKind(
        name="did_win",
        intent=Intent.did_win,
        needs=("E",),
        phrasings={
            "en": (
                "did the union win at {election}",
                "did workers at {election} vote to unionize",
                "did the union lose at {election}",
                "was the {election} vote a win for the union",
                "did {election} unionize",
                "did the workers at {election} get a union",
                "is {election} unionized now",
                "who won at {election}",
            ),
            "zh": (
                "{election}赢了吗",
                "工会在{election}赢了吗",
                "{election}的工人投票组建工会了吗",
                "{election}工会输了吗",
                "{election}成立工会了吗",
                "{election}谁赢了",
            ),
        },
        cues={
            "en": r"\b(did|was|is)\b.*\b(win|won|lose|lost|unioni[sz]ed?|pass(ed)?|succeed|get a union)\b|\bwho won\b",
            "zh": r"赢了吗|输了吗|胜了吗|成功了吗|组建工会了吗|成立工会了吗|谁赢了",
        },
        example={"en": "Did the union win at {election}?", "zh": "{election}赢了吗"},
    ),
    QuestionKind(
        name="compare",
        intent=Intent.compare,
        needs=("E", "E"),
        phrasings={
            "en": (
                "{election} vs {election}",
                "compare {election} and {election}",
                "how did {election} compare with {election}",
                "difference between {election} and {election}",
                "{election} or {election} which was closer",
            ),
            "zh": ("{election}和{election}对比", "比较{election}和{election}", "{election}与{election}相比"),
        },
        cues={"en": r"\bvs\b|\bversus\b|\bcompar|\bdifference between\b|\bside by side\b", "zh": r"比较|对比|相比"},
        example={"en": "{election} vs {election}", "zh": "比较{election}和{election}"},
    ),
    QuestionKind(
        name="history",
        intent=Intent.history,
        needs=("E",),
        phrasings={
            "en": (
                "{election} history",
                "what happened after the first {election} vote",
                "was there a rerun at {election}",
                "all the tallies at {election}",
                "{election} rerun",
            ),
            "zh": ("{election}的历史", "{election}重新投票了吗", "{election}第一次投票之后发生了什么"),
        },
        cues={
            "en": r"\bre ?run\b|\brun ?off\b|\bhistory\b|\bfirst vote\b|\bsecond vote\b|\bafter the first\b",
            "zh": r"重新投票|第一次|第二次|历史",
        },
        example={"en": "{election} history", "zh": "{election}的历史"},
    ),
    QuestionKind(
        name="quotes",
        intent=Intent.quotes,
        needs=("POE",),
        phrasings={
            "en": (
                "what did {person} say",
                "what did {person} say about {election}",
                "{person} quote",
                "what did {person} tweet",
                "what did {org} say about the vote",
                "how did {org} react to the {election} result",
                "{org} statement on {election}",
                "what did {person} tell cnn in the interview",
                "what did the {org} spokesperson say",
                "what has {person} said about the union",
                "any comment from {person}",
                "what was the reaction to {election}",
                "what did people say about {election}",
                "what did {person} say at the rally",
            ),
            "zh": (
                "{person}说了什么",
                "{person}对{election}说了什么",
                "{org}怎么说",
                "{org}对{election}的回应",
                "{person}发推说了什么",
                "{org}发言人说了什么",
                "{person}的声明",
                "大家对{election}有什么反应",
            ),
        },
        cues={
            "en": r"\b(say|said|says|saying|tweet|tweets|tweeted|quote|quotes|quoted|statements?|comments?|commented|respon(d|ded|se)|react(ed|ion|ions)?|told|tell cnn|remarks?|words|post(ed)?|wrote|interview|rally)\b",
            "zh": r"说了什么|说什么|说过|说了|怎么说|表示|声明|推特|发推|评论|回应|反应|言论|看法|观点|采访|集会",
        },
        example={"en": "What did {person} say?", "zh": "{person}说了什么"},
    ),
    QuestionKind(
        name="who_said",
        intent=Intent.who_said,
        phrasings={
            "en": (
                "who said the fight has only just begun",
                "who said that",
                "who tweeted about solidarity",
                "whose words are these",
                "who called amazon greedy",
                "who is quoted saying organizing will continue",
            ),
            "zh": ("谁说过战斗刚刚开始", "这是谁说的", "谁说了这句话", "谁发推说"),
        },
        cues={
            "en": r"\bwho (said|says|tweeted|wrote|stated|called|described|told|posted)\b|\bwhose (words|quote|tweet)\b|\bwho is quoted\b",
            "zh": r"谁说|是谁说|谁发|谁表示|谁在推特",
        },
        example={"en": "Who said organizing will continue?", "zh": "谁说过战斗刚刚开始"},
    ),
    QuestionKind(
        name="who_is",
        intent=Intent.who_is,
        needs=("PO",),
        phrasings={
            "en": (
                "who is {person}",
                "tell me about {person}",
                "what is {person} role",
                "who is the president of {org}",
                "who runs {org}",
                "who leads {org}",
                "who is the {org} spokesperson",
                "who heads {org}",
                "{person}",
            ),
            "zh": (
                "{person}是谁",
                "谁是{org}的主席",
                "{org}的发言人是谁",
                "{person}是做什么的",
                "介绍一下{person}",
                "{org}的领导是谁",
                "{person}",
            ),
        },
        cues={
            "en": r"\bwho (is|was|s)\b|\bwhos\b|\bwho (runs|leads|heads)\b|\brole\b|\bbackground\b",
            "zh": r"是谁|什么人|谁是|职位|身份|做什么的|介绍",
        },
        example={"en": "Who is {person}?", "zh": "{person}是谁"},
    ),
    QuestionKind(
        name="organisation",
        intent=Intent.organisation,
        needs=("O",),
        phrasings={
            "en": ("tell me about {org}", "what is {org}", "{org}", "what do you know about {org}", "info on {org}"),
            "zh": ("介绍一下{org}", "{org}是什么", "{org}", "{org}是什么组织"),
        },
        cues={"en": r"\btell me about\b|\bwhat do you know about\b", "zh": r"介绍"},
        example={"en": "Tell me about {org}", "zh": "介绍一下{org}"},
    ),
    QuestionKind(
        name="help",
        intent=Intent.help,
        phrasings={
            "en": ("help", "what can you do", "what do you know", "how do i use this", "what can i ask", "commands"),
            "zh": ("帮助", "你能做什么", "怎么用", "我可以问什么"),
        },
        cues={
            "en": r"^(help|usage|commands)$|\bwhat can (you do|i ask)\b|\bhow do i use\b",
            "zh": r"^帮助$|你能做什么|怎么用|可以问什么",
        },
    ),
)
