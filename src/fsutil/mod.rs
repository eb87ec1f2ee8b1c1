//! Writing files so that a crash, a full disk or a second writer can never
//! leave a half-written or clobbered record: write a temporary file beside
//! the target, flush it to disk, then move it into place in one step.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod journal;
mod lock;

pub use journal::{FileWrite, Inject, JOURNAL, recover, write_all};
pub use lock::{LOCK, LockError, TreeLock};

/// A temporary path beside `target`, hidden (dx skips dot-files). The
/// target's name is cut to 100 bytes in it, so that a record whose name is
/// near the system's limit of 255 bytes still has a temporary file.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut cut = name.len().min(100);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let unique = format!(
        ".{}.dx-{}-{}{:09}.tmp",
        &name[..cut],
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    );
    target.with_file_name(unique)
}

/// Whether a file name is one of [`temp_path`]'s: `.NAME.dx-PID-N.tmp`.
fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let Some((_, tail)) = rest.rsplit_once(".dx-") else {
        return false;
    };
    tail.split_once('-').is_some_and(|(pid, n)| {
        !pid.is_empty()
            && !n.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Remove the temporary files a killed writer left in the tree at `root`
/// (they would show in git). Called by a writer holding the tree lock, so
/// no other writer's temporary file is in progress. Returns how many.
pub fn remove_stale_temps(root: &Path) -> usize {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name().to_str().is_some_and(is_temp_name))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

fn write_temp(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let temp = temp_path(target);
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    let mut buffered = io::BufWriter::new(file);
    let written = write(&mut buffered)
        .and_then(|()| {
            buffered
                .into_inner()
                .map_err(io::IntoInnerError::into_error)
        })
        .and_then(|file| file.sync_all());
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// Replace `target` with `bytes` in one step, keeping its permissions.
pub fn replace(target: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(target, |w| w.write_all(bytes))
}

/// Replace `target` in one step with what `write` writes, as it writes it
/// (a report of a hundred megabytes is never held whole in memory); when
/// `write` fails, `target` is left as it was.
pub fn replace_with(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if !replaceable(target) {
        // A pipe, a device, a link: written into, never replaced.
        let file = OpenOptions::new().write(true).truncate(true).open(target)?;
        let mut buffered = io::BufWriter::new(file);
        write(&mut buffered)?;
        return buffered.flush();
    }
    let temp = write_temp(target, write)?;
    keep_owner_and_mode(target, &temp);
    fs::rename(&temp, target).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Whether `target` may be replaced by renaming a new file over it: it is
/// missing or a regular file, not a symbolic link (to `/dev/stdout`, say),
/// a named pipe or a device, which a rename would destroy.
fn replaceable(target: &Path) -> bool {
    match fs::symlink_metadata(target) {
        Ok(meta) => meta.file_type().is_file(),
        Err(_) => true,
    }
}

/// The replacement keeps the file's permissions and, where the system
/// allows (as root), its owner and group.
fn keep_owner_and_mode(target: &Path, temp: &Path) {
    let Ok(meta) = fs::metadata(target) else {
        return;
    };
    let _ = fs::set_permissions(temp, meta.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::chown(temp, Some(meta.uid()), Some(meta.gid()));
    }
}

/// Create `target` with `bytes`, failing with `AlreadyExists` if it exists,
/// even when another writer creates it at the same moment.
pub fn create_new(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if target.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            target.display().to_string(),
        ));
    }
    let temp = write_temp(target, |w| w.write_all(bytes))?;
    // A hard link is created atomically and never replaces an existing name.
    let linked = fs::hard_link(&temp, target);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // File systems without hard links: create_new still never clobbers.
        Err(_) => {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(target)?;
            file.write_all(bytes)?;
            file.sync_all()
        }
    }
}

/// Make sure a folder exists.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Whether a folder is missing or empty.
pub fn is_empty_dir(dir: &Path) -> io::Result<bool> {
    match fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised() -> Result<(), Box<dyn std::error::Error>> {
        let made = temp_path(Path::new("tree/K-001.toml"));
        let name = made.file_name().and_then(|n| n.to_str()).ok_or("name")?;
        assert!(is_temp_name(name), "{name}");
        // A name at the system's limit (255 bytes) still has one.
        let long = format!("{}.toml", "あ".repeat(83));
        assert_eq!(long.len(), 254);
        let made = temp_path(&Path::new("tree").join(&long));
        let name = made.file_name().and_then(|n| n.to_str()).ok_or("name")?;
        assert!(name.len() <= 160 && is_temp_name(name), "{name}");
        for other in [
            ".notes.tmp",
            "K-001.toml",
            ".K-001.toml.dx-.tmp",
            ".x.dx-1-a.tmp",
            "x.dx-1-2.tmp",
        ] {
            assert!(!is_temp_name(other), "{other}");
        }
        Ok(())
    }

    #[test]
    fn create_new_never_clobbers() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("K-001.toml");
        create_new(&path, b"a = 1\n")?;
        let err = create_new(&path, b"a = 2\n").expect_err("exists");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path)?, b"a = 1\n");
        replace(&path, b"a = 3\n")?;
        assert_eq!(fs::read(&path)?, b"a = 3\n");
        let leftovers = fs::read_dir(dir.path())?.count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
        Ok(())
    }

    #[test]
    fn a_failed_streaming_write_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("report.html");
        fs::write(&path, b"old")?;
        let err = replace_with(&path, |w| {
            w.write_all(b"half a report")?;
            Err(io::Error::other("disk full"))
        })
        .expect_err("the write fails");
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read(&path)?, b"old");
        assert_eq!(
            fs::read_dir(dir.path())?.count(),
            1,
            "no temporary file left"
        );
        replace_with(&path, |w| w.write_all(b"new"))?;
        assert_eq!(fs::read(&path)?, b"new");
        Ok(())
    }
}
