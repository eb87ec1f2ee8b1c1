//! Every command that reads a tree, at several tree sizes: `dx check`
//! against a parse-only pass over the same files, then each report command
//! against `dx check`. Wall time and peak memory, each run in a fresh child
//! process, the same code path as the binary with output to a sink.
//!
//!     cargo bench --bench check                   # 10k, 100k records
//!     cargo bench --bench check -- 1000 1000000   # chosen sizes
//!     cargo bench --bench check -- --iters 5
//!     cargo bench --bench check -- --only check   # check and parse-only
//!     cargo bench --bench check -- --only wide    # the wide and deep tree
//!
//! Trees are generated once into target/bench-trees/ and reused.

mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

// The allocator of the `dx` binary.
#[path = "../src/alloc.rs"]
mod alloc;

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// The commands measured beside `dx check`, as the arguments after the global options.
/// `show` shows a 手法 that every synthetic tree has.
const COMMANDS: &[&[&str]] = &[
    &["status"],
    &["status", "--by", "principle"],
    &["gap"],
    &["tree"],
    &["list"],
    &["list", "--format", "csv"],
    // A report as a page of its own, and as the JSON's data in YAML.
    &["list", "--format", "html"],
    &["gap", "--format", "yaml"],
    // What the completion scripts call on every Tab.
    &["__ids", "all"],
    &["show", "S-000001"],
    &["export", "--format", "json"],
    &["export", "--format", "yaml"],
    // The workbooks and the engines' tables (written to /tmp: a file
    // beside the tree would be read as part of it next time).
    &["export", "--format", "xlsx", "-o", "/tmp/dx-bench.xlsx"],
    &["export", "--format", "tables", "-o", "/tmp/dx-bench-tables"],
    &["gap", "--format", "xlsx", "-o", "/tmp/dx-bench-gap.xlsx"],
    &["status", "--format", "csv", "--table", "issues"],
    &["report"],
    &["fmt", "--check"],
    &["status", "--by", "fiscal-year"],
    &["agenda"],
    // A writer: loads and checks the tree twice (as it is, as it would be).
    &[
        "decide",
        "S-000001",
        "--body",
        "推進本部",
        "--result",
        "継続",
        "--dry-run",
    ],
    // The meeting writer: validates the meeting with check's rules, plans,
    // checks the tree as the plan would leave it.
    &["apply", "meetings/bench.toml", "--dry-run"],
    // Two models (the commit, the files) and both sides' findings matched:
    // the tree is a git repository of its own, committed once.
    &["diff", "HEAD"],
];

