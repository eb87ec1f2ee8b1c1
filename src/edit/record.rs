//! One record file opened for editing: appended tables and changed values
//! through toml_edit, so comments, key order and everything else written
//! by hand stay; the result in `dx fmt`'s form, with the file's BOM and
//! line ends.

use jiff::civil::Date;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::format;
use crate::model::{Body, Kind, ObservationStatus, Outcome, Stage};

/// A record's text, parsed for editing.
pub struct RecordDoc {
    doc: DocumentMut,
    kind: Kind,
    bom: bool,
    crlf: bool,
}

/// A decision to append.
#[derive(Clone, Debug)]
pub struct NewDecision {
    /// When.
    pub date: Date,
    /// Which body decided.
    pub body: Body,
    /// What it decided.
    pub result: Outcome,
    /// A note.
    pub note: Option<String>,
}

/// An observation to append.
#[derive(Clone, Debug)]
pub struct NewObservation {
    /// When.
    pub date: Date,
    /// What was measured; none when it could not be.
    pub value: Option<f64>,
    /// 確定 unless said otherwise (then not written).
    pub status: ObservationStatus,
    /// Where the number comes from.
    pub source: Option<String>,
    /// A note.
    pub note: Option<String>,
}

fn date_value(d: Date) -> toml_edit::Value {
    // A TOML local date, not a string.
    let datetime = toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(d.year()).unwrap_or(0),
            month: u8::try_from(d.month()).unwrap_or(1),
            day: u8::try_from(d.day()).unwrap_or(1),
        }),
        time: None,
        offset: None,
    };
    toml_edit::Value::Datetime(toml_edit::Formatted::new(datetime))
}

impl RecordDoc {
    /// Open a record's bytes; `None` when they are not UTF-8 TOML (the
    /// writers refuse such a file: `dx check` reports it).
    #[must_use]
    pub fn open(bytes: &[u8], kind: Kind) -> Option<Self> {
        let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (true, rest),
            None => (false, bytes),
        };
        let text = std::str::from_utf8(body).ok()?;
        let crlf = crate::files::all_crlf(text);
        let doc: DocumentMut = if crlf {
            text.replace("\r\n", "\n").parse().ok()?
        } else {
            text.parse().ok()?
        };
        Some(Self {
            doc,
            kind,
            bom,
            crlf,
        })
    }

    /// The stage as written, if it is one.
    #[must_use]
    pub fn stage(&self) -> Option<Stage> {
        self.doc.get("stage")?.as_str().and_then(Stage::parse)
    }

    /// Set `stage`, keeping the comment around it.
    pub fn set_stage(&mut self, stage: Stage) {
        set_keeping_decor(self.doc.as_table_mut(), "stage", value(stage.as_str()));
    }

    /// Set `review_due`.
    pub fn set_review_due(&mut self, date: Date) {
        set_keeping_decor(
            self.doc.as_table_mut(),
            "review_due",
            Item::Value(date_value(date)),
        );
    }

    /// Append a `[[decision]]`.
    pub fn push_decision(&mut self, d: &NewDecision) {
        let mut t = Table::new();
        t.insert("date", Item::Value(date_value(d.date)));
        t.insert("body", value(d.body.as_str()));
        t.insert("result", value(d.result.as_str()));
        if let Some(note) = &d.note {
            t.insert("note", value(note.as_str()));
        }
        push_table(self.doc.as_table_mut(), "decision", t);
    }

    /// Append an observation to the indicator at `index`; false when the
    /// file has no such `[[indicator]]`.
    pub fn push_observation(&mut self, index: usize, o: &NewObservation) -> bool {
        let Some(Item::ArrayOfTables(indicators)) = self.doc.get_mut("indicator") else {
            return false;
        };
        let Some(indicator) = indicators.get_mut(index) else {
            return false;
        };
        upgrade_actual(indicator);
        let mut t = Table::new();
        t.insert("date", Item::Value(date_value(o.date)));
        if let Some(v) = o.value {
            t.insert("value", value(v));
        }
        if o.status != ObservationStatus::Final {
            t.insert("status", value(o.status.as_str()));
        }
        if let Some(source) = &o.source {
            t.insert("source", value(source.as_str()));
        }
        if let Some(note) = &o.note {
            t.insert("note", value(note.as_str()));
        }
        push_table(indicator, "observation", t);
        true
    }

    /// The file's new bytes: `dx fmt`'s form, BOM and line ends as they were.
    #[must_use]
    pub fn finish(self) -> Vec<u8> {
        let text = self.doc.to_string();
        let mut text = format::format_record(&text, self.kind).unwrap_or(text);
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(text.as_bytes());
        out
    }
}

