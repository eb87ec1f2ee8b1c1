//! Inline SVG for the dashboard: indicator bars and trend lines, both
//! decorative beside the text and tables that carry their numbers, and
//! the colours the report's maps and badges share. Plain SVG, no script:
//! they print and show from a file share as they are.

use std::fmt::Write as _;

use crate::vocab::{Grade, Progress};

/// Fill and text colour of a progress (or of no 課題 at all).
#[must_use]
pub fn progress_colors(progress: Option<Progress>) -> (&'static str, &'static str) {
    match progress {
        None => ("#ffffff", "#b91c1c"),
        Some(Progress::NotStarted) => ("#e5e7eb", "#111827"),
        Some(Progress::Studying) => ("#dbeafe", "#111827"),
        Some(Progress::Piloting) => ("#93c5fd", "#111827"),
        // White on it at least 4.5:1 (WCAG 2.1 AA): #2563eb is 5.2:1.
        Some(Progress::Decided) => ("#2563eb", "#ffffff"),
        Some(Progress::Operating) => ("#1d4ed8", "#ffffff"),
        Some(Progress::Resolved) => ("#047857", "#ffffff"),
    }
}

/// An indicator as a bar: attainment from 0 to 100% (the target), the
/// actual marked; over 100% runs on to 120%. Decorative (`aria-hidden`):
/// the percentage is HTML text beside it, which stays readable at any
/// width and zoom. Coloured by the grade (A green, B blue, C amber, D
/// grey), the colours the legend explains.
#[must_use]
pub fn indicator_bar(attainment: Option<f64>, grade: Grade) -> String {
    let (width, track) = (210.0_f64, 200.0_f64);
    let mut svg = format!(
        r##"<svg class="bar" aria-hidden="true" focusable="false" viewBox="0 0 {width} 22" width="{width}" height="22" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="5" width="{track}" height="12" rx="2" fill="#e5e7eb"/>"##
    );
    if let Some(a) = attainment {
        let shown = a.clamp(0.0, 1.2) / 1.2;
        let _ = write!(
            svg,
            r#"<rect x="0" y="5" width="{w:.1}" height="12" rx="2" fill="{color}"/>"#,
            w = track * shown,
            color = grade_color(grade)
        );
    }
    let _ = write!(
        svg,
        r##"<line x1="{x:.1}" y1="1" x2="{x:.1}" y2="21" stroke="#111827" stroke-width="2"/></svg>"##,
        x = track / 1.2
    );
    svg
}

/// The colour of a grade's bar (contrast with white at least 3:1, the
/// minimum for graphics).
#[must_use]
pub fn grade_color(grade: Grade) -> &'static str {
    match grade {
        Grade::A => "#047857",
        Grade::B => "#2563eb",
        Grade::C => "#b45309",
        Grade::D => "#6b7280",
    }
}

/// The lines of a trend chart: (colour, dashes) of the values, the
/// baseline and the target.
pub const TREND_LINES: [(&str, &str); 3] =
    [("#1d4ed8", "none"), ("#6b7280", "2 3"), ("#047857", "8 4")];

/// A sample of one of [`TREND_LINES`], for the legend.
#[must_use]
pub fn line_sample((color, dash): (&str, &str)) -> String {
    format!(
        r#"<svg class="sample" aria-hidden="true" focusable="false" viewBox="0 0 28 10" width="28" height="10" xmlns="http://www.w3.org/2000/svg"><line x1="1" x2="27" y1="5" y2="5" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/></svg>"#
    )
}

/// An indicator's history as a small line: its values over time, with the
/// baseline dotted and the target dashed. Decorative beside the table of
/// the same numbers, which screen readers read: the image is hidden from
/// them (`aria-hidden`), so nothing is announced twice.
#[must_use]
pub fn trend(points: &[(i32, f64)], baseline: Option<f64>, target: Option<f64>) -> String {
    let (w, h, pad) = (160.0_f64, 40.0_f64, 4.0_f64);
    let values = points.iter().map(|p| p.1).chain(baseline).chain(target);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if points.is_empty() || !lo.is_finite() {
        return String::new();
    }
    let span = if hi > lo { hi - lo } else { 1.0 };
    let (first, last) = (points[0].0, points[points.len() - 1].0);
    let days = f64::from((last - first).max(1));
    let x = |d: i32| pad + (w - 2.0 * pad) * f64::from(d - first) / days;
    let y = |v: f64| h - pad - (h - 2.0 * pad) * (v - lo) / span;
    let mut svg = format!(
        r#"<svg class="trend" aria-hidden="true" focusable="false" viewBox="0 0 {w} {h}" width="{w}" height="{h}" xmlns="http://www.w3.org/2000/svg">"#
    );
    // Baseline and target differ by their dashes as well as their colour
    // (WCAG 1.4.1), as the legend beside the chart shows.
    for (v, (color, dash)) in [(baseline, TREND_LINES[1]), (target, TREND_LINES[2])] {
        if let Some(v) = v {
            let _ = write!(
                svg,
                r#"<line x1="{pad}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
                x2 = w - pad,
                y = y(v)
            );
        }
    }
    let line: Vec<String> = points
        .iter()
        .map(|&(d, v)| format!("{:.1},{:.1}", x(d), y(v)))
        .collect();
    let _ = write!(
        svg,
        r##"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"##,
        line.join(" "),
        TREND_LINES[0].0
    );
    for &(d, v) in points {
        let _ = write!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#1d4ed8"/>"##,
            x(d),
            y(v)
        );
    }
    svg.push_str("</svg>");
    svg
}
