//! The portfolio as flat tables (SPEC §6.7) — records, links, indicators,
//! observations, decisions — for Excel and for engines that compare cities
//! (DuckDB, BigQuery, Spark). Every row carries the city's `lg_code`;
//! every date its `fiscal_year`. Values as written in the records.

use jiff::civil::Date;

use crate::calendar::fiscal_year;
use crate::model::{Model, RecordIdx, Resolution, Visibility};

/// The type of a column, as Frictionless Table Schema names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// A calendar date.
    Date,
}

impl ColumnType {
    /// The Table Schema name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Date => "date",
        }
    }
}

/// How the workbook shows a column's values to people; the CSV tables
/// keep the values as written in the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// As it is.
    Plain,
    /// A ratio as a percentage (0.37 as 37%).
    Percent,
    /// A ratio with two decimals.
    Ratio,
    /// A record kind in words (`method` as 手法).
    Kind,
    /// A visibility in words (`public` as 公開).
    Visibility,
    /// A link's key in words (`solves` as 解決する課題).
    LinkKey,
}

/// One column.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Its name (English, for engines).
    pub name: &'static str,
    /// Its heading for people (Japanese, for the workbook).
    pub title: &'static str,
    /// Its type.
    pub kind: ColumnType,
    /// How the workbook shows it.
    pub shown: Shown,
}

/// A value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A whole number.
    Integer(i64),
    /// A date.
    Date(Date),
}

impl Cell {
    fn text(s: impl Into<String>) -> Self {
        let s = s.into();
        if s.is_empty() {
            Self::Empty
        } else {
            Self::Text(s)
        }
    }

    fn opt_text(s: Option<impl Into<String>>) -> Self {
        s.map_or(Self::Empty, Self::text)
    }

    fn number(n: Option<f64>) -> Self {
        n.map_or(Self::Empty, Self::Number)
    }

    fn date(d: Option<Date>) -> Self {
        d.map_or(Self::Empty, Self::Date)
    }

    fn fiscal_year(d: Option<Date>) -> Self {
        d.map_or(Self::Empty, |d| Self::Integer(i64::from(fiscal_year(d))))
    }
}

/// One table.
#[derive(Clone, Debug)]
pub struct FlatTable {
    /// Its name: the file (`records.csv`) and the resource.
    pub name: &'static str,
    /// Its sheet name in the workbook.
    pub sheet: &'static str,
    /// The columns.
    pub columns: &'static [Column],
    /// Its primary key, by column name.
    pub primary_key: &'static [&'static str],
    /// Foreign keys: (columns, table, its columns).
    pub foreign_keys: &'static [(
        &'static [&'static str],
        &'static str,
        &'static [&'static str],
    )],
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

macro_rules! columns {
    ($($name:literal / $title:literal : $kind:ident $(as $shown:ident)?),+ $(,)?) => {
        &[$(Column {
            name: $name,
            title: $title,
            kind: ColumnType::$kind,
            shown: columns!(@shown $($shown)?),
        }),+]
    };
    (@shown) => { Shown::Plain };
    (@shown $shown:ident) => { Shown::$shown };
}

const RECORDS: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "id" / "ID": String,
    "kind" / "種類": String as Kind,
    "title" / "タイトル": String,
    "field" / "分野": String,
    "field_name" / "分野名": String,
    "domain" / "領域": String,
    "domain_name" / "領域名": String,
    "stage" / "段階": String,
    "progress" / "進捗": String,
    "owner" / "所管": String,
    "visibility" / "公開区分": String as Visibility,
    "tags" / "タグ": String,
    "review_due" / "見直し期限": Date,
    "review_due_fiscal_year" / "見直し年度": Integer,
    "team_name" / "チーム": String,
    "team_kind" / "チームの種類": String,
    "team_lead" / "リーダー": String,
    "product" / "製品・サービス": String,
    "closed" / "解消日": Date,
    "closed_reason" / "解消の理由": String,
    "latest_decision" / "最新の意思決定日": Date,
    "latest_result" / "最新の結果": String,
    "path" / "ファイル": String,
];

const LINKS: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "record" / "ID": String,
    "key" / "リンクの種類": String as LinkKey,
    "target" / "リンク先": String,
];

const INDICATORS: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "record" / "ID": String,
    "title" / "タイトル": String,
    "indicator" / "評価指標": String,
    "unit" / "単位": String,
    "baseline" / "基準値": Number,
    "baseline_date" / "基準日": Date,
    "target" / "目標値": Number,
    "target_date" / "目標日": Date,
    "target_fiscal_year" / "目標年度": Integer,
    "current" / "実績値": Number,
    "measured" / "測定日": Date,
    "attainment" / "達成度": Number as Percent,
    "pace" / "進み具合": Number as Ratio,
    "grade" / "評価": String,
];

