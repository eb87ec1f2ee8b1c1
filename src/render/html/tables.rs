//! Tables as screen readers and phones read them, written so from the
//! start: every table in a box that scrolls on its own (focusable, so a
//! keyboard can scroll it), its caption for screen readers that list
//! tables, its column headers scoped, and the tables laid out as blocks on
//! a phone (`display: block` drops a table's semantics) given ARIA roles.

use std::fmt::Write as _;

use crate::render::escape::esc;

/// A table being written into a string.
pub(super) struct Table {
    /// ARIA roles on every part: the table becomes cards or blocks on a
    /// phone.
    roles: bool,
}

impl Table {
    /// Open a table of `class` (empty for none) with a caption read by
    /// screen readers only. `roles` when the stylesheet lays it out as
    /// blocks on a phone (`stack`, `vision`).
    pub(super) fn open(h: &mut String, class: &str, caption: &str, roles: bool) -> Self {
        h.push_str("<div class=\"scroll\" tabindex=\"0\"><table");
        if !class.is_empty() {
            let _ = write!(h, " class=\"{class}\"");
        }
        if roles {
            h.push_str(" role=\"table\"");
        }
        let _ = write!(h, "><caption class=\"sr-only\">{}</caption>", esc(caption));
        Self { roles }
    }

    /// The header row: each column's label (escaped here) and whether it
    /// holds numbers; then the body opens.
    pub(super) fn head(&self, h: &mut String, columns: &[(&str, bool)]) {
        let _ = write!(h, "<thead{}><tr{}>", self.group(), self.row());
        for (label, numeric) in columns {
            let _ = write!(
                h,
                "<th scope=\"col\"{}{}>{}</th>",
                if self.roles {
                    " role=\"columnheader\""
                } else {
                    ""
                },
                if *numeric { " class=\"num\"" } else { "" },
                esc(label)
            );
        }
        let _ = write!(h, "</tr></thead><tbody{}>", self.group());
    }

    /// The body of a table without a header row.
    pub(super) fn body(&self, h: &mut String) {
        let _ = write!(h, "<tbody{}>", self.group());
    }

    /// A row's start tag, with more attributes (`id="…"`, `class="…"`).
    pub(super) fn tr(&self, h: &mut String, attributes: &str) {
        let _ = write!(h, "<tr{attributes}{}>", self.row());
    }

    /// A cell's start tag: its class (empty for none) and, for a table
    /// that becomes cards, the label shown before its value.
    pub(super) fn td(&self, h: &mut String, class: &str, label: Option<&str>) {
        h.push_str("<td");
        if self.roles {
            h.push_str(" role=\"cell\"");
        }
        if !class.is_empty() {
            let _ = write!(h, " class=\"{class}\"");
        }
        if let Some(label) = label {
            let _ = write!(h, " data-label=\"{}\"", esc(label));
        }
        h.push('>');
    }

    /// A row header's start tag.
    pub(super) fn th_row(&self, h: &mut String) {
        h.push_str(if self.roles {
            "<th scope=\"row\" role=\"rowheader\">"
        } else {
            "<th scope=\"row\">"
        });
    }

    /// Close the table and its box.
    pub(super) fn close(self, h: &mut String) {
        h.push_str("</tbody></table></div>");
    }

    fn group(&self) -> &'static str {
        if self.roles { " role=\"rowgroup\"" } else { "" }
    }

    fn row(&self) -> &'static str {
        if self.roles { " role=\"row\"" } else { "" }
    }
}
