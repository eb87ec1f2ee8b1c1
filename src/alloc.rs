//! The binary's allocator and its two settings. A file of the binary (and of
//! the benchmark, which includes it), not of the library: setting an
//! allocator option is a foreign call, and the library has no unsafe code.

use std::ffi::c_long;

// Loading allocates many small strings from several threads; mimalloc does
// that markedly faster than the system allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Positions in `mi_option_e` of mimalloc 2.x's `mimalloc.h`, which
// libmimalloc-sys does not name; the version is pinned in Cargo.toml so that
// they cannot move under us.
pub(crate) const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
pub(crate) const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Give freed pages back to the system at once, and commit arena memory only
/// when it is used. By default mimalloc keeps freed pages for 10 ms (100 ms
/// in arenas) and commits whole arenas up front on Linux: faster for a
/// server, but `dx check` frees the parse trees of every file while it
/// loads, and holding them on made the peak 13 % higher at 100k records for
/// no measurable gain in time (docs/performance.md).
pub(crate) fn tune() {
    for (option, value) in [(ARENA_EAGER_COMMIT, 0), (PURGE_DELAY, 0)] {
        // SAFETY: `mi_option_set` stores an integer in mimalloc's option
        // table; any value is valid for these two options, and this runs
        // first thing in `main`, before any other thread exists.
        #[allow(unsafe_code)]
        unsafe {
            libmimalloc_sys::mi_option_set(option, value as c_long);
        }
    }
}
