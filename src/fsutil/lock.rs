//! The writers' tree lock: an advisory lock (`flock` on Unix, `LockFileEx`
//! on Windows) on `.dx.lock` beside dx.toml. Every writer takes it before
//! it reads what it will change and holds it until its last file is in
//! place, so two writers at once never both read the same record and the
//! second overwrite the first. The system releases the lock when its holder
//! exits, however it exits: a writer killed with `kill -9` leaves no lock
//! to wait for, and a long import is never mistaken for a dead one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file's name (a dot-file: the loader skips it).
pub const LOCK: &str = ".dx.lock";

/// How long a writer waits for another to finish, unless the tests say.
const WAIT: Duration = Duration::from_secs(10);

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another writer held it for the whole wait; its process ID as it
    /// wrote it in the file, when it could be read.
    Busy {
        /// The holder's process ID.
        pid: Option<u32>,
        /// How long this writer waited, in seconds.
        waited: u64,
    },
    /// The lock file could not be made or locked (a read-only tree).
    Io(io::Error),
}

/// The lock, held until dropped.
#[derive(Debug)]
pub struct TreeLock {
    path: PathBuf,
    /// `None` on a file system that has no locks: the writer goes ahead
    /// unguarded rather than not at all.
    file: Option<File>,
}

fn wait() -> Duration {
    std::env::var("DX_TEST_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(WAIT, Duration::from_millis)
}

/// Whether `file` is still the file at `path`: a holder removes the lock
/// file when it is done, and a writer that locked the removed file must try
/// again on the new one.
#[cfg(unix)]
fn still_there(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_there(_: &File, path: &Path) -> bool {
    path.exists()
}

fn holder(path: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(path).ok()?.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

impl TreeLock {
    /// Take the lock of the tree at `root`, waiting a few seconds for a
    /// writer that holds it.
    pub fn take(root: &Path) -> Result<Self, LockError> {
        let path = root.join(LOCK);
        let started = Instant::now();
        let deadline = started + wait();
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(LockError::Io)?;
            match file.try_lock() {
                Ok(()) if still_there(&file, &path) => {
                    // Who holds it, for a writer that waits in vain.
                    let _ = file
                        .set_len(0)
                        .and_then(|()| file.rewind())
                        .and_then(|()| writeln!(file, "{}", std::process::id()));
                    return Ok(Self {
                        path,
                        file: Some(file),
                    });
                }
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    if Instant::now() > deadline {
                        return Err(LockError::Busy {
                            pid: holder(&path),
                            waited: started.elapsed().as_secs(),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(15));
                }
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(Self { path, file: None });
                }
                Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
    }
}

impl Drop for TreeLock {
    fn drop(&mut self) {
        // Removed while still locked, so that no writer locks a file that
        // is about to go; one that opened it already sees it gone.
        if self.file.is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_and_names_the_holder() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let first = TreeLock::take(dir.path()).map_err(|e| format!("{e:?}"))?;
        // A second open file description of the same lock file is refused
        // while the first holds it (flock is per open file, not per process).
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(dir.path().join(LOCK))?;
        assert!(matches!(file.try_lock(), Err(TryLockError::WouldBlock)));
        assert_eq!(holder(&dir.path().join(LOCK)), Some(std::process::id()));
        drop(file);
        drop(first);
        assert!(!dir.path().join(LOCK).exists(), "released and removed");
        let again = TreeLock::take(dir.path()).map_err(|e| format!("{e:?}"))?;
        drop(again);
        Ok(())
    }
}
