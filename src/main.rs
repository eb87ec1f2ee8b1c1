//! The `dx` binary: parse arguments, run, exit with the code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

mod alloc;

fn main() -> ExitCode {
    let cli = dx::cli::Cli::parse();
    let env = dx::cli::Env {
        cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        stdout_is_terminal: std::io::stdout().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        local_today: jiff::ZonedDateTime::now().date(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let code = dx::cli::run(&cli, &env, &mut out, &mut err);
    // A closed pipe (dx check | head) is not a failure of the check.
    let _ = out.flush();
    ExitCode::from(code)
}
