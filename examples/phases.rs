//! Where `dx check` spends its time on a tree: load, rules, drop.
//!
//!     cargo run --release --example phases -- target/bench-trees/100000

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let root = std::env::args().nth(1).expect("a tree root");
    let root = std::path::Path::new(&root);
    let t = Instant::now();
    let n = dx::model::parse_only(root).expect("parse");
    println!(
        "parse-only   {:>6.0} ms ({n} files)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let model = dx::model::load(root).expect("load");
    println!("load         {:>6.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let today = "2026-11-24".parse().expect("date");
    let diags = dx::rules::check(&model, today);
    println!(
        "rules        {:>6.0} ms ({} findings)",
        t.elapsed().as_secs_f64() * 1e3,
        diags.len()
    );
    let t = Instant::now();
    drop(diags);
    drop(model);
    println!("drop         {:>6.0} ms", t.elapsed().as_secs_f64() * 1e3);
}
