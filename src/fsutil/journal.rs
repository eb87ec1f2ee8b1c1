//! Changes to several files, all or nothing, even when a rename fails half
//! way or the writer is killed.
//!
//! 1. Every new content goes to a temporary file beside its target, flushed
//!    to disk; every file to be replaced or removed gets a backup (a hard
//!    link, else a copy). A failure here removes them: nothing has changed.
//! 2. The journal `.dx-journal` beside dx.toml lists each target with its
//!    temporary file and backup, and is flushed: from here the change can
//!    be undone without this process.
//! 3. The temporary files are renamed over their targets, the removed files
//!    deleted. When one of these fails (a file made immutable, a target
//!    that became a folder), what was done is undone from the backups.
//! 4. Removing the journal is the commit; then the backups go.
//!
//! A writer killed in step 3 leaves the journal; the next writer, holding
//! the tree lock, undoes what it lists ([`recover`]) before it reads the
//! tree. The killed command never said it had written, so its change is
//! taken back, not finished.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{keep_owner_and_mode, temp_path, write_temp};

/// The journal's name (a dot-file: the loader skips it).
pub const JOURNAL: &str = ".dx-journal";

/// One file of a change to several: new bytes for `path`, or its removal.
#[derive(Clone, Debug)]
pub struct FileWrite {
    /// The file.
    pub path: PathBuf,
    /// Its new bytes; `None` removes it.
    pub bytes: Option<Vec<u8>>,
    /// A new file: refuse when one has appeared at the path since.
    pub create: bool,
}

/// One step of the change, as the journal lists it.
struct Step {
    target: PathBuf,
    /// The new content, until it is renamed into place; `None` for a removal.
    temp: Option<PathBuf>,
    /// The old content, while the change may still be undone; `None` for a
    /// file that did not exist.
    backup: Option<PathBuf>,
    /// The outermost folder made for a new file, removed again (when
    /// empty) if the change is not made.
    made_dir: Option<PathBuf>,
}

/// Failures injected by the tests of this module and of the writers: fail
/// as if the disk filled up before the temporary file of index `n` was
/// written, or as if the rename of index `n` was refused. Never set in use.
#[derive(Clone, Copy, Debug, Default)]
pub struct Inject {
    /// Fail before writing the temporary file of this index.
    pub before_temp: Option<usize>,
    /// Fail the rename of this index.
    pub rename: Option<usize>,
    /// Wait this many milliseconds before each rename, so that a test can
    /// kill the writer in the middle of them.
    pub pause_ms: Option<u64>,
    /// Fail the commit (the journal's removal) after every rename.
    pub commit: bool,
}

impl Inject {
    /// The failures the environment asks for (tests of the binary).
    #[must_use]
    pub fn from_env() -> Self {
        let get = |k: &str| std::env::var(k).ok().and_then(|v| v.parse().ok());
        Self {
            before_temp: get("DX_TEST_FAIL_WRITE_BEFORE"),
            rename: get("DX_TEST_FAIL_RENAME_AT"),
            pause_ms: std::env::var("DX_TEST_PAUSE_RENAMES_MS")
                .ok()
                .and_then(|v| v.parse().ok()),
            commit: false,
        }
    }
}

/// Remove the temporary files and backups that are left, and the folders
/// made for new files if they are empty again.
fn remove_all(steps: &[Step]) {
    for s in steps {
        for p in [&s.temp, &s.backup].into_iter().flatten() {
            let _ = fs::remove_file(p);
        }
    }
    for s in steps {
        let Some(top) = &s.made_dir else { continue };
        let mut dir = s.target.parent();
        while let Some(d) = dir {
            if fs::remove_dir(d).is_err() || d == top {
                break;
            }
            dir = d.parent();
        }
    }
}

/// The outermost of `dir` and its parents that does not exist yet.
fn first_missing(dir: &Path) -> Option<PathBuf> {
    let mut missing = None;
    let mut at = Some(dir);
    while let Some(d) = at {
        if fs::symlink_metadata(d).is_ok() {
            break;
        }
        missing = Some(d.to_path_buf());
        at = d.parent();
    }
    missing
}

/// A backup of `target` beside it: a second name for the same file, so
/// that renaming the new content over `target` leaves the old reachable.
fn backup(target: &Path) -> io::Result<PathBuf> {
    let path = temp_path(target);
    if fs::hard_link(target, &path).is_err() {
        // File systems without hard links.
        fs::copy(target, &path)?;
    }
    Ok(path)
}

