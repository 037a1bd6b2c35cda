"""The interchange workbook's contract: sheets, their columns in order, and each column's kind.

This module is plain data (no openpyxl). CONTRACT.md ("The interchange workbook") fixes the
sheet and column names; `docs/interchange.md` documents them for people. Where CONTRACT.md is
silent (the `党小组` sheet, the kinds of free-text columns, the few columns the program adds
after the contract's own) the choice is made here and documented there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """How a column's cells are read and written.

    Value types the reader returns (and the writer takes):

    ========  =====================================================  ===================
    kind      accepted in a cell                                     Python value
    ========  =====================================================  ===================
    text      anything; trimmed                                      str
    name      a person's name; spaces between Chinese characters     str
              are removed ("张　三" → "张三")
    member    a member reference: 编号 or 姓名 (as `name`; whole     str
              numbers accepted as the text they show)
    code      a code (编号, 手机号码, 收据号): text; whole numbers    str
              accepted as the text they show ("000" format kept)
    idcard    身份证号: text only, 18 characters (digits, last may    str
              be X); a numeric cell is refused (digits were lost)
    choice    one of the column's `choices`                          str
    date      YYYY-MM-DD (also YYYY/M/D, YYYY.M.D, YYYY年M月D日,     datetime.date
              YYYYMMDD) or a real date cell
    daymonth  a date as `date`, or a year and month as `month`       datetime.date, or
              (also 1975.07 typed as a number): a roster's           str "YYYY-MM"
              出生年月 / 入党时间 known only to the month
    month     YYYY-MM (also YYYY/M, YYYY.M, YYYY年M月, YYYYMM) or     str "YYYY-MM"
              a date cell (its month)
    yesno     是 / 否 (or a TRUE/FALSE cell)                         bool
    money     yuan, up to 2 decimals, not negative                   int (fen)
    points    a number exact to 0.01 (may be negative)               decimal.Decimal
    integer   a whole number                                         int
    datetime  YYYY-MM-DD HH:MM:SS (or "T" between) or a date-time    str "YYYY-MM-DDTHH:MM:SS"
              cell
    verbatim  text kept exactly as written (not trimmed): scheme     str
              files and confirmed results, whose hashes must hold
    ========  =====================================================  ===================
    """

    TEXT = "text"
    NAME = "name"
    MEMBER = "member"
    CODE = "code"
    IDCARD = "idcard"
    CHOICE = "choice"
    DATE = "date"
    DAY_OR_MONTH = "daymonth"
    MONTH = "month"
    YESNO = "yesno"
    MONEY = "money"
    POINTS = "points"
    INTEGER = "integer"
    DATETIME = "datetime"
    VERBATIM = "verbatim"

    @property
    def label(self) -> str:
        """A short Chinese description, for documentation and the column-mapping screen."""
        return _KIND_LABELS[self]


_KIND_LABELS: dict[Kind, str] = {
    Kind.TEXT: "文本",
    Kind.NAME: "姓名",
    Kind.MEMBER: "党员（编号或姓名）",
    Kind.CODE: "编码（文本）",
    Kind.IDCARD: "身份证号（文本）",
    Kind.CHOICE: "选项",
    Kind.DATE: "日期 YYYY-MM-DD",
    Kind.DAY_OR_MONTH: "日期 YYYY-MM-DD 或年月 YYYY-MM",
    Kind.MONTH: "月份 YYYY-MM",
    Kind.YESNO: "是/否",
    Kind.MONEY: "金额（元，两位小数）",
    Kind.POINTS: "分值（两位小数）",
    Kind.INTEGER: "整数",
    Kind.DATETIME: "时间 YYYY-MM-DD HH:MM:SS",
    Kind.VERBATIM: "原样文本",
}

#: Kinds whose cells the writer marks as text ("@") so Excel/WPS never turns them into numbers
#: or dates when a person edits them.
TEXT_FORMAT_KINDS: frozenset[Kind] = frozenset(
    {
        Kind.TEXT,
        Kind.NAME,
        Kind.MEMBER,
        Kind.CODE,
        Kind.IDCARD,
        Kind.CHOICE,
        Kind.DATE,
        Kind.DAY_OR_MONTH,
        Kind.MONTH,
        Kind.YESNO,
        Kind.DATETIME,
        Kind.VERBATIM,
    }
)


@dataclass(frozen=True)
class Column:
    """One column of a sheet."""

    name: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    #: True for the few columns the program adds after the contract's own (CONTRACT.md allows
    #: "add to them freely"); they are optional and may be absent in other people's files.
    extension: bool = False
    note: str = ""
    #: Short or other forms people write for a choice, read as the choice: (written, choice).
    aliases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: its name and its columns in the order they are written."""

    name: str
    columns: tuple[Column, ...]
    note: str = ""
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {c.name: c for c in self.columns})

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name


