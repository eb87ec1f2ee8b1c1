//! The `dx` binary: parse arguments, run, exit with the code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

mod alloc;

fn main() -> ExitCode {
    alloc::tune();
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

#[cfg(test)]
mod tests {
    use std::ffi::c_long;

    use crate::alloc::{PURGE_DELAY, tune};

    // `mi_option_arena_eager_commit` in mimalloc 2.x's `mimalloc.h`.
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

    fn get(option: libmimalloc_sys::mi_option_t) -> c_long {
        // SAFETY: reads an integer from mimalloc's option table; the only
        // write, in `tune`, stores the value it already has after the first.
        #[allow(unsafe_code)]
        unsafe {
            libmimalloc_sys::mi_option_get(option)
        }
    }

    /// The arena default comes from .cargo/config.toml at mimalloc's
    /// compile time (nothing sets it at run time): a CFLAGS of one's own
    /// replaces it, and this says so.
    #[test]
    fn arenas_are_committed_on_use() {
        assert_eq!(
            get(ARENA_EAGER_COMMIT),
            0,
            "mimalloc was compiled without -DMI_DEFAULT_ARENA_EAGER_COMMIT=0 \
             (see .cargo/config.toml)"
        );
    }

    #[test]
    fn freed_pages_go_back_at_once() {
        tune();
        assert_eq!(get(PURGE_DELAY), 0);
    }
}
