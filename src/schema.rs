//! JSON Schemas (draft 2020-12) of every file kind, generated from the types
//! below, for editors (taplo / Even Better TOML) to complete and validate
//! records while they are typed. `dx schema` prints them; `schemas/` holds
//! them committed, and a test fails when the two drift apart or when a type
//! here disagrees with the keys the loader accepts (`model::keys`).
//!
//! The types only describe files; dx itself reads records with spans
//! (`model::load`), so that every problem has a line and column.

#![allow(dead_code)]

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings, json_schema};

use crate::model::{Body, ObservationStatus, Outcome, Stage, TeamKind, Visibility};

/// A string schema type with a fixed JSON Schema.
macro_rules! string_type {
    ($(#[$doc:meta])* $name:ident => $schema:tt) => {
        $(#[$doc])*
        pub struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

string_type!(
    /// 課題の ID.
    IssueId => { "type": "string", "pattern": "^K-[0-9]{3,}$", "description": "課題の ID(例: K-001)" }
);
string_type!(
    /// 手法の ID.
    MethodId => { "type": "string", "pattern": "^S-[0-9]{3,}$", "description": "手法の ID(例: S-001)" }
);
string_type!(
    /// 技術の ID.
    TechnologyId => { "type": "string", "pattern": "^G-[0-9]{3,}$", "description": "技術の ID(例: G-001)" }
);
string_type!(
    /// A ビジョン item.
    VisionId => { "type": "string", "pattern": "^[a-z][a-z0-9-]*-[0-9]+$", "description": "ビジョン項目(例: kurashi-1)" }
);
string_type!(
    /// A 原則.
    PrincipleId => { "type": "string", "pattern": "^P[0-9]+$", "description": "5原則(P1〜P5)" }
);
string_type!(
    /// A 横断的配慮.
    ConsiderationId => { "type": "string", "pattern": "^C[0-9]+$", "description": "横断的配慮(C1〜C3)" }
);
string_type!(
    /// A 国の重点取組事項.
    NationalId => { "type": "string", "pattern": "^N[0-9]+$", "description": "国の重点取組事項(national.toml の ID、例 N7)" }
);
string_type!(
    /// A TOML local date; validators see it as a string.
    LocalDate => { "type": "string", "format": "date", "description": "日付(引用符なしで 2025-03-31)" }
);

/// A closed vocabulary as an `enum` of its words.
macro_rules! words_type {
    ($(#[$doc:meta])* $name:ident => $words:expr, $desc:literal) => {
        $(#[$doc])*
        pub struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "enum": $words, "description": $desc })
            }
        }
    };
}

words_type!(
    /// 測定の状態.
    ObservationStatusWord => ObservationStatus::WORDS, "測定の状態(既定は確定)"
);
words_type!(
    /// 対応度.
    ConformanceWord => crate::vocab::Conformance::WORDS, "対応度: 準拠・一部準拠・配慮(JIS X 8341-3:2016)"
);
words_type!(
    /// 日付の表示.
    DateStyleWord => crate::calendar::DateStyle::WORDS, "日付の表示: iso(2026-03-31)・wareki(令和8年3月31日)・both"
);
words_type!(
    /// 段階.
    StageWord => Stage::WORDS, "段階"
);
words_type!(
    /// 公開区分.
    VisibilityWord => Visibility::WORDS, "公開区分(既定は internal)"
);
words_type!(
    /// 検討チームの種類.
    TeamKindWord => TeamKind::WORDS, "検討チーム または タスクフォース"
);
words_type!(
    /// 会議体.
    BodyWord => Body::WORDS, "意思決定した会議体"
);
words_type!(
    /// 決定の結果.
    OutcomeWord => Outcome::WORDS, "決定の結果"
);
words_type!(
    /// A rule's severity in dx.toml.
    LevelWord => crate::model::Level::WORDS, "規則の重大度"
);

/// 課題: a gap between the ビジョン and today (SPEC §2.6).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "課題",
    description = "ビジョンと現状のギャップ(SPEC §2.6)"
)]
pub struct IssueFile {
    /// 省略可。書く場合はファイル名と同じ ID
    id: Option<IssueId>,
    /// タイトル
    title: String,
    /// この課題のもとになるビジョン項目(1つ以上)
    #[schemars(length(min = 1))]
    vision: Vec<VisionId>,
    /// 課題の整理をやり直した日(指針の改定のあと。dx review K-… が書く)
    reviewed: Option<LocalDate>,
    /// 所管(部署名または役職。個人名は書かない)
    owner: Option<String>,
    /// 公開区分
    visibility: Option<VisibilityWord>,
    /// タグ
    tags: Option<Vec<String>>,
    /// 課題が解消したとき
    closed: Option<ClosedTable>,
}

