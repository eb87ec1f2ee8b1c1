//! A report as a document: headings, lines of text, key–value lists, tables
//! and outlines, in the user's language, every value a typed [`Cell`]. The
//! table, Markdown, CSV, HTML and workbook renderers read this and format
//! each cell by its type; JSON is the report's own data instead.

use std::borrow::Cow;

use jiff::civil::Date;

/// One part of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A line of text.
    Text(String),
    /// Labelled values (one record's facts).
    Facts(Vec<(String, Cell)>),
    /// A table.
    Table(Table),
    /// An indented outline: (depth from 0, line).
    Outline(Vec<(usize, String)>),
    /// What follows, up to [`Block::FoldEnd`], is folded under this summary
    /// where the format can fold (Markdown and HTML `<details>`).
    FoldStart(String),
    /// The end of a fold.
    FoldEnd,
    /// A closing line for people (`55 件`), left out of CSV.
    Trailer(String),
}

/// One value of a table or a list of facts: what people read, typed, so
/// that each renderer formats it by what it is (a date as a date in a
/// workbook and in the user's calendar on a screen, an ID kept on one line)
/// instead of guessing from its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Words, as they are.
    Text(String),
    /// A record's ID (`K-001`): one unbreakable word.
    Id(String),
    /// A thing people read by its name (the ビジョン item 暮らし手続き④, a
    /// 領域's name) and data formats by its ID (boxed: a cell stays 32
    /// bytes, and a list of a hundred thousand records has 1.2 million).
    Named(Box<Named>),
    /// A date: ISO in data, the user's calendar for people.
    Date(Date),
    /// A number, written without `.0` when whole.
    Number(f64),
    /// A ratio as a percentage, cut and not rounded (`37%`); `—` when none
    /// can be worked out.
    Percent(Option<f64>),
    /// A ratio with two decimals (`0.85`).
    Ratio(f64),
    /// A 年度: its number (2019) in data, what people read (令和元年度) on
    /// a screen.
    Year {
        /// As people read it.
        shown: Box<str>,
        /// The 年度.
        year: i16,
    },
}

/// A thing people read by its name, with its ID.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// As people read it.
    pub name: String,
    /// As CSV and spreadsheets write it.
    pub id: String,
}

impl Cell {
    /// An empty cell.
    #[must_use]
    pub fn empty() -> Self {
        Self::Text(String::new())
    }

    /// A thing read by `name`, written by `id` in data formats.
    #[must_use]
    pub fn named(name: String, id: String) -> Self {
        Self::Named(Box::new(Named { name, id }))
    }

    /// A 年度: `shown` on a screen, `year` in data.
    #[must_use]
    pub fn year(shown: String, year: i16) -> Self {
        Self::Year {
            shown: shown.into(),
            year,
        }
    }

    /// A date written in ISO form (as reports keep dates), or the text as
    /// it is when it is not one (a date a record wrote wrong stays visible).
    #[must_use]
    pub fn date(iso: &str) -> Self {
        match iso.parse::<Date>() {
            Ok(d) if iso.len() == 10 => Self::Date(d),
            _ => Self::Text(iso.to_owned()),
        }
    }

    /// A date when there is one, else an empty cell.
    #[must_use]
    pub fn opt_date(iso: Option<&str>) -> Self {
        iso.map_or_else(Self::empty, Self::date)
    }

    /// A number when there is one, else an empty cell.
    #[must_use]
    pub fn opt_number(n: Option<f64>) -> Self {
        n.map_or_else(Self::empty, Self::Number)
    }

    /// A count.
    #[must_use]
    pub fn count(n: usize) -> Self {
        Self::Number(n as f64)
    }

