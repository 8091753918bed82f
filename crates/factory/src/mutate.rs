//! Structure-aware mutation of a DER certificate, driven by a byte script.
//!
//! The certificate is parsed into a TLV tree (OCTET STRING and BIT STRING contents that are
//! themselves DER, such as extension values and public keys, are opened too), a script of
//! operations changes tags, lengths, contents and shapes of chosen nodes, and the tree is written
//! back with every enclosing length recomputed. Mutating the tree instead of the flat bytes keeps
//! the outer framing intact, so defects reach the deep fields the lints read. Used by the
//! `mutate_cert` fuzz target and by `tests/fuzz_corpus.rs`, which replays its corpus.

use smimelint_der::walk::read_tlv;

/// Certificate types whose clean factory certificates the `mutate_cert` fuzz target mutates; the
/// first script byte picks one.
pub const BASE_TYPES: [&str; 4] = [
    "mailbox-strict",
    "organization-legacy",
    "sponsored-multipurpose",
    "individual-strict",
];

/// The certificates of [`BASE_TYPES`], in order.
pub fn bases() -> Vec<Vec<u8>> {
    BASE_TYPES
        .iter()
        .map(|t| super::CertBuilder::subscriber(t).build())
        .collect()
}

/// The certificate a fuzz input mutates and the script to apply: the first byte picks the base.
pub fn split_input<'a>(bases: &'a [Vec<u8>], data: &'a [u8]) -> Option<(&'a [u8], &'a [u8])> {
    let (&pick, script) = data.split_first()?;
    Some((&bases[usize::from(pick) % bases.len()], script))
}

/// How a node's length is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LenForm {
    Minimal,
    /// Long form with this many length octets (leading zeros).
    Long(u8),
    /// BER indefinite form, closed by `00 00`.
    Indefinite,
    /// The minimal encoding of the true length plus this (wrapping) delta: a lie.
    Lie(i8),
}

#[derive(Clone, Debug)]
enum Body {
    Primitive(Vec<u8>),
    Constructed(Vec<Node>),
    /// A primitive string whose content is DER; `prefix` holds a BIT STRING's unused-bits octet.
    Encapsulated {
        prefix: Vec<u8>,
        inner: Vec<Node>,
    },
}

/// One TLV of the tree.
#[derive(Clone, Debug)]
pub struct Node {
    tag: Vec<u8>,
    len: LenForm,
    body: Body,
}

const MAX_PARSE_DEPTH: usize = 32;

/// Parses `der` into a sequence of nodes; `None` unless all of `der` is well-formed TLVs.
pub fn parse(der: &[u8]) -> Option<Vec<Node>> {
    parse_all(der, 0)
}

fn parse_all(mut data: &[u8], depth: usize) -> Option<Vec<Node>> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let (tlv, _) = read_tlv(data, 0).ok()?;
        let header = tlv.raw.len() - tlv.content.len();
        let tag = tlv.raw[..header.min(tlv.raw.len())].to_vec();
        let tag_len = tag_octets(&tag);
        let body = open(tlv.tag, tlv.content, depth);
        out.push(Node {
            tag: tag[..tag_len].to_vec(),
            len: LenForm::Minimal,
            body,
        });
        data = &data[tlv.raw.len()..];
    }
    Some(out)
}

/// Number of identifier octets at the start of `header`.
fn tag_octets(header: &[u8]) -> usize {
    if header.first().is_some_and(|b| b & 0x1f == 0x1f) {
        1 + header[1..]
            .iter()
            .position(|b| b & 0x80 == 0)
            .map_or(header.len() - 1, |p| p + 1)
    } else {
        1
    }
}

fn open(tag: u8, content: &[u8], depth: usize) -> Body {
    let nested = |c: &[u8]| {
        if depth >= MAX_PARSE_DEPTH || c.is_empty() {
            None
        } else {
            parse_all(c, depth + 1)
        }
    };
    if tag & 0x20 != 0 {
        if let Some(children) = nested(content) {
            return Body::Constructed(children);
        }
    } else if tag == 0x04 && content.first() == Some(&0x30) {
        if let Some(inner) = nested(content) {
            return Body::Encapsulated {
                prefix: Vec::new(),
                inner,
            };
        }
    } else if tag == 0x03 && content.len() > 1 && content[0] == 0 && content[1] == 0x30 {
        if let Some(inner) = nested(&content[1..]) {
            return Body::Encapsulated {
                prefix: vec![0],
                inner,
            };
        }
    }
    Body::Primitive(content.to_vec())
}

/// Writes nodes back to DER (or whatever their length forms make of it).
pub fn encode(nodes: &[Node]) -> Vec<u8> {
    let mut out = Vec::new();
    for n in nodes {
        encode_node(n, &mut out);
    }
    out
}

