//! Scalars: when a string may stay plain, how it is quoted, how a float is written.

use std::io::Write;

pub(super) fn write_indent<W: Write>(out: &mut W, n: usize) -> std::io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        out.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// `s` as a YAML scalar: plain when every loader reads it back as this
/// string, double-quoted otherwise.
pub(super) fn write_string<W: Write>(out: &mut W, s: &str) -> std::io::Result<()> {
    if plain_is_safe(s) {
        return out.write_all(s.as_bytes());
    }
    out.write_all(b"\"")?;
    // Runs of characters that need no escape are written as they are.
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            c if needs_escape(c) => None,
            _ => continue,
        };
        out.write_all(&s.as_bytes()[start..i])?;
        match escape {
            Some(e) => out.write_all(e.as_bytes())?,
            None => write!(out, "\\u{:04X}", c as u32)?,
        }
        start = i + c.len_utf8();
    }
    out.write_all(&s.as_bytes()[start..])?;
    out.write_all(b"\"")
}

/// Characters no plain scalar should carry: controls, the byte-order mark,
/// line and paragraph separators, and the invisible format characters that
/// reorder or hide text on a terminal.
pub(super) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

pub(super) fn plain_is_safe(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    // Indicators that start something other than a plain scalar (`-`, `?`
    // and `:` may start one when a non-space follows, but `-1` is a
    // number: they are quoted, simply), and edge spaces a loader trims.
    if matches!(
        first,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
            | b' '
    ) || matches!(last, b' ' | b':')
    {
        return false;
    }
    // One pass: `: ` and ` #` end or start something else; flow
    // indicators are harmless in block context but confuse flow-style
    // tools, and quoting them costs nothing; controls and invisible
    // characters are escaped, which only double quotes can hold.
    let mut prev = 0u8;
    for &b in bytes {
        match b {
            b' ' if prev == b':' => return false,
            b'#' if prev == b' ' => return false,
            b'[' | b']' | b'{' | b'}' | b',' | b'\t' | 0..=0x1F | 0x7F => return false,
            _ => {}
        }
        prev = b;
    }
    // Non-ASCII: the C1 controls and the format characters.
    if !s.is_ascii() && s.chars().any(needs_escape) {
        return false;
    }
    !looks_like_other_type(s)
}

/// Whether a YAML 1.1 or 1.2 loader could read `s` as something other
/// than a string: null, a boolean, a number, a timestamp.
pub(super) fn looks_like_other_type(s: &str) -> bool {
    // The longest word below has five letters; no need to fold longer ones.
    if s.len() <= 5
        && matches!(
            s.to_ascii_lowercase().as_str(),
            "~" | "null"
                | "y"
                | "n"
                | "yes"
                | "no"
                | "true"
                | "false"
                | "on"
                | "off"
                | ".inf"
                | "+.inf"
                | "-.inf"
                | ".nan"
                | "<<"
                | "="
        )
    {
        return true;
    }
    // Anything made only of digits and the characters of numbers and
    // timestamps (YAML 1.1 has sexagesimal `1:20`, `0x1F`, `0o17`, `1_000`,
    // dates `2026-04-01` and times): quote it rather than tell them apart.
    let first = s.as_bytes()[0];
    let numeric_start = first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.');
    numeric_start
        && s.bytes().all(|b| {
            b.is_ascii_hexdigit()
                || matches!(
                    b,
                    b'+' | b'-'
                        | b'.'
                        | b':'
                        | b'_'
                        | b'x'
                        | b'X'
                        | b'o'
                        | b'O'
                        | b'T'
                        | b't'
                        | b'Z'
                        | b'z'
                        | b' '
                )
        })
}

pub(super) fn float(v: f64) -> String {
    if v.is_nan() {
        ".nan".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 { ".inf" } else { "-.inf" }.to_owned()
    } else {
        let mut s = v.to_string();
        if !s.contains(['.', 'e', 'E']) {
            s.push_str(".0");
        }
        s
    }
}