/// `[closed]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "課題が解消したとき")]
pub struct ClosedTable {
    /// 解消した日
    date: LocalDate,
    /// 解消の理由(例: 業務自体を廃止)
    reason: String,
}

/// `[team]`.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    description = "実証実験・先行導入を担う検討チームまたはタスクフォース"
)]
pub struct TeamTable {
    /// チーム名
    name: String,
    /// 種類
    kind: Option<TeamKindWord>,
    /// リーダー(役職で書く)
    lead: Option<String>,
    /// 参加部署
    departments: Option<Vec<String>>,
}

/// `[[indicator]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "評価指標")]
pub struct IndicatorTable {
    /// 指標の名前
    name: String,
    /// 単位
    unit: Option<String>,
    /// 基準値
    baseline: Option<f64>,
    /// 基準値の時点(目標への線の起点。省略時は最初の意思決定の日、なければ指針の期間の開始日)
    baseline_date: Option<LocalDate>,
    /// 目標値(基準値より小さければ「小さいほど良い」)
    target: Option<f64>,
    /// 目標日
    target_date: Option<LocalDate>,
    /// 実績値(第1版の書き方。observation と一緒には書けない)
    actual: Option<f64>,
    /// 測定日(actual を書いたら必須)
    measured: Option<LocalDate>,
    /// 測定の記録(古い順)
    observation: Option<Vec<ObservationTable>>,
}

/// `[[indicator.observation]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "評価指標の測定の記録")]
pub struct ObservationTable {
    /// 測定日
    date: LocalDate,
    /// 値(評価不能のときは書かない)
    value: Option<f64>,
    /// 状態(既定は確定)
    status: Option<ObservationStatusWord>,
    /// 出典
    source: Option<String>,
    /// 備考
    note: Option<String>,
}

/// `[[decision]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "意思決定の記録")]
pub struct DecisionTable {
    /// 日付
    date: LocalDate,
    /// 会議体
    body: BodyWord,
    /// 結果
    result: OutcomeWord,
    /// 付議先の会議体(結果が付議のとき必須)
    to: Option<BodyWord>,
    /// 備考
    note: Option<String>,
}

/// 手法: what solves 課題 (SPEC §2.7).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "手法",
    description = "課題を解決するために行うべきまたは実現すべきもの(SPEC §2.7)"
)]
pub struct MethodFile {
    /// 省略可。書く場合はファイル名と同じ ID
    id: Option<MethodId>,
    /// タイトル
    title: String,
    /// 解決する課題(1つ以上、他の領域でもよい)
    #[schemars(length(min = 1))]
    solves: Vec<IssueId>,
    /// 則る5原則(1つ以上)
    #[schemars(length(min = 1))]
    principles: Vec<PrincipleId>,
    /// 横断的配慮
    considerations: Option<Vec<ConsiderationId>>,
    /// 国の重点取組事項
    national: Option<Vec<NationalId>>,
    /// 横展開の元になった手法
    expands: Option<MethodId>,
    /// 段階
    stage: StageWord,
    /// 所管
    owner: Option<String>,
    /// 公開区分
    visibility: Option<VisibilityWord>,
    /// タグ
    tags: Option<Vec<String>>,
    /// 次の定期的な見直し(運用では必須)
    review_due: Option<LocalDate>,
    /// 検討チームまたはタスクフォース
    team: Option<TeamTable>,
    /// 評価指標
    indicator: Option<Vec<IndicatorTable>>,
    /// 意思決定の記録
    decision: Option<Vec<DecisionTable>>,
}

