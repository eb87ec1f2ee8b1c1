//! Reading a tree as it was at a git revision, through the `git` command.
//!
//! The git command rather than a library: every machine that has the
//! repository has git, and it honours the user's own configuration (safe
//! directories, worktrees, partial clones) without a large dependency.
//! Nothing is checked out or written: `ls-tree` lists the files and one
//! `cat-file --batch` process streams their contents into memory.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a revision could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// git is not installed.
    #[error("git is not available: {0}")]
    NoGit(std::io::Error),
    /// The folder is not in a git repository.
    #[error("{0} is not inside a git repository")]
    NotARepository(PathBuf),
    /// The revision does not exist.
    #[error("unknown revision {0}")]
    UnknownRevision(String),
    /// git failed otherwise.
    #[error("git {args}: {message}")]
    Failed {
        /// The arguments.
        args: String,
        /// What git said.
        message: String,
    },
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        // A folder named `:rec` is a folder, not pathspec magic.
        .arg("--literal-pathspecs")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(GitError::NoGit)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed {
            args: args.join(" "),
            message: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}

/// The top of the repository holding `dir`, and `dir` relative to it (with `/`).
pub fn locate(dir: &Path) -> Result<(PathBuf, String), GitError> {
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
        GitError::Failed { .. } => GitError::NotARepository(dir.to_path_buf()),
        other => other,
    })?;
    // Only the line end: a folder name may end in a space.
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let rel = canon(dir)
        .strip_prefix(canon(&top))
        .map(|r| {
            r.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default();
    Ok((top, rel))
}

/// The commit `HEAD` names, if the repository has one.
pub fn head(top: &Path) -> Result<Option<String>, GitError> {
    let out = git(top, &["rev-parse", "--verify", "--quiet", "HEAD"]).unwrap_or_default();
    let rev = String::from_utf8_lossy(&out).trim().to_owned();
    Ok((!rev.is_empty()).then_some(rev))
}

/// Check that `rev` names a commit.
pub fn verify(top: &Path, rev: &str) -> Result<(), GitError> {
    if rev.starts_with('-') {
        return Err(GitError::UnknownRevision(rev.to_owned()));
    }
    git(
        top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map(|_| ())
    .map_err(|_| GitError::UnknownRevision(rev.to_owned()))
}

/// The last commit of `HEAD` on or before the end of `date` (in the
/// committer's time zone), if there is one.
pub fn commit_on_or_before(top: &Path, date: &str) -> Result<Option<String>, GitError> {
    let before = format!("--before={date} 23:59:59");
    let out = git(top, &["rev-list", "-1", &before, "HEAD"])?;
    let rev = String::from_utf8_lossy(&out).trim().to_owned();
    Ok((!rev.is_empty()).then_some(rev))
}

/// Every `.toml` file below `prefix` at `rev`, keyed by path relative to
/// `prefix`. Symbolic links are left out, as on disk.
pub fn read_tree(
    top: &Path,
    rev: &str,
    prefix: &str,
    limit: u64,
) -> Result<BTreeMap<String, Vec<u8>>, GitError> {
    verify(top, rev)?;
    let spec = if prefix.is_empty() {
        ".".to_owned()
    } else {
        prefix.to_owned()
    };
    let listing = git(
        top,
        &["ls-tree", "-r", "-z", "--full-tree", rev, "--", &spec],
    )?;
    let mut wanted: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (mode, kind, object) = (meta.next(), meta.next(), meta.next());
        if kind != Some("blob") || mode == Some("120000") || !path.ends_with(".toml") {
            continue;
        }
        let rel = if prefix.is_empty() {
            path.to_owned()
        } else {
            match path.strip_prefix(prefix).and_then(|r| r.strip_prefix('/')) {
                Some(r) => r.to_owned(),
                None => continue,
            }
        };
        if let Some(object) = object {
            wanted.push((rel, object.to_owned()));
        }
    }
    cat_files(top, wanted, limit)
}

/// Read many blobs through one `git cat-file --batch`.
fn cat_files(
    top: &Path,
    wanted: Vec<(String, String)>,
    limit: u64,
) -> Result<BTreeMap<String, Vec<u8>>, GitError> {
    let mut files = BTreeMap::new();
    if wanted.is_empty() {
        return Ok(files);
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(GitError::NoGit)?;
    let failed = |message: String| GitError::Failed {
        args: "cat-file --batch".into(),
        message,
    };
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| failed("no stdin".into()))?;
    let objects: Vec<String> = wanted.iter().map(|(_, o)| o.clone()).collect();
    // Feed the ids from a thread so that a large listing cannot deadlock
    // against git's full output pipe.
    let feeder = std::thread::spawn(move || -> std::io::Result<()> {
        for o in objects {
            writeln!(stdin, "{o}")?;
        }
        Ok(())
    });
    let mut out = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| failed("no stdout".into()))?,
    );
    for (rel, _) in wanted {
        let mut header = String::new();
        out.read_line(&mut header)
            .map_err(|e| failed(e.to_string()))?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| failed(format!("unexpected answer: {}", header.trim())))?;
        if size as u64 > limit {
            // Never held: skipped on the pipe. A placeholder one byte over
            // the limit makes the loader report the file as too large.
            std::io::copy(&mut (&mut out).take(size as u64 + 1), &mut std::io::sink())
                .map_err(|e| failed(e.to_string()))?;
            files.insert(
                rel,
                vec![
                    b' ';
                    usize::try_from(limit)
                        .unwrap_or(usize::MAX)
                        .saturating_add(1)
                ],
            );
            continue;
        }
        let mut body = vec![0; size + 1];
        out.read_exact(&mut body)
            .map_err(|e| failed(e.to_string()))?;
        body.pop();
        files.insert(rel, body);
    }
    let _ = feeder.join();
    let _ = child.wait();
    Ok(files)
}
