//! Reading a parsed TOML table into typed values, one finding per problem.
//!
//! Every getter reports what is wrong with its key (missing, wrong type, out
//! of vocabulary) and returns `None`, so that one pass over a file collects
//! all of its schema findings instead of stopping at the first.

use std::ops::Range;

use compact_str::CompactString;
use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::LinkList;
use crate::diag::RuleId;
use crate::diag::{Diagnostic, Message, ValueType};
use crate::files::{FileId, Loc, Sp, Span};
use crate::suggest;

/// A table with its span and its key path for messages (`team.` …).
#[derive(Clone, Copy)]
pub(crate) struct Table<'t, 'i> {
    pub table: &'t DeTable<'i>,
    pub span: (usize, usize),
    pub prefix: &'t str,
}

impl<'t, 'i> Table<'t, 'i> {
    /// A table found at `span` under the key path `prefix` (`team.` …).
    pub(crate) fn nested(
        table: &'t DeTable<'i>,
        span: &std::ops::Range<usize>,
        prefix: &'t str,
    ) -> Self {
        Self {
            table,
            span: (span.start, span.end),
            prefix,
        }
    }
}

/// Collects the findings of reading one file.
pub(crate) struct Reader<'r> {
    pub file: FileId,
    pub record: Option<&'r str>,
    pub diags: Vec<Diagnostic>,
}

impl<'r> Reader<'r> {
    pub(super) fn new(file: FileId, record: Option<&'r str>) -> Self {
        Self {
            file,
            record,
            diags: Vec::new(),
        }
    }

    /// Where `range` stands, for a value kept in the model.
    pub(super) fn loc(&self, range: Range<usize>) -> Loc {
        Loc::new(range)
    }

    /// The span of a value read from this file, for a finding.
    pub(super) fn at(&self, loc: Loc) -> Span {
        loc.in_file(self.file)
    }

