//! The binary's allocator and the setting it takes at run time. A file of
//! the binary (and of the benchmark, which includes it), not of the library:
//! setting an allocator option is a foreign call, and the library has no
//! unsafe code.

// Loading allocates many small strings from several threads; mimalloc does
// that markedly faster than the system allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The position of `mi_option_purge_delay` in `mi_option_e` of mimalloc
// 2.x's `mimalloc.h`, which libmimalloc-sys does not name; the version is
// pinned in Cargo.toml so that it cannot move under us.
pub(crate) const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Give freed pages back to the system at once instead of after 10 ms (100
/// ms in arenas): `dx check` frees the parse tree of every file while it
/// loads, and holding those pages on raised the peak by 7 MB at 100k
/// records for no measurable gain in time (docs/performance.md). The other
/// setting, arenas committed only when used, cannot be made here: the first
/// arena exists before `main`, so it is set where mimalloc is compiled
/// (.cargo/config.toml).
pub(crate) fn tune() {
    // SAFETY: `mi_option_set` stores an integer in mimalloc's option table;
    // any value is valid for this option, and this runs first thing in
    // `main`, before any other thread exists.
    #[allow(unsafe_code)]
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}