    /// What people read (dates in ISO form until [`Doc::with_dates`]).
    #[must_use]
    pub fn shown(&self) -> Cow<'_, str> {
        match self {
            Self::Text(s) | Self::Id(s) => Cow::Borrowed(s),
            Self::Named(n) => Cow::Borrowed(&n.name),
            Self::Year { shown, .. } => Cow::Borrowed(shown),
            Self::Date(d) => Cow::Owned(d.to_string()),
            Self::Number(n) => Cow::Owned(number(*n)),
            Self::Percent(r) => Cow::Owned(percent(*r)),
            Self::Ratio(r) => Cow::Owned(format!("{:.2}", crate::vocab::cut(*r, 2))),
        }
    }

    /// What data formats (CSV) write: IDs where people read names, the
    /// 年度's number, ISO dates.
    #[must_use]
    pub fn data(&self) -> Cow<'_, str> {
        match self {
            Self::Named(n) => Cow::Borrowed(&n.id),
            Self::Year { year, .. } => Cow::Owned(year.to_string()),
            _ => self.shown(),
        }
    }

    /// Whether it holds nothing to show.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Text(s) if s.is_empty())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

/// `12%` from a ratio, cut and not rounded (SPEC §7.2: 99.6 % is not yet
/// 100 %); `—` when there is none.
#[must_use]
pub fn percent(ratio: Option<f64>) -> String {
    ratio.map_or_else(
        || "—".to_owned(),
        |r| format!("{:.0}%", crate::vocab::cut(r * 100.0, 0)),
    )
}

/// A number as written by people: no `.0` on whole numbers.
#[must_use]
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// A table with a header row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column headings.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
    /// Columns holding numbers (right-aligned in text).
    pub numeric: Vec<usize>,
    /// Whether the last row is a totals row.
    pub totals: bool,
    /// Columns shortened to a number of characters in terminal tables
    /// (Markdown, CSV and JSON keep the whole text).
    pub clip: Vec<(usize, usize)>,
    /// Columns for spreadsheets and data (CSV, xlsx), left out of the
    /// terminal and Markdown tables, which would grow too wide to read.
    pub detail: Vec<usize>,
    /// The names `--table` knows this table by besides its number and
    /// heading: an English key and a Japanese word (`issues`, `課題`), the
    /// same in every output language.
    pub key: Option<(&'static str, &'static str)>,
}

/// One table of a document as data formats take it (`--table`): a table,
/// a list of labelled values or an outline, with the heading before it.
#[derive(Clone, Copy, Debug)]
pub struct Section<'a> {
    /// Its number, from 1, in document order.
    pub number: usize,
    /// The heading it stands under (the document's title when none).
    pub heading: &'a str,
    /// The block.
    pub block: &'a Block,
}

impl Section<'_> {
    /// Whether `wanted` names this section: its number, its key or word,
    /// or its heading.
    #[must_use]
    pub fn is(&self, wanted: &str) -> bool {
        let wanted = wanted.trim();
        if wanted.parse() == Ok(self.number) || wanted == self.heading {
            return true;
        }
        matches!(self.block, Block::Table(Table { key: Some((key, word)), .. })
            if wanted.eq_ignore_ascii_case(key) || wanted == *word)
    }

    /// How `--table` may name it, for a list of the choices: its number,
    /// its heading, and its short name in the output's language (the
    /// Japanese word when `japanese`, else the English key).
    #[must_use]
    pub fn label(&self, japanese: bool) -> String {
        match self.block {
            Block::Table(Table {
                key: Some((key, word)),
                ..
            }) => {
                let name = if japanese { word } else { key };
                format!("{}: {name}({})", self.number, self.heading)
            }
            _ => format!("{}: {}", self.number, self.heading),
        }
    }
}