/// 技術: what realises a 手法 (SPEC §2.8).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "技術",
    description = "手法に対する具体的なICT化やデジタル化の取組(SPEC §2.8)"
)]
pub struct TechnologyFile {
    /// 省略可。書く場合はファイル名と同じ ID
    id: Option<TechnologyId>,
    /// タイトル
    title: String,
    /// 実現する手法(1つ以上)
    #[schemars(length(min = 1))]
    implements: Vec<MethodId>,
    /// 段階
    stage: StageWord,
    /// 国の重点取組事項
    national: Option<Vec<NationalId>>,
    /// 所管
    owner: Option<String>,
    /// 公開区分
    visibility: Option<VisibilityWord>,
    /// タグ
    tags: Option<Vec<String>>,
    /// 次の定期的な見直し(運用では必須)
    review_due: Option<LocalDate>,
    /// 検討チームまたはタスクフォース
    team: Option<TeamTable>,
    /// 評価指標
    indicator: Option<Vec<IndicatorTable>>,
    /// 意思決定の記録
    decision: Option<Vec<DecisionTable>>,
}

/// dx.toml `[tree]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "ツリーの情報")]
pub struct TreeTable {
    /// 組織名
    organization: Option<String>,
    /// 指針の名前
    guideline: Option<String>,
    /// 指針の版
    guideline_version: Option<String>,
    /// 指針の期間の始まり
    period_start: Option<LocalDate>,
    /// 指針の期間の終わり(令和10年度末)
    period_end: Option<LocalDate>,
    /// 全国地方公共団体コード(検査数字つき6桁。西宮市は 282049)
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    lg_code: Option<String>,
    /// 事務局(報告の表紙に載せる。例: 総務局 デジタル推進課)
    secretariat: Option<String>,
}

/// dx.toml `[review]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "定期的な見直し")]
pub struct ReviewTable {
    /// 定期的な見直しの標準の間隔(月)
    #[schemars(range(min = 1))]
    interval_months: Option<u32>,
}

/// dx.toml `[ids]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "ID の接頭辞")]
pub struct IdsTable {
    /// 課題の ID の接頭辞(既定 K)
    issue: Option<String>,
    /// 手法の ID の接頭辞(既定 S)
    method: Option<String>,
    /// 技術の ID の接頭辞(既定 G)
    technology: Option<String>,
}

/// dx.toml `[contact]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "照会の問い合わせ先")]
pub struct ContactTable {
    /// 担当(課・係の名前。個人名は書かない)
    name: Option<String>,
    /// 電話番号(代表・課の番号)
    phone: Option<String>,
    /// メールアドレス(課の共用アドレス)
    email: Option<String>,
}

/// dx.toml `[privacy]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "個人情報の検査")]
pub struct PrivacyTable {
    /// 個人情報として扱わないメールのドメイン
    allowed_email_domains: Option<Vec<String>>,
    /// 個人情報として扱わない公開の電話番号(市の代表番号など)
    allowed_phone_numbers: Option<Vec<String>>,
}

/// dx.toml `[grades]`.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    description = "評価指標の評価 A/B/C/D の基準と名前"
)]
pub struct GradesTable {
    /// 目標への進み具合(pace)がこれ以上なら A(既定 1.10)
    #[schemars(range(min = 0.0))]
    a_pace: Option<f64>,
    /// これ以上なら B(既定 0.90)
    #[schemars(range(min = 0.0))]
    b_pace: Option<f64>,
    /// 最後の測定からこの月数が過ぎたら「測定待ち」(既定 12)
    #[schemars(range(min = 1))]
    max_age_months: Option<u32>,
    /// 評価の名前
    labels: Option<GradeLabels>,
}

/// dx.toml `[grades.labels]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "評価の名前")]
#[allow(non_snake_case)]
pub struct GradeLabels {
    /// 既定: 目標より進んでいる
    A: Option<String>,
    /// 既定: 目標どおり
    B: Option<String>,
    /// 既定: 遅れている
    C: Option<String>,
    /// 既定: 評価できない
    D: Option<String>,
}

