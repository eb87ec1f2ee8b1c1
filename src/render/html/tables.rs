//! Tables as screen readers and phones read them: every table in a box
//! that scrolls on its own, its column headers scoped, and the indicator
//! tables that become cards on a phone given ARIA roles.

/// Every table of `html` in a box that scrolls on its own on a narrow
/// screen (focusable, so a keyboard can scroll it), and its header cells
/// scoped to their columns.
pub(super) fn accessible_tables(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find("<table") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find("</table>")
            .map_or(rest.len(), |e| at + e + "</table>".len());
        let table = &rest[at..end];
        let table = match (table.find("<thead>"), table.find("</thead>")) {
            (Some(a), Some(b)) => format!(
                "{}{}{}",
                &table[..a],
                table[a..b]
                    .replace("<th>", "<th scope=\"col\">")
                    .replace("<th class=", "<th scope=\"col\" class="),
                &table[b..]
            ),
            _ => table.to_owned(),
        };
        // A table laid out as cards on a phone keeps its semantics through
        // ARIA roles (display: block drops them).
        let table = if table.starts_with("<table class=\"stack\"") {
            table
                .replacen(
                    "<table class=\"stack\"",
                    "<table class=\"stack\" role=\"table\"",
                    1,
                )
                .replace("<thead>", "<thead role=\"rowgroup\">")
                .replace("<tbody>", "<tbody role=\"rowgroup\">")
                .replace("<tr>", "<tr role=\"row\">")
                .replace("<th ", "<th role=\"columnheader\" ")
                .replace("<th>", "<th role=\"columnheader\">")
                .replace("<td ", "<td role=\"cell\" ")
                .replace("<td>", "<td role=\"cell\">")
        } else {
            table
        };
        out.push_str("<div class=\"scroll\" tabindex=\"0\">");
        out.push_str(&table);
        out.push_str("</div>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