/// Write several files all or nothing (see the module's documentation).
/// `root` is the tree's folder, where the journal goes.
pub fn write_all(root: &Path, files: &[FileWrite], inject: Inject) -> io::Result<()> {
    let mut steps: Vec<Step> = Vec::with_capacity(files.len());
    let prepared = prepare(files, inject, &mut steps);
    if let Err(e) = prepared {
        remove_all(&steps);
        return Err(e);
    }
    let journal = root.join(JOURNAL);
    // A journal that could not be written is removed by write_journal
    // itself: one already there (another's) is never touched here.
    if let Err(e) = write_journal(root, &journal, &steps) {
        remove_all(&steps);
        return Err(e);
    }
    for (i, step) in steps.iter().enumerate() {
        if let Some(ms) = inject.pause_ms {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        let done = if inject.rename == Some(i) {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "injected failure",
            ))
        } else {
            match &step.temp {
                Some(temp) => fs::rename(temp, &step.target),
                None => fs::remove_file(&step.target),
            }
        };
        if let Err(e) = done {
            undo(&steps[..i]);
            remove_all(&steps);
            let _ = fs::remove_file(&journal);
            return Err(io::Error::new(
                e.kind(),
                format!("{}: {e}", step.target.display()),
            ));
        }
    }
    sync_dir(root);
    // The commit. Should the journal not go, the next writer would take
    // the change back after it was reported written: take it back now and
    // say it failed, so what is reported is what stays.
    let committed = if inject.commit {
        Err(io::Error::other("injected failure"))
    } else {
        fs::remove_file(&journal)
    };
    if let Err(e) = committed {
        undo(&steps);
        remove_all(&steps);
        let _ = fs::remove_file(&journal);
        return Err(e);
    }
    for step in &steps {
        if let Some(b) = &step.backup {
            let _ = fs::remove_file(b);
        }
    }
    Ok(())
}

/// Step 1: temporary files and backups, in the order of `files`.
fn prepare(files: &[FileWrite], inject: Inject, steps: &mut Vec<Step>) -> io::Result<()> {
    for (i, f) in files.iter().enumerate() {
        let exists = fs::symlink_metadata(&f.path).is_ok();
        if f.create && exists {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                f.path.display().to_string(),
            ));
        }
        if inject.before_temp == Some(i) {
            return Err(io::Error::other("injected failure"));
        }
        if f.bytes.is_none() && !exists {
            // Removing a file that is gone already: nothing to do.
            continue;
        }
        // The step is listed before anything is made for it, so that a
        // failure half way still removes what was.
        steps.push(Step {
            target: f.path.clone(),
            temp: None,
            backup: None,
            made_dir: None,
        });
        let Some(step) = steps.last_mut() else {
            continue;
        };
        // Every failure names its file (a name too long for the system).
        let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", f.path.display()));
        if let Some(bytes) = &f.bytes {
            if let Some(dir) = f.path.parent() {
                step.made_dir = first_missing(dir);
                fs::create_dir_all(dir).map_err(named)?;
            }
            let temp = write_temp(&f.path, |w| w.write_all(bytes)).map_err(named)?;
            keep_owner_and_mode(&f.path, &temp);
            step.temp = Some(temp);
        }
        if exists {
            step.backup = Some(backup(&f.path).map_err(named)?);
        }
    }
    Ok(())
}

/// Undo the steps done, last first: the old content back from its backup,
/// a new file removed.
fn undo(done: &[Step]) {
    for step in done.iter().rev() {
        match &step.backup {
            Some(b) => {
                let _ = fs::rename(b, &step.target);
            }
            None => {
                let _ = fs::remove_file(&step.target);
            }
        }
    }
}

/// Flush a folder's entries (the renames in it) to disk, where the system
/// allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A path as journal text: relative to the root, its bytes in hex (a name
/// need not be UTF-8 and may hold tabs or line breaks).
fn encode(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    bytes_of(rel.as_os_str()).iter().fold(
        String::with_capacity(rel.as_os_str().len() * 2),
        |mut s, b| {
            s.push_str(&format!("{b:02x}"));
            s
        },
    )
}

