//! The words of the HTML report (`dx report`): its sections, notes, the
//! accessibility statement and the glossary, in each language.

/// Words of the HTML dashboard.
#[allow(missing_docs)]
pub struct ReportLabels {
    pub title: &'static str,
    pub skip: &'static str,
    pub secretariat: fn(&str) -> String,
    pub accessibility: &'static str,
    /// The statement's opening: (organisation, scope, 対応度 word).
    pub a11y_policy: fn(&str, &str, Option<&str>) -> String,
    /// Its labels: 表明日, 規格, 適合レベル, 対応度, 対象範囲, 依存した技術,
    /// 試験日, 試験対象, 例外, 問い合わせ先.
    pub a11y_fields: [&'static str; 10],
    pub a11y_standard: &'static str,
    pub a11y_technologies: &'static str,
    pub a11y_scope: &'static str,
    pub a11y_not_declared: &'static str,
    pub a11y_not_tested: &'static str,
    pub a11y_no_exceptions: &'static str,
    /// What dx itself checked, said as what it is.
    pub a11y_dx_check: &'static str,
    /// What the indicator bars show.
    pub bar_legend: &'static str,
    /// The trend chart's lines: values, baseline, target.
    pub trend_legend: [&'static str; 3],
    /// The glossary's heading and its terms in plain words.
    pub glossary: &'static str,
    pub glossary_terms: &'static [(&'static str, &'static str)],
    /// The grades' entry: (term, text before the grades' labels).
    pub glossary_grades: (&'static str, &'static str),
    pub has_errors: fn(usize, usize) -> String,
    pub as_of: fn(&str) -> String,
    pub edition: fn(&str) -> String,
    pub period: fn(&str, &str) -> String,
    pub public_note: &'static str,
    pub internal_note: &'static str,
    pub internal_stamp: &'static str,
    pub contents: &'static str,
    pub numbers: &'static str,
    pub status: &'static str,
    pub funnel: &'static str,
    pub funnel_steps: [&'static str; 5],
    pub coverage: &'static str,
    pub legend: &'static str,
    pub indicators: &'static str,
    pub attention: &'static str,
    pub since: fn(&str) -> String,
    pub records: &'static str,
    pub hidden: &'static str,
    pub issues: &'static str,
    pub methods: &'static str,
    pub technologies: &'static str,
    pub vision_covered: &'static str,
    pub made_by: fn(&str) -> String,
    pub unmeasured: &'static str,
    /// 課題 of a ビジョン item the public edition leaves out.
    pub hidden_issues: fn(usize) -> String,
    /// Records of each kind (課題, 手法, 技術) the public edition leaves out.
    pub hidden_records: fn([usize; 3]) -> String,
    /// The section of the indicators the city shows first.
    pub headline: &'static str,
    /// A folded 領域's summary: its record count.
    pub fold: fn(usize) -> String,
    /// A folded 分野's indicators: their count.
    pub fold_indicators: fn(usize) -> String,
    /// Where a value comes from.
    pub source: &'static str,
    /// The latest measurement could not be made: its reason, if written.
    pub unmeasurable: &'static str,
    /// A 評価不能 observation with no note.
    pub no_reason: &'static str,
}

pub(super) static REPORT_JA: ReportLabels = ReportLabels {
    title: "DX推進状況報告",
    skip: "本文へ移動",
    secretariat: |s| format!("事務局: {s}"),
    accessibility: "ウェブアクセシビリティ",
    a11y_policy: |org, scope, level| match level {
        Some(level) => format!(
            "{org}は、{scope}について、JIS X 8341-3:2016 の適合レベル AA に{level}しています。"
        ),
        None => format!(
            "{org}は、{scope}について、JIS X 8341-3:2016 の適合レベル AA への対応を目標としています。対応度と試験の結果は、まだ表明していません。"
        ),
    },
    a11y_fields: [
        "表明日",
        "規格",
        "目標とする適合レベル",
        "対応度",
        "対象範囲",
        "依存した技術",
        "試験日",
        "試験対象",
        "例外",
        "問い合わせ先",
    ],
    a11y_standard: "JIS X 8341-3:2016(WCAG 2.0 と一致)",
    a11y_technologies: "HTML、CSS、SVG",
    a11y_scope: "この報告(公開版)",
    a11y_not_declared: "まだ表明していません",
    a11y_not_tested: "まだ試験していません",
    a11y_no_exceptions: "なし",
    bar_legend: "棒は達成度(縦線が目標の 100%)、色は評価:",
    trend_legend: ["実績", "基準値", "目標値"],
    glossary: "用語の説明",
    glossary_terms: &[
        (
            "ビジョン",
            "指針が描く、市民や職員が DX によってできるようになる姿。分野ごとに番号(①②…)で示します。",
        ),
        (
            "課題",
            "ビジョンと今の状態との差。市が解決に取り組むものです。",
        ),
        (
            "手法",
            "課題を解決するために行うこと、または実現すべきもの。",
        ),
        (
            "技術",
            "手法を実現するための、具体的なシステムやデジタル化の取組。",
        ),
        (
            "段階",
            "手法と技術の進み具合。検討 → 実証実験(試しに使ってみる)→ 先行導入(一部で使い始める)→ 導入決定 → 運用 と進みます。やめたものは見送り・廃止です。",
        ),
        (
            "課題の進捗",
            "その課題を解決する手法のうち、最も進んだものの段階(未着手・検討中・実証中・導入決定・運用中)。解決したものは解消です。",
        ),
        (
            "5原則",
            "指針が定める、DX を進めるときに必ず守る5つの考え方。報告では名前で示します。",
        ),
        (
            "国の重点取組事項",
            "国が自治体に求めている DX の取組(国の計画による)。",
        ),
        (
            "評価指標",
            "取組の効果を測る数値。始める前の基準値、目指す目標値と期日を決めて測ります。",
        ),
        (
            "達成度",
            "基準値から目標値までのうち、実績値がどこまで進んだか。目標に届くと 100% です。",
        ),
        (
            "速報・推計",
            "まだ確定していない測定値。確定した値とは区別して示します。",
        ),
    ],
    glossary_grades: ("評価(A〜D)", "目標期日までの進み具合から見た評価。"),
    a11y_dx_check: "報告を作るツール dx は、同じ作りの報告を axe-core の自動試験(WCAG 2.0・2.1 の A・AA の規則と、ラベルと名前の一致の規則。Chromium で、画面幅 1280・390・320 ピクセルと 200% の拡大)にかけ、自動で検出できる不適合がないこと、横方向のスクロールが生じないことを確かめています。自動試験で確かめられるのは達成基準の一部です。WCAG 2.1 で加わった達成基準は、このうち自動で確かめられるものだけを確認しています。",
    has_errors: |e, u| {
        if u > 0 {
            format!(
                "この報告のもとになった記録には検査のエラーが {e} 件あり、読めないファイル {u} 件は集計に含まれていません。数字は確定したものではありません。"
            )
        } else {
            format!(
                "この報告のもとになった記録には検査のエラーが {e} 件あります。数字は確定したものではありません。"
            )
        }
    },
    as_of: |d| format!("{d} 現在"),
    edition: |v| format!("第{v}版"),
    period: |s, e| format!("指針の期間 {s}〜{e}"),
    public_note: "公開版: 公開としたレコードだけを載せています。件数とビジョンの色は載せたものから数えています。ただし「状況表」と「手法の進み具合」は、公開していないものを含む全体の件数です。",
    internal_note: "庁内限定版: 公開していないレコードも載せています。庁外に出さないでください(市民向けには dx report --public で公開版を作ります)。",
    internal_stamp: "庁内限定",
    contents: "目次",
    numbers: "主な数字",
    status: "状況表",
    funnel: "手法の進み具合",
    funnel_steps: [
        "検討",
        "実証(実証実験・先行導入)",
        "導入決定",
        "運用",
        "見送り・廃止",
    ],
    coverage: "ビジョンのカバー状況",
    legend: "色は、その項目を挙げる課題のうち最も進んだ進捗です。赤い破線は、どの課題も挙げていない(未カバーの)項目です。",
    indicators: "評価指標",
    attention: "対応が必要なもの",
    since: |rev| format!("前回({rev})からの変更"),
    records: "レコード",
    hidden: "非公開のレコード",
    issues: "課題",
    methods: "手法",
    technologies: "技術",
    vision_covered: "課題のあるビジョン項目",
    made_by: |v| format!("dx {v} で作成"),
    unmeasured: "未測定",
    hidden_issues: |n| format!("ほか非公開の課題 {n} 件"),
    hidden_records: |[i, m, t]| {
        format!(
            "このほか、公開していない課題 {i} 件・手法 {m} 件・技術 {t} 件があります(この版には載せていません)。"
        )
    },
    headline: "主な評価指標",
    fold: |n| format!("この領域のレコード {n} 件を表示"),
    fold_indicators: |n| format!("この分野の評価指標 {n} 件を表示"),
    source: "出典",
    unmeasurable: "最新の測定は評価不能",
    no_reason: "理由の記載なし",
};

pub(super) static REPORT_EN: ReportLabels = ReportLabels {
    title: "DX progress report",
    skip: "Skip to the content",
    secretariat: |s| format!("Secretariat: {s}"),
    accessibility: "Web accessibility",
    a11y_policy: |org, scope, level| match level {
        Some(level) => format!("{org} states that {scope} {level} to JIS X 8341-3:2016 level AA."),
        None => format!(
            "{org} aims for {scope} to meet JIS X 8341-3:2016 level AA. The level of conformance and the results of testing are not yet stated."
        ),
    },
    a11y_fields: [
        "Declared",
        "Standard",
        "Target level",
        "Conformance",
        "Scope",
        "Technologies relied upon",
        "Tested",
        "Pages tested",
        "Exceptions",
        "Contact",
    ],
    a11y_standard: "JIS X 8341-3:2016 (identical to WCAG 2.0)",
    a11y_technologies: "HTML, CSS, SVG",
    a11y_scope: "this report (public edition)",
    a11y_not_declared: "not yet stated",
    a11y_not_tested: "not yet tested",
    a11y_no_exceptions: "none",
    bar_legend: "Bars show attainment (the line is the target, 100%); colour is the grade:",
    trend_legend: ["Values", "Baseline", "Target"],
    glossary: "Words used in this report",
    glossary_terms: &[
        (
            "Vision",
            "What the guideline says residents and staff will be able to do through DX; numbered (①②…) in each field.",
        ),
        (
            "Issue (課題)",
            "The gap between the vision and today: what the city works to close.",
        ),
        (
            "Method (手法)",
            "What is done, or must come about, to solve an issue.",
        ),
        (
            "Technology (技術)",
            "A concrete system or digital step that carries out a method.",
        ),
        (
            "Stage",
            "How far a method or technology has come: study → pilot → early adoption → adoption decided → in operation; or set aside, or retired.",
        ),
        (
            "Progress of an issue",
            "The furthest stage among the methods that solve it (not started, studying, piloting, adoption decided, in operation); resolved when solved.",
        ),
        (
            "The five principles",
            "The five ways of working the guideline sets for all the city's DX, shown by name in this report.",
        ),
        (
            "National priorities",
            "The DX work the national government asks of local governments (from the national plan).",
        ),
        (
            "Indicator",
            "A number that measures what the work achieves: a baseline before it starts, a target and its date.",
        ),
        (
            "Attainment",
            "How far the actual value has come from the baseline towards the target; 100% at the target.",
        ),
        (
            "Preliminary, estimated",
            "A measured value not yet final, shown apart from final ones.",
        ),
    ],
    glossary_grades: (
        "Grade (A–D)",
        "How the indicator is doing against its target date.",
    ),
    a11y_dx_check: "dx, the tool that makes the report, runs reports made the same way through axe-core's automatic tests (the WCAG 2.0 and 2.1 A and AA rules and the label-in-name rule, in Chromium at 1280, 390 and 320 pixels wide and at 200% zoom) and checks that they show no failure automatic tests can find and no sideways scrolling. Automatic tests check only some of the success criteria; of those WCAG 2.1 added, only those that can be checked automatically are checked.",
    has_errors: |e, u| {
        if u > 0 {
            format!(
                "The records behind this report have {e} errors in dx check, and {u} unreadable files are left out of every count. The numbers are not final."
            )
        } else {
            format!(
                "The records behind this report have {e} errors in dx check. The numbers are not final."
            )
        }
    },
    as_of: |d| format!("as of {d}"),
    edition: |v| format!("version {v}"),
    period: |s, e| format!("guideline period {s} – {e}"),
    public_note: "Public edition: only records made public are shown. Counts and the vision map's colours are of what is shown, except the status table and where the methods are, which count the whole portfolio, records not made public included.",
    internal_note: "Internal edition: records not made public are shown too. Do not pass it outside the city (dx report --public makes the edition for citizens).",
    internal_stamp: "Internal only",
    contents: "Contents",
    numbers: "Key numbers",
    status: "Status",
    funnel: "Where the methods are",
    funnel_steps: [
        "Study",
        "Pilot / early adoption",
        "Adoption decided",
        "In operation",
        "Rejected / retired",
    ],
    coverage: "Vision coverage",
    legend: "Each item is coloured by the furthest progress among the issues naming it. A red dashed border marks an item no issue names (uncovered).",
    indicators: "Indicators",
    attention: "Needs attention",
    since: |rev| format!("Changes since {rev}"),
    records: "Records",
    hidden: "a record that is not public",
    issues: "Issues",
    methods: "Methods",
    technologies: "Technologies",
    vision_covered: "Vision items with issues",
    made_by: |v| format!("made with dx {v}"),
    unmeasured: "not measured",
    hidden_issues: |n| format!("{n} more issue{} not public", if n == 1 { "" } else { "s" }),
    hidden_records: |[i, m, t]| {
        format!(
            "There are also {i} issues, {m} methods and {t} technologies not made public (not in this edition)."
        )
    },
    headline: "Key indicators",
    fold: |n| format!("Show this domain's {n} records"),
    fold_indicators: |n| format!("Show this field's {n} indicators"),
    source: "source",
    unmeasurable: "the latest measurement could not be made",
    no_reason: "no reason written",
};