# --- the choices CONTRACT.md lists -------------------------------------------------------------

GENDERS: tuple[str, ...] = ("男", "女")
#: CONTRACT.md lists the first three; 入党申请人 is the program's addition (DOMAIN.md names
#: applicants, the member dialog offers it), so a book holding one exports and re-imports.
MEMBER_STATUSES: tuple[str, ...] = ("正式党员", "预备党员", "入党积极分子", "入党申请人")
ACTIVITY_TYPES: tuple[str, ...] = (
    "支部党员大会",
    "支委会",
    "党小组会",
    "党课",
    "主题党日",
    "组织生活会",
    "民主评议",
    "志愿服务",
    "集中学习",
    "其他",
)
ATTENDANCE_STATUSES: tuple[str, ...] = ("出席", "因公请假", "因私请假", "无故缺席", "补录")
CLAIM_STATUSES: tuple[str, ...] = ("申报", "初评", "审定", "驳回")
#: 民主评议's 类型 (CONTRACT.md): the two voted kinds, with 评议会议 and ballots.
APPRAISAL_TYPES: tuple[str, ...] = ("党员评议", "群众评议")
VOTED_TYPES = APPRAISAL_TYPES
#: Graded one per member, no vote (公司 五、1 「结合党员自评、互评、支部评定」): their own sheet.
GRADED_TYPES: tuple[str, ...] = ("自评", "组织考评")
APPRAISAL_GRADES: tuple[str, ...] = ("优秀", "合格", "基本合格", "不合格")
#: The dues categories of the 2008 regulation (desktop.rules.dues.CATEGORIES; a test keeps the
#: two equal — this package may not import the rules).
DUES_CATEGORIES: tuple[str, ...] = (
    "在职",
    "年薪制",
    "个体经营",
    "离退休",
    "农民",
    "学生",
    "失业",
    "领取救济或低保",
)


#: What township rosters write for these choices (花名册: 正式/预备, 男性, 中共党员 …).
GENDER_ALIASES: tuple[tuple[str, str], ...] = (("男性", "男"), ("女性", "女"))
STATUS_ALIASES: tuple[tuple[str, str], ...] = (
    ("正式", "正式党员"),
    ("中共党员", "正式党员"),
    ("预备", "预备党员"),
    ("中共预备党员", "预备党员"),
    ("积极分子", "入党积极分子"),
    ("申请人", "入党申请人"),
)

PERIOD_STATES: tuple[str, ...] = ("未公示", "公示中", "已确认")
OBJECTION_STATES: tuple[str, ...] = ("未答复", "已答复")


def _c(
    name: str,
    kind: Kind = Kind.TEXT,
    *,
    req: bool = False,
    choices: tuple[str, ...] = (),
    extension: bool = False,
    note: str = "",
    aliases: tuple[tuple[str, str], ...] = (),
) -> Column:
    return Column(name, kind, req, choices, extension, note, aliases)


def _record_no() -> Column:
    # The book's row id, so an export re-imported into an empty book keeps every id the
    # confirmed quarters' facts digests were taken over (desktop/book/quarter.py).
    return _c(
        "记录号",
        Kind.INTEGER,
        extension=True,
        note="本程序的内部记录号：导入到空账本时照用，已确认季度的校验值才能不变；"
        "自己填写的行留空即可",
    )


ROSTER = SheetSpec(
    "党员名册",
    (
        _c("编号", Kind.CODE, note="党员编号，其他工作表用它指代党员"),
        _c("姓名", Kind.NAME, req=True),
        _c("性别", Kind.CHOICE, choices=GENDERS, aliases=GENDER_ALIASES),
        _c("民族", note="汉 与 汉族 都可以"),
        _c("出生日期", Kind.DAY_OR_MONTH, note="只知道年月的写 YYYY-MM；空着时按身份证号填"),
        _c("身份证号", Kind.IDCARD),
        _c("手机号码", Kind.CODE),
        _c("学历"),
        _c(
            "人员类别",
            Kind.CHOICE,
            req=True,
            choices=MEMBER_STATUSES,
            aliases=STATUS_ALIASES,
            note="也可简写：正式、预备、积极分子、申请人",
        ),
        _c("入党时间", Kind.DAY_OR_MONTH, note="只知道年月的写 YYYY-MM"),
        _c("转正时间", Kind.DAY_OR_MONTH, note="只知道年月的写 YYYY-MM"),
        _c("党小组", note="党小组名称（见“党小组”工作表）"),
        _c("流动党员", Kind.YESNO),
        _c("免考", Kind.YESNO),
        _c("党员领导干部", Kind.YESNO),
        _c("离开日期", Kind.DATE),
        _c("离开原因"),
        _c("备注"),
        _c("流动去向", extension=True, note="流动党员外出的地点"),
        _c(
            "流动范围",
            Kind.CHOICE,
            choices=("省内", "省外"),
            extension=True,
            note="省内流动或省外流动",
        ),
        _c("转入日期", Kind.DATE, extension=True, note="组织关系转入本支部的日期"),
        _c("免考批准日期", Kind.DATE, extension=True),
        _c("免考原因", extension=True),
        _record_no(),
    ),
)