fn content_of(n: &Node) -> Vec<u8> {
    match &n.body {
        Body::Primitive(c) => c.clone(),
        Body::Constructed(children) => encode(children),
        Body::Encapsulated { prefix, inner } => {
            let mut c = prefix.clone();
            c.extend(encode(inner));
            c
        }
    }
}

fn encode_node(n: &Node, out: &mut Vec<u8>) {
    let content = content_of(n);
    out.extend_from_slice(&n.tag);
    let len = content.len();
    match n.len {
        LenForm::Minimal => out.extend(super::der::len(len)),
        LenForm::Long(k) => {
            let k = usize::from(k.clamp(1, 8));
            out.push(0x80 | k as u8);
            let be = (len as u64).to_be_bytes();
            out.extend_from_slice(&be[8 - k..]);
        }
        LenForm::Indefinite => out.push(0x80),
        LenForm::Lie(d) => out.extend(super::der::len(
            (len as i64 + i64::from(d)).clamp(0, 1 << 24) as usize,
        )),
    }
    out.extend(content);
    if n.len == LenForm::Indefinite {
        out.extend_from_slice(&[0, 0]);
    }
}

/// Number of nodes in pre-order.
fn count(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| 1 + count(children(n))).sum()
}

fn children(n: &Node) -> &[Node] {
    match &n.body {
        Body::Constructed(c) => c,
        Body::Encapsulated { inner, .. } => inner,
        Body::Primitive(_) => &[],
    }
}

fn children_mut(n: &mut Node) -> Option<&mut Vec<Node>> {
    match &mut n.body {
        Body::Constructed(c) => Some(c),
        Body::Encapsulated { inner, .. } => Some(inner),
        Body::Primitive(_) => None,
    }
}

/// The list holding pre-order node `index`, and the node's position in it.
fn locate(nodes: &mut Vec<Node>, mut index: usize) -> Option<(&mut Vec<Node>, usize)> {
    let mut pos = 0;
    while pos < nodes.len() {
        if index == 0 {
            return Some((nodes, pos));
        }
        index -= 1;
        let size = count(children(&nodes[pos]));
        if index < size {
            let inner = children_mut(&mut nodes[pos])?;
            return locate(inner, index);
        }
        index -= size;
        pos += 1;
    }
    None
}

fn node_at(nodes: &mut Vec<Node>, index: usize) -> Option<&mut Node> {
    let (list, pos) = locate(nodes, index)?;
    list.get_mut(pos)
}

/// Consumes the script byte by byte.
struct Script<'a>(&'a [u8]);

impl Script<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_be_bytes([self.byte()?, self.byte()?]))
    }
    fn bytes(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.0.len());
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
}

/// Most operations applied from one script, so a long input cannot grow the tree without bound.
const MAX_OPS: usize = 16;
/// Largest tree kept: duplication stops here.
const MAX_NODES: usize = 4096;

/// Applies the operations of `script` to `nodes`. Each operation is an opcode byte, a 16-bit
/// pre-order node index (taken modulo the node count) and its arguments.
pub fn apply(nodes: &mut Vec<Node>, script: &[u8]) {
    let mut s = Script(script);
    for _ in 0..MAX_OPS {
        let (Some(op), Some(index)) = (s.byte(), s.u16()) else {
            return;
        };
        let total = count(nodes);
        if total == 0 {
            return;
        }
        let index = usize::from(index) % total;
        apply_one(nodes, op % 12, index, total, &mut s);
    }
}

