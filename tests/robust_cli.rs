//! The command line under hostile arguments, files, names and readers: every case ends in
//! bounded time with a clear message or a quiet exit, never a panic.

use smimelint_factory::CertBuilder;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_smimelint"));
    c.env("NO_COLOR", "1").stdin(Stdio::null());
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run smimelint")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smimelint-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn clean_pem() -> String {
    CertBuilder::subscriber("mailbox-strict").build_pem()
}

/// A certificate whose only error is `e_smime_eku_missing`.
fn broken_pem() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/certs/bad-eku-missing.pem");
    std::fs::read_to_string(path).expect("testdata/certs/bad-eku-missing.pem")
}

/// Runs `args` with a stdout whose reader is already gone.
fn run_into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let child = bin()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.wait_with_output().expect("wait")
}

#[test]
fn a_closed_stdout_ends_quietly_with_status_zero() {
    let dir = temp_dir("pipe");
    let many = dir.join("many.pem");
    std::fs::write(&many, clean_pem().repeat(300)).unwrap();
    let many = many.display().to_string();
    // Findings would make the status 1: a reader that left decides nothing.
    let bad = dir.join("bad.pem");
    std::fs::write(&bad, broken_pem().repeat(300)).unwrap();
    let bad = bad.display().to_string();
    let cases: &[&[&str]] = &[
        &["explain", "e_smime_eku_missing"],
        &["lints"],
        &["lints", "--format", "json"],
        &["lints", "--format", "markdown"],
        &["config", "--example"],
        &["completions", "bash"],
        &["man"],
        &["lint", "-f", "jsonl", &many],
        &["lint", &many],
        &["lint", "-j", "2", "-f", "json", &many],
        &["lint", &bad],
        &["lint", "-j", "1", "-f", "jsonl", &bad],
        &["lint", "-f", "sarif", &bad],
        &["lint", "-f", "csv", &bad],
        &["lint", "-f", "github", &bad],
        &["lint", "--summary", &bad],
    ];
    for args in cases {
        let out = run_into_closed_pipe(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_closed_stdout_while_reading_stdin_ends_quietly() {
    let bad = broken_pem().repeat(300);
    for args in [
        &["lint", "-"][..],
        &["lint", "-j", "1", "-f", "jsonl"],
        &["ct", "-"],
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let mut child = bin()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().unwrap();
        // The command may stop reading once its output is gone: a failed write here is fine.
        let _ = std::io::Write::write_all(&mut stdin, bad.as_bytes());
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_after_one_line_gets_a_quiet_exit() {
    // `smimelint lints --format json | head -1`: the reader leaves after its first line.
    let dir = temp_dir("head");
    let broken = dir.join("bad.pem");
    std::fs::write(&broken, broken_pem().repeat(2000)).unwrap();
    let broken = broken.display().to_string();
    for args in [
        &["lints", "--format", "json"][..],
        &["explain", "e_smime_eku_missing"],
        &["lint", "-f", "jsonl", &broken],
    ] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn jobs_zero_is_refused_and_huge_jobs_are_clamped() {
    let dir = temp_dir("jobs");
    let cert = dir.join("c.pem");
    std::fs::write(&cert, clean_pem().repeat(3)).unwrap();
    let cert = cert.display().to_string();
    let out = run(&["lint", "-j", "0", &cert]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("at least 1"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    for n in ["100000", "20000"] {
        let out = run(&["lint", "-f", "jsonl", "-j", n, &cert]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("-j {n}: using")),
            "{}",
            stderr(&out)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pathological_and_oversized_globs() {
    let dir = temp_dir("globs");
    let cert = dir.join("c.pem");
    std::fs::write(&cert, broken_pem()).unwrap();
    let cert = cert.display().to_string();
    let stars = format!("{}#", "*".repeat(30));
    for flag in ["--include", "--exclude"] {
        let out = run(&["lint", flag, &stars, &cert]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(stderr(&out).contains("matches no lint"), "{}", stderr(&out));
    }
    // Many stars that do match select the same lint as the plain name.
    let eku = format!("{}e_smime_eku_missing", "*".repeat(30));
    let out = run(&["lint", "-f", "jsonl", "--include", &eku, &cert]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("e_smime_eku_missing"));
    let long = format!("e_{}", "x".repeat(smimelint::engine::MAX_GLOB_LEN));
    let out = run(&["lint", "--include", &long, &cert]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("at most"), "{}", stderr(&out));
    let many = vec!["e_*"; smimelint::engine::MAX_GLOBS + 1].join(",");
    let out = run(&["lint", "--exclude", &many, &cert]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("at most"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_values_are_checked_like_flags_on_every_path() {
    let dir = temp_dir("config");
    let cert = dir.join("c.pem");
    std::fs::write(&cert, broken_pem()).unwrap();
    let cert = cert.display().to_string();
    let cases = [
        (
            "[lint]\ninclude = [\"e_smime_eku_mising\"]\n",
            "matches no lint",
        ),
        (
            "[lint]\nexclude = [\"e_smime_eku_mising\"]\n",
            "matches no lint",
        ),
        ("[lint]\nfail_on = \"sometimes\"\n", "lint.fail_on"),
        ("[lint]\nat = \"yesterday\"\n", "lint.at"),
        ("[lint]\ninclude_sources = [\"SBR9\"]\n", "unknown source"),
        ("[lint]\ntype = \"mailbox\"\n", "lint.type"),
    ];
    for (i, (text, expected)) in cases.iter().enumerate() {
        let file = dir.join(format!("{i}.toml"));
        std::fs::write(&file, text).unwrap();
        let file = file.display().to_string();
        for args in [
            vec!["config", "--config", &file],
            vec!["lint", "--config", &file, &cert],
        ] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(2), "{text} {args:?}");
            assert!(stderr(&out).contains(expected), "{text}: {}", stderr(&out));
            assert!(out.stdout.is_empty(), "{text} {args:?}");
        }
    }
    // The flag refuses the same value as the file.
    let out = run(&["lint", "--include", "e_smime_eku_mising", &cert]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("matches no lint"));
    // A good file is approved, and used.
    let good = dir.join("good.toml");
    std::fs::write(
        &good,
        "[lint]\ninclude = [\"e_smime_eku_*\"]\nfail_on = \"never\"\n",
    )
    .unwrap();
    let good = good.display().to_string();
    let out = run(&["config", "--config", &good]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&["lint", "-f", "jsonl", "--config", &good, &cert]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("e_smime_eku_missing"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn an_endless_config_file_fails_fast() {
    for args in [
        &["config", "--config", "/dev/zero"][..],
        &["lint", "--config", "/dev/zero", "-"],
        &["lint", "--no-config", "--policy-map", "/dev/zero", "-"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("larger than"), "{}", stderr(&out));
    }
}

#[cfg(unix)]
#[test]
fn hostile_file_names_stay_distinct_and_cannot_drive_the_terminal() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("names");
    let names: [&[u8]; 4] = [
        b"a\xff.pem",
        b"a\xfe.pem",
        b"a\\xff.pem",
        b"e\x1b[2J\nx.pem",
    ];
    for n in names {
        std::fs::write(dir.join(OsStr::from_bytes(n)), clean_pem()).unwrap();
    }
    let root = dir.display().to_string();
    let out = run(&["lint", "-f", "jsonl", &root]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let inputs: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["input"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(inputs.len(), names.len());
    let mut distinct = inputs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), names.len(), "{inputs:?}");
    assert!(inputs.iter().all(|i| !i.contains('\u{fffd}')), "{inputs:?}");
    assert!(inputs.contains(&format!("{root}/a\\xff.pem")), "{inputs:?}");
    // Text output: no escape byte, and one header line per file.
    let out = run(&["lint", &root]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "{text:?}");
    let headers = text.lines().filter(|l| l.starts_with(&root)).count();
    assert_eq!(headers, names.len(), "{text}");
    assert!(text.contains("e\\x1b[2J\\nx.pem"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn summary_json(dir: &Path, name: &str, summary: &serde_json::Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(summary).unwrap()).unwrap();
    path.display().to_string()
}

#[test]
fn merge_summaries_saturates_and_caps_issuers() {
    let dir = temp_dir("merge");
    let near_max = serde_json::json!({
        "summary_version": 1, "entries": u64::MAX, "records": u64::MAX,
        "certificates_with_errors": 0, "by_worst": {"pass": u64::MAX}, "skipped": {},
        "lints": {}, "types": {}, "issuers": {"CN=A": {"certificates": u64::MAX, "with_errors": 0}}
    });
    let small = serde_json::json!({
        "summary_version": 1, "entries": 58, "records": 58,
        "certificates_with_errors": 0, "by_worst": {"pass": 58}, "skipped": {},
        "lints": {}, "types": {}, "issuers": {"CN=A": {"certificates": 58, "with_errors": 0}}
    });
    let a = summary_json(&dir, "a.json", &near_max);
    let b = summary_json(&dir, "b.json", &small);
    let out = run(&["merge-summaries", &a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["entries"], u64::MAX);
    assert_eq!(merged["by_worst"]["pass"], u64::MAX);
    assert_eq!(merged["issuers"]["CN=A"]["certificates"], u64::MAX);

    let cap = smimelint::summary::MAX_ISSUERS;
    let issuers: serde_json::Map<String, serde_json::Value> = (0..cap + 2_000)
        .map(|i| {
            let t = serde_json::json!({"certificates": 1, "with_errors": 0});
            (format!("CN={i:06}"), t)
        })
        .collect();
    let wide = serde_json::json!({
        "summary_version": 1, "entries": cap + 2_000, "records": cap + 2_000,
        "certificates_with_errors": 0, "by_worst": {}, "skipped": {},
        "lints": {}, "types": {}, "issuers": issuers
    });
    let w = summary_json(&dir, "wide.json", &wide);
    let out = run(&["merge-summaries", &w, &w]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let issuers = merged["issuers"].as_object().unwrap();
    assert_eq!(issuers.len(), cap + 1);
    assert_eq!(
        issuers[smimelint::summary::OTHER_ISSUERS]["certificates"],
        4_000
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn flags_help_does_not_panic_into_a_closed_pipe() {
    let out = run_into_closed_pipe(&["--help"]);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    // Keep the writer honest: the same run with a reader prints the usage.
    let out = run(&["--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
}

/// The committed corpus of a fuzz target; an empty or missing one is a failure.
fn fuzz_corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: empty corpus", dir.display());
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

/// What the `glob` and `config` fuzz targets do with each committed input, minus libFuzzer.
#[test]
fn glob_and_config_fuzz_corpora_replay() {
    use smimelint::engine::{parse_globs, Glob};
    fn reference(p: &[char], t: &[char]) -> bool {
        let mut prev = vec![false; t.len() + 1];
        prev[0] = true;
        for &c in p {
            let mut row = vec![false; t.len() + 1];
            for j in 0..=t.len() {
                row[j] = match c {
                    '*' => prev[j] || (j > 0 && row[j - 1]),
                    '?' => j > 0 && prev[j - 1],
                    c => j > 0 && prev[j - 1] && t[j - 1] == c,
                };
            }
            prev = row;
        }
        prev[t.len()]
    }
    let mut matched = 0;
    for data in fuzz_corpus("glob") {
        let (pattern, text) = match data.iter().position(|&b| b == 0) {
            Some(i) => (&data[..i], &data[i + 1..]),
            None => (&data[..], &b""[..]),
        };
        let pattern = String::from_utf8_lossy(pattern);
        let text = String::from_utf8_lossy(text);
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        let m = Glob::new(&pattern).matches(&text);
        assert_eq!(m, reference(&p, &t), "{pattern:?} {text:?}");
        matched += usize::from(m);
        let _ = parse_globs("fuzz", &[pattern.into_owned()]);
    }
    assert!(matched > 0);
    let mut loaded = 0;
    for data in fuzz_corpus("config") {
        let text = String::from_utf8_lossy(&data);
        if let Ok(Ok(l)) = smimelint::config::Config::parse(&text).map(|c| c.load()) {
            let mut opts = smimelint::engine::Options::default();
            l.apply(&mut opts);
            let _ = smimelint::engine::Linter::new(opts);
            loaded += 1;
        }
    }
    assert!(loaded > 0);
}

/// What `smimelint ARGS` draws on a terminal (stdout and stderr both), with NO_COLOR set.
#[cfg(pty_script)]
fn on_a_terminal(args: &[&str]) -> String {
    on_a_terminal_with(args, &[("NO_COLOR", "1")])
}

/// [`on_a_terminal`] with this environment (colour variables unset, TERM=xterm unless given).
#[cfg(pty_script)]
fn on_a_terminal_with(args: &[&str], env: &[(&str, &str)]) -> String {
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_smimelint"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect();
    let out = Command::new("/usr/bin/script")
        .args(["-qec", &quoted.join(" "), "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        // anstream colours a terminal under CI whatever TERM says; the cases set it themselves.
        .env_remove("CI")
        .env("TERM", "xterm")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run script");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Each terminal line as it ends up on screen, roughly: what follows the last carriage return,
/// with a clear-line sequence at its start removed. A result written into the bar's line keeps
/// the bar's text in front of it.
#[cfg(pty_script)]
fn screen_lines(drawn: &str) -> Vec<String> {
    drawn
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .map(|l| l.rsplit('\r').next().unwrap_or(""))
        .map(|l| l.trim_start_matches("\x1b[2K").to_string())
        .collect()
}

#[test]
#[cfg_attr(
    not(pty_script),
    ignore = "util-linux script (a terminal for the progress bar) is missing: not run"
)]
fn the_progress_bar_never_draws_over_results() {
    #[cfg(pty_script)]
    {
        let dir = temp_dir("bar");
        let many = dir.join("many.pem");
        std::fs::write(&many, broken_pem().repeat(3000)).unwrap();
        let many = many.display().to_string();
        for jobs in ["1", "2"] {
            let drawn = on_a_terminal(&["lint", "-f", "jsonl", "-j", jobs, &many]);
            // The bar was there: otherwise this test would prove nothing.
            assert!(
                drawn.contains(" entries "),
                "-j {jobs}: no progress bar drawn"
            );
            let records: Vec<String> = screen_lines(&drawn)
                .into_iter()
                .filter(|l| l.contains("\"input\""))
                .collect();
            assert_eq!(records.len(), 3000, "-j {jobs}");
            for line in &records {
                let parsed: Result<serde_json::Value, _> = serde_json::from_str(line);
                assert!(parsed.is_ok(), "-j {jobs}: a result drawn over: {line:?}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
#[cfg_attr(
    not(pty_script),
    ignore = "util-linux script (a terminal for the progress bar) is missing: not run"
)]
fn no_progress_bar_for_a_single_small_file() {
    #[cfg(pty_script)]
    {
        let dir = temp_dir("nobar");
        let one = dir.join("one.pem");
        std::fs::write(&one, broken_pem()).unwrap();
        let drawn = on_a_terminal(&["lint", one.to_str().unwrap()]);
        assert!(drawn.contains("e_smime_eku_missing"), "{drawn:?}");
        assert!(!drawn.contains("entries"), "a bar was drawn: {drawn:?}");
        assert!(
            !drawn.contains("\x1b[2K"),
            "a bar was drawn and cleared: {drawn:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
#[cfg_attr(
    not(pty_script),
    ignore = "util-linux script (a terminal) is missing: not run"
)]
fn a_terminal_gets_colour_unless_told_otherwise() {
    #[cfg(pty_script)]
    {
        let dir = temp_dir("colour");
        let one = dir.join("one.pem");
        std::fs::write(&one, broken_pem()).unwrap();
        let one = one.to_str().unwrap();
        let coloured = |env: &[(&str, &str)], flags: &[&str]| {
            let args = [&["lint", one][..], flags].concat();
            let drawn = on_a_terminal_with(&args, env);
            assert!(drawn.contains("e_smime_eku_missing"), "{drawn:?}");
            drawn.contains("\x1b[")
        };
        assert!(coloured(&[], &[]));
        assert!(!coloured(&[("NO_COLOR", "1")], &[]));
        assert!(!coloured(&[("TERM", "dumb")], &[]));
        assert!(coloured(&[("TERM", "dumb"), ("CI", "true")], &[]));
        assert!(!coloured(&[("CLICOLOR", "0")], &[]));
        assert!(!coloured(&[], &["--color", "never"]));
        assert!(coloured(&[("NO_COLOR", "1")], &["--color", "always"]));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
