//! YAML for `dx export`, written as serde hands it over: block style,
//! nothing held but the path to the current value.
//!
//! Every loader must read back what was written, YAML 1.1 ones included
//! (PyYAML, Ruby's Psych): a string that such a loader would take for
//! something else — `no`, `on`, `~`, `0123`, `1:20`, `2026-04-01`, `.5` —
//! is quoted, and so is one with a character that a plain scalar cannot
//! hold or a terminal should not receive (controls, bidi overrides, line
//! breaks), which are escaped in double quotes.

use std::fmt::Display;
use std::io::Write;

use serde::ser::{self, Serialize};

mod scalar;

use scalar::{float, write_indent, write_string};

/// Why YAML could not be written.
#[derive(Debug)]
pub enum Error {
    /// The writer failed.
    Io(std::io::Error),
    /// A value YAML cannot hold here (a map key that is not a scalar).
    Value(String),
}

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(e) => e.fmt(f),
            Self::Value(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io(e) => Some(e),
            Self::Value(_) => None,
        }
    }
}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Self::Value(msg.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Write `value` as a YAML document.
///
/// # Errors
/// When the writer fails or a map has a key that is not a scalar.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> Result<(), Error> {
    let mut ser = Serializer {
        out,
        slot: Slot::Top,
        indent: 0,
    };
    value.serialize(&mut ser)
}

/// Where the next value goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// The document itself.
    Top,
    /// After `key:` (no space yet).
    AfterKey,
    /// After `- `: a block collection starts on the same line.
    AfterDash,
}

/// The serializer: the writer, where the next value goes and the indent of
/// the entries of the collection being written.
pub struct Serializer<W> {
    out: W,
    slot: Slot,
    indent: usize,
}

impl<W: Write> Serializer<W> {
    fn scalar(&mut self, text: &str) -> Result<(), Error> {
        if self.slot == Slot::AfterKey {
            self.out.write_all(b" ")?;
        }
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn number(&mut self, n: impl Display) -> Result<(), Error> {
        if self.slot == Slot::AfterKey {
            self.out.write_all(b" ")?;
        }
        writeln!(self.out, "{n}")?;
        Ok(())
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        if self.slot == Slot::AfterKey {
            self.out.write_all(b" ")?;
        }
        write_string(&mut self.out, s)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Begin a block collection in the current slot.
    fn open(&mut self, kind: Kind) -> Collection<'_, W> {
        let (slot, indent) = (self.slot, self.indent);
        let inner = match slot {
            Slot::Top => 0,
            Slot::AfterKey | Slot::AfterDash => indent + 2,
        };
        Collection {
            ser: self,
            kind,
            slot,
            outer: indent,
            inner,
            first: true,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Seq,
    Map,
}

/// A block sequence or mapping being written. Nothing is written until its
/// first entry, so an empty one becomes `[]` or `{}`.
pub struct Collection<'a, W> {
    ser: &'a mut Serializer<W>,
    kind: Kind,
    slot: Slot,
    outer: usize,
    inner: usize,
    first: bool,
}

impl<W: Write> Collection<'_, W> {
    /// Start an entry: a new line and the indent, unless the first entry
    /// continues the line of a `- ` or opens the document.
    fn entry(&mut self) -> Result<(), Error> {
        let out = &mut self.ser.out;
        if self.first {
            self.first = false;
            if self.slot == Slot::AfterKey {
                out.write_all(b"\n")?;
                write_indent(out, self.inner)?;
            }
        } else {
            write_indent(out, self.inner)?;
        }
        Ok(())
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.entry()?;
        self.ser.out.write_all(b"- ")?;
        self.value(Slot::AfterDash, value)
    }

    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.entry()?;
        let key = key.serialize(KeySerializer)?;
        write_string(&mut self.ser.out, &key)?;
        self.ser.out.write_all(b":")?;
        Ok(())
    }

    fn value<T: Serialize + ?Sized>(&mut self, slot: Slot, value: &T) -> Result<(), Error> {
        self.ser.slot = slot;
        self.ser.indent = self.inner;
        value.serialize(&mut *self.ser)
    }

    fn close(self) -> Result<(), Error> {
        self.ser.indent = self.outer;
        if self.first {
            self.ser.slot = self.slot;
            self.ser
                .scalar(if self.kind == Kind::Seq { "[]" } else { "{}" })?;
        }
        Ok(())
    }
}

