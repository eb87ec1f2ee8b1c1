//! Where `dx check` spends its time and memory on a tree: load, rules, drop.
//! After each phase: wall time, resident memory now and the peak so far.
//!
//!     cargo run --release --example phases -- target/bench-trees/100000

use std::time::Instant;

// The allocator of the `dx` binary.
#[path = "../src/alloc.rs"]
mod alloc;

/// `VmRSS` and `VmHWM` in MiB.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0)
            / 1024
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn phase(name: &str, start: Instant, extra: &str) {
    let (rss, peak) = memory();
    println!(
        "{name:<12} {:>6.0} ms   rss {rss:>5} MiB   peak {peak:>5} MiB   {extra}",
        start.elapsed().as_secs_f64() * 1e3
    );
}

fn main() {
    let root = std::env::args().nth(1).expect("a tree root");
    let root = std::path::Path::new(&root);
    let t = Instant::now();
    let n = dx::model::parse_only(root).expect("parse");
    phase("parse-only", t, &format!("({n} files)"));
    let t = Instant::now();
    let model = dx::model::load(root).expect("load");
    phase("load", t, "");
    let t = Instant::now();
    let today = "2026-11-24".parse().expect("date");
    let diags = dx::rules::check(&model, today);
    phase("rules", t, &format!("({} findings)", diags.len()));
    let t = Instant::now();
    drop(diags);
    drop(model);
    phase("drop", t, "");
}
