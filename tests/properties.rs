//! Property tests over generated trees held in memory.
//!
//! - Link resolution agrees with a naive reference that scans every
//!   defined ID linearly and knows, from the generator, which strings are
//!   well-formed.
//! - `dx fmt` is idempotent and keeps meaning: the same values (link lists
//!   as sets), every comment, and the same findings apart from
//!   duplicate-link.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use dx::diag::IdKind;
use dx::i18n::Lang;
use dx::model::{self, Kind, Model, Resolution, Source};
use proptest::prelude::*;
use proptest::sample::Index;

/// A string a link may hold, with what the generator knows of it.
#[derive(Clone, Debug)]
struct Token {
    text: String,
    /// The kind of the thing it names, when something has that ID.
    defined: Option<IdKind>,
    /// Not a well-formed ID of any linkable kind.
    garbage: bool,
}

/// Strings that are well-formed IDs nothing has.
const MISSING: [&str; 9] = [
    "K-998",
    "S-998",
    "G-998",
    "P9",
    "C9",
    "N9",
    "kurashi-9",
    "gyosei-99",
    "bunka-1",
];
/// Strings that are no ID of any kind.
const GARBAGE: [&str; 6] = ["abc", "K_001", "課題1", "Ｋ-００１", "-1", "S-"];

/// One generated record before it is written.
#[derive(Clone, Debug)]
struct Spec {
    kind: Kind,
    number: u32,
    domain: bool,
    /// Up to six link lists, as indices into the token pool.
    lists: Vec<Vec<Index>>,
    expands: Option<Index>,
    /// Comments above keys, by key position.
    comments: Vec<Option<u8>>,
    /// The order keys are written in.
    order: Vec<u8>,
}

#[derive(Clone, Debug)]
struct Tree {
    records: Vec<Spec>,
    national: bool,
}

fn spec(kind: Kind) -> impl Strategy<Value = Spec> {
    (
        1u32..400,
        any::<bool>(),
        prop::collection::vec(prop::collection::vec(any::<Index>(), 0..5), 6),
        prop::option::weighted(0.3, any::<Index>()),
        prop::collection::vec(prop::option::weighted(0.3, any::<u8>()), 8),
        prop::collection::vec(any::<u8>(), 8),
    )
        .prop_map(
            move |(number, domain, lists, expands, comments, order)| Spec {
                kind,
                number,
                domain,
                lists,
                expands,
                comments,
                order,
            },
        )
}

fn tree() -> impl Strategy<Value = Tree> {
    (
        prop::collection::vec(spec(Kind::Issue), 0..8),
        prop::collection::vec(spec(Kind::Method), 0..8),
        prop::collection::vec(spec(Kind::Technology), 0..6),
        any::<bool>(),
    )
        .prop_map(|(k, s, g, national)| {
            let mut records: Vec<Spec> = k.into_iter().chain(s).chain(g).collect();
            // One file per ID: drop repeated numbers of a kind.
            let mut seen = BTreeSet::new();
            records.retain(|r| seen.insert((r.kind.prefix_letter(), r.number)));
            Tree { records, national }
        })
}

trait Letter {
    fn prefix_letter(self) -> char;
}

impl Letter for Kind {
    fn prefix_letter(self) -> char {
        match self {
            Kind::Issue => 'K',
            Kind::Method => 'S',
            Kind::Technology => 'G',
        }
    }
}

fn id(r: &Spec) -> String {
    format!("{}-{:03}", r.kind.prefix_letter(), r.number)
}

/// Every string a link may hold in this tree.
fn pool(tree: &Tree) -> Vec<Token> {
    let defined = |text: String, kind| Token {
        text,
        defined: Some(kind),
        garbage: false,
    };
    let mut pool: Vec<Token> = tree
        .records
        .iter()
        .map(|r| defined(id(r), r.kind.into()))
        .collect();
    pool.extend((1..=6).map(|n| defined(format!("kurashi-{n}"), IdKind::Vision)));
    pool.extend((1..=2).map(|n| defined(format!("gyosei-{n}"), IdKind::Vision)));
    pool.extend((1..=5).map(|n| defined(format!("P{n}"), IdKind::Principle)));
    pool.extend((1..=3).map(|n| defined(format!("C{n}"), IdKind::Consideration)));
    if tree.national {
        pool.extend((1..=6).map(|n| defined(format!("N{n}"), IdKind::National)));
    } else {
        pool.extend((1..=6).map(|n| Token {
            text: format!("N{n}"),
            defined: None,
            garbage: false,
        }));
    }
    pool.extend(MISSING.iter().map(|t| Token {
        text: (*t).to_owned(),
        defined: None,
        garbage: false,
    }));
    pool.extend(GARBAGE.iter().map(|t| Token {
        text: (*t).to_owned(),
        defined: None,
        garbage: true,
    }));
    pool
}