/// dx.toml `[organization]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "組織")]
pub struct OrganizationTable {
    /// 部署の一覧(所管・リーダー・参加部署をこれと照らし合わせる)
    departments: Option<Vec<String>>,
}

/// dx.toml `[display]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "表示")]
pub struct DisplayTable {
    /// 日付の表示(既定 iso)
    dates: Option<DateStyleWord>,
}

/// dx.toml: the tree's settings (SPEC §2.1).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "dx.toml",
    description = "ツリーの設定(SPEC §2.1)"
)]
pub struct SettingsFile {
    /// ツリーの情報
    tree: Option<TreeTable>,
    /// 定期的な見直し
    review: Option<ReviewTable>,
    /// ID の接頭辞
    ids: Option<IdsTable>,
    /// 規則ごとの重大度(規則名 = "error" | "warning" | "allow")
    rules: Option<std::collections::BTreeMap<String, LevelWord>>,
    /// 個人情報の検査
    privacy: Option<PrivacyTable>,
    /// 評価指標の評価
    grades: Option<GradesTable>,
    /// 表示
    display: Option<DisplayTable>,
    /// 組織
    organization: Option<OrganizationTable>,
    /// 照会の問い合わせ先
    contact: Option<ContactTable>,
    /// 指針の改訂歴
    revision: Option<Vec<RevisionTable>>,
    /// 公開版の報告のウェブアクセシビリティ方針(試験の記録)
    accessibility: Option<AccessibilityTable>,
    /// 報告(公開版で最初に示す評価指標)
    report: Option<ReportTable>,
}

/// dx.toml `[report]`: what the public report shows first.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "報告の設定")]
pub struct ReportTable {
    /// 公開版の最初に示す主な評価指標(「レコードの ID/評価指標の名前」、例: S-001/オンライン申請率。名前の代わりに番号 1, 2… も可)
    headline: Option<Vec<String>>,
}

/// dx.toml `[accessibility]`: the accessibility statement of the public
/// report, as みんなの公共サイト運用ガイドライン lays it out.
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    description = "公開版の報告のウェブアクセシビリティ方針"
)]
pub struct AccessibilityTable {
    /// 表明日
    declared: Option<LocalDate>,
    /// 対応度: 準拠・一部準拠・配慮
    level: Option<ConformanceWord>,
    /// 試験日(市が試験を行った日)
    tested: Option<LocalDate>,
    /// 対象範囲(省略すると公開版の報告)
    scope: Option<String>,
    /// 試験対象(試験したページと選び方)
    pages: Option<String>,
    /// 例外(達成基準を満たさないものとその理由)
    exceptions: Option<Vec<String>>,
    /// 問い合わせ先(省略すると [contact])
    contact: Option<String>,
}

/// dx.toml `[[revision]]`: one revision of the guideline (SPEC §7.4).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "指針の改定")]
pub struct RevisionTable {
    /// 版(例: 1.1)
    version: String,
    /// 改定の日
    date: LocalDate,
    /// 改定の内容
    summary: Option<String>,
    /// 改定で変わった項目の ID(ビジョン項目 kurashi-1、分野 kurashi、原則 P3、国の重点取組事項 N7 など)
    changed: Option<Vec<String>>,
}

string_type!(
    /// A record of any kind.
    RecordId => { "type": "string", "pattern": "^[A-Z]+-[0-9]+$", "description": "レコードの ID(例: S-001)" }
);

/// field.toml: a 分野 and its ビジョン (SPEC §2.4).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "分野",
    description = "分野とそのDXビジョン(SPEC §2.4)。フォルダ名が分野の ID"
)]
pub struct FieldFile {
    /// 分野の名前(例: 暮らし手続き)
    name: String,
    /// この分野の作業部会
    working_group: Option<String>,
    /// ビジョン項目(指針の文言どおり)
    vision: Option<Vec<VisionTable>>,
}