/// In the child: do one pass and print `milliseconds peak_kib`.
fn child(mode: &str, root: &Path) {
    let start = Instant::now();
    if mode == "parse" {
        let n = dx::model::parse_only(root).expect("parse");
        assert!(n > 0);
    } else if mode == "load" || mode == "rules" {
        // The model alone (walk, parse, records built and linked), and the
        // model with every rule run: check less these is the findings'
        // sorting and rendering.
        let model = dx::model::load(root).expect("load");
        if mode == "rules" {
            let today = "2026-11-24".parse().expect("date");
            std::hint::black_box(dx::rules::check(&model, today));
        }
        std::hint::black_box(&model);
    } else {
        let root_arg = root.display().to_string();
        let mut argv = vec!["dx", "--root", &root_arg, "--today", "2026-11-24"];
        argv.extend(mode.split(' '));
        let cli = <dx::cli::Cli as clap::Parser>::parse_from(argv);
        let env = dx::cli::Env {
            cwd: root.to_path_buf(),
            stdout_is_terminal: false,
            no_color: true,
            local_today: "2026-11-24".parse().expect("date"),
        };
        let code = dx::cli::run(&cli, &env, &mut std::io::sink(), &mut std::io::sink());
        assert!(code <= 1, "dx {mode} could not run: {code}");
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{ms:.1} {}", peak_kib());
}

fn run(mode: &str, root: &Path, iters: usize) -> (f64, u64) {
    let exe = std::env::current_exe().expect("own path");
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..iters {
        let out = Command::new(&exe)
            .args(["--child", mode])
            .arg(root)
            .output()
            .expect("child runs");
        assert!(
            out.status.success(),
            "dx {mode} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace();
        let ms: f64 = parts.next().and_then(|p| p.parse().ok()).expect("time");
        let kib: u64 = parts.next().and_then(|p| p.parse().ok()).expect("peak");
        times.push(ms);
        peak = peak.max(kib);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], peak)
}

/// The commands that walk links, on the wide and deep tree (one 課題, every
/// 手法 solving it, each expanding the one before), as multiples of check:
/// a quadratic step shows here first.
fn wide_and_deep(sizes: &[usize], iters: usize) {
    println!();
    println!("wide and deep: one 課題, N 手法 solving it, each expanding the previous");
    println!();
    println!("| command | 手法 | ms | × dx check | peak MiB |");
    println!("|---|---:|---:|---:|---:|");
    for &n in sizes {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/bench-trees")
            .join(format!("wide-deep-{n}"));
        if !root.join(".done").exists() {
            let _ = std::fs::remove_dir_all(&root);
            synth::generate_wide_deep(&root, n).expect("generate");
            std::fs::write(root.join(".done"), "").expect("marker");
        }
        let (check_ms, check_kib) = run("check", &root, iters);
        println!(
            "| `dx check` | {n} | {check_ms:.0} | 1.00 | {:.0} |",
            check_kib as f64 / 1024.0
        );
        let html = root.with_extension("html");
        for mode in [
            format!("report -o {}", html.display()),
            "export --format json".to_owned(),
            "export --format yaml".to_owned(),
            "status".to_owned(),
            "gap".to_owned(),
            "show K-000001".to_owned(),
            format!("show S-{n:06}"),
        ] {
            let (ms, kib) = run(&mode, &root, iters);
            println!(
                "| `dx {mode}` | {n} | {ms:.0} | {:.2} | {:.0} |",
                ms / check_ms,
                kib as f64 / 1024.0
            );
        }
    }
}

fn tree(records: usize) -> (PathBuf, u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-trees")
        .join(records.to_string());
    let marker = root.join(".bytes");
    if let Some(bytes) = std::fs::read_to_string(&marker)
        .ok()
        .and_then(|s| s.trim().parse().ok())
    {
        return (root, bytes);
    }
    let _ = std::fs::remove_dir_all(&root);
    let w = synth::generate(&root, records, 0).expect("generate");
    std::fs::write(&marker, w.bytes.to_string()).expect("marker");
    (root, w.bytes)
}

/// A meeting for `dx apply` to plan: a decision and a measurement on the
/// 手法 every synthetic tree has (at 実証実験, with its indicator). Written
/// beside a tree made before the meeting was measured too.
fn meeting(root: &Path) {
    let path = root.join("meetings/bench.toml");
    if !path.exists() {
        std::fs::create_dir_all(root.join("meetings")).expect("meetings");
        std::fs::write(
            path,
            "date = 2026-11-20\nbody = \"作業部会\"\n\n[[decision]]\nrecord = \"S-000001\"\nresult = \"継続\"\n\n[[measurement]]\nrecord = \"S-000001\"\nindicator = \"オンライン申請率\"\nvalue = 40.0\ndate = 2026-11-01\n",
        )
        .expect("meeting");
    }
}

/// Make the tree a git repository of its own, committed once (with its
/// meeting), for `dx diff`.
fn repository(root: &Path) {
    if root.join(".git").exists() {
        return;
    }
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .current_dir(root)
            .args([
                "-c",
                "user.name=dx-bench",
                "-c",
                "user.email=bench@example.invalid",
                "-c",
                "commit.gpgsign=false",
                // No upkeep started in the background by the commit: it
                // would hold the lock the gc below takes.
                "-c",
                "gc.auto=0",
            ])
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "git {args:?} in {}", root.display());
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "bench tree"]);
    // Packed, as a city's repository is once git has run its upkeep: loose
    // objects would measure the file system's opens, not dx.
    git(&["gc", "-q"]);
}

