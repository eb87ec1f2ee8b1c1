//! The binary's allocator. A file of the binary (and of the benchmark, which
//! includes it, so that it measures what users run), not of the library.

// Loading allocates many small strings from several threads; mimalloc does
// that markedly faster than the system allocator (docs/performance.md). Its
// defaults are kept: memory targets are met by the model's structure.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