GROUPS = SheetSpec(
    "党小组",
    (
        _c("名称", req=True, note="党小组名称，与“党员名册”的“党小组”列一致"),
        _c("组长", Kind.MEMBER, note="党小组长：编号或姓名"),
        _c("备注"),
    ),
    note="对外约定（CONTRACT.md）没有规定这张表的列，以下由本程序规定。",
)

ACTIVITIES = SheetSpec(
    "活动",
    (
        _c("编号", Kind.CODE, req=True, note="活动编号，“签到”工作表用它指代活动"),
        _c("日期", Kind.DATE, req=True),
        _c("类型", Kind.CHOICE, req=True, choices=ACTIVITY_TYPES),
        _c("主题"),
        _c("地点"),
        _c("主持人", Kind.NAME),
        _c("记录人", Kind.NAME),
        _record_no(),
        _c("会议记录", extension=True, note="会议记录的内容"),
        _c("决定事项", extension=True, note="会议作出的决定"),
    ),
)

ATTENDANCE = SheetSpec(
    "签到",
    (
        _c("活动编号", Kind.CODE, req=True),
        _c("党员", Kind.MEMBER, req=True),
        _c("状态", Kind.CHOICE, req=True, choices=ATTENDANCE_STATUSES),
        _c("证明人", note="证明人姓名，两人以上用“、”分隔"),
        _c("备注"),
        _c("参加单位", extension=True, note="流动党员在外地参加活动的组织"),
        _record_no(),
    ),
)

DUES = SheetSpec(
    "党费",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("月份", Kind.MONTH, req=True),
        _c("应缴", Kind.MONEY, req=True),
        _c("实缴", Kind.MONEY, req=True),
        _c("缴纳日期", Kind.DATE),
        _c("收款人", Kind.NAME),
        _c("收据号", Kind.CODE),
        _record_no(),
    ),
)

DUES_RATES = SheetSpec(
    "党费标准",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("起始月份", Kind.MONTH, req=True, note="从这个月起按此标准交纳"),
        _c("类别", Kind.CHOICE, req=True, choices=DUES_CATEGORIES),
        _c("月收入", Kind.MONEY, note="在职、年薪制、个体经营、离退休：计算党费所依据的月收入"),
        _c("每月金额", Kind.MONEY, req=True),
        _c("调整原因", note="每月金额与按规定计算的不同时必填"),
        _c("批准", note="少交或免交：批准的党组织和日期"),
        _record_no(),
    ),
    note="本程序增加的工作表（合同之外）：每名党员的月缴党费标准。",
)

CLAIMS = SheetSpec(
    "积分申报",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("日期", Kind.DATE, req=True),
        _c("项目", req=True),
        _c("分值", Kind.POINTS, req=True),
        _c("事由"),
        _c("状态", Kind.CHOICE, choices=CLAIM_STATUSES),
        _record_no(),
    ),
)

APPRAISALS = SheetSpec(
    "民主评议",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("轮次", Kind.INTEGER, note="同一年度第几次评议（1、2…）；空 = 只有一次"),
        _c("类型", Kind.CHOICE, req=True, choices=APPRAISAL_TYPES),
        _c("党员", Kind.MEMBER, req=True),
        _c("等次", Kind.CHOICE, req=True, choices=APPRAISAL_GRADES),
        _record_no(),
        *(
            _c(f"{g}票", Kind.INTEGER, extension=True, note=f"按票数评议时：“{g}”的票数")
            for g in APPRAISAL_GRADES
        ),
        _c("参加人数", Kind.INTEGER, extension=True, note="按票数评议时：参加评议的人数（可空）"),
    ),
)

VETOES = SheetSpec(
    "一票否决",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("日期", Kind.DATE, req=True),
        _c("原因", req=True),
        _c("决定人", Kind.NAME),
        _record_no(),
        _c(
            "情形",
            extension=True,
            note="该年度积分方案列出的一票否决情形之一；空 = 按方案的一般规定",
        ),
    ),
)

# --- the quarter's records (issue 6): sheets of this program, beyond CONTRACT.md -------------

_OURS = "本程序增加的工作表（合同之外）"
_PART = _c(
    "分段",
    Kind.INTEGER,
    note="内容超过一个单元格能放的长度时分几行写，依次为 1、2…；空 = 只有一段",
)

