//! `cargo xtask new-lint NAME --topic TOPIC`: scaffolds a lint file in the one-lint-per-file
//! layout of the lints crate (`lints/src/<topic>/<name>.rs`) and registers it with a `mod` line.

use smimelint::registry::Source;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "new-lint NAME --topic TOPIC [--source sbr|rfc5280|rfc6818|rfc9598|x690|smimelint] [--citation \"SBR 7.1.2.3(f)\"]";

/// What to scaffold.
#[derive(Debug, Clone)]
pub struct Request {
    pub name: String,
    pub topic: String,
    pub source: Source,
    pub citation: Option<String>,
}

impl Request {
    /// Parses the arguments after `new-lint`.
    pub fn parse(args: &[String]) -> Result<Request, String> {
        let (mut name, mut topic, mut source, mut citation) = (None, None, Source::Sbr, None);
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = |flag: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match arg.as_str() {
                "--topic" => topic = Some(value("--topic")?),
                "--source" => {
                    let s = value("--source")?;
                    source = Source::parse(&s).ok_or_else(|| format!("unknown source {s:?}"))?;
                }
                "--citation" => citation = Some(value("--citation")?),
                flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                _ if name.is_none() => name = Some(arg.clone()),
                _ => return Err(format!("unexpected argument {arg:?}")),
            }
        }
        Ok(Request {
            name: name.ok_or("missing the lint NAME")?,
            topic: topic.ok_or("missing --topic TOPIC")?,
            source,
            citation,
        })
    }
}

/// What the scaffolder wrote, relative to the repository root.
#[derive(Debug)]
pub struct Created {
    pub lint_file: PathBuf,
    pub topic_mod: PathBuf,
    /// Whether the topic folder and its `pub mod` line in lib.rs were created too.
    pub new_topic: bool,
}

/// The `lint!` fields, in the order the macro in crates/engine/src/registry.rs takes them. A
/// line that renders empty (an optional field without a value) is left out.
const FIELDS: &str = r#"name: "{name}",
description: "TODO: what is wrong with a certificate this lint reports, in one line",
citation: "{citation}",
source: {source},
effective: {effective},
{ballot}
pkilint: [],
zlint: [],
catalog: [],
applies: Applies::SUBSCRIBER,
check: check,"#;

/// The lint file. The placeholder check fails on every certificate, so the test's satisfying
/// certificate fails too until the rule is written: a scaffold never passes by accident.
const LINT_FILE: &str = r#"use crate::prelude::*;

// Placeholder: fails on every certificate, so `assert_lint` below fails on the satisfying
// certificate until the rule is written. Read fields through the typed views of `ctx.cert`;
// return `Outcome::NotApplicable` when what the lint looks at is absent.
fn check(ctx: &LintContext<'_>) -> Outcome {
    let _ = ctx;
    fail!("{name} is not written yet")
}

lint! {
    /// ## What it checks
    /// TODO: the property of the certificate, in one or two sentences.
    ///
    /// ## Why
    /// TODO: the requirement ({citation}) and what goes wrong when it is violated.
    ///
    /// ## Example
    /// TODO: a certificate that violates it.
    {ident} {
{fields}
    }
}

#[cfg(test)]
mod tests {
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn fails_on_violation_passes_on_compliant() {
        // The baseline is clean for every lint; change exactly what this lint is about.
        let good = CertBuilder::subscriber("mailbox-strict").build();
        // TODO: violate the rule, e.g. `.without_ext(&oid::X)`, `.ext(…)`, `.subject_raw(…)`.
        let bad = CertBuilder::subscriber("mailbox-strict").build();
        assert_lint("{name}", &bad, &good, &[]);
    }
}
"#;

/// The `mod.rs` of a new topic folder.
const TOPIC_MOD: &str =
    "//! TODO: what the rules of this topic are about, their SBR/RFC sections, and how
//! its lints divide the work.
";

/// A snake_case identifier: lowercase ASCII letters, digits and single underscores, starting
/// with a letter and not ending with an underscore.
fn is_snake_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.ends_with('_')
        && !s.contains("__")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub fn validate_name(name: &str) -> Result<(), String> {
    if !["e_", "w_", "n_"].iter().any(|p| name.starts_with(p)) || name.len() < 3 {
        return Err(format!(
            "{name:?}: a lint name starts with e_ (SHALL), w_ (SHOULD) or n_ (notice)"
        ));
    }
    if !is_snake_case(name) {
        return Err(format!("{name:?} is not snake_case"));
    }
    Ok(())
}

pub fn validate_topic(topic: &str) -> Result<(), String> {
    const RESERVED: [&str; 8] = [
        "prelude", "support", "lib", "mod", "crate", "self", "super", "type",
    ];
    if !is_snake_case(topic) || RESERVED.contains(&topic) {
        return Err(format!(
            "{topic:?} is not a topic name (snake_case, not a keyword or `prelude`/`support`)"
        ));
    }
    Ok(())
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// The file that already declares a lint called `name`, if any.
fn declared_in(lints_src: &Path, name: &str) -> Result<Option<PathBuf>, String> {
    let needle = format!("name: \"{name}\"");
    let mut files = Vec::new();
    rust_files(lints_src, &mut files).map_err(|e| format!("{}: {e}", lints_src.display()))?;
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        if text.contains(&needle) {
            return Ok(Some(f));
        }
    }
    Ok(None)
}

