//! "Did you mean": the existing ID nearest to one that does not exist, and
//! the next free ID of a kind.

use super::{Kind, Model, ids};
use crate::vocab::IdKind;

impl Model {
    /// Whether an ID of `kind` exists.
    #[must_use]
    pub fn has_id(&self, kind: IdKind, id: &str) -> bool {
        self.find(id).is_some_and(|t| self.kind_of(t) == kind)
    }

    /// The existing ID of `kind` nearest to `value`.
    ///
    /// Record IDs are looked up by generating the single edits of `value`
    /// (dropped, doubled, swapped or changed digits), so a suggestion costs a
    /// few hundred map look-ups however large the tree. The few ビジョン
    /// items, 原則 and priorities are compared one by one.
    #[must_use]
    pub fn nearest_id(&self, kind: IdKind, value: &str) -> Option<String> {
        if let Some(fixed) = ids::repair(&self.settings.prefixes, kind, value)
            && self.has_id(kind, &fixed)
        {
            return Some(fixed);
        }
        match kind {
            // One edit changes the length by one at most: a value longer than
            // that cannot be a typo of an ID, however long it is.
            IdKind::Issue | IdKind::Method | IdKind::Technology
                if value.chars().count() > self.longest_id + 1 =>
            {
                None
            }
            IdKind::Issue | IdKind::Method | IdKind::Technology => {
                let mut found: Vec<String> = single_edits(value)
                    .filter(|c| self.has_id(kind, c))
                    .collect();
                found.sort();
                found.into_iter().next()
            }
            _ => crate::suggest::nearest(value, self.ids_of(kind)).map(str::to_owned),
        }
    }

    /// The next free ID of a kind: one more than the highest in the tree
    /// (numbers are never reused, so old references stay unambiguous),
    /// zero-padded to the widest existing number and at least three digits.
    #[must_use]
    pub fn next_id(&self, kind: Kind) -> String {
        self.next_ids(kind, 1).pop().unwrap_or_default()
    }

    /// The next `n` free IDs of a kind, in order (`dx import` makes several
    /// records at once).
    #[must_use]
    pub fn next_ids(&self, kind: Kind, n: usize) -> Vec<String> {
        let prefix = self.settings.prefixes.of(kind);
        // The highest number as its digits, compared by length then text:
        // any number of digits, no overflow at u64::MAX.
        let mut max = String::from("0");
        let mut width = 3usize;
        for r in self.records.iter().filter(|r| r.kind == kind) {
            let Some(digits) = r.id.strip_prefix(prefix).and_then(|s| s.strip_prefix('-')) else {
                continue;
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            width = width.max(digits.len());
            let n = digits.trim_start_matches('0');
            let n = if n.is_empty() { "0" } else { n };
            if (n.len(), n) > (max.len(), max.as_str()) {
                max = n.to_owned();
            }
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            max = increment(&max);
            out.push(format!("{prefix}-{max:0>width$}"));
        }
        out
    }
}

/// `digits` + 1, in decimal, of any length.
fn increment(digits: &str) -> String {
    let mut out: Vec<u8> = digits.bytes().collect();
    for b in out.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return String::from_utf8(out).unwrap_or_default();
        }
    }
    let mut carried = vec![b'1'];
    carried.extend(out);
    String::from_utf8(carried).unwrap_or_default()
}

/// Every string one digit edit away from `s`.
fn single_edits(s: &str) -> impl Iterator<Item = String> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let at = |f: &dyn Fn(&mut Vec<char>)| {
        let mut c = chars.clone();
        f(&mut c);
        c.into_iter().collect::<String>()
    };
    let mut out = Vec::new();
    for i in 0..n {
        out.push(at(&|c| {
            c.remove(i);
        }));
        if i + 1 < n {
            out.push(at(&|c| c.swap(i, i + 1)));
        }
        for d in '0'..='9' {
            out.push(at(&|c| c[i] = d));
        }
    }
    for i in 0..=n {
        for d in '0'..='9' {
            out.push(at(&|c| c.insert(i, d)));
        }
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    #[test]
    fn increments_any_number_of_digits() {
        assert_eq!(super::increment("0"), "1");
        assert_eq!(super::increment("199"), "200");
        assert_eq!(
            super::increment("18446744073709551615"),
            "18446744073709551616"
        );
        assert_eq!(super::increment("999"), "1000");
    }
}