SCHEMES = SheetSpec(
    "积分方案",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("方案编号", Kind.CODE, req=True, note="如 dangyuan-ejia"),
        _c("冻结时间", Kind.DATETIME, note="该年度第一次确认季度积分的时间；空 = 尚未冻结"),
        _PART,
        _c("方案内容", Kind.VERBATIM, req=True, note="方案文件（TOML）的全文，原样保存"),
    ),
    note=f"{_OURS}：每个年度的积分方案全文。已确认季度的校验值包含方案全文，不要改动。",
)

HOLIDAYS = SheetSpec(
    "节假日",
    (_c("日期", Kind.DATE, req=True), _c("名称")),
    note=f"{_OURS}：登记的节假日（按工作日计算公示期时跳过）。",
)

CORRECTIONS = SheetSpec(
    "更正",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("日期", Kind.DATE, req=True, note="登记更正的日期（在未确认的季度内）"),
        _c("项目", req=True, note="积分方案中的项目编号"),
        _c("分值", Kind.POINTS, req=True, note="加分为正，扣分为负"),
        _c("原因", req=True),
        _c("更正的记录", note="更正的是哪一条记录（如“2026年第1季度 3月签到”）"),
        _c("登记人", Kind.NAME),
        _c("登记时间", Kind.DATETIME),
        _record_no(),
    ),
    note=f"{_OURS}：已确认季度的错误，在以后的季度登记的更正（写明原因，不改原记录）。",
)

CLAIM_STEPS = SheetSpec(
    "申报审核",
    (
        _c("申报记录号", Kind.INTEGER, req=True, note="“积分申报”工作表中该申报的记录号"),
        _c("申报人", Kind.NAME),
        _c("证明材料"),
        _c("初评人", Kind.NAME),
        _c("初评时间", Kind.DATETIME),
        _c("初评意见"),
        _c("审定人", Kind.NAME),
        _c("审定时间", Kind.DATETIME),
        _c("驳回人", Kind.NAME),
        _c("驳回时间", Kind.DATETIME),
        _c("驳回理由"),
    ),
    note=f"{_OURS}：积分申报的审核经过（申报 → 初评 → 审定，或驳回），每条申报一行。",
)


def _period_no() -> Column:
    # The name stays 季度 for every cycle: workbooks written before months and halves existed
    # import unchanged, and the year's scheme (积分方案, same workbook) says which it counts.
    return _c(
        "季度",
        Kind.INTEGER,
        req=True,
        note="评议期间的序号：季度 1 到 4；该年度方案按月或按半年评议的（[publicity] cycle），"
        "为月份 1 到 12 或半年 1、2（列名仍为“季度”）",
    )


PERIODS = SheetSpec(
    "季度",
    (
        _c("年度", Kind.INTEGER, req=True),
        _period_no(),
        _c("状态", Kind.CHOICE, req=True, choices=PERIOD_STATES),
        _c("公示开始", Kind.DATE),
        _c("公示结束", Kind.DATE),
        _c("确认时间", Kind.DATETIME),
        _c("确认人", Kind.NAME),
    ),
    note=f"{_OURS}：每个评议期间（季度，或按方案的月份、半年）的公示和确认。导入“已确认”的"
    "期间会像确认时一样锁定该期间的记录。",
)

NOTICES = SheetSpec(
    "公示记录",
    (
        _c("年度", Kind.INTEGER, req=True),
        _period_no(),
        _c("发布时间", Kind.DATETIME, req=True),
        _c("发布人", Kind.NAME),
        _c("公示开始", Kind.DATE, req=True),
        _c("公示结束", Kind.DATE, req=True),
        _c("结果校验值", Kind.CODE, req=True, note="公示时积分结果的 SHA-256"),
        _c("原因", note="重新发布的原因"),
        _c("补登原因", note="公示表已张贴、事后才登记（公示开始早于登记之日）的原因"),
        _c("异议编号", Kind.INTEGER, note="因哪一条异议重新发布（“异议”工作表的编号）"),
        _PART,
        _c("公示内容", Kind.VERBATIM, note="公示的积分结果（JSON），原样保存"),
    ),
    note=f"{_OURS}：每次发布（和重新发布）的公示。",
)

OBJECTIONS = SheetSpec(
    "异议",
    (
        _c("编号", Kind.INTEGER, req=True, note="异议编号，“公示记录”用它指代异议"),
        _c("年度", Kind.INTEGER, req=True),
        _period_no(),
        _c("提出人", Kind.NAME, req=True),
        _c("党员", Kind.MEMBER, note="对哪名党员的积分提出异议"),
        _c("内容", req=True),
        _c("提出日期", Kind.DATE, req=True),
        _c("状态", Kind.CHOICE, req=True, choices=OBJECTION_STATES),
        _c("核实结果"),
        _c("是否更正", Kind.YESNO),
        _c("更正内容"),
        _c("告知日期", Kind.DATE, note="把答复告知本人的日期"),
        _c("答复人", Kind.NAME),
        _c("答复时间", Kind.DATETIME),
        _c("登记时间", Kind.DATETIME),
    ),
    note=f"{_OURS}：公示期间提出的异议、核实结果和答复。",
)