fn apply_one(nodes: &mut Vec<Node>, op: u8, index: usize, total: usize, s: &mut Script<'_>) {
    match op {
        // Replace the identifier octet.
        0 => {
            if let (Some(b), Some(n)) = (s.byte(), node_at(nodes, index)) {
                n.tag = vec![b];
                if b & 0x1f == 0x1f {
                    n.tag.push(s.byte().unwrap_or(0) & 0x7f);
                }
            }
        }
        // Replace the content with script bytes (the node becomes primitive content).
        1 => {
            let k = usize::from(s.byte().unwrap_or(0) % 64);
            let bytes = s.bytes(k).to_vec();
            if let Some(n) = node_at(nodes, index) {
                n.body = Body::Primitive(bytes);
            }
        }
        // Delete the node.
        2 => {
            if let Some((list, pos)) = locate(nodes, index) {
                list.remove(pos);
            }
        }
        // Duplicate the node in place.
        3 if total < MAX_NODES => {
            if let Some((list, pos)) = locate(nodes, index) {
                let copy = list[pos].clone();
                list.insert(pos, copy);
            }
        }
        // Splice: overwrite the node with a copy of another.
        4 => {
            let other = s.u16().map_or(0, |o| usize::from(o) % total);
            let copy = node_at(nodes, other).cloned();
            if let (Some(copy), Some(n)) = (copy, node_at(nodes, index)) {
                if count(std::slice::from_ref(&copy)) + total < MAX_NODES {
                    *n = copy;
                }
            }
        }
        // Flip bits in a content byte.
        5 => {
            let (at, mask) = (s.byte().unwrap_or(0), s.byte().unwrap_or(1));
            if let Some(Node {
                body: Body::Primitive(c),
                ..
            }) = node_at(nodes, index)
            {
                if !c.is_empty() {
                    let i = usize::from(at) % c.len();
                    c[i] ^= mask;
                }
            }
        }
        // Truncate or extend primitive content.
        6 => {
            let k = s.byte().unwrap_or(0);
            if let Some(Node {
                body: Body::Primitive(c),
                ..
            }) = node_at(nodes, index)
            {
                if k & 0x80 == 0 {
                    c.truncate(usize::from(k));
                } else {
                    c.resize(c.len() + usize::from(k & 0x3f), k);
                }
            }
        }
        // Change the length form.
        7 => {
            let arg = s.byte().unwrap_or(0);
            if let Some(n) = node_at(nodes, index) {
                n.len = match arg % 4 {
                    0 => LenForm::Minimal,
                    1 => LenForm::Long(arg >> 4),
                    2 => LenForm::Indefinite,
                    _ => LenForm::Lie(s.byte().unwrap_or(1) as i8),
                };
            }
        }
        // Insert a new primitive TLV before the node.
        8 => {
            let tag = s.byte().unwrap_or(0x05) & !0x20;
            let k = usize::from(s.byte().unwrap_or(0) % 32);
            let bytes = s.bytes(k).to_vec();
            if let Some((list, pos)) = locate(nodes, index) {
                list.insert(
                    pos,
                    Node {
                        tag: vec![tag],
                        len: LenForm::Minimal,
                        body: Body::Primitive(bytes),
                    },
                );
            }
        }
        // Append trailing bytes after the node's last child (or content).
        9 => {
            let k = usize::from(s.byte().unwrap_or(0) % 8);
            let bytes = s.bytes(k).to_vec();
            if let Some(n) = node_at(nodes, index) {
                match &mut n.body {
                    Body::Primitive(c) => c.extend(bytes),
                    Body::Constructed(c) | Body::Encapsulated { inner: c, .. } => c.push(Node {
                        tag: bytes.first().map_or(vec![0], |&b| vec![b & !0x20]),
                        len: LenForm::Minimal,
                        body: Body::Primitive(bytes.get(1..).unwrap_or_default().to_vec()),
                    }),
                }
            }
        }
        // Swap the node with its next sibling (reorders SET OF, extension lists, …).
        10 => {
            if let Some((list, pos)) = locate(nodes, index) {
                if pos + 1 < list.len() {
                    list.swap(pos, pos + 1);
                }
            }
        }
        // Flatten: the node keeps its encoded content but loses its structure.
        _ => {
            if let Some(n) = node_at(nodes, index) {
                n.body = Body::Primitive(content_of(n));
            }
        }
    }
}

/// Parses `der`, applies `script` and encodes the result; `der` unchanged if it does not parse.
pub fn mutate(der: &[u8], script: &[u8]) -> Vec<u8> {
    match parse(der) {
        Some(mut nodes) => {
            apply(&mut nodes, script);
            encode(&nodes)
        }
        None => der.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CertBuilder;

    #[test]
    fn empty_script_round_trips() {
        let der = CertBuilder::subscriber("mailbox-strict").build();
        assert_eq!(mutate(&der, &[]), der);
    }

    #[test]
    fn length_form_op_makes_length_non_minimal() {
        let der = CertBuilder::subscriber("mailbox-strict").build();
        // op 7 on node 1 (tbsCertificate), long form with 4 length octets.
        let out = mutate(&der, &[7, 0, 1, 0x41]);
        assert_ne!(out, der);
        let mut walker = smimelint_der::walk::Walker::new();
        walker.walk_single(&out, 0, "certificate");
        assert!(walker
            .violations
            .iter()
            .any(|v| v.kind == smimelint_der::walk::ViolationKind::NonMinimalLength));
    }

    #[test]
    fn extension_values_are_opened() {
        let der = CertBuilder::subscriber("mailbox-strict").build();
        let nodes = parse(&der).unwrap();
        let total = count(&nodes);
        // Deleting every node in turn never panics and always changes the encoding.
        for i in 0..total {
            let mut n = nodes.clone();
            apply(&mut n, &[2, (i >> 8) as u8, i as u8]);
            assert_ne!(encode(&n), der, "node {i}");
        }
        assert!(total > 60, "extension values and keys are parsed: {total}");
    }
}