/// Inserts `{keyword} {name};` among the lines of that form, before the first with a greater
/// name (after the last when none is greater, at the end when there are none). A declaration
/// under an attribute (`#[cfg(test)] mod tests;`) is not one of them.
pub fn insert_sorted(text: &str, keyword: &str, name: &str) -> String {
    let declared = |line: &str| {
        line.strip_prefix(keyword)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(|r| r.strip_suffix(';'))
            .filter(|n| is_snake_case(n))
            .map(str::to_string)
    };
    let lines: Vec<&str> = text.lines().collect();
    let decls: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !lines[i - 1].trim_start().starts_with("#["))
        .filter_map(|(i, l)| declared(l).map(|n| (i, n)))
        .collect();
    let new_line = format!("{keyword} {name};");
    let at = match decls.iter().find(|(_, n)| n.as_str() > name) {
        Some((i, _)) => *i,
        None => match decls.last() {
            Some((i, _)) => i + 1,
            None => lines.len(),
        },
    };
    let mut out: Vec<&str> = lines[..at].to_vec();
    // A first declaration at the end of a file gets a blank line before it.
    let separate = decls.is_empty() && out.last().is_some_and(|l| !l.trim().is_empty());
    if separate {
        out.push("");
    }
    out.push(&new_line);
    out.extend_from_slice(&lines[at..]);
    let mut joined = out.join("\n");
    joined.push('\n');
    joined
}

/// The effective date and ballot the template starts from, by source.
fn defaults(source: Source) -> (&'static str, Option<&'static str>) {
    match source {
        Source::Sbr => ("dates::SBR_1_0_0", Some("SMC01")),
        Source::Rfc5280 => ("dates::RFC_5280", None),
        Source::Rfc6818 => ("dates::RFC_6818", None),
        Source::Rfc9598 => ("dates::RFC_9598", None),
        Source::Rfc6960 => ("dates::RFC_6960", None),
        Source::X690 | Source::Smimelint => ("dates::ALWAYS", None),
    }
}

/// The text of the new lint file.
pub fn render(req: &Request) -> String {
    let citation = req
        .citation
        .clone()
        .unwrap_or_else(|| format!("{} TODO", req.source.as_str()));
    let (effective, ballot) = defaults(req.source);
    let ballot = ballot.map_or_else(String::new, |b| format!("ballot: \"{b}\","));
    let fields = FIELDS
        .replace("{name}", &req.name)
        .replace("{citation}", &citation)
        .replace("{source}", &format!("Source::{:?}", req.source))
        .replace("{effective}", effective)
        .replace("{ballot}", &ballot);
    let mut indented = String::new();
    for line in fields.lines().filter(|l| !l.is_empty()) {
        let _ = writeln!(indented, "        {line}");
    }
    LINT_FILE
        .replace("{fields}\n", &indented)
        .replace("{ident}", &req.name.to_ascii_uppercase())
        .replace("{citation}", &citation)
        .replace("{name}", &req.name)
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if path.exists() {
        return Err(format!("{} already exists", path.display()));
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Creates the lint file under `root/lints/src/<topic>/` and registers it, creating the topic
/// when it is new. Checks everything before writing anything.
pub fn scaffold(root: &Path, req: &Request) -> Result<Created, String> {
    validate_name(&req.name)?;
    validate_topic(&req.topic)?;
    let src = root.join("lints/src");
    let lib = src.join("lib.rs");
    if !lib.is_file() {
        return Err(format!("{} not found", lib.display()));
    }
    if let Some(f) = declared_in(&src, &req.name)? {
        return Err(format!(
            "a lint named {} exists in {}",
            req.name,
            f.display()
        ));
    }
    let family_file = src.join(format!("{}.rs", req.topic));
    if family_file.exists() {
        return Err(format!(
            "{} is a single-file module; lints live in topic folders (lints/src/{}/mod.rs)",
            family_file.display(),
            req.topic
        ));
    }
    let dir = src.join(&req.topic);
    let topic_mod = dir.join("mod.rs");
    let lint_file = dir.join(format!("{}.rs", req.name));
    if lint_file.exists() {
        return Err(format!("{} already exists", lint_file.display()));
    }
    let new_topic = !topic_mod.exists();
    if new_topic {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        write_new(&topic_mod, TOPIC_MOD)?;
        write(&lib, &insert_sorted(&read(&lib)?, "pub mod", &req.topic))?;
    }
    write_new(&lint_file, &render(req))?;
    write(
        &topic_mod,
        &insert_sorted(&read(&topic_mod)?, "mod", &req.name),
    )?;
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    Ok(Created {
        lint_file: rel(&lint_file),
        topic_mod: rel(&topic_mod),
        new_topic,
    })
}

/// What the author does next, printed after scaffolding.
pub fn next_steps(req: &Request, created: &Created) -> String {
    let file = created.lint_file.display();
    let mut out = format!("created {file}\n");
    if created.new_topic {
        let _ = writeln!(
            out,
            "created {} and added `pub mod {};` to lints/src/lib.rs",
            created.topic_mod.display(),
            req.topic
        );
    }
    let _ = write!(
        out,
        "registered it with `mod {name};` in {topic_mod}

Next steps:
  1. Write the rule in `check` ({file}); until then it fails on every certificate.
  2. Fill in the docs sections: ## What it checks, ## Why, ## Example (and
     ## Differences from pkilint where there are any).
  3. Complete the metadata: description, citation, effective date, ballot, applies, the
     pkilint codes and zlint names that report the same defect, and in `catalog` the ids of
     the rules of ../shared/spec/rules-catalog.md it checks.
  4. Make the test's `bad` certificate violate exactly this rule.
  5. cargo test -p smimelint-lints {name}
  6. SMIMELINT_BLESS=1 cargo test --test docs   (regenerates docs/lints.md)
  7. cargo test, then update the lint count in README.md
",
        name = req.name,
        topic_mod = created.topic_mod.display(),
    );
    out
}