SNAPSHOTS = SheetSpec(
    "确认结果",
    (
        _c("年度", Kind.INTEGER, req=True),
        _period_no(),
        _c("前一校验值", Kind.CODE, req=True, note="上一个已确认季度的校验值（第一个为 64 个 0）"),
        _c("校验值", Kind.CODE, req=True, note="SHA-256，打印在季度审核表上"),
        _c("记录校验值", Kind.CODE, note="确认时本季度各项记录的 SHA-256"),
        _c("确认时间", Kind.DATETIME, req=True),
        _c("确认人", Kind.NAME),
        _PART,
        _c("结果内容", Kind.VERBATIM, req=True, note="确认的积分结果（JSON），原样保存"),
    ),
    note=f"{_OURS}：已确认季度的结果，按确认的先后排列，一环扣一环（校验值链）。"
    "任何改动都会使导入被拒绝。",
)

# --- the rest of the book: branch, committee, history, plan, notices, withdrawals ------------

#: desktop.book.meetings.COMMITTEE_ROLES, desktop.book.roster.EVENT_KINDS, the notice kinds of
#: desktop.rules.meetings and desktop.book.dues (a test keeps them equal; no imports here).
COMMITTEE_ROLES: tuple[str, ...] = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员")
EVENT_KINDS: tuple[str, ...] = (
    "发展",
    "转正",
    "转入",
    "转出",
    "出党",
    "死亡",
    "流动",
    "流动结束",
    "免考",
    "恢复考核",
    "其他",
)
NOTICE_KINDS: tuple[str, ...] = ("提醒", "警戒书", "催缴通知")
FREQUENCIES: tuple[str, ...] = ("每月", "每季度", "每年")
WITHDRAWN_SHEETS: tuple[str, ...] = ("一票否决", "民主评议")


def _registered() -> Column:
    return _c("登记时间", Kind.DATETIME, note="这条记录登记进账本的时间")


BRANCH = SheetSpec(
    "支部信息",
    (
        _c("支部名称", req=True),
        _c("上级党组织"),
        _c("支部类型", note="如 农村、社区、机关、学校、企业"),
        _c("经办人", Kind.NAME, note="记在日志、审核和确认记录中的经办人姓名"),
        _c("异议受理", note="公示表上写的异议受理方式（人、电话、地点）"),
        _c("默认积分方案", Kind.CODE, note="没有单独选定方案的年度用它，如 jiedao-nongcun"),
        _c("当前年度", Kind.INTEGER, note="程序打开时显示的年度"),
        _c(
            "记分起始",
            Kind.MONTH,
            note="年中开始用本程序时，从哪个月起记分（YYYY-MM）；空 = 从年初",
        ),
    ),
    note=f"{_OURS}：支部的名称和账本的设置，只有一行。导入到新建的账本时补上账本中空着的项；"
    "支部名称与账本的不同时不导入（请先核对是不是同一个支部）。",
)

COMMITTEE = SheetSpec(
    "支委会",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("职务", Kind.CHOICE, req=True, choices=COMMITTEE_ROLES),
    ),
    note=f"{_OURS}：支部委员会成员（支委会的应到人员）。",
)

MEMBER_EVENTS = SheetSpec(
    "党员变动",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("日期", Kind.DAY_OR_MONTH, req=True, note="只知道年月的（如入党年月）写 YYYY-MM"),
        _c("事件", Kind.CHOICE, req=True, choices=EVENT_KINDS),
        _c("说明", note="原因、去向等"),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：党员的历史记录（发展、转正、转入转出、流动、免考……）。有这张表时，"
    "它就是本工作簿中各党员的全部变动记录：导入时不再按入党时间自动补记“发展”。",
)

PLAN_TEMPLATE = SheetSpec(
    "活动计划模板",
    (
        _c("类型", Kind.CHOICE, req=True, choices=ACTIVITY_TYPES),
        _c("频次", Kind.CHOICE, req=True, choices=FREQUENCIES),
        _c("月份", Kind.INTEGER, note="每年：第几月（1—12）；每季度：季度中的第几个月（1—3）"),
        _c("日", Kind.INTEGER, req=True, note="每月的第几日（1—31，小月取月末）"),
        _c("主题"),
        _c("每个党小组", Kind.YESNO, note="是 = 每个党小组各一项（党小组会）"),
    ),
    note=f"{_OURS}：支部的行事历模板，按行的先后排列；生成年度活动计划时用它。",
)

