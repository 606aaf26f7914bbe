"""Place and facility-kind names the matcher knows in both languages."""

from __future__ import annotations

US_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "PR": "Puerto Rico",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}

# Chinese names of places and facility kinds, as Chinese-language reporting writes them.
ZH_NAMES: dict[str, tuple[str, ...]] = {
    "staten island": ("史泰登岛", "斯塔滕岛"),
    "new york": ("纽约州", "纽约"),
    "california": ("加利福尼亚州", "加利福尼亚", "加州"),
    "alabama": ("阿拉巴马州", "阿拉巴马", "亚拉巴马州"),
    "albany": ("奥尔巴尼",),
    "bessemer": ("贝塞默",),
    "moreno valley": ("莫雷诺谷",),
    "brooklyn": ("布鲁克林",),
    "amazon": ("亚马逊",),
    "amazon labor union": ("亚马逊工会",),
    "warehouse": ("仓库",),
    "sortation center": ("分拣设施", "分拣中心"),
    "fulfillment center": ("运营中心", "配送中心"),
}

# Spellings that name the same facility kind.
KIND_VARIANTS: dict[str, tuple[str, ...]] = {
    "sortation center": ("sortation centre", "sortation facility", "sort center"),
    "fulfillment center": ("fulfilment centre", "fulfilment center", "fulfillment centre", "fulfillment facility"),
}

ZH_STATES = {"NY": "纽约州", "CA": "加利福尼亚州", "AL": "阿拉巴马州"}


def state_name(code: str, lang: str = "en") -> str:
    if lang == "zh" and code in ZH_STATES:
        return ZH_STATES[code]
    return US_STATES.get(code, code)


def zh_name(name: str) -> str | None:
    names = ZH_NAMES.get(name.casefold())
    return names[0] if names else None
