//! Paths to read: directory walking and display names.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// File extensions taken from directories (compared case-insensitively).
const CERT_EXTENSIONS: &[&str] = &["pem", "crt", "cer", "der", "cert", "b64", "base64", "txt"];

/// The display name of a path, built once where the name is made. Bytes that are not UTF-8
/// become `\xNN`, so that two different names never print alike (U+FFFD would merge them);
/// on Unix a backslash becomes `\\` so that no real name can pose as an escaped one. Control
/// characters are kept here and escaped by the text printer (JSON and CSV quote them).
pub fn path_name(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut name = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if cfg!(unix) && valid.contains('\\') {
            name.push_str(&valid.replace('\\', "\\\\"));
        } else {
            name.push_str(valid);
        }
        for b in chunk.invalid() {
            name.push_str(&format!("\\x{b:02x}"));
        }
    }
    name
}

/// Expand paths: files as given (always read, whatever their extension);
/// directories recursively in sorted order, taking only files whose extension
/// (case-insensitive) is one of pem, crt, cer, der, cert, b64, base64, txt —
/// unless `all_files` is true.
///
/// Order inside a directory tree is byte-wise order of the full paths (so
/// `d/a.pem` comes before `d/a/x.pem`, as '.' < '/'). Hidden entries (name
/// starting with '.') are skipped inside directories, and so are symlinks to
/// directories (no loops) and special files (FIFOs, devices). Paths given
/// explicitly are taken as they are, symlinks followed. An unreadable or
/// missing path or directory entry yields `Err((path, error))` in its place,
/// and iteration continues. Lazy: one directory's entries are read at a time.
pub fn expand_paths(
    paths: &[PathBuf],
    all_files: bool,
) -> impl Iterator<Item = Result<PathBuf, (PathBuf, io::Error)>> {
    PathWalker {
        // Owned, so the iterator does not borrow `paths`.
        roots: Vec::from(paths).into_iter(),
        stack: Vec::new(),
        all_files,
    }
}

/// One directory entry, ready to be walked.
enum Entry {
    File(PathBuf),
    Dir(PathBuf),
    Failed(PathBuf, io::Error),
}

struct PathWalker {
    roots: std::vec::IntoIter<PathBuf>,
    /// Entries still to visit, one list per open directory, innermost last.
    stack: Vec<std::vec::IntoIter<Entry>>,
    all_files: bool,
}

impl Iterator for PathWalker {
    type Item = Result<PathBuf, (PathBuf, io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(entries) = self.stack.last_mut() {
                match entries.next() {
                    None => {
                        self.stack.pop();
                    }
                    Some(Entry::File(path)) => return Some(Ok(path)),
                    Some(Entry::Failed(path, e)) => return Some(Err((path, e))),
                    Some(Entry::Dir(path)) => {
                        if let Err(e) = self.open_dir(&path) {
                            return Some(Err((path, e)));
                        }
                    }
                }
                continue;
            }
            let root = self.roots.next()?;
            match fs::metadata(&root) {
                Ok(meta) if meta.is_dir() => {
                    if let Err(e) = self.open_dir(&root) {
                        return Some(Err((root, e)));
                    }
                }
                Ok(_) => return Some(Ok(root)),
                Err(e) => return Some(Err((root, e))),
            }
        }
    }
}

impl PathWalker {
    fn open_dir(&mut self, dir: &Path) -> io::Result<()> {
        let entries = read_sorted_dir(dir, self.all_files)?;
        self.stack.push(entries.into_iter());
        Ok(())
    }
}