PLAN_ITEMS = SheetSpec(
    "活动计划",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("类型", Kind.CHOICE, req=True, choices=ACTIVITY_TYPES),
        _c("计划日期", Kind.DATE, req=True),
        _c("主题"),
        _c("党小组", note="党小组会：哪个党小组的"),
        _c("活动编号", Kind.CODE, note="完成这项计划的活动（“活动”工作表的编号）；空 = 未完成"),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：按模板生成的年度活动计划。",
)

MEMBER_NOTICES = SheetSpec(
    "通知书",
    (
        _c("党员", Kind.MEMBER, req=True),
        _c("种类", Kind.CHOICE, req=True, choices=NOTICE_KINDS),
        _c("日期", Kind.DATE, req=True, note="出具日期"),
        _c("原因", req=True),
        _c("依据", note="提醒、警戒书：缺席的活动编号；催缴通知：欠缴的月份"),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：向党员出具的提醒、警戒书和催缴通知。",
)

WITHDRAWALS = SheetSpec(
    "撤销",
    (
        _c("撤销的表", Kind.CHOICE, req=True, choices=WITHDRAWN_SHEETS),
        _c("原记录号", Kind.INTEGER, req=True, note="被撤销的那一行在该表中的记录号"),
        _c("日期", Kind.DATE, req=True, note="撤销的日期（在未确认的季度内）"),
        _c("原因", req=True),
        _c("决定人", Kind.NAME),
        _c("登记人", Kind.NAME),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：已锁定的一票否决或民主评议有错时登记的撤销（写明原因，原记录不改）。",
)

DUES_REVERSALS = SheetSpec(
    "党费冲销",
    (
        _c(
            "收据号",
            req=True,
            note="被冲销的收据（“党费”表中的收据号），整张冲销；没有收据号的缴费写 #记录号（如 #12）",
        ),
        _c("红字收据号", req=True, note="冲销开出的红字收据的号码"),
        _c("日期", Kind.DATE, req=True, note="冲销的日期（在未确认的期间内）"),
        _c("原因", req=True),
        _c("决定人", Kind.NAME, req=True),
        _c("登记人", Kind.NAME),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：登记有误的党费收据的红字冲销（写明原因；原收据和缴费记录不改）。",
)

APPROVALS = SheetSpec(
    "上级审批",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("党员", Kind.MEMBER, req=True),
        _c("审批环节", req=True, note="积分方案 [[approvals]] 的 name，如“报上级党（工）委审批”"),
        _c("评定结果", req=True, note="审批的是哪个结果，如“五星级”"),
        _c("决定", Kind.CHOICE, req=True, choices=("批准", "不批准")),
        _c("审批单位", req=True),
        _c("日期", Kind.DATE, req=True),
        _c("理由"),
        _c("来源", Kind.CHOICE, req=True, choices=("手工", "乡镇回执")),
        _c("依据", note="如乡镇审核回执的文件名"),
        _c("申报记录号", Kind.INTEGER, note="审批的是一条积分申报时：它在“积分申报”表的记录号"),
        _c("登记人", Kind.NAME),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：上级党组织对评定结果或积分申报的审批决定（登记后不改，新决定取代旧的）。",
)

EXCHANGES = SheetSpec(
    "积分兑换",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("党员", Kind.MEMBER, req=True),
        _c("日期", Kind.DATE, req=True),
        _c("兑换内容", req=True),
        _c("分值", Kind.POINTS, req=True, note="兑换用去的积分；退回写负数"),
        _c("经办人", Kind.NAME, req=True),
        _c("备注"),
        _c("登记人", Kind.NAME),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：积分兑换台账（兑换不改变积分）。",
)

APPRAISAL_ROUNDS = SheetSpec(
    "评议会议",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("类型", Kind.CHOICE, req=True, choices=VOTED_TYPES),
        _c("轮次", Kind.INTEGER, note="空 = 1"),
        _c("日期", Kind.DATE, req=True),
        _c("党员人数", Kind.INTEGER, req=True, note="参加评议的党员人数"),
        _c("群众代表人数", Kind.INTEGER),
        _c("备注"),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：每次民主评议会议的日期和参加人数。",
)

APPRAISAL_BALLOTS = SheetSpec(
    "评议选票",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("类型", Kind.CHOICE, req=True, choices=VOTED_TYPES),
        _c("轮次", Kind.INTEGER, note="空 = 1"),
        _c("票号", Kind.INTEGER, req=True, note="本次评议的第几张选票，从 1 起连续"),
        _c("废票", Kind.YESNO, note="是 = 空白票或废票（这一行不填党员和等次）"),
        _c("党员", Kind.MEMBER, note="这张选票评的党员；一张选票评几人就写几行"),
        _c("等次", Kind.CHOICE, choices=("优秀", "合格", "基本合格", "不合格")),
        _c("登记人", Kind.NAME),
        _registered(),
    ),
    note=f"{_OURS}：逐张录入的民主评议选票，每行是一张选票对一名党员的评定（废票一行）；"
    "票数由选票计出。",
)

SELF_APPRAISALS = SheetSpec(
    "自评与组织考评",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("轮次", Kind.INTEGER, note="同一年度第几次（1、2…）；空 = 1"),
        _c("类型", Kind.CHOICE, req=True, choices=GRADED_TYPES),
        _c("党员", Kind.MEMBER, req=True),
        _c("等次", Kind.CHOICE, req=True, choices=APPRAISAL_GRADES),
        _record_no(),
        _c(
            "评定人",
            note="自评：党员本人（可空，按本人）；组织考评：支委会，或评定的人（如 支部书记张三）；"
            "旧工作簿没有这一列时为空",
        ),
        _c("评定日期", Kind.DATE, note="评定的那一天，不早于该年度；旧工作簿没有这一列时为空"),
    ),
    note=f"{_OURS}：党员自评和组织考评（支部评定）的等次，每名党员一行，不投票；"
    "积分方案 [ballots.combine] 可把它们与党员评议（互评）按占比综合评定。"
    "党员评议、群众评议仍写在“民主评议”表。",
)

#: 党员大会表决's rules as the workbook writes them (rules/votes.VOTE_RULES keys).
VOTE_RULE_WORDS = {"present": "到会过半", "voting": "投票过半", "entitled": "应到过半"}

VOTES = SheetSpec(
    "党员大会表决",
    (
        _c("年度", Kind.INTEGER, req=True),
        _c("审批环节", req=True, note="积分方案 [[approvals]] 中写了 vote 的那一项的 name"),
        _c("日期", Kind.DATE, req=True),
        _c("活动编号", note="表决所在的支部党员大会（“活动”表的编号），可空"),
        _c("应到会人数", Kind.INTEGER, req=True, note="有表决权的正式党员"),
        _c("到会人数", Kind.INTEGER, req=True),
        _c("赞成", Kind.INTEGER, req=True),
        _c("反对", Kind.INTEGER, req=True),
        _c("弃权", Kind.INTEGER, req=True),
        _c(
            "通过规则",
            Kind.CHOICE,
            req=True,
            choices=tuple(VOTE_RULE_WORDS.values()),
            note="赞成票超过到会人数 / 参加表决票数 / 应到会人数的半数",
        ),
        _c("须到会过半", Kind.YESNO, note="空 = 是"),
        _c("表决内容", note="表决时待表决的评定结果和申报"),
        _c("备注"),
        _c("登记人", Kind.NAME),
        _registered(),
        _record_no(),
    ),
    note=f"{_OURS}：党员大会对须表决的评定结果的表决（票数登记后不改；通过与否按通过规则得出，"
    "由此登记的审批决定在“上级审批”表中）。",
)

#: Every sheet of the interchange workbook, in the order they are written.
SHEETS: dict[str, SheetSpec] = {
    s.name: s
    for s in (
        ROSTER,
        GROUPS,
        ACTIVITIES,
        ATTENDANCE,
        DUES,
        DUES_RATES,
        CLAIMS,
        APPRAISALS,
        VETOES,
        SCHEMES,
        HOLIDAYS,
        CORRECTIONS,
        CLAIM_STEPS,
        PERIODS,
        NOTICES,
        OBJECTIONS,
        SNAPSHOTS,
        BRANCH,
        COMMITTEE,
        MEMBER_EVENTS,
        PLAN_TEMPLATE,
        PLAN_ITEMS,
        MEMBER_NOTICES,
        WITHDRAWALS,
        DUES_REVERSALS,
        APPROVALS,
        EXCHANGES,
        APPRAISAL_ROUNDS,
        APPRAISAL_BALLOTS,
        SELF_APPRAISALS,
        VOTES,
    )
}
SHEET_NAMES: tuple[str, ...] = tuple(SHEETS)


def sheet_spec(name: str) -> SheetSpec:
    """The spec of a contract sheet; `KeyError` names the unknown sheet."""
    try:
        return SHEETS[name]
    except KeyError:
        raise KeyError(f"unknown interchange sheet {name!r}; known: {', '.join(SHEETS)}") from None


def markdown_tables() -> str:
    """The per-sheet column tables of docs/interchange.md (a test keeps the page in step).

    Regenerate with: python -c "from desktop.sheets.columns import markdown_tables as m; print(m())"
    """
    out: list[str] = []
    for spec in SHEETS.values():
        out.append(f"### `{spec.name}`\n")
        if spec.note:
            out.append(spec.note + "\n")
        out.append("| 列 Column | 必填 Required | 类型 Kind | 说明 Notes |")
        out.append("|---|---|---|---|")
        for c in spec.columns:
            notes = []
            if c.choices:
                notes.append(" / ".join(c.choices))
            if c.note:
                notes.append(c.note)
            if c.extension:
                notes.append("本程序增加的列 (added by this program)")
            required = "是 *" if c.required else ""
            kind = f"{c.kind.label} `{c.kind.value}`"
            out.append(f"| {c.name} | {required} | {kind} | {'；'.join(notes)} |")
        out.append("")
    return "\n".join(out)


# --- header synonyms for the column-mapping step ------------------------------------------------

#: Headers other ledgers use, by the contract column they mean (for every sheet that has it).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "编号": ("党员编号",),
    "姓名": ("党员姓名", "名字"),
    "出生日期": ("出生年月", "出生年月日", "生日"),
    "身份证号": (
        "身份证",
        "身份证号码",
        "公民身份号码",
        "公民身份证号",
        "身份证件号码",
        "证件号码",
    ),
    "手机号码": ("手机", "手机号", "移动电话", "联系电话", "电话", "电话号码", "联系方式"),
    "学历": ("文化程度", "最高学历"),
    "人员类别": (
        "类别",
        "人员身份",
        "党员类别",
        "党员类型",
        "人员类型",
        "身份",
        "党员身份",
        "政治面貌",
    ),
    "入党时间": ("入党日期", "入党年月", "加入党组织日期"),
    "转正时间": ("转正日期", "转正年月"),
    "党小组": ("所在党小组", "所属党小组", "党小组名称", "小组"),
    "流动党员": ("是否流动党员",),
    "免考": ("是否免考",),
    "党员领导干部": ("是否党员领导干部", "领导干部", "是否领导干部"),
    "离开日期": ("离开时间", "转出日期", "转出时间"),
    "离开原因": ("转出原因",),
    "备注": ("说明",),
    "党员": ("姓名", "党员姓名", "党员编号"),
    "主题": ("活动主题", "会议主题"),
    "主持人": ("主持",),
    "记录人": ("记录",),
    "活动编号": ("活动",),
    "月份": ("缴费月份", "所属月份", "缴纳月份"),
    "应缴": ("应缴金额", "应缴党费", "应交", "应交金额"),
    "实缴": ("实缴金额", "实缴党费", "实交", "实交金额"),
    "缴纳日期": ("缴费日期", "交纳日期", "缴费时间"),
    "收款人": ("经手人",),
    "收据号": ("收据编号", "票据号", "收据号码"),
    "项目": ("积分项目", "申报项目"),
    "分值": ("分数", "积分", "得分"),
    "事由": ("理由", "申报事由"),
    "年度": ("年份", "评议年度"),
    "等次": ("评议等次", "评议结果", "评定等次"),
    "原因": ("否决原因", "否决事由"),
    "决定人": ("批准人", "决定"),
}

