//! A report as a document: headings, lines of text, key–value lists, tables
//! and outlines, in the user's language. The table, Markdown and CSV
//! renderers read this; JSON is the report's own data instead.

/// One part of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A line of text.
    Text(String),
    /// Labelled values (one record's facts).
    Facts(Vec<(String, String)>),
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

/// A table with a header row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column headings.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// Columns holding numbers (right-aligned in text).
    pub numeric: Vec<usize>,
    /// Whether the last row is a totals row.
    pub totals: bool,
    /// Columns shortened to a number of characters in terminal tables
    /// (Markdown, CSV and JSON keep the whole text).
    pub clip: Vec<(usize, usize)>,
    /// Columns that name things as people read them (a ビジョン item as
    /// 暮らし手続き④, a 領域 by its name), with the IDs that CSV and
    /// spreadsheets write in their place: (column, one ID per row).
    pub ids: Vec<(usize, Vec<String>)>,
    /// Columns for spreadsheets and data (CSV, xlsx), left out of the
    /// terminal and Markdown tables, which would grow too wide to read.
    pub detail: Vec<usize>,
    /// Columns whose cells are dates (ISO) or percentages (`37%`), for the
    /// formats that type their cells (xlsx); numbers are [`Table::numeric`].
    pub types: Vec<(usize, ColumnType)>,
    /// The names `--table` knows this table by besides its number and
    /// heading: an English key and a Japanese word (`issues`, `課題`), the
    /// same in every output language.
    pub key: Option<(&'static str, &'static str)>,
}

impl Table {
    /// Row `r` as data formats write it: IDs where people read names.
    #[must_use]
    pub fn data_row(&self, r: usize) -> Vec<&str> {
        let mut row: Vec<&str> = self.rows[r].iter().map(String::as_str).collect();
        for (c, ids) in &self.ids {
            if let (Some(cell), Some(id)) = (row.get_mut(*c), ids.get(r)) {
                *cell = id;
            }
        }
        row
    }
}

/// What a column's cells hold, beyond text and numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// An ISO date (`2026-03-31`), or empty.
    Date,
    /// A percentage as shown (`37%`), or `—`.
    Percent,
    /// A number in the data formats (the 年度 as 2019), whatever people
    /// read in its place (令和元年度): typed, not aligned as a number.
    Number,
}

impl Table {
    /// What column `c` holds.
    #[must_use]
    pub fn type_of(&self, c: usize) -> Option<ColumnType> {
        self.types.iter().find(|(i, _)| *i == c).map(|(_, t)| *t)
    }
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
    /// What follows it.
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Show every date in `style`: each table cell and fact that is a date
    /// and nothing else (`2026-03-31`) becomes `令和8年3月31日` or both. Reports
    /// write ISO dates; this is the one place the human formats change them
    /// (CSV and JSON keep ISO, SPEC §6.3).
    #[must_use]
    pub fn with_dates(mut self, style: crate::calendar::DateStyle) -> Self {
        if style == crate::calendar::DateStyle::Iso {
            return self;
        }
        let convert = |cell: &mut String| *cell = style.show_text(cell);
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
                let pick = |row: &[String]| -> Vec<String> {
                    keep.iter().filter_map(|&c| row.get(c).cloned()).collect()
                };
                t.headers = pick(&t.headers);
                t.rows = t.rows.iter().map(|r| pick(r)).collect();
                t.numeric = t.numeric.iter().filter_map(|&c| new_index(c)).collect();
                t.clip = t
                    .clip
                    .iter()
                    .filter_map(|&(c, n)| Some((new_index(c)?, n)))
                    .collect();
                t.types = t
                    .types
                    .iter()
                    .filter_map(|&(c, k)| Some((new_index(c)?, k)))
                    .collect();
                t.ids = std::mem::take(&mut t.ids)
                    .into_iter()
                    .filter_map(|(c, ids)| Some((new_index(c)?, ids)))
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
            blocks: vec![block],
        })
    }

    /// A document with a title.
    #[must_use]
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            blocks: Vec::new(),
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