fn decode(root: &Path, hex: &str) -> Option<PathBuf> {
    if hex == "-" {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect();
    let rel = path_of(bytes?)?;
    // Only a path inside the tree: a journal is never a way out of it.
    rel.components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
        .then(|| root.join(rel))
}

#[cfg(unix)]
fn bytes_of(s: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(unix)]
fn path_of(bytes: Vec<u8>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn bytes_of(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_of(bytes: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

fn write_journal(root: &Path, journal: &Path, steps: &[Step]) -> io::Result<()> {
    let mut text = String::from(
        "# dx: 途中で止まった書き込みの記録です。次に dx で書き込むときに元に戻します。手で消さないでください\n",
    );
    for s in steps {
        let field =
            |p: &Option<PathBuf>| p.as_ref().map_or_else(|| "-".into(), |p| encode(root, p));
        text.push_str(&format!(
            "{} {} {}\n",
            encode(root, &s.target),
            field(&s.temp),
            field(&s.backup)
        ));
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(journal)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    if written.is_err() {
        // Ours, half written: no rename has happened, nothing to undo.
        let _ = fs::remove_file(journal);
    }
    written?;
    sync_dir(root);
    Ok(())
}

/// Undo the change a killed writer left half done, if its journal is
/// there: every target back to its old content, new files removed. Called
/// by a writer holding the tree lock, before it reads the tree. Returns
/// how many files were put back.
pub fn recover(root: &Path) -> io::Result<usize> {
    let journal = root.join(JOURNAL);
    let text = match fs::read_to_string(&journal) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut steps = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        let (Some(t), Some(n), Some(b)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Some(target) = decode(root, t) else {
            continue;
        };
        steps.push(Step {
            target,
            temp: decode(root, n),
            backup: decode(root, b),
            made_dir: None,
        });
    }
    let mut restored = 0;
    for step in steps.iter().rev() {
        match &step.backup {
            // A backup still there: the old content, renamed back (over
            // the same content when this step was not done yet).
            Some(b) if b.exists() => {
                let done = match &step.temp {
                    Some(t) => !t.exists(),
                    None => !step.target.exists(),
                };
                fs::rename(b, &step.target)?;
                restored += usize::from(done);
            }
            Some(_) => {}
            // A new file whose temporary file is gone was created: remove.
            None if step.temp.as_ref().is_some_and(|t| !t.exists()) => {
                match fs::remove_file(&step.target) {
                    Ok(()) => restored += 1,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
            None => {}
        }
    }
    remove_all(&steps);
    sync_dir(root);
    fs::remove_file(&journal)?;
    Ok(restored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        fs::create_dir_all(dir.path().join("a"))?;
        fs::write(dir.path().join("a/one.toml"), "one = 1\n")?;
        fs::write(dir.path().join("a/two.toml"), "two = 2\n")?;
        fs::write(dir.path().join("a/gone.toml"), "gone = 0\n")?;
        Ok(dir)
    }

    fn listing(root: &Path) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(root)
                        .unwrap_or(e.path())
                        .display()
                        .to_string(),
                    fs::read_to_string(e.path()).unwrap_or_default(),
                )
            })
            .collect();
        all.sort();
        all
    }

    fn change(root: &Path) -> Vec<FileWrite> {
        vec![
            FileWrite {
                path: root.join("a/one.toml"),
                bytes: Some(b"one = 10\n".to_vec()),
                create: false,
            },
            FileWrite {
                path: root.join("b/new.toml"),
                bytes: Some(b"new = 3\n".to_vec()),
                create: true,
            },
            FileWrite {
                path: root.join("a/gone.toml"),
                bytes: None,
                create: false,
            },
            FileWrite {
                path: root.join("a/two.toml"),
                bytes: Some(b"two = 20\n".to_vec()),
                create: false,
            },
        ]
    }

    #[test]
    fn a_failed_rename_at_any_step_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
        for at in 0..4 {
            let dir = tree()?;
            let before = listing(dir.path());
            let inject = Inject {
                rename: Some(at),
                ..Inject::default()
            };
            write_all(dir.path(), &change(dir.path()), inject).expect_err("refused");
            assert_eq!(listing(dir.path()), before, "rename {at}");
        }
        let dir = tree()?;
        write_all(dir.path(), &change(dir.path()), Inject::default())?;
        let after = listing(dir.path());
        let names: Vec<&str> = after.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["a/one.toml", "a/two.toml", "b/new.toml"]);
        assert_eq!(after[0].1, "one = 10\n");
        Ok(())
    }

    #[test]
    fn a_commit_that_fails_is_taken_back() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tree()?;
        let before = listing(dir.path());
        let inject = Inject {
            commit: true,
            ..Inject::default()
        };
        write_all(dir.path(), &change(dir.path()), inject).expect_err("refused");
        assert_eq!(
            listing(dir.path()),
            before,
            "every rename undone, the journal gone"
        );
        Ok(())
    }

    #[test]
    fn a_target_that_became_a_folder_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tree()?;
        // The last target became a folder with a file in it: it can be
        // neither backed up nor replaced.
        fs::remove_file(dir.path().join("a/two.toml"))?;
        fs::create_dir_all(dir.path().join("a/two.toml/inside"))?;
        let before = listing(dir.path());
        let mut files = change(dir.path());
        files[3].create = false;
        write_all(dir.path(), &files, Inject::default()).expect_err("refused");
        assert_eq!(listing(dir.path()), before);
        Ok(())
    }

    #[test]
    fn a_killed_writer_is_undone_by_the_next() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tree()?;
        let root = dir.path();
        let before = listing(root);
        // As a writer killed after two of its four steps: temporary files
        // and backups made, the journal written, two renames done.
        let mut steps = Vec::new();
        prepare(&change(root), Inject::default(), &mut steps)?;
        write_journal(root, &root.join(JOURNAL), &steps)?;
        for step in &steps[..2] {
            fs::rename(step.temp.as_ref().ok_or("temp")?, &step.target)?;
        }
        assert_ne!(listing(root), before);
        assert_eq!(recover(root)?, 2);
        assert_eq!(listing(root), before);
        assert_eq!(recover(root)?, 0, "nothing left to do");
        Ok(())
    }

    #[test]
    fn a_journal_never_reaches_outside_the_tree() {
        let root = Path::new("/tree");
        assert_eq!(
            decode(root, &encode(root, Path::new("/tree/a/b.toml"))),
            Some(PathBuf::from("/tree/a/b.toml"))
        );
        let outside = "2e2e2f6574632f706173737764"; // ../etc/passwd
        assert_eq!(decode(root, outside), None);
        assert_eq!(decode(root, "2f6574632f706173737764"), None); // /etc/passwd
        assert_eq!(decode(root, "-"), None);
    }
}
