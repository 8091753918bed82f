//! base64 certificate text: one per line, or wrapped over lines as `base64` and
//! `openssl base64` write it, is framed the same way by `smimelint lint` and the service.
#![cfg(all(feature = "server", feature = "cli"))]

mod http_client;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::Value;
use smimelint_factory::CertBuilder;
use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smimelint"))
}

fn wrapped(der: &[u8], width: usize) -> String {
    let b64 = STANDARD.encode(der);
    b64.as_bytes()
        .chunks(width)
        .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
        .collect()
}

fn certs() -> Vec<Vec<u8>> {
    [
        "mailbox-strict",
        "organization-strict",
        "individual-multipurpose",
    ]
    .iter()
    .map(|t| CertBuilder::subscriber(t).build())
    .collect()
}

fn sha(der: &[u8]) -> String {
    use sha2::Digest as _;
    hex(&sha2::Sha256::digest(der))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The sha256 of each record `smimelint lint` gives for `text` on stdin.
fn cli(text: &str) -> Vec<String> {
    cli_with(&[], text)
}

/// As [`cli`], with more `lint` options.
fn cli_with(options: &[&str], text: &str) -> Vec<String> {
    let mut child = bin()
        .args(["lint", "-f", "jsonl", "--fail-on", "never"])
        .args(options)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            r["sha256"].as_str().unwrap_or("none").to_string()
        })
        .collect()
}

struct Server {
    child: std::process::Child,
    addr: std::net::SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Server {
    let (child, addr, stderr) =
        http_client::spawn_serve(bin().args(["serve", "--listen", "127.0.0.1:0"]));
    std::thread::spawn(move || for _ in stderr.lines() {});
    Server { child, addr }
}

/// The sha256 of each record the service gives for `text` posted to `path`.
fn post(server: &Server, path: &str, text: &str) -> Vec<String> {
    let mut s = TcpStream::connect(server.addr).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    let body = resp.split("\r\n\r\n").nth(1).unwrap_or("");
    let v: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {resp}"));
    let records = match v {
        Value::Array(a) => a,
        one => vec![one],
    };
    records
        .iter()
        .map(|r| r["sha256"].as_str().unwrap_or("none").to_string())
        .collect()
}

#[test]
fn cli_and_service_agree_on_base64_lines_and_wrapped_base64() {
    let certs = certs();
    let expected: Vec<String> = certs.iter().map(|c| sha(c)).collect();
    let server = serve();

    // One certificate per line.
    let lines: String = certs.iter().map(|c| STANDARD.encode(c) + "\n").collect();
    assert_eq!(cli(&lines), expected);
    assert_eq!(post(&server, "/v1/lint/batch", &lines), expected);

    for width in [64, 76] {
        // One wrapped certificate: one record everywhere.
        let one = wrapped(&certs[0], width);
        assert_eq!(cli(&one), expected[..1], "width {width}");
        assert_eq!(post(&server, "/v1/lint", &one), expected[..1]);
        assert_eq!(post(&server, "/v1/lint/batch", &one), expected[..1]);
        // Several wrapped certificates separated by blank lines.
        let several: String = certs.iter().map(|c| wrapped(c, width) + "\n").collect();
        assert_eq!(cli(&several), expected, "width {width}");
        assert_eq!(post(&server, "/v1/lint/batch", &several), expected);
    }
}

/// `--input-format` reads every input as told, still one record per input unit, in order.
#[test]
fn input_format_imposes_the_reading() {
    let certs = certs();
    let expected: Vec<String> = certs.iter().map(|c| sha(c)).collect();
    let several: String = certs.iter().map(|c| wrapped(c, 76) + "\n").collect();
    // Detection ignores text that does not start as base64; base64 reads each line.
    let commented = format!("exported by a CA tool\n{several}");
    assert_eq!(cli(&commented), ["none"]);
    let mut with_comment = vec!["none".to_string()];
    with_comment.extend(expected.iter().cloned());
    assert_eq!(
        cli_with(&["--input-format", "base64"], &commented),
        with_comment
    );
    // pem: base64 text holds no PEM block, so one record saying so.
    assert_eq!(cli_with(&["--input-format", "pem"], &several), ["none"]);
    // der: the whole stream is the certificate's bytes, whatever they look like.
    assert_eq!(
        cli_with(&["--input-format", "der"], &several),
        [sha(several.as_bytes())]
    );
    assert_eq!(cli_with(&["--input-format", "auto"], &several), expected);
}

#[test]
fn input_format_rejects_unknown_names() {
    let out = bin()
        .args(["lint", "--input-format", "pkcs7", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
