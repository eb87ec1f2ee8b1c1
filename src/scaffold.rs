//! Text of new files: a record for `dx new`, a tree for `dx init`. The
//! guideline's reference data is built into the binary from `records/`.

use crate::model::{Kind, Stage, TeamKind, Visibility};

/// A TOML string literal.
fn quote(s: &str) -> String {
    crate::files::toml_string(s)
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// What `dx new` fills in.
#[derive(Clone, Debug, Default)]
pub struct NewRecord {
    /// The title.
    pub title: String,
    /// 課題: ビジョン items.
    pub vision: Vec<String>,
    /// 手法: 課題 solved.
    pub solves: Vec<String>,
    /// 手法: 原則 followed.
    pub principles: Vec<String>,
    /// 技術: 手法 implemented.
    pub implements: Vec<String>,
    /// 所管.
    pub owner: Option<String>,
    /// 手法/技術: the stage (検討 when none).
    pub stage: Option<Stage>,
    /// Tags.
    pub tags: Vec<String>,
    /// 公開区分.
    pub visibility: Option<Visibility>,
    /// 手法/技術: the team's name.
    pub team_name: Option<String>,
    /// 手法/技術: the team's kind.
    pub team_kind: Option<TeamKind>,
    /// 課題: 現状.
    pub current: Option<String>,
    /// 課題: ビジョンとのギャップ.
    pub gap: Option<String>,
}

const WORK: &str = r#"# 次の定期的な見直し(運用になったら必須)
# review_due = 2027-03-31

# 実証実験・先行導入を担う検討チーム(kind は "検討チーム" | "タスクフォース"、lead は役職)
# [team]
# name = ""
# kind = "検討チーム"
# lead = ""
# departments = []

# 評価指標(実証実験・先行導入・導入決定・運用で必須)。
# target が baseline より小さければ「小さいほど良い」指標。actual を書いたら measured も書く
# [[indicator]]
# name = ""
# unit = ""
# baseline = 0.0
# target = 0.0
# target_date = 2027-03-31
# actual = 0.0
# measured = 2026-09-30

# 意思決定の記録(body は 推進本部 | 幹事会 | 作業部会 | 検討チーム | タスクフォース、
# result は 実証開始 | 先行導入 | 導入 | 運用開始 | 継続 | 改善 | 見送り | 廃止 | 付議。
# 付議のときは to = "推進本部" のように付議先も書く)
# [[decision]]
# date = 2026-04-01
# body = "作業部会"
# result = "実証開始"
# note = ""
"#;

/// The text of a new record: required keys filled, optional ones as comments.
#[must_use]
pub fn record(kind: Kind, r: &NewRecord) -> String {
    let owner = r.owner.as_ref().map_or_else(
        || "# owner = \"\"".to_owned(),
        |o| format!("owner = {}", quote(o)),
    );
    let visibility = r.visibility.map_or_else(
        || "# visibility = \"internal\"".to_owned(),
        |v| format!("visibility = {}", quote(v.as_str())),
    );
    let tags = if r.tags.is_empty() {
        "# tags = []".to_owned()
    } else {
        format!("tags = {}", list(&r.tags))
    };
    let common = format!(
        "# 所管(部署名または役職。個人名は書かない)\n{owner}\n# 公開区分: \"public\" | \"internal\"\n{visibility}\n{tags}\n"
    );
    let stage = quote(r.stage.unwrap_or(Stage::Study).as_str());
    let work = match (&r.team_name, r.team_kind) {
        (None, None) => WORK.to_owned(),
        (name, kind) => {
            let name = quote(name.as_deref().unwrap_or(""));
            let kind = kind.map_or_else(
                || "# kind = \"検討チーム\"".to_owned(),
                |k| format!("kind = {}", quote(k.as_str())),
            );
            WORK.replace(
                "# [team]\n# name = \"\"\n# kind = \"検討チーム\"\n",
                &format!("[team]\nname = {name}\n{kind}\n"),
            )
        }
    };
    match kind {
        Kind::Issue => format!(
            "title = {title}\n# 課題のもとになるビジョン項目(1つ以上)\nvision = {vision}\n# 現状\n{current}\n# ビジョンとのギャップ\n{gap}\n{common}\n# 課題が解消したとき\n# [closed]\n# date = 2027-03-31\n# reason = \"\"\n",
            title = quote(&r.title),
            vision = list(&r.vision),
            current = r.current.as_ref().map_or_else(
                || "# current = \"\"".to_owned(),
                |c| format!("current = {}", quote(c))
            ),
            gap = r.gap.as_ref().map_or_else(
                || "# gap = \"\"".to_owned(),
                |g| format!("gap = {}", quote(g))
            ),
        ),
        Kind::Method => format!(
            "title = {title}\n# 解決する課題(1つ以上、他の領域でもよい)\nsolves = {solves}\n# 則る5原則(P1〜P5、1つ以上)\nprinciples = {principles}\n# 配慮(C1 セキュリティ、C2 職員のICTスキル、C3 デジタルデバイド)\n# considerations = []\n# 国の重点取組事項(national.toml のいまの版の ID、例 N7)\n# national = []\n# 横展開の元になった手法\n# expands = \"\"\n# 段階: 検討 | 実証実験 | 先行導入 | 導入決定 | 運用 | 見送り | 廃止\nstage = {stage}\n{common}{work}",
            title = quote(&r.title),
            solves = list(&r.solves),
            principles = list(&r.principles),
        ),
        Kind::Technology => format!(
            "title = {title}\n# 実現する手法(1つ以上)\nimplements = {implements}\n# 段階: 検討 | 実証実験 | 先行導入 | 導入決定 | 運用 | 見送り | 廃止\nstage = {stage}\n# national = []\n# 製品・サービス名\n# product = \"\"\n{common}{work}",
            title = quote(&r.title),
            implements = list(&r.implements),
        ),
    }
}

/// A new 領域's domain.toml.
#[must_use]
pub fn domain(name: &str) -> String {
    format!(
        "name = {}\n# この領域で目指すこと\n# description = \"\"\n",
        quote(name)
    )
}

/// A new 分野's field.toml: its name, and its ビジョン items to write.
#[must_use]
pub fn field(name: &str, working_group: Option<&str>) -> String {
    let wg = working_group.map_or_else(
        || "# working_group = \"\"".to_owned(),
        |w| format!("working_group = {}", quote(w)),
    );
    format!(
        "name = {}\n{wg}\n\n# ビジョン項目(指針の「目指す姿」。課題はここから導きます)\n# [[vision]]\n# no = 1\n# text = \"\"\n",
        quote(name)
    )
}

/// The guideline's reference data, as bundled in `records/`.
pub const PRINCIPLES: &str = include_str!("../records/principles.toml");
/// 国の重点取組事項.
pub const NATIONAL: &str = include_str!("../records/national.toml");
/// The four 分野 with their ビジョン, word for word.
pub const FIELDS: [(&str, &str); 4] = [
    ("kurashi", include_str!("../records/kurashi/field.toml")),
    ("gyosei", include_str!("../records/gyosei/field.toml")),
    ("sankaku", include_str!("../records/sankaku/field.toml")),
    ("kyoiku", include_str!("../records/kyoiku/field.toml")),
];

/// dx.toml for a new tree.
#[must_use]
pub fn settings(organization: &str, guideline: Option<&str>, lg_code: Option<&str>) -> String {
    let guideline = guideline.map_or_else(|| format!("{organization}DX推進指針"), str::to_owned);
    let lg_code = lg_code.map_or_else(
        || {
            "# lg_code = \"000000\"               # 全国地方公共団体コード(検査数字つき6桁)"
                .to_owned()
        },
        |c| format!("lg_code = {}", quote(c)),
    );
    format!(
        r#"# dx のツリー設定(SPEC §2.1)

[tree]
organization = {org}
guideline = {guideline}
# guideline_version = "1.0"
period_start = 2020-04-01        # 指針の期間(自市の指針に合わせて直してください)
period_end = 2029-03-31
{lg_code}

[review]
interval_months = 12             # 定期的な見直しの標準の間隔

# [ids]                          # ID の接頭辞(既定値)
# issue = "K"
# method = "S"
# technology = "G"

# [rules]                        # 規則ごとの重大度: "error" | "warning" | "allow"
# review-overdue = "error"

# [privacy]                      # 個人情報として扱わないもの
# allowed_email_domains = ["city.example.lg.jp"]   # 市のメールのドメイン
# allowed_phone_numbers = ["XXXX-XX-XXXX"]          # 市の代表番号など公開の番号(数字で)

# [report]                       # 報告(dx report)
# headline = ["S-001/オンライン申請率"]   # 公開版の最初に示す評価指標(ID/評価指標の名前)

# [accessibility]                # 公開版の報告のウェブアクセシビリティ方針(市が試験したら書く)
# declared = 2027-04-01          # 表明日
# level = "準拠"                 # 対応度: 準拠・一部準拠・配慮
# tested = 2027-03-20            # 試験日
# pages = "公開版の報告の全ページ"   # 試験対象
# exceptions = []                # 例外
# contact = "〇〇課 電話 …"       # 問い合わせ先(省略すると [contact])
"#,
        org = quote(organization),
        guideline = quote(&guideline),
    )
}

/// `.taplo.toml` of a new tree: taplo and Even Better TOML validate and
/// complete every file kind against the schemas in `schemas/` (written
/// beside it by `dx init`, from `dx schema`). Paths are from the tree root.
pub const TAPLO: &str = r#"# taplo / Even Better TOML: 各ファイルを dx のスキーマで検査・補完する
# (スキーマは dx schema が出力するもの。dx を更新したら schemas/ も書き直す)
# コマンドラインでは、このフォルダで: taplo check

include = ["**/*.toml"]

[[rule]]
include = ["**/K-*.toml"]
schema = { path = "./schemas/issue.schema.json" }

[[rule]]
include = ["**/S-*.toml"]
schema = { path = "./schemas/method.schema.json" }

[[rule]]
include = ["**/G-*.toml"]
schema = { path = "./schemas/technology.schema.json" }

[[rule]]
include = ["dx.toml"]
schema = { path = "./schemas/dx.schema.json" }

[[rule]]
include = ["principles.toml"]
schema = { path = "./schemas/principles.schema.json" }

[[rule]]
include = ["national.toml"]
schema = { path = "./schemas/national.schema.json" }

[[rule]]
include = ["*/field.toml"]
schema = { path = "./schemas/field.schema.json" }

[[rule]]
include = ["*/**/domain.toml"]
schema = { path = "./schemas/domain.schema.json" }

[[rule]]
include = ["meetings/**/*.toml"]
schema = { path = "./schemas/meeting.schema.json" }

[formatting]
# dx fmt がキーの順を決める。taplo には並べ替えさせない
reorder_keys = false
reorder_arrays = false
"#;

/// Every file of a new tree: `(path from the root, text)`.
#[must_use]
pub fn tree(
    organization: &str,
    guideline: Option<&str>,
    lg_code: Option<&str>,
    empty: bool,
) -> Vec<(String, String)> {
    let mut files = vec![
        (
            "dx.toml".to_owned(),
            settings(organization, guideline, lg_code),
        ),
        ("principles.toml".to_owned(), PRINCIPLES.to_owned()),
        ("national.toml".to_owned(), NATIONAL.to_owned()),
    ];
    if !empty {
        for (id, text) in FIELDS {
            files.push((format!("{id}/field.toml"), text.to_owned()));
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_records_parse() -> Result<(), Box<dyn std::error::Error>> {
        let r = NewRecord {
            title: "題名 \"引用\" つき".into(),
            vision: vec!["kurashi-1".into()],
            solves: vec!["K-001".into()],
            principles: vec!["P1".into()],
            implements: vec!["S-001".into()],
            owner: Some("市民課".into()),
            ..NewRecord::default()
        };
        for kind in Kind::ALL {
            let text = record(kind, &r);
            let table: toml::Table = text.parse()?;
            assert_eq!(table["title"].as_str(), Some("題名 \"引用\" つき"));
        }
        let s: toml::Table = settings("テスト市", None, Some("282049")).parse()?;
        assert_eq!(s["tree"]["guideline"].as_str(), Some("テスト市DX推進指針"));
        assert_eq!(s["tree"]["organization"].as_str(), Some("テスト市"));
        Ok(())
    }
}
