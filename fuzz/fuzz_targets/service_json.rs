//! The service's request decoding on arbitrary bytes: a JSON (or raw) body with a content type
//! and query string the input chooses, then the request's options. Either an answer or a
//! client error with a 4xx status, never a panic; a refusal is never a 5xx.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::engine::Options;
use smimelint::service::parse_lint_request;

const TYPES: [Option<&str>; 4] = [
    None,
    Some("application/json"),
    Some("text/plain"),
    Some("application/json; charset=utf-8"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // The first byte picks the content type; a NUL splits off a query string.
    let content_type = TYPES[usize::from(first) % TYPES.len()];
    let (body, query) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], std::str::from_utf8(&rest[i + 1..]).ok()),
        None => (rest, None),
    };
    match parse_lint_request(content_type, body, query) {
        Ok(req) => {
            if let Err(e) = req.options(&Options::default()) {
                assert!((400..500).contains(&e.status), "{e:?}");
            }
        }
        Err(e) => assert!((400..500).contains(&e.status), "{e:?}"),
    }
});
