//! Every lint count README.md states ("223 lints") is the number of registered lints.

use smimelint::registry;

/// Each number directly followed by " lints" (digits and thousands separators), with its line.
fn lint_counts(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices(" lints") {
            let digits: String = line[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let digits = digits.trim_start_matches(',');
            if digits.starts_with(|c: char| c.is_ascii_digit()) {
                out.push((i + 1, digits.replace(',', "")));
            }
        }
    }
    out
}

#[test]
fn readme_lint_counts_match_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let claims = lint_counts(&readme);
    assert!(!claims.is_empty(), "README.md states no lint count");
    let n = registry::all().len();
    let wrong: Vec<String> = claims
        .iter()
        .filter(|(_, c)| c.parse::<usize>() != Ok(n))
        .map(|(line, c)| format!("README.md:{line}: says {c} lints"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{}\nthere are {n} registered lints: update README.md",
        wrong.join("\n")
    );
}

#[test]
fn counts_are_found_with_separators_and_only_before_lints() {
    let text = "223 lints in all\nof 1,204 lints\nthe lints ran; 5 lint\nrun 12 lints, 3 lints";
    let found: Vec<String> = lint_counts(text).into_iter().map(|(_, c)| c).collect();
    assert_eq!(found, ["223", "1204", "12", "3"]);
}

/// The `/version` example in README.md shows the count a service without configuration
/// answers: every registered lint.
#[test]
fn readme_version_example_matches_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let key = "\"lints\":";
    let shown: Vec<&str> = readme
        .match_indices(key)
        .map(|(at, _)| {
            let rest = &readme[at + key.len()..];
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|n| !n.is_empty())
        .collect();
    assert!(!shown.is_empty(), "README.md shows no /version answer");
    let n = registry::all().len().to_string();
    assert!(
        shown.iter().all(|s| *s == n),
        "README.md shows lints {shown:?}; the registry has {n}"
    );
}