impl<'a, W: Write> ser::Serializer for &'a mut Serializer<W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Collection<'a, W>;
    type SerializeTuple = Collection<'a, W>;
    type SerializeTupleStruct = Collection<'a, W>;
    type SerializeTupleVariant = Variant<'a, W>;
    type SerializeMap = Collection<'a, W>;
    type SerializeStruct = Collection<'a, W>;
    type SerializeStructVariant = Variant<'a, W>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.scalar(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.scalar(&float(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.scalar(&float(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(Kind::Seq);
        for b in v {
            seq.item(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.scalar("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar("null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar("null")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut map = self.open(Kind::Map);
        map.key(variant)?;
        map.value(Slot::AfterKey, value)?;
        map.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(self.open(Kind::Seq))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Ok(self.open(Kind::Seq))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Ok(self.open(Kind::Seq))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Variant::open(self, variant, Kind::Seq)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(self.open(Kind::Map))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Ok(self.open(Kind::Map))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Variant::open(self, variant, Kind::Map)
    }
}

impl<W: Write> ser::SerializeSeq for Collection<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl<W: Write> ser::SerializeTuple for Collection<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl<W: Write> ser::SerializeTupleStruct for Collection<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl<W: Write> ser::SerializeMap for Collection<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.value(Slot::AfterKey, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl<W: Write> ser::SerializeStruct for Collection<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(key)?;
        self.value(Slot::AfterKey, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// An enum variant with fields: `variant:` and its fields below.
pub struct Variant<'a, W> {
    outer: Collection<'a, W>,
    kind: Kind,
    first: bool,
    indent: usize,
}

impl<'a, W: Write> Variant<'a, W> {
    fn open(ser: &'a mut Serializer<W>, variant: &'static str, kind: Kind) -> Result<Self, Error> {
        let mut outer = ser.open(Kind::Map);
        outer.key(variant)?;
        let indent = outer.inner;
        Ok(Self {
            outer,
            kind,
            first: true,
            indent,
        })
    }

    /// The inner collection, opened on the line of `variant:`.
    fn inner(&mut self) -> Collection<'_, W> {
        let ser = &mut *self.outer.ser;
        ser.slot = Slot::AfterKey;
        ser.indent = self.indent;
        let first = std::mem::replace(&mut self.first, false);
        let mut c = ser.open(self.kind);
        c.first = first;
        c
    }

    fn close(mut self) -> Result<(), Error> {
        if self.first {
            self.inner().close()?;
        }
        self.outer.close()
    }
}

impl<W: Write> ser::SerializeTupleVariant for Variant<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.inner().item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl<W: Write> ser::SerializeStructVariant for Variant<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut c = self.inner();
        c.key(key)?;
        c.value(Slot::AfterKey, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A map key: a scalar, as text.
struct KeySerializer;

fn not_a_scalar() -> Error {
    Error::Value("a YAML map key must be a scalar".to_owned())
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f64(self, v: f64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(not_a_scalar())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Ok("null".to_owned())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Ok("null".to_owned())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Ok("null".to_owned())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(not_a_scalar())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_scalar())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_scalar())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_scalar())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_scalar())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_scalar())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_scalar())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_scalar())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    /// The YAML of `v`; a failure is the text of the error, which the
    /// test's comparison then shows.
    fn yaml<T: Serialize>(v: &T) -> String {
        let mut out = Vec::new();
        match super::to_writer(&mut out, v) {
            Ok(()) => String::from_utf8_lossy(&out).into_owned(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[derive(Serialize)]
    struct Item {
        no: String,
        text: String,
        tags: Vec<String>,
        nested: Vec<Vec<u32>>,
        empty: BTreeMap<String, u32>,
        none: Option<u32>,
        ratio: f64,
    }

    #[test]
    fn block_style_with_every_shape() {
        let item = Item {
            no: "1".into(),
            text: "窓口: 予約".into(),
            tags: vec!["a".into(), "no".into()],
            nested: vec![vec![1, 2], vec![]],
            empty: BTreeMap::new(),
            none: None,
            ratio: 1.0,
        };
        let text = yaml(&vec![&item]);
        insta::assert_snapshot!(text, @r#"
        - "no": "1"
          text: "窓口: 予約"
          tags:
            - a
            - "no"
          nested:
            - - 1
              - 2
            - []
          empty: {}
          none: null
          ratio: 1.0
        "#);
    }

    #[test]
    fn strings_another_loader_would_change_are_quoted() {
        for s in [
            "",
            "no",
            "No",
            "on",
            "OFF",
            "y",
            "~",
            "null",
            "true",
            "0123",
            "1_000",
            "1:20",
            "0x1F",
            "2026-04-01",
            "2026-04-01 10:00:00",
            ".5",
            "-1",
            "+1",
            ".inf",
            "- a",
            "a: b",
            "a #b",
            "#x",
            "'x",
            "\"x",
            "*x",
            "&x",
            "!x",
            "%x",
            "@x",
            "`x",
            "|",
            ">",
            "[a]",
            "{a}",
            " a",
            "a ",
            "a:",
        ] {
            let text = yaml(&s);
            assert!(text.starts_with('"'), "{s:?} → {text}");
        }
        for s in [
            "kurashi-1",
            "K-001",
            "市民課",
            "実証実験",
            "no way",
            "2026年度",
        ] {
            assert_eq!(yaml(&s), format!("{s}\n"));
        }
    }

    #[test]
    fn controls_and_invisible_characters_are_escaped() {
        let text = yaml(&"a\u{1b}[2J\u{202E}b\nc\u{FEFF}\"\\");
        assert_eq!(text, "\"a\\u001B[2J\\u202Eb\\nc\\uFEFF\\\"\\\\\"\n");
    }

    #[test]
    fn what_is_written_reads_back() -> Result<(), Box<dyn std::error::Error>> {
        #[derive(Serialize)]
        enum E {
            Unit,
            New(u32),
            Tuple(u32, String),
            Struct { a: Vec<u32>, b: String },
        }
        let value = vec![
            E::Unit,
            E::New(3),
            E::Tuple(1, "no".into()),
            E::Struct {
                a: vec![],
                b: "x".into(),
            },
        ];
        let text = yaml(&value);
        let back: serde_json::Value = serde_norway::from_str(&text)?;
        assert_eq!(back, serde_json::to_value(&value)?, "{text}");
        Ok(())
    }
}