const OBSERVATIONS: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "record" / "ID": String,
    "indicator" / "評価指標": String,
    "date" / "測定日": Date,
    "fiscal_year" / "年度": Integer,
    "value" / "値": Number,
    "status" / "状態": String,
    "source" / "出典": String,
    "note" / "備考": String,
];

const DECISIONS: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "record" / "ID": String,
    "date" / "日付": Date,
    "fiscal_year" / "年度": Integer,
    "body" / "会議体": String,
    "result" / "結果": String,
    "note" / "備考": String,
];

const TAGS: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "record" / "ID": String,
    "tag" / "タグ": String,
];

const REFERENCES: &[Column] = columns![
    "lg_code" / "団体コード": String,
    "id" / "ID": String,
    "kind" / "種類": String,
    "title" / "名称・内容": String,
    "parent" / "上位": String,
    "no" / "番号": Integer,
];

/// The tables.
#[derive(Clone, Debug)]
pub struct Tables {
    /// records, links, indicators, observations, decisions, tags, and the
    /// references every link that is not to a record joins.
    pub tables: Vec<FlatTable>,
}

/// The 分野, 領域, ビジョン items, 原則, 配慮 and national priorities, one row
/// each: with `records`, every `links.target` joins a row.
fn references(model: &Model, lg: &Cell) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let row = |id: &str, kind: &str, title: &str, parent: Option<&str>, no: Option<u32>| {
        vec![
            lg.clone(),
            Cell::text(id),
            Cell::text(kind),
            Cell::text(title),
            Cell::opt_text(parent),
            no.map_or(Cell::Empty, |n| Cell::Integer(i64::from(n))),
        ]
    };
    for f in &model.fields {
        rows.push(row(&f.id, "field", &f.name, None, None));
        for v in &f.vision {
            rows.push(row(&v.id, "vision", &v.text, Some(&f.id), Some(v.no)));
        }
    }
    for d in &model.domains {
        let field = d.field.map(|f| model.fields[f].id.as_str());
        rows.push(row(&d.id, "domain", &d.name, field, None));
    }
    for (kind, list) in [
        ("principle", &model.principles),
        ("consideration", &model.considerations),
        ("national", &model.national),
    ] {
        for r in list {
            rows.push(row(&r.id.value, kind, &r.title, None, None));
        }
    }
    rows
}

