//! Write a synthetic record tree: `cargo run --release --example gen_tree -- 10000 /tmp/tree`.

#[path = "../benches/synth.rs"]
mod synth;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let records: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let out = args.next().unwrap_or_else(|| "synthetic-tree".into());
    let broken: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let w = synth::generate(std::path::Path::new(&out), records, broken)?;
    eprintln!("{} records, {} bytes in {out}", w.records, w.bytes);
    Ok(())
}
