"""Topic words that mean the same in a quote search, across English and Chinese.

A question about a topic finds the quotes that hold it in either language: "Flaningan关于工伤说了什么"
finds "an increase in recordable injuries", "what did Logan say about wildfires" finds "像野火一样
蔓延" (its translation holds it too). Each group lists words that stand for one another when a
question's topic is searched (bot.textsearch expands a topic word to its group). Only words a
topic is named by belong here, never a record's name or the table's own question words.
"""

from __future__ import annotations

GROUPS: tuple[tuple[str, str], ...] = (  # (English words, Chinese words)
    ("injury injuries injured hurt", "工伤 受伤 伤害 伤病"),
    ("safety safe", "安全"),
    ("spend spending spent invest invested investment investing money", "投资 投入 花费 花钱 资金"),
    ("hire hiring hired recruit recruiting", "招聘 雇佣 雇用 招人 招工"),
    ("signature signatures", "签名 签字"),
    ("covid pandemic coronavirus", "疫情 新冠"),
    ("historic historical history", "历史"),
    ("proud pride", "骄傲 自豪"),
    ("stake risk", "风险 利害"),
    ("voice voices", "声音"),
    ("expansion expand expanding growth", "扩张 扩大"),
    ("interest", "兴趣"),
    ("disappoint disappointed disappointing disappointment", "失望"),
    ("greed greedy", "贪婪"),
    ("abusive abuse", "滥用"),
    ("solidarity", "声援 团结"),
    ("wildfire wildfires", "野火"),
    ("catalyst", "催化剂"),
    ("domino dominoes", "多米诺"),
    ("starbucks", "星巴克"),
    ("racial race", "种族"),
    ("audit", "审计"),
    ("meeting meetings", "会议 开会"),
    ("dues", "会费"),
    ("fight struggle", "斗争 战斗"),
    ("revolution", "革命"),
    ("beginning begin start", "开始"),
    ("choose choice", "选择"),
    ("right rights", "权利 有权"),
    ("trillion", "万亿"),
    ("intense", "激烈"),
    ("effective", "有效"),
    ("smaller", "较小"),
    ("world", "世界"),
    ("enough sufficient", "足够"),
    ("skeptical doubt doubts doubtful", "怀疑"),
)