/// `[[vision]]` of field.toml.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "ビジョン項目")]
pub struct VisionTable {
    /// 番号(①なら 1)。ID は「分野のフォルダ名-番号」
    #[schemars(range(min = 1))]
    no: u32,
    /// 指針の文言
    text: String,
}

/// domain.toml: a 領域 (SPEC §2.5).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "領域",
    description = "領域(SPEC §2.5)。ID は「分野/フォルダ名」"
)]
pub struct DomainFile {
    /// 領域の名前(例: オンライン手続)
    name: String,
    /// 説明
    description: Option<String>,
}

/// principles.toml: the 5原則 and the 横断的配慮 (SPEC §2.2).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "5原則と横断的配慮",
    description = "手法が則る5原則と横断的配慮(SPEC §2.2)"
)]
pub struct PrinciplesFile {
    /// 5原則(P1〜P5)
    principle: Option<Vec<PrincipleTable>>,
    /// 横断的配慮(C1〜C3)
    consideration: Option<Vec<ConsiderationTable>>,
}

/// `[[principle]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "5原則の一つ")]
pub struct PrincipleTable {
    /// ID(P1〜P5)
    id: PrincipleId,
    /// 原則の文言
    title: String,
}

/// `[[consideration]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "横断的配慮の一つ")]
pub struct ConsiderationTable {
    /// ID(C1〜C3)
    id: ConsiderationId,
    /// 配慮の文言
    title: String,
}

/// national.toml: the national priorities (SPEC §2.3).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "国の重点取組事項",
    description = "国の重点取組事項(SPEC §2.3)"
)]
pub struct NationalFile {
    /// 出典(例: 総務省 自治体DX推進計画)
    source: Option<String>,
    /// 重点取組事項(版を分けない第1版の形)
    priority: Option<Vec<PriorityTable>>,
    /// 国の計画の版ごとの重点取組事項(SPEC §7.4)
    edition: Option<Vec<EditionTable>>,
}

/// `[[edition]]`: one edition of the national plan (SPEC §7.4).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "国の計画の版")]
pub struct EditionTable {
    /// 版(例: 2.3)
    version: String,
    /// 公表の日
    date: LocalDate,
    /// いまの版なら true(どれにもなければ日付の最も新しい版)
    current: Option<bool>,
    /// その版の重点取組事項
    priority: Option<Vec<EditionPriorityTable>>,
}

/// `[[edition.priority]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "版の重点取組事項の一つ")]
pub struct EditionPriorityTable {
    /// ID(N1〜。前の版と同じ項目は同じ ID)
    id: NationalId,
    /// 取組事項の名前(その版の書き方で)
    title: String,
    /// 引き継いだ前の版の項目の ID
    replaces: Option<Vec<NationalId>>,
}

/// `[[priority]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "重点取組事項の一つ")]
pub struct PriorityTable {
    /// ID(N1〜)
    id: NationalId,
    /// 取組事項の名前
    title: String,
}

/// A meeting file under `meetings/` (SPEC §6.4).
#[derive(JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "会議",
    description = "推進本部・作業部会の会議で決まったこと(SPEC §6.4)。dx apply で記録に書き込む"
)]
pub struct MeetingFile {
    /// 会議の日付
    date: LocalDate,
    /// 会議体
    body: BodyWord,
    /// 作業部会の分野(分野のフォルダー名、例: kurashi)
    field: Option<String>,
    /// 会議の名前(例: 第12回 西宮市DX推進本部会議)
    title: Option<String>,
    /// 議事録(URL など)
    minutes: Option<String>,
    /// 意思決定
    decision: Option<Vec<MeetingDecisionTable>>,
    /// 定期的な見直し
    review: Option<Vec<MeetingReviewTable>>,
    /// 評価指標の測定
    measurement: Option<Vec<MeetingMeasurementTable>>,
}

