//! The loader, every rule and every renderer on a tree whose files come from
//! the fuzzer: the input is cut at `\0\0` and each piece replaces one file
//! of a small valid tree (records first, then dx.toml and the reference
//! files). Nothing may panic.

#![no_main]

use std::collections::BTreeMap;
use std::path::Path;

use dx::diag::Summary;
use dx::i18n::Lang;
use dx::model::{self, Source};
use dx::render::{self, Findings};
use libfuzzer_sys::fuzz_target;

/// The files the pieces replace, in order.
const SLOTS: [&str; 9] = [
    "kurashi/online/K-001.toml",
    "kurashi/online/S-001.toml",
    "kurashi/online/G-001.toml",
    "dx.toml",
    "kurashi/online/domain.toml",
    "kurashi/field.toml",
    "principles.toml",
    "national.toml",
    "gyosei/jimu/K-002.toml",
];

const K: &str = "title = \"来庁しないと終わらない手続\"\nvision = [\"kurashi-1\"]\n";
const S: &str = "title = \"オンライン化\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"実証実験\"\nreview_due = 2027-03-31\n\n[[indicator]]\nname = \"率\"\nunit = \"%\"\nbaseline = 5.0\ntarget = 50.0\ntarget_date = 2026-03-31\nactual = 20.0\n";
const G: &str = "title = \"電子申請\"\nimplements = [\"S-001\"]\nstage = \"検討\"\n";

fn tree() -> BTreeMap<String, Vec<u8>> {
    let mut files: BTreeMap<String, Vec<u8>> = dx::scaffold::tree("テスト市", false)
        .into_iter()
        .map(|(p, t)| (p, t.into_bytes()))
        .collect();
    for (path, text) in [
        ("kurashi/online/domain.toml", "name = \"オンライン手続\"\n"),
        ("gyosei/jimu/domain.toml", "name = \"事務\"\n"),
        ("kurashi/online/K-001.toml", K),
        ("kurashi/online/S-001.toml", S),
        ("kurashi/online/G-001.toml", G),
    ] {
        files.insert(path.to_owned(), text.as_bytes().to_vec());
    }
    files
}

fn pieces(data: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while out.len() + 1 < SLOTS.len() {
        match rest.windows(2).position(|w| w == b"\0\0") {
            Some(at) => {
                out.push(&rest[..at]);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

fuzz_target!(|data: &[u8]| {
    let mut files = tree();
    for (slot, piece) in SLOTS.iter().zip(pieces(data)) {
        files.insert((*slot).to_owned(), piece.to_vec());
    }
    let Ok(model) = model::load_from(Path::new("/fuzz"), &Source::Memory(files)) else {
        return;
    };
    let today: jiff::civil::Date = "2026-11-24".parse().expect("a date");
    let diagnostics = dx::rules::check(&model, today);
    for lang in [Lang::Ja, Lang::En] {
        let findings = Findings {
            files: &model.files,
            diagnostics: &diagnostics,
            summary: Summary::of(model.record_count(), &diagnostics),
            lang,
        };
        let mut sink = Vec::new();
        render::human(&findings, false, &mut sink).expect("in memory");
        render::json(&findings, &mut sink).expect("in memory");
        render::github(&findings, "", &mut sink).expect("in memory");
        render::sarif(&findings, "", &mut sink).expect("in memory");
    }
    // Every report reads the same model.
    let lang = Lang::Ja;
    let mut sink = Vec::new();
    let gap = dx::report::gap::Gap::compute(&model, today, None);
    render::text(&gap.doc(&model, lang), &mut sink).expect("in memory");
    use dx::report::status::Axis;
    for axis in [Axis::Field, Axis::Domain, Axis::Principle, Axis::National, Axis::Team] {
        let status = dx::report::status::Status::build(&model, axis, lang);
        render::markdown(&status.doc(&model, lang), &mut sink).expect("in memory");
    }
    if let Ok(outline) = dx::report::outline::Outline::build(&model, None, 5) {
        render::csv(&outline.doc(&model, lang), true, &mut sink).expect("in memory");
    }
    for record in &model.records {
        if let Ok(show) = dx::report::show::Show::build(&model, &record.id) {
            render::text(&show.doc(lang), &mut sink).expect("in memory");
        }
    }
    let dashboard = dx::report::dashboard::Dashboard::build(&model, today, false, None, lang);
    let _ = render::html::dashboard(&dashboard, lang);
    let export = dx::report::export::Export::build(&model, today);
    serde_json::to_writer(&mut sink, &export).expect("serialisable");
});