impl Tables {
    /// The tables of `model` as of `today`; `public`: public records only,
    /// and links between them.
    #[must_use]
    pub fn build(model: &Model, today: Date, public: bool) -> Self {
        let lg = Cell::opt_text(model.settings.lg_code.clone());
        let shown = |i: RecordIdx| !public || model.records[i].visibility() == Visibility::Public;
        let mut order: Vec<RecordIdx> = model
            .parsed_records()
            .map(|(i, _)| i)
            .filter(|&i| shown(i))
            .collect();
        order.sort_by(|&a, &b| {
            crate::model::ids::natural_cmp(&model.records[a].id, &model.records[b].id)
        });
        let (mut records, mut links, mut indicators, mut observations, mut decisions) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut tags = Vec::new();
        for &i in &order {
            let r = &model.records[i];
            let text = |v: Option<&crate::files::Sp<compact_str::CompactString>>| {
                Cell::opt_text(v.map(|x| x.value.to_string()))
            };
            let latest = r.latest_decision();
            let review = r.review_due().map(|d| d.value);
            let domain = r.domain.map(|d| &model.domains[d]);
            let field = r.field.map(|f| &model.fields[f]);
            let state = super::state(model, i);
            records.push(vec![
                lg.clone(),
                Cell::text(r.id.to_string()),
                Cell::text(r.kind.en()),
                Cell::text(r.title()),
                Cell::opt_text(field.map(|f| f.id.clone())),
                Cell::opt_text(field.map(|f| f.name.clone())),
                Cell::opt_text(domain.map(|d| d.id.clone())),
                Cell::opt_text(domain.map(|d| d.name.clone())),
                Cell::opt_text(r.stage().map(|s| s.as_str())),
                match state {
                    Some(super::State::Progress(p)) => Cell::text(p.as_str()),
                    _ => Cell::Empty,
                },
                text(r.owner.as_ref()),
                Cell::text(r.visibility().as_str()),
                Cell::text(
                    r.tags
                        .iter()
                        .map(|t| t.value.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                Cell::date(review),
                Cell::fiscal_year(review),
                text(r.team().and_then(|t| t.name.as_ref())),
                Cell::opt_text(
                    r.team()
                        .and_then(|t| t.kind.as_ref())
                        .map(|k| k.value.as_str()),
                ),
                text(r.team().and_then(|t| t.lead.as_ref())),
                text(r.product()),
                Cell::date(r.closed().and_then(|c| c.date.as_ref()).map(|d| d.value)),
                text(r.closed().and_then(|c| c.reason.as_ref())),
                Cell::date(latest.map(|(date, _)| date)),
                Cell::opt_text(
                    latest
                        .and_then(|(_, d)| d.result.as_ref())
                        .map(|x| x.value.as_str()),
                ),
                Cell::text(model.path_of(r)),
            ]);
            for (key, link, res) in model.distinct_links(i) {
                let target_shown = match res {
                    Resolution::Found(crate::model::Thing::Record(t)) => shown(t),
                    _ => true,
                };
                if target_shown {
                    links.push(vec![
                        lg.clone(),
                        Cell::text(r.id.to_string()),
                        Cell::text(key.key),
                        Cell::text(link.value.to_string()),
                    ]);
                }
            }
            // A tag written twice is one row (the table's key).
            for (n, t) in r.tags.iter().enumerate() {
                if r.tags[..n].iter().any(|u| u.value == t.value) {
                    continue;
                }
                tags.push(vec![
                    lg.clone(),
                    Cell::text(r.id.to_string()),
                    Cell::text(t.value.as_str()),
                ]);
            }
            for ind in r.indicators() {
                let a = model.assess(r, ind, today);
                let target_date = ind.target_date.as_ref().map(|d| d.value);
                indicators.push(vec![
                    lg.clone(),
                    Cell::text(r.id.to_string()),
                    Cell::text(r.title()),
                    Cell::text(ind.name()),
                    text(ind.unit.as_ref()),
                    Cell::number(ind.baseline.as_ref().map(|v| v.value)),
                    Cell::date(ind.baseline_date.as_ref().map(|d| d.value)),
                    Cell::number(ind.target.as_ref().map(|v| v.value)),
                    Cell::date(target_date),
                    Cell::fiscal_year(target_date),
                    Cell::number(a.current),
                    Cell::date(a.current_date),
                    Cell::number(a.attainment),
                    Cell::number(a.pace),
                    Cell::text(a.grade.letter()),
                ]);
                for o in &ind.observations {
                    let date = o.date.as_ref().map(|d| d.value);
                    observations.push(vec![
                        lg.clone(),
                        Cell::text(r.id.to_string()),
                        Cell::text(ind.name()),
                        Cell::date(date),
                        Cell::fiscal_year(date),
                        Cell::number(o.value.as_ref().map(|v| v.value)),
                        Cell::text(o.status.as_str()),
                        text(o.source()),
                        text(o.note()),
                    ]);
                }
            }
            for d in r.decisions() {
                let date = d.date.as_ref().map(|x| x.value);
                decisions.push(vec![
                    lg.clone(),
                    Cell::text(r.id.to_string()),
                    Cell::date(date),
                    Cell::fiscal_year(date),
                    Cell::opt_text(d.body.as_ref().map(|x| x.value.as_str())),
                    Cell::opt_text(d.result.as_ref().map(|x| x.value.as_str())),
                    text(d.note.as_ref()),
                ]);
            }
        }
        let record_key: &'static [(
            &'static [&'static str],
            &'static str,
            &'static [&'static str],
        )] = &[(&["lg_code", "record"], "records", &["lg_code", "id"])];
        Self {
            tables: vec![
                FlatTable {
                    name: "records",
                    sheet: "台帳",
                    columns: RECORDS,
                    primary_key: &["lg_code", "id"],
                    foreign_keys: &[],
                    rows: records,
                },
                FlatTable {
                    name: "links",
                    sheet: "リンク",
                    columns: LINKS,
                    primary_key: &["lg_code", "record", "key", "target"],
                    foreign_keys: record_key,
                    rows: links,
                },
                FlatTable {
                    name: "indicators",
                    sheet: "評価指標",
                    columns: INDICATORS,
                    primary_key: &["lg_code", "record", "indicator"],
                    foreign_keys: record_key,
                    rows: indicators,
                },
                FlatTable {
                    name: "observations",
                    sheet: "測定",
                    columns: OBSERVATIONS,
                    primary_key: &[],
                    foreign_keys: &[(
                        &["lg_code", "record", "indicator"],
                        "indicators",
                        &["lg_code", "record", "indicator"],
                    )],
                    rows: observations,
                },
                FlatTable {
                    name: "decisions",
                    sheet: "意思決定",
                    columns: DECISIONS,
                    primary_key: &[],
                    foreign_keys: record_key,
                    rows: decisions,
                },
                FlatTable {
                    name: "tags",
                    sheet: "タグ",
                    columns: TAGS,
                    primary_key: &["lg_code", "record", "tag"],
                    foreign_keys: record_key,
                    rows: tags,
                },
                FlatTable {
                    name: "references",
                    sheet: "参照",
                    columns: REFERENCES,
                    primary_key: &["lg_code", "id"],
                    foreign_keys: &[],
                    rows: references(model, &lg),
                },
            ],
        }
    }
}