/// A whole report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    /// The title line.
    pub title: String,
    /// The date the title names, written in it in ISO form (the gap's
    /// 基準日, the meeting's day): shown in the user's calendar with the
    /// rest of the dates.
    pub title_date: Option<Date>,
    /// What follows it.
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Show every date cell in `style` (`令和8年3月31日` or both). Reports
    /// hold dates as dates; this is the one place the human formats change
    /// how they read (CSV, JSON and workbooks keep dates, SPEC §6.3).
    #[must_use]
    pub fn with_dates(mut self, style: crate::calendar::DateStyle) -> Self {
        if style == crate::calendar::DateStyle::Iso {
            return self;
        }
        let convert = |cell: &mut Cell| {
            if let Cell::Date(d) = cell {
                *cell = Cell::Text(style.show(*d));
            }
        };
        if let Some(d) = self.title_date {
            self.title = self.title.replace(&d.to_string(), &style.show(d));
        }
        for block in &mut self.blocks {
            match block {
                Block::Facts(facts) => facts.iter_mut().for_each(|(_, v)| convert(v)),
                Block::Table(t) => t.rows.iter_mut().flatten().for_each(convert),
                Block::Heading(_)
                | Block::Text(_)
                | Block::Outline(_)
                | Block::FoldStart(_)
                | Block::FoldEnd
                | Block::Trailer(_) => {}
            }
        }
        self
    }

    /// The document as people read it on a screen or in Markdown: each
    /// table without its [`Table::detail`] columns.
    #[must_use]
    pub fn without_detail(mut self) -> Self {
        for block in &mut self.blocks {
            if let Block::Table(t) = block
                && !t.detail.is_empty()
            {
                let keep: Vec<usize> = (0..t.headers.len())
                    .filter(|c| !t.detail.contains(c))
                    .collect();
                let new_index = |c: usize| keep.iter().position(|&k| k == c);
                let pick = |row: &mut Vec<Cell>| {
                    let mut old = std::mem::take(row).into_iter().enumerate();
                    *row = old
                        .by_ref()
                        .filter_map(|(c, cell)| keep.contains(&c).then_some(cell))
                        .collect();
                };
                t.headers = keep
                    .iter()
                    .filter_map(|&c| t.headers.get(c).cloned())
                    .collect();
                t.rows.iter_mut().for_each(pick);
                t.numeric = t.numeric.iter().filter_map(|&c| new_index(c)).collect();
                t.clip = t
                    .clip
                    .iter()
                    .filter_map(|&(c, n)| Some((new_index(c)?, n)))
                    .collect();
                t.detail.clear();
            }
        }
        self
    }

    /// Its tables, lists of values and outlines, each with its heading.
    #[must_use]
    pub fn sections(&self) -> Vec<Section<'_>> {
        let mut heading = self.title.as_str();
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Heading(h) | Block::FoldStart(h) => heading = h,
                Block::Table(_) | Block::Facts(_) | Block::Outline(_) => out.push(Section {
                    number: out.len() + 1,
                    heading,
                    block,
                }),
                Block::Text(_) | Block::FoldEnd | Block::Trailer(_) => {}
            }
        }
        out
    }

    /// The document cut to the one section `wanted` names, its title kept
    /// and its heading left out (one table alone is the whole sheet: its
    /// header row comes first). `None` when no section has that name.
    #[must_use]
    pub fn select(&self, wanted: &str) -> Option<Doc> {
        let block = self
            .sections()
            .into_iter()
            .find(|s| s.is(wanted))?
            .block
            .clone();
        Some(Doc {
            title: self.title.clone(),
            title_date: self.title_date,
            blocks: vec![block],
        })
    }

    /// A document with a title.
    #[must_use]
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            title_date: None,
            blocks: Vec::new(),
        }
    }

    /// A document whose title names `date` (written in it in ISO form).
    #[must_use]
    pub fn dated(title: impl Into<String>, date: Date) -> Self {
        Self {
            title_date: Some(date),
            ..Self::new(title)
        }
    }

    /// Add a heading.
    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
    }

    /// Add a line of text.
    pub fn text(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Text(s.into()));
    }

    /// Add a table, with `empty` as text before it when it has no rows:
    /// people read the text (renderers for people skip an empty table),
    /// data formats get the header row of the table `--table` names.
    pub fn table_or(&mut self, table: Table, empty: &str) {
        if table.rows.is_empty() {
            self.text(empty);
        }
        self.blocks.push(Block::Table(table));
    }
}

/// Shorten `s` to `max` characters with an ellipsis, for table cells.
#[must_use]
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of a hundred thousand records holds 1.2 million cells: a
    /// cell is no bigger than the text it mostly is.
    #[test]
    fn a_cell_stays_small() {
        assert!(
            size_of::<Cell>() <= 32,
            "Cell is {} bytes",
            size_of::<Cell>()
        );
    }
}