/// The link keys of a kind, with what each must name.
fn link_keys(kind: Kind) -> &'static [(&'static str, IdKind)] {
    match kind {
        Kind::Issue => &[("vision", IdKind::Vision)],
        Kind::Method => &[
            ("solves", IdKind::Issue),
            ("principles", IdKind::Principle),
            ("considerations", IdKind::Consideration),
            ("national", IdKind::National),
        ],
        Kind::Technology => &[
            ("implements", IdKind::Method),
            ("national", IdKind::National),
        ],
    }
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The record's text: keys in a generated order, with comments, link lists
/// with repeats and in any order.
fn text(r: &Spec, pool: &[Token]) -> String {
    let mut lines: Vec<String> = vec![format!("title = {}", quoted(&format!("記録 {}", id(r))))];
    for ((key, _), list) in link_keys(r.kind).iter().zip(&r.lists) {
        let items: Vec<String> = list.iter().map(|i| quoted(&i.get(pool).text)).collect();
        lines.push(format!("{key} = [{}]", items.join(", ")));
    }
    if r.kind == Kind::Method
        && let Some(e) = &r.expands
    {
        lines.push(format!("expands = {}", quoted(&e.get(pool).text)));
    }
    if r.kind != Kind::Issue {
        lines.push("stage = \"検討\"".to_owned());
    }
    let mut keyed: Vec<(u8, String)> = lines
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let comment = r.comments.get(n).copied().flatten();
            let line = match comment {
                Some(c) => format!("# 注記 {c}\n{line}"),
                None => line,
            };
            (r.order.get(n).copied().unwrap_or(0), line)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    let mut out: String = keyed.into_iter().map(|(_, l)| l + "\n").collect::<String>();
    if r.kind == Kind::Method {
        out.push_str("\n# 指標の注記\n[[indicator]]\nunit = \"%\"\nname = \"率\"\n");
    }
    out
}

fn folder(r: &Spec) -> &'static str {
    if r.domain {
        "kurashi/online"
    } else {
        "gyosei/jimu"
    }
}

/// The base fixture without its records, plus the generated ones.
fn files(tree: &Tree, pool: &[Token]) -> BTreeMap<String, Vec<u8>> {
    let base = common::fixtures().join("base");
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&base) {
        let entry = entry.expect("fixture readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&base)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let name = rel.rsplit('/').next().unwrap_or("");
        let is_record = name.starts_with(['K', 'S', 'G']) && name.contains('-');
        if is_record || (!tree.national && rel == "national.toml") {
            continue;
        }
        files.insert(rel, std::fs::read(entry.path()).expect("read"));
    }
    for r in &tree.records {
        files.insert(
            format!("{}/{}.toml", folder(r), id(r)),
            text(r, pool).into_bytes(),
        );
    }
    files
}

fn load(files: BTreeMap<String, Vec<u8>>) -> Model {
    model::load_from(Path::new("/generated"), &Source::Memory(files)).expect("tree loads")
}

/// What the naive reference expects a link to resolve to.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Expected {
    Found(String),
    WrongKind(String),
    Malformed,
    Missing,
    Unchecked,
}

fn expected(pool: &[Token], national: bool, target: IdKind, text: &str) -> Expected {
    // Linear scan: no map, no shared code with the loader.
    if let Some(t) = pool.iter().find(|t| t.text == text && t.defined.is_some()) {
        let kind = t.defined.expect("defined");
        return if kind == target {
            Expected::Found(t.text.clone())
        } else {
            Expected::WrongKind(format!("{kind:?}"))
        };
    }
    let garbage = pool.iter().any(|t| t.text == text && t.garbage);
    if garbage {
        Expected::Malformed
    } else if target == IdKind::National && !national {
        Expected::Unchecked
    } else {
        Expected::Missing
    }
}

fn actual(model: &Model, r: Resolution) -> Expected {
    match r {
        Resolution::Found(t) => Expected::Found(model.thing_id(t).to_owned()),
        Resolution::WrongKind(k) => Expected::WrongKind(format!("{k:?}")),
        Resolution::Malformed => Expected::Malformed,
        Resolution::Missing => Expected::Missing,
        Resolution::Unchecked => Expected::Unchecked,
    }
}