/// Read one directory's wanted entries, sorted so that a depth-first walk
/// gives full paths in byte-wise order.
fn read_sorted_dir(dir: &Path, all_files: bool) -> io::Result<Vec<Entry>> {
    let mut keyed: Vec<(Vec<u8>, Entry)> = Vec::new();
    let mut failures = Vec::new();
    for dirent in fs::read_dir(dir)? {
        let dirent = match dirent {
            Ok(d) => d,
            Err(e) => {
                failures.push(Entry::Failed(dir.to_path_buf(), e));
                continue;
            }
        };
        let name = dirent.file_name();
        let name = name.as_encoded_bytes();
        if name.starts_with(b".") {
            continue;
        }
        let Some(entry) = classify(&dirent.path(), dirent.file_type(), all_files) else {
            continue;
        };
        let mut key = name.to_vec();
        if matches!(entry, Entry::Dir(_)) {
            // Everything under "x/" sorts as "x/..." among its siblings.
            key.push(b'/');
        }
        keyed.push((key, entry));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut entries: Vec<Entry> = keyed.into_iter().map(|(_, entry)| entry).collect();
    entries.extend(failures);
    Ok(entries)
}

/// What to do with one directory entry; `None` to skip it.
fn classify(path: &Path, file_type: io::Result<fs::FileType>, all_files: bool) -> Option<Entry> {
    let wanted = all_files || has_cert_extension(path);
    let file_type = match file_type {
        Ok(t) => t,
        Err(e) => return wanted.then(|| Entry::Failed(path.to_path_buf(), e)),
    };
    if file_type.is_dir() {
        return Some(Entry::Dir(path.to_path_buf()));
    }
    if file_type.is_symlink() {
        return match fs::metadata(path) {
            Ok(meta) if meta.is_file() && wanted => Some(Entry::File(path.to_path_buf())),
            Ok(_) => None, // a directory (never followed) or a special file
            Err(e) => wanted.then(|| Entry::Failed(path.to_path_buf(), e)),
        };
    }
    (file_type.is_file() && wanted).then(|| Entry::File(path.to_path_buf()))
}

fn has_cert_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| CERT_EXTENSIONS.iter().any(|c| ext.eq_ignore_ascii_case(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[cfg(unix)]
    #[test]
    fn path_names_stay_distinct() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = |b: &[u8]| path_name(Path::new(OsStr::from_bytes(b)));
        assert_eq!(name(b"d/a.pem"), "d/a.pem");
        assert_eq!(name("d/\u{e9}.pem".as_bytes()), "d/\u{e9}.pem");
        // Two names differing only in invalid bytes, and a name spelling the escape itself.
        let names = [
            name(b"a\xff.pem"),
            name(b"a\xfe.pem"),
            name(b"a\\xff.pem"),
            name(b"a\xef\xbf\xbd.pem"),
        ];
        assert_eq!(names[0], "a\\xff.pem");
        assert_eq!(names[1], "a\\xfe.pem");
        assert_eq!(names[2], "a\\\\xff.pem");
        assert_eq!(names[3], "a\u{fffd}.pem");
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // Control characters are left to the printers.
        assert_eq!(name(b"a\x1b[2J\n.pem"), "a\x1b[2J\n.pem");
    }

    fn touch(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, b"x").unwrap();
    }

    fn relative(root: &Path, results: Vec<Result<PathBuf, (PathBuf, io::Error)>>) -> Vec<String> {
        results
            .into_iter()
            .map(|r| match r {
                Ok(p) => p.strip_prefix(root).unwrap_or(&p).display().to_string(),
                Err((p, _)) => format!("ERR {}", p.strip_prefix(root).unwrap_or(&p).display()),
            })
            .collect()
    }

    #[test]
    fn expand_paths_walks_sorted_filtered_and_reports_errors() {
        let tmp = TempDir::new("walk");
        let root = tmp.0.join("certs");
        for name in [
            "b.pem",
            "a.CRT",
            "a/z.der",
            "a/y.bin",
            "a/.hidden.pem",
            ".hidden.pem",
            ".git/c.pem",
            "notes.md",
            "sub2/deep/c.cert",
            "sub2/deep/d.Base64",
        ] {
            touch(&root.join(name));
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
            std::os::unix::fs::symlink(root.join("b.pem"), root.join("link.pem")).unwrap();
        }

        let walked: Vec<_> = expand_paths(std::slice::from_ref(&root), false).collect();
        let mut expected = vec!["a.CRT", "a/z.der", "b.pem"];
        if cfg!(unix) {
            expected.push("link.pem");
        }
        expected.extend(["sub2/deep/c.cert", "sub2/deep/d.Base64"]);
        assert_eq!(relative(&root, walked), expected);

        let walked: Vec<_> = expand_paths(std::slice::from_ref(&root), true).collect();
        let mut expected = vec!["a.CRT", "a/y.bin", "a/z.der", "b.pem"];
        if cfg!(unix) {
            expected.push("link.pem");
        }
        expected.extend(["notes.md", "sub2/deep/c.cert", "sub2/deep/d.Base64"]);
        assert_eq!(relative(&root, walked), expected);

        // Given files are always taken; a missing path is reported in place.
        let paths = [
            root.join("missing.pem"),
            root.join("a"),
            root.join("notes.md"),
        ];
        let walked: Vec<_> = expand_paths(&paths, false).collect();
        assert_eq!(
            relative(&root, walked),
            ["ERR missing.pem", "a/z.der", "notes.md"]
        );
    }
}