/// A first-edition indicator (`actual` + `measured`) gets a history: its
/// one measurement becomes the first `[[indicator.observation]]`, since an
/// indicator cannot have both (SPEC §6.1). Without `measured` it is left
/// as it is (`dx check` already asks for the date).
fn upgrade_actual(indicator: &mut Table) {
    let (Some(actual), Some(measured)) = (
        indicator.get("actual").and_then(Item::as_value).cloned(),
        indicator.get("measured").and_then(Item::as_value).cloned(),
    ) else {
        return;
    };
    if indicator.contains_key("observation") {
        return;
    }
    indicator.remove("actual");
    indicator.remove("measured");
    let mut first = Table::new();
    first.insert("date", Item::Value(measured.decorated("", "")));
    first.insert("value", Item::Value(actual.decorated("", "")));
    push_table(indicator, "observation", first);
}

/// Append `t` to the array of tables at `key`, made when missing (a key
/// of another type there is `dx check`'s to report; the writers refuse
/// such a file before they get here).
fn push_table(table: &mut Table, key: &str, t: Table) {
    if !matches!(table.get(key), Some(Item::ArrayOfTables(_))) {
        table.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    if let Some(Item::ArrayOfTables(a)) = table.get_mut(key) {
        a.push(t);
    }
}

/// Replace a value, keeping the comments before and after it.
fn set_keeping_decor(table: &mut Table, key: &str, new: Item) {
    let decor = table
        .get(key)
        .and_then(Item::as_value)
        .map(|v| v.decor().clone());
    table.insert(key, new);
    if let (Some(decor), Some(v)) = (decor, table.get_mut(key).and_then(Item::as_value_mut)) {
        *v.decor_mut() = decor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "\u{FEFF}# 手法のメモ\r\ntitle = \"書かない窓口\"\r\nsolves = [\"K-003\"]\r\nprinciples = [\"P1\"]\r\nstage = \"実証実験\"  # いまの段階\r\n\r\n[[indicator]]\r\nname = \"手書き枚数\"\r\nbaseline = 7.0\r\ntarget = 1.0\r\n";

    #[test]
    fn keeps_comments_bom_and_line_ends() {
        let mut doc = RecordDoc::open(SRC.as_bytes(), Kind::Method).expect("opens");
        doc.set_stage(Stage::Decided);
        doc.push_decision(&NewDecision {
            date: Date::constant(2026, 12, 15),
            body: Body::parse("推進本部").expect("body"),
            result: Outcome::Adopt,
            note: Some("全窓口に広げる".into()),
        });
        assert!(doc.push_observation(
            0,
            &NewObservation {
                date: Date::constant(2026, 11, 30),
                value: Some(2.5),
                status: ObservationStatus::Preliminary,
                source: None,
                note: None,
            }
        ));
        assert!(!doc.push_observation(
            3,
            &NewObservation {
                date: Date::constant(2026, 11, 30),
                value: None,
                status: ObservationStatus::Final,
                source: None,
                note: None,
            }
        ));
        let out = String::from_utf8(doc.finish()).expect("utf-8");
        assert_eq!(
            out,
            "\u{FEFF}# 手法のメモ\r\ntitle = \"書かない窓口\"\r\nsolves = [\"K-003\"]\r\nprinciples = [\"P1\"]\r\nstage = \"導入決定\"  # いまの段階\r\n\r\n[[indicator]]\r\nname = \"手書き枚数\"\r\nbaseline = 7.0\r\ntarget = 1.0\r\n\r\n[[indicator.observation]]\r\ndate = 2026-11-30\r\nvalue = 2.5\r\nstatus = \"速報\"\r\n\r\n[[decision]]\r\ndate = 2026-12-15\r\nbody = \"推進本部\"\r\nresult = \"導入\"\r\nnote = \"全窓口に広げる\"\r\n"
        );
    }
}
