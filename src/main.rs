//! The `dx` binary: parse arguments, run, exit with the code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

mod alloc;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let cli = match dx::cli::parse(args, std::env::var_os("DX_LANG").as_deref()) {
        Ok(cli) => cli,
        Err(dx::cli::ParseExit::Clap(e)) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(dx::cli::ParseExit::Message(m)) => {
            let _ = std::io::stderr().write_all(m.as_bytes());
            return ExitCode::from(dx::cli::EXIT_TROUBLE);
        }
    };
    let env = dx::cli::Env {
        cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        stdout_is_terminal: std::io::stdout().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        local_today: jiff::ZonedDateTime::now().date(),
    };
    // Not locked for the whole run: `dx lsp` writes stdout from its own thread.
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut err = std::io::stderr().lock();
    let code = dx::cli::run(&cli, &env, &mut out, &mut err);
    // A closed pipe (dx check | head) is not a failure of the check.
    let _ = out.flush();
    ExitCode::from(code)
}