/// The 照会 of every department of the tree, written by `dx survey` into a
/// folder beside it, then 20 answered workbooks (the departments' surveys
/// in turn, each answer on its own day: every indicator measured, values
/// as numbers, dates as date cells), as `dx import` is given them.
/// Returns the answered files.
fn answered_surveys(root: &Path) -> Vec<PathBuf> {
    use calamine::{Data, Reader};
    let dir = root.with_extension("surveys");
    let answers = dir.join("answered");
    if let Ok(list) = std::fs::read_dir(&answers) {
        let mut files: Vec<PathBuf> = list.filter_map(|e| Some(e.ok()?.path())).collect();
        if !files.is_empty() {
            files.sort();
            return files;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    run(&format!("survey -o {}", dir.display()), root, 1);
    std::fs::create_dir_all(&answers).expect("answers");
    let mut made: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("surveys")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    made.sort();
    let mut out = Vec::new();
    for i in 0..20 {
        let path = &made[i % made.len()];
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).expect("survey opens");
        let mut answer = rust_xlsxwriter::Workbook::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).expect("sheet");
            let sheet = answer.add_worksheet();
            sheet.set_name(&name).expect("name");
            for (r, c, v) in range.used_cells() {
                let (r, c) = (r as u32, c as u16);
                match v {
                    Data::String(t) => drop(sheet.write_string(r, c, t)),
                    Data::Float(f) => drop(sheet.write_number(r, c, *f)),
                    Data::DateTime(d) => drop(sheet.write_number(r, c, d.as_f64())),
                    _ => {}
                }
            }
            if name == "測定" {
                let day =
                    rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 11, 1 + i as u8).expect("day");
                for r in 1..range.height() as u32 {
                    sheet.write_datetime(r, 10, &day).expect("date");
                    sheet
                        .write_number(r, 11, 10.0 + f64::from(r))
                        .expect("value");
                }
            }
        }
        let file = answers.join(format!("{i:02}.xlsx"));
        answer.save(&file).expect("answer saved");
        out.push(file);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1], Path::new(&args[2]));
        return;
    }
    let mut iters = 3;
    let mut only_check = false;
    let mut only_wide = false;
    let mut sizes = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--iters" {
            iters = it.next().and_then(|n| n.parse().ok()).unwrap_or(3);
        } else if a == "--only" {
            let only = it.next();
            only_check = only.is_some_and(|c| c == "check");
            only_wide = only.is_some_and(|c| c == "wide");
        } else if let Ok(n) = a.parse::<usize>() {
            sizes.push(n);
        }
    }
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000];
    }
    println!(
        "cores: {}, iterations: {iters} (median time, max peak)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
    println!(
        "| records | tree MiB | parse-only ms | dx check ms | check / parse | parse peak MiB | check peak MiB | check peak / tree |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mib = |kib: u64| kib as f64 / 1024.0;
    if only_wide {
        wide_and_deep(&sizes, iters);
        return;
    }
    let mut trees = Vec::new();
    let mut spent = Vec::new();
    for &n in &sizes {
        let (root, bytes) = tree(n);
        meeting(&root);
        repository(&root);
        // Parse and check in turns, so that each run's ratio compares two
        // passes made in the same state of the machine.
        let (mut parse, mut check, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        let (mut parse_kib, mut check_kib) = (0, 0);
        for _ in 0..iters {
            let (p, pk) = run("parse", &root, 1);
            let (c, ck) = run("check", &root, 1);
            parse.push(p);
            check.push(c);
            ratios.push(c / p);
            parse_kib = parse_kib.max(pk);
            check_kib = check_kib.max(ck);
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (parse_ms, check_ms) = (median(&mut parse), median(&mut check));
        ratios.sort_by(f64::total_cmp);
        spent.push((n, parse_ms, ratios.clone()));
        println!(
            "| {n} | {:.1} | {parse_ms:.0} | {check_ms:.0} | {:.2} | {:.0} | {:.0} | {:.2} |",
            bytes as f64 / 1_048_576.0,
            check_ms / parse_ms,
            mib(parse_kib),
            mib(check_kib),
            check_kib as f64 * 1024.0 / bytes as f64,
        );
        trees.push((n, root, check_ms));
    }
    println!();
    println!("check / parse in each run (parse and check taken in turns):");
    println!();
    for (n, _, ratios) in &spent {
        let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
        println!(
            "- {n}: {} (max {:.2})",
            shown.join(", "),
            ratios.last().copied().unwrap_or(0.0)
        );
    }
    // Where check's time beyond the parse floor goes: building the model,
    // the rules, and the rest (sorting and rendering the findings).
    println!();
    println!("| records | parse ms | load ms | load + rules ms | check ms |");
    println!("|---:|---:|---:|---:|---:|");
    for (n, root, check_ms) in &trees {
        let parse_ms = spent.iter().find(|s| s.0 == *n).map_or(0.0, |s| s.1);
        let (load_ms, _) = run("load", root, iters);
        let (rules_ms, _) = run("rules", root, iters);
        println!("| {n} | {parse_ms:.0} | {load_ms:.0} | {rules_ms:.0} | {check_ms:.0} |");
    }
    if only_check {
        return;
    }
    println!();
    println!("| command | records | ms | × dx check | peak MiB |");
    println!("|---|---:|---:|---:|---:|");
    for command in COMMANDS {
        let mode = command.join(" ");
        for (n, root, check_ms) in &trees {
            let (ms, kib) = run(&mode, root, iters);
            println!(
                "| `dx {mode}` | {n} | {ms:.0} | {:.2} | {:.0} |",
                ms / check_ms,
                mib(kib)
            );
        }
    }
    wide_and_deep(&sizes, iters);
    // The 照会 round trip: every department's workbook, then 20 answered
    // workbooks planned and checked (--dry-run: the tree stays as made).
    for (n, root, check_ms) in &trees {
        let out = root.with_extension("surveys-timed");
        let (ms, kib) = run(&format!("survey -o {}", out.display()), root, iters);
        let books = std::fs::read_dir(&out).map_or(0, Iterator::count);
        println!(
            "| `dx survey -o DIR` ({books} workbooks) | {n} | {ms:.0} | {:.2} | {:.0} |",
            ms / check_ms,
            mib(kib)
        );
        let files = answered_surveys(root);
        let list: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        let (ms, kib) = run(&format!("import --dry-run {}", list.join(" ")), root, iters);
        println!(
            "| `dx import --dry-run` ({} workbooks) | {n} | {ms:.0} | {:.2} | {:.0} |",
            files.len(),
            ms / check_ms,
            mib(kib)
        );
    }
}
