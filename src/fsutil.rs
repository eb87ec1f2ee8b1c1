//! Writing files so that a crash, a full disk or a second writer can never
//! leave a half-written or clobbered record: write a temporary file beside
//! the target, flush it to disk, then move it into place in one step.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A temporary path beside `target`, hidden (dx skips dot-files).
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let unique = format!(
        ".{name}.dx-{}-{}.tmp",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    );
    target.with_file_name(unique)
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
    let temp = write_temp(target, write)?;
    if let Ok(meta) = fs::metadata(target) {
        let _ = fs::set_permissions(&temp, meta.permissions());
    }
    fs::rename(&temp, target).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
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