    pub(super) fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.file, range)
    }

    pub(super) fn push(&mut self, rule: RuleId, range: Range<usize>, message: Message) {
        let d = Diagnostic::new(rule, self.span(range), message).with_record(self.record);
        self.diags.push(d);
    }

    /// Report every key of `t` that is not in `known`, suggesting the nearest.
    pub(super) fn check_keys(&mut self, t: Table<'_, '_>, known: &[&'static str]) {
        for (key, _) in t.table {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                let suggestion = suggest::nearest(name, known.iter().copied()).map(str::to_owned);
                self.push(
                    RuleId::UnknownKey,
                    key.span(),
                    Message::UnknownKey {
                        key: format!("{}{name}", t.prefix),
                        suggestion,
                    },
                );
            }
        }
    }

    fn get<'t, 'i>(
        &mut self,
        t: Table<'t, 'i>,
        key: &str,
        required: bool,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        // A record's tables have a dozen keys or so: comparing them is
        // cheaper than hashing the key (SipHash) for every look-up.
        let value = if t.table.len() <= 24 {
            t.table
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == key)
                .map(|(_, v)| v)
        } else {
            t.table.get(key)
        };
        if value.is_none() && required {
            self.push(
                RuleId::MissingKey,
                t.span.0..t.span.1,
                Message::MissingKey {
                    key: format!("{}{key}", t.prefix),
                },
            );
        }
        value
    }

    fn wrong_type(
        &mut self,
        t: Table<'_, '_>,
        key: &str,
        v: &Spanned<DeValue<'_>>,
        expected: ValueType,
    ) {
        self.push(
            RuleId::InvalidValue,
            v.span(),
            Message::WrongType {
                key: format!("{}{key}", t.prefix),
                expected,
                found: v.get_ref().type_str(),
            },
        );
    }

    /// Where `key` holds a string with nothing in it but spaces (an entry
    /// left unfilled, SPEC §7.1); reports nothing, the getters do.
    pub(super) fn blank_string(&mut self, t: Table<'_, '_>, key: &str) -> Option<Loc> {
        let v = self.get(t, key, false)?;
        let s = v.get_ref().as_str()?;
        s.chars()
            .all(|c| c.is_whitespace())
            .then(|| self.loc(v.span()))
    }

    pub(super) fn string(
        &mut self,
        t: Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Sp<CompactString>> {
        let v = self.get(t, key, required)?;
        if let Some(s) = v.get_ref().as_str() {
            // A TOML escape (\u001b) decodes to what the raw bytes could not
            // hold: shown, never acted on.
            let s = crate::files::printable(s, true);
            Some(Sp::new(s.as_ref().into(), self.loc(v.span())))
        } else {
            self.wrong_type(t, key, v, ValueType::String);
            None
        }
    }

    /// A list of strings; `None` when absent or not a list.
    pub(super) fn strings(
        &mut self,
        t: Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<LinkList> {
        let v = self.get(t, key, required)?;
        let Some(array) = v.get_ref().as_array() else {
            self.wrong_type(t, key, v, ValueType::StringList);
            return None;
        };
        let mut items = Vec::with_capacity(array.len());
        for item in array.iter() {
            match item.get_ref().as_str() {
                Some(s) => items.push(Sp::new(
                    crate::files::printable(s, false).as_ref().into(),
                    self.loc(item.span()),
                )),
                None => self.wrong_type(t, key, item, ValueType::String),
            }
        }
        Some(LinkList {
            span: Some(self.loc(v.span())),
            items: items.into_boxed_slice(),
        })
    }

    /// A value from a closed vocabulary.
    pub(super) fn vocab<T>(
        &mut self,
        t: Table<'_, '_>,
        key: &str,
        required: bool,
        words: &'static [&'static str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<Sp<T>> {
        let s = self.string(t, key, required)?;
        if let Some(value) = parse(&s.value) {
            return Some(Sp::new(value, s.span));
        }
        let suggestion = suggest::nearest(&s.value, words.iter().copied())
            .and_then(|w| words.iter().copied().find(|x| *x == w));
        self.diags.push(
            Diagnostic::new(
                RuleId::InvalidValue,
                self.at(s.span),
                Message::NotInVocabulary {
                    key: format!("{}{key}", t.prefix),
                    value: s.value.into(),
                    allowed: words,
                    suggestion,
                },
            )
            .with_record(self.record),
        );
        None
    }

    pub(super) fn date(&mut self, t: Table<'_, '_>, key: &str, required: bool) -> Option<Sp<Date>> {
        let v = self.get(t, key, required)?;
        let full_key = || format!("{}{key}", t.prefix);
        match v.get_ref() {
            DeValue::Datetime(dt) => {
                let local = dt.date.filter(|_| dt.time.is_none() && dt.offset.is_none());
                let date = local.and_then(|d| {
                    Date::new(
                        i16::try_from(d.year).ok()?,
                        i8::try_from(d.month).ok()?,
                        i8::try_from(d.day).ok()?,
                    )
                    .ok()
                });
                if date.is_none() {
                    self.push(
                        RuleId::InvalidValue,
                        v.span(),
                        Message::DateWithTime { key: full_key() },
                    );
                }
                date.map(|d| Sp::new(d, self.loc(v.span())))
            }
            DeValue::String(s) => {
                self.push(
                    RuleId::InvalidValue,
                    v.span(),
                    Message::DateAsString {
                        key: full_key(),
                        value: s.to_string(),
                        date: crate::calendar::parse_date(s).map(|d| d.to_string()),
                    },
                );
                None
            }
            _ => {
                self.wrong_type(t, key, v, ValueType::Date);
                None
            }
        }
    }

    pub(super) fn number(&mut self, t: Table<'_, '_>, key: &str) -> Option<Sp<f64>> {
        let v = self.get(t, key, false)?;
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(t, key, v, ValueType::Number);
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() => Some(Sp::new(n, self.loc(v.span()))),
            _ => {
                self.push(
                    RuleId::InvalidValue,
                    v.span(),
                    Message::BadValue {
                        key: format!("{}{key}", t.prefix),
                        value: match v.get_ref() {
                            DeValue::Float(f) => f.as_str().to_owned(),
                            DeValue::Integer(i) => i.as_str().to_owned(),
                            _ => String::new(),
                        },
                        why: crate::diag::BadValue::NotFinite,
                    },
                );
                None
            }
        }
    }

    /// `true` or `false`.
    pub(super) fn boolean(&mut self, t: Table<'_, '_>, key: &str) -> Option<Sp<bool>> {
        let v = self.get(t, key, false)?;
        let Some(b) = v.get_ref().as_bool() else {
            self.wrong_type(t, key, v, ValueType::Boolean);
            return None;
        };
        Some(Sp::new(b, self.loc(v.span())))
    }

    pub(super) fn positive_integer(
        &mut self,
        t: Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Sp<u32>> {
        let v = self.get(t, key, required)?;
        let n = v
            .get_ref()
            .as_integer()
            .and_then(|i| u32::from_str_radix(i.as_str(), i.radix()).ok())
            .filter(|&n| n > 0);
        if n.is_none() {
            self.wrong_type(t, key, v, ValueType::PositiveInteger);
        }
        n.map(|n| Sp::new(n, self.loc(v.span())))
    }

    /// A sub-table (`[team]`).
    pub(super) fn table<'t, 'i>(
        &mut self,
        t: Table<'t, 'i>,
        key: &str,
        required: bool,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let v = self.get(t, key, required)?;
        if let Some(table) = v.get_ref().as_table() {
            Some((table, v.span()))
        } else {
            self.wrong_type(t, key, v, ValueType::Table);
            None
        }
    }

    /// An array of tables (`[[indicator]]`).
    pub(super) fn tables<'t, 'i>(
        &mut self,
        t: Table<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(v) = self.get(t, key, false) else {
            return Vec::new();
        };
        let Some(array) = v.get_ref().as_array() else {
            self.wrong_type(t, key, v, ValueType::TableList);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(array.len());
        for item in array.iter() {
            match item.get_ref().as_table() {
                Some(table) => out.push((table, item.span())),
                None => self.wrong_type(t, key, item, ValueType::TableList),
            }
        }
        out
    }
}
