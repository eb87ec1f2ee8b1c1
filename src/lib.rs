//! dx: keeps a city's DX portfolio — 分野 > 領域 > 課題 > 手法 > 技術 — as
//! plain TOML records in git, validates every link and rule of the
//! 西宮市DX推進指針, and prints what the 事務局 takes to meetings.
//!
//! Layers, each using only those below it (docs/architecture.md, checked by
//! a test): `files` → `vocab`, `privacy` → `diag` → `model` (load, validate,
//! link) → `rules` (one module per rule) → `report` → `render` (one module
//! per output format) → `cli` (one module per command). The library never
//! prints on its own: commands write to the writers they are given.

#![forbid(unsafe_code)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod calendar;
pub mod cli;
pub mod diag;
pub mod edit;
pub mod files;
pub mod format;
pub mod fsutil;
pub mod git;
pub mod i18n;
pub mod model;
pub mod names;
pub mod privacy;
pub mod render;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod sheets;
pub mod suggest;
pub mod vocab;
