"""Words of the reports in English and Chinese (``--lang en|zh``)."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from optimize.case.case import Case

#: A report language.
Lang = Literal["en", "zh"]
#: Every report language.
LANGS: tuple[Lang, ...] = get_args(Lang)


def is_lang(value: str) -> TypeGuard[Lang]:
    """Whether `value` names a report language (one of :data:`LANGS`)."""
    return value in LANGS


#: Headings and phrases: key -> (English, Chinese).
TEXT: dict[str, tuple[str, str]] = {
    "report": ("planning run", "规划测算"),
    "cell_status": (
        "How sure we are: what the scores are made of",
        "结论有多可靠：评分数据的构成",
    ),
    "tiers": (
        "Tiers of clusters the data cannot separate",
        "数据无法区分的集群梯队",
    ),
    "tier_rule": (
        "A cluster is placed above another only when it scores higher in at least {share} of "
        "the samples, P(i > j) >= {confidence}; clusters in one tier are not separated at that "
        "confidence (a tier is 1 + the longest chain of such wins above it).",
        "仅当一个集群在至少 {share} 的抽样中得分高于另一集群，即 P(i > j) >= {confidence} 时，"
        "才将其排在前面；同一梯队内的集群在该置信度下无法区分（梯队序号 = 1 + 其上方此类胜出链的"
        "最大长度）。",
    ),
    "rank_intervals": (
        "Median rank of each cluster with its 5-95% interval",
        "各集群排名的中位数及其 5%-95% 区间",
    ),
    "rank_axis": ("rank across samples (1 = strongest)", "抽样中的排名（1 = 最强）"),
    "winning": ("Pairwise winning P(row > column)", "两两胜出概率 P(行 > 列)"),
    "core_index": (
        "Funding robustness: core index of each project",
        "资助稳健性：各项目的核心指数",
    ),
    "run": ("Run", "测算设置"),
    "criteria": ("Criteria tree: AHP weights and consistency", "指标体系：AHP 权重与一致性"),
    "weights_chart": ("Global weight of each leaf criterion", "各末级指标的全局权重"),
    "ranking": (
        "Ranking of cluster support systems (TOPSIS closeness)",
        "集群科技支撑体系排序（TOPSIS 贴近度）",
    ),
    "agreement": ("Agreement between ranking methods", "不同排序方法的一致性"),
    "acceptability": ("Rank acceptability", "排序可接受度"),
    "allocation_type": (
        "Allocation by cluster type and instrument",
        "按集群类型与支持工具的资金分配",
    ),
    "allocation_region": ("Allocation by region", "按区域的资金分配"),
    "allocation_cluster": ("Allocation by cluster", "按集群的资金分配"),
    "binding": ("Binding rules", "起约束作用的规则"),
    "stock": ("National stock: duplication checks", "已有国家级平台：重复建设核查"),
    "marginal": ("Marginal values of rules and budget", "规则与预算的边际价值"),
    "frontier": ("Budget frontier", "预算前沿"),
    "robustness": ("Robustness of the funded set", "资助方案的稳健性"),
    "provenance": ("Appendix: inputs and provenance", "附录：输入数据与来源"),
    "settings_provenance": ("Provenance of settings", "设置的来源"),
    "score_provenance": ("Provenance of scores per criterion", "各指标评分的来源"),
    "sources": ("Cited facts", "引用的事实"),
    "amount_unit": ("1e8 CNY", "亿元"),
    "budget": ("budget", "预算"),
}

#: Totals and region keys: key -> (English, Chinese). Cluster types and instruments take
#: their names from the case's types and instruments tables (see :func:`_group_name`).
NAMES: dict[str, tuple[str, str]] = {
    "total": ("total", "合计"),
    "point": ("point", "点值"),
    "interval": ("interval", "区间"),
    "list": ("list-derived interval", "名录推算区间"),
    "triangular": ("triangular", "三角分布"),
    "rated": ("expert rating", "专家评级"),
    "unknown": ("unknown", "未知"),
    "yangtze_delta": ("Yangtze River Delta", "长江三角洲"),
    "pearl_delta": ("Pearl River Delta", "珠江三角洲"),
    "bohai_rim": ("Bohai Rim", "环渤海地区"),
    "central": ("Central", "中部地区"),
    "western": ("Western", "西部地区"),
}

#: Table column headings in Chinese (English headings are the column names themselves).
COLUMNS_ZH: dict[str, str] = {
    "rank": "排名",
    "name": "名称",
    "cluster": "集群",
    "cluster_type": "类型",
    "region": "区域",
    "score": "贴近度",
    "priority": "优先级",
    "criterion": "指标",
    "methods": "方法对",
    "level": "层级",
    "local_weight": "局部权重",
    "global_weight": "全局权重",
    "cr": "一致性比率 CR",
    "direction": "方向",
    "unit": "单位",
    "clusters": "集群数",
    "funded_projects": "资助项目数",
    "amount": "金额（亿元）",
    "share": "占预算比例",
    "benefit": "效益",
    "rule": "规则",
    "key": "对象",
    "sense": "方向",
    "activity": "取值",
    "bound": "界限",
    "setting": "设置",
    "provenance": "来源",
    "tier": "梯队",
    "size": "集群数",
    "members": "集群",
    "status": "状态",
    "cells": "单元格数",
    "illustrative": "其中示意值",
    "rank_q05": "排名 5% 分位",
    "rank_q50": "排名中位数",
    "rank_q95": "排名 95% 分位",
    "p_first": "居首概率",
    "holistic": "整体可接受度",
    "project": "项目",
    "core_index": "核心指数",
    "class": "类别",
    "q05": "金额 5% 分位",
    "q50": "金额中位数",
    "q95": "金额 95% 分位",
}


def _text(key: str, lang: Lang) -> str:
    """A heading or phrase in `lang`."""
    english, chinese = TEXT[key]
    return chinese if lang == "zh" else english


def _name(key: str, lang: Lang) -> str:
    """Display name of a region or total (the key itself if unknown)."""
    english, chinese = NAMES.get(key, (key, key))
    return chinese if lang == "zh" else english


def _group_name(case: Case, key: str, lang: Lang) -> str:
    """Display name of a cluster type or instrument from the case's tables, or of a total.

    The key itself when neither names it.
    """
    return case.display_name(key, lang) or _name(key, lang)


def _column(heading: str, lang: Lang) -> str:
    """A table column heading in `lang`."""
    return COLUMNS_ZH.get(heading, heading) if lang == "zh" else heading