/// (rule, record, message) of every finding, sorted.
fn findings(model: &Model) -> Vec<(String, String, String)> {
    let mut f: Vec<_> = dx::rules::check(model, common::today())
        .into_iter()
        .map(|d| {
            (
                d.rule.slug().to_owned(),
                d.record.unwrap_or_default(),
                Lang::En.message(&d.message),
            )
        })
        .collect();
    f.sort();
    f
}

/// A parsed record with its link lists made sets, for comparing meaning.
fn meaning(text: &str) -> toml::Table {
    let mut table: toml::Table = text.parse().expect("generated TOML parses");
    for (key, value) in &mut table {
        let is_link = model::keys::LINK_LISTS.contains(&key.as_str());
        if let (true, toml::Value::Array(items)) = (is_link, value) {
            let set: BTreeSet<String> = items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            *items = set.into_iter().map(toml::Value::String).collect();
        }
    }
    table
}

fn comments(text: &str) -> Vec<String> {
    let mut c: Vec<String> = text
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .map(|l| l.trim().to_owned())
        .collect();
    c.sort();
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn links_resolve_as_a_naive_scan_says(tree in tree()) {
        let pool = pool(&tree);
        let model = load(files(&tree, &pool));
        prop_assert_eq!(model.records.len(), tree.records.len());
        for (i, record) in model.records.enumerate() {
            let mut got: Vec<(String, String, Expected)> = model
                .resolved_links(i)
                .map(|(key, link, res)| (key.key.to_owned(), link.value.to_string(), actual(&model, res)))
                .collect();
            let mut want: Vec<(String, String, Expected)> = record
                .links()
                .map(|(key, link)| {
                    let e = expected(&pool, tree.national, key.target, &link.value);
                    (key.key.to_owned(), link.value.to_string(), e)
                })
                .collect();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want, "record {}", record.id);
        }
        // Reverse links: who solves each 課題, who implements and who expands each 手法.
        for (i, record) in model.records.enumerate() {
            let ids = |list: &[dx::model::RecordIdx]| -> Vec<&str> {
                let mut v: Vec<&str> = list.iter().map(|&m| model.records[m].id.as_str()).collect();
                v.sort_unstable();
                v
            };
            let solvers = ids(&model.back.solvers[i]);
            let implementers = ids(&model.back.implementers[i]);
            let expanders = ids(&model.back.expanders[i]);
            let naive = |kind: Kind, key: &str| -> Vec<&str> {
                let mut v: Vec<&str> = model
                    .records
                    .iter()
                    .filter(|r| r.kind == kind)
                    .filter(|r| r.links().any(|(k, l)| k.key == key && l.value == record.id))
                    .map(|r| r.id.as_str())
                    .collect();
                v.sort_unstable();
                v
            };
            let want_solvers = if record.kind == Kind::Issue { naive(Kind::Method, "solves") } else { Vec::new() };
            let want_implementers = if record.kind == Kind::Method { naive(Kind::Technology, "implements") } else { Vec::new() };
            prop_assert_eq!(solvers, want_solvers, "solvers of {}", record.id);
            prop_assert_eq!(implementers, want_implementers, "implementers of {}", record.id);
            let want_expanders = if record.kind == Kind::Method { naive(Kind::Method, "expands") } else { Vec::new() };
            prop_assert_eq!(expanders, want_expanders, "expanders of {}", record.id);
        }
    }

    #[test]
    fn fmt_is_idempotent_and_keeps_meaning(tree in tree()) {
        let pool = pool(&tree);
        let before = files(&tree, &pool);
        let mut after = before.clone();
        for r in &tree.records {
            let path = format!("{}/{}.toml", folder(r), id(r));
            let original = String::from_utf8(before[&path].clone()).expect("utf-8");
            let once = dx::format::format_record(&original, r.kind).expect("formats");
            let twice = dx::format::format_record(&once, r.kind).expect("formats again");
            prop_assert_eq!(&twice, &once, "idempotent on {}", path);
            prop_assert_eq!(meaning(&once), meaning(&original), "same values in {}", path);
            prop_assert_eq!(comments(&once), comments(&original), "every comment kept in {}", path);
            after.insert(path, once.into_bytes());
        }
        let drop_duplicates = |f: Vec<(String, String, String)>| -> Vec<(String, String, String)> {
            f.into_iter().filter(|(rule, ..)| rule != "duplicate-link").collect()
        };
        prop_assert_eq!(
            findings(&load(after)),
            drop_duplicates(findings(&load(before)))
        );
    }
}