#: Where a ledger may carry two synonyms of one column, the closer ones first, a tier a tuple:
#: 手机 beats 电话 (often a landline). Synonyms of a column left out here, or of no tier, are
#: equally close, and two of them in one file are refused rather than one picked.
SYNONYM_TIERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "手机号码": (("手机", "手机号", "移动电话"), ("联系电话", "电话", "电话号码"), ("联系方式",)),
    "身份证号": (("身份证号码", "公民身份号码", "公民身份证号", "身份证件号码"), ("身份证",)),
    "出生日期": (("出生年月日",), ("出生年月", "生日")),
    "人员类别": (
        ("党员类别", "党员类型", "人员身份", "人员类型", "党员身份"),
        ("类别", "身份", "政治面貌"),
    ),
    "党员": (("党员编号",), ("姓名", "党员姓名")),
}

#: Synonyms that only make sense on one sheet (e.g. 时间 means 日期 on 活动).
SHEET_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "党小组": {"名称": ("党小组", "党小组名称", "小组名称"), "组长": ("党小组长",)},
    "活动": {
        "编号": ("活动编号",),
        "日期": ("时间", "活动日期", "活动时间", "会议日期", "会议时间"),
        "类型": ("活动类型", "会议类型"),
    },
    "签到": {"状态": ("出勤情况", "出勤状态", "签到状态", "出勤")},
    "积分申报": {"日期": ("申报日期", "时间"), "状态": ("审核状态",)},
    "民主评议": {"类型": ("评议类型",)},
    "党费标准": {
        "起始月份": ("起缴月份", "开始月份", "执行月份"),
        "类别": ("党费类别", "人员类别"),
        "月收入": ("收入", "月工资", "工资收入", "税后收入"),
        "每月金额": ("月缴金额", "每月党费", "月缴党费", "党费标准"),
        "批准": ("批准人", "审批"),
    },
    "一票否决": {"日期": ("否决日期", "时间"), "原因": ("事由",)},
}
