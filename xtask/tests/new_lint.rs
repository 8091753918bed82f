//! `cargo xtask new-lint` on a minimal lints tree in a temporary directory: the files it
//! writes, the sorted `mod` lines, and what it refuses.

use smimelint::registry::Source;
use std::path::{Path, PathBuf};
use std::process::Command;
use xtask::new_lint::{insert_sorted, render, scaffold, Request};

/// A fresh copy of a minimal tree: lib.rs with two topics, `eku` with two lints.
fn tree(tag: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("xtask-new-lint-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let files = [
        (
            "lints/src/lib.rs",
            "//! The rulebook.\n\nmod prelude;\n\npub mod eku;\npub mod serial;\n",
        ),
        ("lints/src/prelude.rs", "//! Names.\n"),
        (
            "lints/src/eku/mod.rs",
            "//! extKeyUsage.\n\nuse crate::prelude::*;\n\nmod e_a_rule;\nmod e_c_rule;\n",
        ),
        ("lints/src/eku/e_a_rule.rs", "        name: \"e_a_rule\",\n"),
        ("lints/src/eku/e_c_rule.rs", "        name: \"e_c_rule\",\n"),
        ("lints/src/serial/mod.rs", "//! Serial numbers.\n"),
    ];
    for (rel, text) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

fn request(name: &str, topic: &str) -> Request {
    Request {
        name: name.into(),
        topic: topic.into(),
        source: Source::Sbr,
        citation: Some("SBR 7.1.2.3(f)".into()),
    }
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

#[test]
fn adds_a_lint_to_an_existing_topic_in_sorted_position() {
    let root = tree("existing");
    let created = scaffold(&root, &request("e_b_rule", "eku")).unwrap();
    assert!(!created.new_topic);
    assert_eq!(created.lint_file, Path::new("lints/src/eku/e_b_rule.rs"));
    assert_eq!(
        read(&root, "lints/src/eku/mod.rs"),
        "//! extKeyUsage.\n\nuse crate::prelude::*;\n\nmod e_a_rule;\nmod e_b_rule;\nmod e_c_rule;\n"
    );
    let lint = read(&root, "lints/src/eku/e_b_rule.rs");
    for part in [
        "use crate::prelude::*;",
        "/// ## What it checks",
        "/// ## Why",
        "/// ## Example",
        "    E_B_RULE {\n        name: \"e_b_rule\",",
        "citation: \"SBR 7.1.2.3(f)\",",
        "source: Source::Sbr,",
        "effective: dates::SBR_1_0_0,",
        "ballot: \"SMC01\",",
        "fail!(\"e_b_rule is not written yet\")",
        "#[cfg(test)]\nmod tests {",
        "CertBuilder::subscriber(\"mailbox-strict\")",
        "assert_lint(\"e_b_rule\", &bad, &good, &[]);",
    ] {
        assert!(lint.contains(part), "missing {part:?} in:\n{lint}");
    }
    // The other files are untouched.
    assert_eq!(
        read(&root, "lints/src/lib.rs"),
        "//! The rulebook.\n\nmod prelude;\n\npub mod eku;\npub mod serial;\n"
    );
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_new_topic_gets_a_folder_and_a_sorted_pub_mod_line() {
    let root = tree("new-topic");
    let created = scaffold(&root, &request("w_key_rule", "keys")).unwrap();
    assert!(created.new_topic);
    assert_eq!(
        read(&root, "lints/src/lib.rs"),
        "//! The rulebook.\n\nmod prelude;\n\npub mod eku;\npub mod keys;\npub mod serial;\n"
    );
    let topic = read(&root, "lints/src/keys/mod.rs");
    assert!(topic.starts_with("//! "), "{topic}");
    assert!(topic.ends_with("\n\nmod w_key_rule;\n"), "{topic}");
    assert!(root.join("lints/src/keys/w_key_rule.rs").is_file());
    // The last topic in order goes after the others.
    scaffold(&root, &request("n_zeta_rule", "zeta")).unwrap();
    assert!(read(&root, "lints/src/lib.rs").ends_with("pub mod serial;\npub mod zeta;\n"));
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn refuses_bad_or_taken_names_without_writing() {
    let root = tree("refuse");
    std::fs::write(root.join("lints/src/der.rs"), "//! Family file.\n").unwrap();
    for (name, topic, why) in [
        ("e_a_rule", "serial", "exists in"),
        ("x_rule", "eku", "starts with e_"),
        ("e_Rule", "eku", "snake_case"),
        ("e_rule__x", "eku", "snake_case"),
        ("e_new_rule", "Eku", "topic name"),
        ("e_new_rule", "prelude", "topic name"),
        ("e_new_rule", "der", "single-file module"),
    ] {
        let err = scaffold(&root, &request(name, topic)).unwrap_err();
        assert!(err.contains(why), "{name} {topic}: {err}");
    }
    assert!(!root.join("lints/src/Eku").exists());
    assert_eq!(
        read(&root, "lints/src/eku/mod.rs"),
        "//! extKeyUsage.\n\nuse crate::prelude::*;\n\nmod e_a_rule;\nmod e_c_rule;\n"
    );
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn insertion_keeps_other_lines_and_appends_past_the_last() {
    let text = "//! Docs.\n\nfn helper() {}\n\nmod b;\nmod d;\n\n#[cfg(test)]\nmod tests;\n";
    assert_eq!(
        insert_sorted(text, "mod", "e"),
        "//! Docs.\n\nfn helper() {}\n\nmod b;\nmod d;\nmod e;\n\n#[cfg(test)]\nmod tests;\n"
    );
    assert_eq!(
        insert_sorted(text, "mod", "a"),
        "//! Docs.\n\nfn helper() {}\n\nmod a;\nmod b;\nmod d;\n\n#[cfg(test)]\nmod tests;\n"
    );
}

/// The template's fields are those of the `lint!` macro, in its order, with every field the
/// macro requires: a field added to the macro fails here until the template has it.
#[test]
fn template_fields_follow_the_lint_macro() {
    let registry = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/engine/src/registry.rs");
    let text = std::fs::read_to_string(registry).unwrap();
    let body = &text[text.find("macro_rules! lint {").unwrap()..];
    let body = &body[..body.find("=>").unwrap()];
    // `name: $name:literal,` or `$(ballot: $ballot:literal,)?`
    let macro_fields: Vec<(String, bool)> = body
        .lines()
        .map(str::trim)
        .filter_map(|l| {
            let optional = l.starts_with("$(");
            let l = l.trim_start_matches("$(");
            let (field, rest) = l.split_once(": ")?;
            (rest.starts_with('$') || rest.starts_with("[$")).then(|| (field.to_string(), optional))
        })
        .collect();
    assert!(macro_fields.len() >= 10, "{macro_fields:?}");
    let rendered = render(&request("e_x_rule", "eku"));
    let template_fields: Vec<&str> = rendered
        .lines()
        .skip_while(|l| !l.contains("E_X_RULE {"))
        .skip(1)
        .take_while(|l| l.trim() != "}")
        .filter_map(|l| l.trim().split_once(':').map(|(f, _)| f))
        .collect();
    let mut at = 0;
    for f in &template_fields {
        let pos = macro_fields[at..]
            .iter()
            .position(|(m, _)| m == f)
            .unwrap_or_else(|| panic!("template field {f} not in the macro's order"));
        at += pos + 1;
    }
    for (m, optional) in &macro_fields {
        assert!(
            *optional || template_fields.contains(&m.as_str()),
            "the template lacks the required field {m}"
        );
    }
}

#[test]
fn the_command_scaffolds_from_the_working_directory() {
    let root = tree("command");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "new-lint",
            "n_cmd_rule",
            "--topic",
            "eku",
            "--source",
            "rfc5280",
        ])
        .current_dir(root.join("lints/src"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("created lints/src/eku/n_cmd_rule.rs"),
        "{stdout}"
    );
    assert!(stdout.contains("Next steps"), "{stdout}");
    let lint = read(&root, "lints/src/eku/n_cmd_rule.rs");
    assert!(lint.contains("source: Source::Rfc5280,"), "{lint}");
    assert!(lint.contains("citation: \"RFC5280 TODO\","), "{lint}");
    assert!(!lint.contains("ballot:"), "{lint}");
    let again = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["new-lint", "n_cmd_rule", "--topic", "eku"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(!again.status.success());
    std::fs::remove_dir_all(root).unwrap();
}