/// A meeting's `[[decision]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "会議での意思決定")]
pub struct MeetingDecisionTable {
    /// 対象のレコード
    record: RecordId,
    /// 結果
    result: OutcomeWord,
    /// 付議先の会議体(結果が付議のとき必須)
    to: Option<BodyWord>,
    /// 会議体(既定は会議の会議体)
    body: Option<BodyWord>,
    /// 日付(既定は会議の日付)
    date: Option<LocalDate>,
    /// 次の定期的な見直し
    next_review: Option<LocalDate>,
    /// 備考
    note: Option<String>,
}

/// A meeting's `[[review]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "会議での定期的な見直し")]
pub struct MeetingReviewTable {
    /// 対象のレコード
    record: RecordId,
    /// 結果(継続なら書かなくてよい)
    result: Option<OutcomeWord>,
    /// 日付(既定は会議の日付)
    date: Option<LocalDate>,
    /// 次の定期的な見直し(既定は dx.toml の間隔)
    next_review: Option<LocalDate>,
    /// 備考
    note: Option<String>,
}

/// A meeting's `[[measurement]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, description = "会議で報告された評価指標の測定")]
pub struct MeetingMeasurementTable {
    /// 対象のレコード
    record: RecordId,
    /// 評価指標の名前(レコードの [[indicator]] の name)
    indicator: String,
    /// 値(評価不能のときは書かない)
    value: Option<f64>,
    /// 測定日(既定は会議の日付)
    date: Option<LocalDate>,
    /// 状態(既定は確定)
    status: Option<ObservationStatusWord>,
    /// 出典
    source: Option<String>,
    /// 備考
    note: Option<String>,
}

/// Every schema: (name, file in schemas/, top-level keys it must describe).
pub const KINDS: &[(&str, &str)] = &[
    ("issue", "issue.schema.json"),
    ("method", "method.schema.json"),
    ("technology", "technology.schema.json"),
    ("dx", "dx.schema.json"),
    ("field", "field.schema.json"),
    ("domain", "domain.schema.json"),
    ("principles", "principles.schema.json"),
    ("national", "national.schema.json"),
    ("meeting", "meeting.schema.json"),
];

/// The schema named `name` (one of [`KINDS`]), as JSON.
#[must_use]
pub fn schema(name: &str) -> Option<serde_json::Value> {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = match name {
        "issue" => generator.into_root_schema_for::<IssueFile>(),
        "method" => generator.into_root_schema_for::<MethodFile>(),
        "technology" => generator.into_root_schema_for::<TechnologyFile>(),
        "dx" => generator.into_root_schema_for::<SettingsFile>(),
        "field" => generator.into_root_schema_for::<FieldFile>(),
        "domain" => generator.into_root_schema_for::<DomainFile>(),
        "principles" => generator.into_root_schema_for::<PrinciplesFile>(),
        "national" => generator.into_root_schema_for::<NationalFile>(),
        "meeting" => generator.into_root_schema_for::<MeetingFile>(),
        _ => return None,
    };
    let mut value = schema.to_value();
    drop_null(&mut value);
    // A record kind's free texts come from their table (`model::texts`).
    let kind = match name {
        "issue" => Some(crate::model::Kind::Issue),
        "method" => Some(crate::model::Kind::Method),
        "technology" => Some(crate::model::Kind::Technology),
        _ => None,
    };
    if let (Some(kind), Some(serde_json::Value::Object(properties))) =
        (kind, value.get_mut("properties"))
    {
        for t in crate::model::texts::of_kind(kind) {
            properties.insert(
                t.key().to_owned(),
                serde_json::json!({ "description": t.description, "type": "string" }),
            );
        }
    }
    Some(value)
}

/// TOML has no null: an optional key is simply absent, so the `null` that
/// `Option` adds is taken out again.
fn drop_null(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(options)) = map.get_mut(key) {
                    options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
                    if options.len() == 1 {
                        let only = options.remove(0);
                        map.remove(key);
                        if let Value::Object(inner) = only {
                            for (k, val) in inner {
                                map.entry(k).or_insert(val);
                            }
                        }
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// The schema as committed: pretty JSON with a final newline.
#[must_use]
pub fn schema_text(name: &str) -> Option<String> {
    schema(name).map(|v| format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()))
}
