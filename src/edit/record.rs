//! One record file opened for editing through toml_edit: a writer changes
//! only the lines of what it records (SPEC §7.1). Values are replaced in
//! place (the key, its comments and its spacing stay), tables are appended
//! after their kind's last one, and nothing else is re-laid: the file is
//! never reformatted, so a `dx fmt`-clean file stays clean and a hand-laid
//! one keeps its layout. BOM and line ends are kept.

use jiff::civil::Date;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::format;
use crate::model::{Body, Kind, ObservationStatus, Outcome, Stage};

/// A record's text, parsed for editing.
pub struct RecordDoc {
    doc: DocumentMut,
    kind: Kind,
    /// The text as opened (LF line ends): whether it was `dx fmt`-clean
    /// decides where a key it did not have goes.
    original: String,
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
    /// 付議: the higher body it goes to.
    pub to: Option<Body>,
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

fn date_value(d: Date) -> Value {
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
    Value::Datetime(toml_edit::Formatted::new(datetime))
}

/// A TOML string value of `s`, escaped as [`crate::files::toml_string`]
/// says.
#[must_use]
pub fn string_value(s: &str) -> Value {
    // Valid by construction; the plain constructor is the fallback all the
    // same (it escapes controls, only not the bidi ones).
    crate::files::toml_string(s)
        .parse::<Value>()
        .unwrap_or_else(|_| Value::from(s))
}

fn item_date(t: &Table, key: &str) -> Option<Date> {
    let d = t.get(key)?.as_datetime()?;
    let (Some(date), None, None) = (d.date, d.time, d.offset) else {
        return None;
    };
    Date::new(
        i16::try_from(date.year).ok()?,
        i8::try_from(date.month).ok()?,
        i8::try_from(date.day).ok()?,
    )
    .ok()
}

fn item_number(t: &Table, key: &str) -> Option<f64> {
    let v = t.get(key)?;
    #[allow(clippy::cast_precision_loss)]
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
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
        let original = if crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_owned()
        };
        let doc: DocumentMut = original.parse().ok()?;
        Some(Self {
            doc,
            kind,
            original,
            bom,
            crlf,
        })
    }

    /// The stage as written, if it is one.
    #[must_use]
    pub fn stage(&self) -> Option<Stage> {
        self.doc.get("stage")?.as_str().and_then(Stage::parse)
    }

    /// Set `stage` in place.
    pub fn set_stage(&mut self, stage: Stage) {
        set_in_place(
            self.doc.as_table_mut(),
            "stage",
            string_value(stage.as_str()),
        );
    }

    /// Set `review_due` in place (added after the root's keys when absent).
    pub fn set_review_due(&mut self, date: Date) {
        set_in_place(self.doc.as_table_mut(), "review_due", date_value(date));
    }

    /// A 課題's `reviewed` date as written, if any.
    #[must_use]
    pub fn reviewed(&self) -> Option<Date> {
        item_date(self.doc.as_table(), "reviewed")
    }

    /// Set a 課題's `reviewed` in place (added after the root's keys when
    /// absent).
    pub fn set_reviewed(&mut self, date: Date) {
        set_in_place(self.doc.as_table_mut(), "reviewed", date_value(date));
    }

    /// Whether a decision of this date, body and result is in the file.
    #[must_use]
    pub fn has_decision(&self, d: &NewDecision) -> bool {
        let Some(Item::ArrayOfTables(decisions)) = self.doc.get("decision") else {
            return false;
        };
        decisions.iter().any(|t| {
            item_date(t, "date") == Some(d.date)
                && t.get("body").and_then(Item::as_str) == Some(d.body.as_str())
                && t.get("result").and_then(Item::as_str) == Some(d.result.as_str())
        })
    }

    /// Append a `[[decision]]` after the file's last one.
    pub fn push_decision(&mut self, d: &NewDecision) {
        let mut t = Table::new();
        t.insert("date", Item::Value(date_value(d.date)));
        t.insert("body", Item::Value(string_value(d.body.as_str())));
        t.insert("result", Item::Value(string_value(d.result.as_str())));
        if let Some(to) = d.to {
            t.insert("to", Item::Value(string_value(to.as_str())));
        }
        if let Some(note) = &d.note {
            t.insert("note", Item::Value(string_value(note)));
        }
        self.push_root_table("decision", t);
    }

    /// Append a table of the root's array `key`. The first one goes after
    /// the comments that end the file (a `dx new` template's hints), not
    /// between the last key and them: a hint uncommented later must not
    /// land inside the new table.
    fn push_root_table(&mut self, key: &str, mut t: Table) {
        let first = !matches!(self.doc.get(key), Some(Item::ArrayOfTables(_)));
        let trailing = self.doc.trailing().as_str().unwrap_or("").to_owned();
        if first && !trailing.trim().is_empty() {
            let mut prefix = trailing;
            if !prefix.ends_with('\n') {
                prefix.push('\n');
            }
            prefix.push('\n');
            t.decor_mut().set_prefix(prefix);
            self.doc.set_trailing("");
        }
        push_table(self.doc.as_table_mut(), key, t);
    }

    /// The value recorded for the indicator at `index` on `date`: `None`
    /// when nothing is, `Some(None)` for an observation without a value.
    #[must_use]
    pub fn observation_on(&self, index: usize, date: Date) -> Option<Option<f64>> {
        let indicator = self.indicator(index)?;
        if item_date(indicator, "measured") == Some(date) {
            return Some(item_number(indicator, "actual"));
        }
        let Some(Item::ArrayOfTables(observations)) = indicator.get("observation") else {
            return None;
        };
        observations
            .iter()
            .filter(|t| item_date(t, "date") == Some(date))
            .last()
            .map(|t| item_number(t, "value"))
    }

    fn indicator(&self, index: usize) -> Option<&Table> {
        match self.doc.get("indicator") {
            Some(Item::ArrayOfTables(a)) => a.get(index),
            _ => None,
        }
    }

    fn indicator_mut(&mut self, index: usize) -> Option<&mut Table> {
        match self.doc.get_mut("indicator") {
            Some(Item::ArrayOfTables(a)) => a.get_mut(index),
            _ => None,
        }
    }

    /// Append an observation to the indicator at `index`; false when the
    /// file has no such `[[indicator]]`.
    pub fn push_observation(&mut self, index: usize, o: &NewObservation) -> bool {
        let Some(indicator) = self.indicator_mut(index) else {
            return false;
        };
        upgrade_actual(indicator);
        let mut t = Table::new();
        t.insert("date", Item::Value(date_value(o.date)));
        fill_observation(&mut t, o);
        push_table(indicator, "observation", t);
        true
    }

    /// Replace the observation of `o.date` (`--replace`): its value,
    /// status, source and note, each in place.
    pub fn replace_observation(&mut self, index: usize, o: &NewObservation) {
        let Some(indicator) = self.indicator_mut(index) else {
            return;
        };
        upgrade_actual(indicator);
        let Some(Item::ArrayOfTables(observations)) = indicator.get_mut("observation") else {
            return;
        };
        if let Some(t) = observations
            .iter_mut()
            .filter(|t| item_date(t, "date") == Some(o.date))
            .last()
        {
            // The value and status are what is replaced; a source or note
            // stays unless a new one is given.
            if o.value.is_none() {
                t.remove("value");
            }
            if o.status == ObservationStatus::Final {
                t.remove("status");
            }
            fill_observation(t, o);
        }
    }

    /// The file's new bytes, BOM and line ends as they were. A file that
    /// was `dx fmt`-clean is laid out as `dx fmt` would (a key it did not
    /// have, such as a first `review_due`, goes to its place in the key
    /// order; nothing else moves, since everything else was in order); any
    /// other file keeps its own layout and gets the new key after its
    /// others.
    #[must_use]
    pub fn finish(self) -> Vec<u8> {
        let mut text = self.doc.to_string();
        let clean =
            format::format_record(&self.original, self.kind).is_some_and(|f| f == self.original);
        if clean && let Some(formatted) = format::format_record(&text, self.kind) {
            text = formatted;
        }
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

/// The keys of an observation after its date, in `dx fmt`'s order; a key
/// the table has already is set in place.
fn fill_observation(t: &mut Table, o: &NewObservation) {
    if let Some(v) = o.value {
        set_in_place(t, "value", Value::from(v));
    }
    if o.status != ObservationStatus::Final {
        set_in_place(t, "status", string_value(o.status.as_str()));
    }
    if let Some(source) = &o.source {
        set_in_place(t, "source", string_value(source));
    }
    if let Some(note) = &o.note {
        set_in_place(t, "note", string_value(note));
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
    first.insert("date", Item::Value(measured.decorated(" ", "")));
    first.insert("value", Item::Value(actual.decorated(" ", "")));
    push_table(indicator, "observation", first);
}

/// Append `t` to the array of tables at `key`, made when missing (a key
/// of another type there is `dx check`'s to report; the writers refuse
/// such a file before they get here). toml_edit lays a table without a
/// position right after the last positioned table it visited before it,
/// which for an appended entry is the last of its array.
fn push_table(table: &mut Table, key: &str, t: Table) {
    if !matches!(table.get(key), Some(Item::ArrayOfTables(_))) {
        table.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    if let Some(Item::ArrayOfTables(a)) = table.get_mut(key) {
        a.push(t);
    }
}

/// Replace a value where it stands: the key (and the comment lines above
/// it, which toml_edit keeps with the key), the spacing around `=` and a
/// comment after the value all stay. A new key goes after the table's
/// other keys.
fn set_in_place(table: &mut Table, key: &str, new: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
        _ => {
            table.insert(key, Item::Value(new));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "\u{FEFF}# 手法のメモ\r\ntitle = \"書かない窓口\"\r\nsolves = [\"K-003\"]\r\nprinciples = [\"P1\"]\r\nstage = \"実証実験\"  # いまの段階\r\n\r\n[[indicator]]\r\nname = \"手書き枚数\"\r\nbaseline = 7.0\r\ntarget = 1.0\r\n";

    #[test]
    fn keeps_comments_bom_and_line_ends() -> Result<(), Box<dyn std::error::Error>> {
        let mut doc = RecordDoc::open(SRC.as_bytes(), Kind::Method).ok_or("opens")?;
        doc.set_stage(Stage::Decided);
        doc.push_decision(&NewDecision {
            date: Date::constant(2026, 12, 15),
            body: Body::Headquarters,
            result: Outcome::Adopt,
            to: None,
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
        let out = String::from_utf8(doc.finish())?;
        assert_eq!(
            out,
            "\u{FEFF}# 手法のメモ\r\ntitle = \"書かない窓口\"\r\nsolves = [\"K-003\"]\r\nprinciples = [\"P1\"]\r\nstage = \"導入決定\"  # いまの段階\r\n\r\n[[indicator]]\r\nname = \"手書き枚数\"\r\nbaseline = 7.0\r\ntarget = 1.0\r\n\r\n[[indicator.observation]]\r\ndate = 2026-11-30\r\nvalue = 2.5\r\nstatus = \"速報\"\r\n\r\n[[decision]]\r\ndate = 2026-12-15\r\nbody = \"推進本部\"\r\nresult = \"導入\"\r\nnote = \"全窓口に広げる\"\r\n"
        );
        Ok(())
    }
}
