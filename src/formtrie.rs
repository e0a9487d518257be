//! Leftmost-longest matching of many fixed strings (the gazetteer's surface forms)
//! with a byte trie.
//!
//! It finds exactly what an unanchored leftmost-longest Aho-Corasick scan finds
//! (`find_iter` of the `aho-corasick` crate with `MatchKind::LeftmostLongest`): from
//! the end of the last match, the leftmost position where some pattern starts and
//! the longest pattern there. It is faster on news text because forms mostly start
//! with a capital letter: a filter on the first bytes skips nearly every position,
//! and the trie walk at the rest touches a few small, hot nodes, where the
//! automaton's scan went through a table of megabytes at every byte.

/// A match: which pattern, and its byte range in the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrieMatch {
    /// Index of the pattern in the list the trie was built from.
    pub pattern: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// No pattern ends at a node.
const NONE: u32 = u32::MAX;

/// Size of the filter on patterns' first four bytes ([`FormTrie::quads`]), in bits.
const QUAD_BITS: usize = 1 << 16;

/// A filter of 2^16 bits (the pairs of bytes, [`quad_bit`], [`oct_bit`]).
type Filter = [u64; 1 << 10];

/// An empty [`Filter`].
fn empty_filter() -> Box<Filter> {
    Box::new([0; 1 << 10])
}

/// The filter bit of four bytes: a multiplicative hash. Collisions only let a
/// position through to the trie walk, which decides.
#[inline]
fn quad_bit(a: u8, b: u8, c: u8, d: u8) -> usize {
    let x = u32::from_le_bytes([a, b, c, d]);
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Size of the filter on long patterns' first eight bytes ([`FormTrie::octs`]), in
/// bits.
const OCT_BITS: usize = 1 << 16;

/// The filter bit of eight bytes, as [`quad_bit`] is of four.
#[inline]
fn oct_bit(eight: [u8; 8]) -> usize {
    let x = u64::from_le_bytes(eight);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - OCT_BITS.trailing_zeros())) as usize
}

/// The most children a node has for its edges to be searched one by one; a node
/// of more has a table by byte ([`FormTrie::wide`]).
const NARROW: usize = 8;

/// A trie node: where its edges start, how many there are, the byte of the first,
/// and the pattern that ends at it.
///
/// One array of these, numbered depth first: a walk along a name ("United
/// Nations Security Council") reads nodes that sit next to each other, and each
/// node's edges and pattern in one place. Walks ran into a cache miss per byte
/// when nodes were numbered breadth first and their fields kept in separate arrays.
///
/// Depth first, a node's first child is the next node: most nodes (inside a
/// name) have one child, and a step to it reads only the node itself, not the
/// edge arrays.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Index of the node's first edge in `edge_bytes` and `edge_to`; for a node of
    /// more than [`NARROW`] children, the index of its table in `wide` instead.
    edges: u32,
    /// The pattern that ends here, or [`NONE`].
    pattern: u32,
    /// How many edges (children) it has.
    degree: u16,
    /// The byte of its first edge (to the next node), when it has one.
    first_byte: u8,
}

/// The patterns as a trie in flat arrays, with a filter of their first two bytes.
#[derive(Clone, Debug)]
pub struct FormTrie {
    /// The nodes in depth-first order, node 0 the root: node `n`'s edges are
    /// `edge_bytes[e..e + degree]` (sorted bytes, `e` its `edges`) leading to the
    /// nodes `edge_to[..]` at the same indices, the first to node `n + 1`.
    nodes: Vec<Node>,
    edge_bytes: Vec<u8>,
    edge_to: Vec<u32>,
    /// The children of each node of more than [`NARROW`] children by byte (0:
    /// none). Such nodes (the first letters of names: "M" goes on to "Ma", "Mi",
    /// "Mo" ...) are on nearly every walk, and a binary search over their edges
    /// cost a fifth of the walks.
    wide: Vec<[u32; 256]>,
    /// The root's children by byte (0: none; the root is no one's child).
    root: [u32; 256],
    /// Bit `a * 256 + b`: some pattern starts with the bytes `a b`. (The filters
    /// are arrays of their exact size: their indices need no bounds checks.)
    pairs: Box<Filter>,
    /// Bit `a * 256 + b`: some pattern of two or three bytes starts with `a b`.
    short_pairs: Box<Filter>,
    /// Bit [`quad_bit`] of a pattern's first four bytes, for patterns of four bytes or
    /// more. The pairs alone let through every "th", "an", "al" and "de" inside
    /// lowercase words (for "the Resistance Front", "anti-IS coalition", "al-Sisi",
    /// "de la Fuente"); four bytes tell "al-S" from "al" in "national".
    quads: Box<Filter>,
    /// Bit [`quad_bit`] of the first four bytes of patterns of four to seven bytes:
    /// where no such pattern starts, only a pattern of eight bytes or more can.
    short_quads: Box<Filter>,
    /// Bit [`oct_bit`] of a pattern's first eight bytes, for patterns of eight bytes
    /// or more. Four bytes let through every "the " of a text (for "the Resistance
    /// Front") and every "Mini" (for "Ministry of ..."): a walk each, which ran into
    /// a cache miss at nearly every node; eight tell them apart.
    octs: Box<Filter>,
    /// `single[a]`: some pattern is the one byte `a`.
    single: [bool; 256],
    /// `first[a]`: some pattern starts with byte `a` (the scan skips the others in a
    /// tight loop: spaces, punctuation, most lowercase letters).
    first: [bool; 256],
    /// Bit `a * 256 + b`: some pattern starts with the bytes `a b`, or is the one
    /// byte `a`. Asked in the scan's loop of every byte that passes `first`: that
    /// is nearly a third of a text's bytes, every "a", "d", "e" and "t" (for
    /// "al-Sisi", "de Mistura", "el-Sisi", "the Faroes"); two bytes let through a
    /// tenth.
    starts: Box<Filter>,
    /// `starts` by the pair read little-endian, a byte per pair: entry `b * 256 +
    /// a` for the bytes `a b` (two bytes read as a `u16` are that number as they
    /// are). The scan asks it of every position of every text: one load and a
    /// compare, where a bit of a filter took the word's index, its load and the
    /// bit's test.
    starts_le: Box<[bool; 1 << 16]>,
}

impl FormTrie {
    /// Builds the trie; the index of a pattern in `patterns` is its id in matches.
    /// Empty patterns never match. Of identical patterns the first wins.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> FormTrie {
        const _: () = assert!(QUAD_BITS / 64 == 1 << 10 && OCT_BITS / 64 == 1 << 10);
        let mut pairs = empty_filter();
        let mut short_pairs = empty_filter();
        let mut quads = empty_filter();
        let mut short_quads = empty_filter();
        let mut octs = empty_filter();
        let mut single = [false; 256];
        let mut starts = empty_filter();
        let mut first = [false; 256];
        for p in patterns {
            let bytes = p.as_ref().as_bytes();
            if let Some(&a) = bytes.first() {
                first[usize::from(a)] = true;
            }
            match *bytes {
                [] => continue,
                [a] => {
                    single[usize::from(a)] = true;
                    for bit in usize::from(a) * 256..usize::from(a) * 256 + 256 {
                        starts[bit / 64] |= 1 << (bit % 64);
                    }
                }
                [a, b, ..] => {
                    let bit = usize::from(a) * 256 + usize::from(b);
                    pairs[bit / 64] |= 1 << (bit % 64);
                    starts[bit / 64] |= 1 << (bit % 64);
                    match *bytes {
                        [a, b, c, d, ..] => {
                            let q = quad_bit(a, b, c, d);
                            quads[q / 64] |= 1 << (q % 64);
                            match bytes.get(..8) {
                                Some(eight) => {
                                    let o = oct_bit(eight.try_into().unwrap_or_default());
                                    octs[o / 64] |= 1 << (o % 64);
                                }
                                None => short_quads[q / 64] |= 1 << (q % 64),
                            }
                        }
                        _ => short_pairs[bit / 64] |= 1 << (bit % 64),
                    }
                }
            }
        }
        // The nodes in depth-first order (a node's children by byte), straight from
        // the patterns in sorted order: each pattern adds the nodes of what follows
        // its common prefix with the one before, and in that order every node comes
        // after its parent and its elder siblings' subtrees. (Built first as a trie
        // of sorted maps, then renumbered, the trie cost a map per node: most of
        // the start-up time.) A stable sort keeps identical patterns in id order:
        // the first is the one that ends at its node.
        let mut order: Vec<usize> = (0..patterns.len()).collect();
        order.sort_by(|&a, &b| patterns[a].as_ref().cmp(patterns[b].as_ref()));
        // Each node's parent, the byte on the edge to it, and the pattern ending
        // there; node 0 is the root.
        let mut parent: Vec<u32> = vec![0];
        let mut byte: Vec<u8> = vec![0];
        let mut ends: Vec<u32> = vec![NONE];
        // The nodes along the previous pattern (`path[d]` at depth d + 1).
        let mut path: Vec<u32> = Vec::new();
        let mut previous: &[u8] = &[];
        for &id in &order {
            let bytes = patterns[id].as_ref().as_bytes();
            if bytes.is_empty() {
                continue;
            }
            let common = bytes
                .iter()
                .zip(previous)
                .take_while(|(a, b)| a == b)
                .count();
            path.truncate(common);
            for &b in &bytes[common..] {
                parent.push(path.last().copied().unwrap_or(0));
                byte.push(b);
                ends.push(NONE);
                path.push(parent.len() as u32 - 1);
            }
            let node = path.last().copied().unwrap_or(0) as usize;
            if ends[node] == NONE {
                ends[node] = u32::try_from(id).unwrap_or(NONE);
            }
            previous = bytes;
        }
        // Degrees, then each node's place in the edge arrays or its wide table, then
        // the edges themselves: a node's children come in depth-first order, which
        // is by byte.
        let count = parent.len();
        let mut degree = vec![0u16; count];
        for &p in &parent[1..] {
            // At most 256 children, one per byte.
            degree[p as usize] += 1;
        }
        let mut nodes = Vec::with_capacity(count + 1);
        let mut edge_len = 0usize;
        let mut wide_len = 0usize;
        for n in 0..count {
            let is_wide = usize::from(degree[n]) > NARROW;
            nodes.push(Node {
                edges: if is_wide {
                    wide_len as u32
                } else {
                    edge_len as u32
                },
                pattern: ends[n],
                degree: degree[n],
                first_byte: if degree[n] > 0 { byte[n + 1] } else { 0 },
            });
            if is_wide {
                wide_len += 1;
            } else {
                edge_len += usize::from(degree[n]);
            }
        }
        let mut edge_bytes = vec![0u8; edge_len];
        let mut edge_to = vec![0u32; edge_len];
        let mut wide = vec![[0u32; 256]; wide_len];
        // How many of each node's edges are written.
        let mut filled = vec![0u32; count];
        let mut root = [0u32; 256];
        for child in 1..count {
            let p = parent[child] as usize;
            let b = byte[child];
            let n = nodes[p];
            if usize::from(n.degree) > NARROW {
                wide[n.edges as usize][usize::from(b)] = child as u32;
            } else {
                let e = (n.edges + filled[p]) as usize;
                edge_bytes[e] = b;
                edge_to[e] = child as u32;
            }
            debug_assert!(filled[p] > 0 || child == p + 1);
            filled[p] += 1;
            if p == 0 {
                root[usize::from(b)] = child as u32;
            }
        }
        let mut starts_le = Box::new([false; 1 << 16]);
        for bit in 0..1 << 16 {
            if starts[bit / 64] & (1 << (bit % 64)) != 0 {
                starts_le[(bit % 256) * 256 + bit / 256] = true;
            }
        }
        FormTrie {
            starts_le,
            root,
            nodes,
            edge_bytes,
            edge_to,
            wide,
            pairs,
            short_pairs,
            quads,
            short_quads,
            octs,
            single,
            first,
            starts,
        }
    }

    /// Could a pattern start at `bytes[i]`, a position [`FormTrie::next_start`]
    /// found, by its first four bytes, then eight?
    ///
    /// (Where `next_start` stops, the first byte is a pattern of its own, or the
    /// first two bytes start one: their bit of `starts` is set, and without a
    /// one-byte pattern that is their bit of `pairs`. So `pairs` is not asked
    /// again.)
    #[inline]
    fn may_start(&self, bytes: &[u8], i: usize) -> bool {
        let a = bytes[i];
        if self.single[usize::from(a)] {
            return true;
        }
        let Some(&b) = bytes.get(i + 1) else {
            return false;
        };
        let bit = usize::from(a) * 256 + usize::from(b);
        debug_assert!(self.pairs[bit / 64] & (1 << (bit % 64)) != 0);
        if self.short_pairs[bit / 64] & (1 << (bit % 64)) != 0 {
            return true;
        }
        match bytes.get(i + 2..i + 4) {
            Some(&[c, d]) => {
                let q = quad_bit(a, b, c, d);
                if self.quads[q / 64] & (1 << (q % 64)) == 0 {
                    return false;
                }
                if self.short_quads[q / 64] & (1 << (q % 64)) != 0 {
                    return true;
                }
                // Only patterns of eight bytes or more start with these four.
                match bytes.get(i..i + 8) {
                    Some(eight) => {
                        let o = oct_bit(eight.try_into().unwrap_or_default());
                        self.octs[o / 64] & (1 << (o % 64)) != 0
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// The child of inner node `node` (not the root: see [`FormTrie::root`]) along
    /// byte `b`, given the node itself.
    #[inline]
    fn child(&self, node: usize, n: Node, b: u8) -> Option<usize> {
        if n.degree == 1 {
            return (n.first_byte == b).then_some(node + 1);
        }
        if usize::from(n.degree) > NARROW {
            // (A child is never the root, node 0.)
            let to = self.wide.get(n.edges as usize)?[usize::from(b)];
            return (to != 0).then_some(to as usize);
        }
        let lo = n.edges as usize;
        let bytes = self.edge_bytes.get(lo..lo + usize::from(n.degree))?;
        let k = bytes.iter().position(|&e| e == b)?;
        Some(self.edge_to[lo + k] as usize)
    }

    /// The longest pattern starting at `start`, as (pattern, end).
    ///
    /// Each node is read once per step: its pattern, then its child along the next
    /// byte (a walk along a name is mostly single-child nodes, settled by
    /// `first_byte`).
    #[inline]
    fn longest_at(&self, bytes: &[u8], start: usize) -> Option<(usize, usize)> {
        let mut node = self.root[usize::from(*bytes.get(start)?)] as usize;
        if node == 0 {
            return None;
        }
        let mut best = None;
        let mut end = start + 1;
        loop {
            let n = self.nodes[node];
            if n.pattern != NONE {
                best = Some((n.pattern as usize, end));
            }
            let Some(&b) = bytes.get(end) else {
                break;
            };
            match self.child(node, n, b) {
                Some(next) => node = next,
                None => break,
            }
            end += 1;
        }
        best
    }

    /// The longest pattern that starts `text` (at byte 0), as (pattern, end): the
    /// first match [`FormTrie::find_iter`] would report when one starts at 0.
    pub fn longest_prefix(&self, text: &str) -> Option<(usize, usize)> {
        self.longest_at(text.as_bytes(), 0)
    }

    /// The first position at or after `from` where a pattern may start by its
    /// first byte and then by its first two ([`FormTrie::starts`]; at the last
    /// byte, by the byte alone).
    ///
    /// Eight positions at a time from one read of their eight bytes (and the
    /// byte after them): each is one test of its pair's entry in `starts_le`. (A
    /// pair's entry is set only when its first byte starts a pattern: the pair
    /// alone settles `first` too.) A loop byte by byte over `first`, then `starts` for a third
    /// of the bytes, cost half again as much.
    #[inline]
    fn next_start(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        while let Some(chunk) = bytes.get(i..i + 9) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&chunk[..8]);
            let x = u64::from_le_bytes(eight);
            let after = u64::from(chunk[8]);
            for k in 0..8 {
                // Bytes `i + k` and `i + k + 1`, the first low.
                let pair = if k < 7 {
                    (x >> (8 * k)) as u16
                } else {
                    ((x >> 56) | (after << 8)) as u16
                };
                if self.starts_le[usize::from(pair)] {
                    return Some(i + k);
                }
            }
            i += 8;
        }
        while i < bytes.len() {
            let a = bytes[i];
            if self.first[usize::from(a)] {
                let hit = match bytes.get(i + 1) {
                    Some(&b) => {
                        let bit = usize::from(a) * 256 + usize::from(b);
                        self.starts[bit / 64] & (1 << (bit % 64)) != 0
                    }
                    None => self.single[usize::from(a)],
                };
                if hit {
                    return Some(i);
                }
            }
            i += 1;
        }
        None
    }

    /// Every leftmost-longest, non-overlapping match in `text`, in order.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = TrieMatch> + 't {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(i) = self.next_start(bytes, at) {
                at = i + 1;
                if !self.may_start(bytes, i) {
                    continue;
                }
                if let Some((pattern, end)) = self.longest_at(bytes, i) {
                    at = end;
                    return Some(TrieMatch {
                        pattern,
                        start: i,
                        end,
                    });
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(trie: &FormTrie, pats: &[&str], text: &'a str) -> Vec<(&'a str, usize)> {
        trie.find_iter(text)
            .map(|m| {
                assert_eq!(&text[m.start..m.end], pats[m.pattern]);
                (&text[m.start..m.end], m.start)
            })
            .collect()
    }

    #[test]
    fn leftmost_then_longest_without_overlap() {
        let pats = ["New York", "York", "New", "Yorkshire", "ew Y", "a", "é"];
        let trie = FormTrie::new(&pats);
        assert_eq!(
            found(&trie, &pats, "xNew York and Yorkshire, é"),
            vec![("New York", 1), ("a", 10), ("Yorkshire", 14), ("é", 25)]
        );
        // "ew Y" starts before "York": leftmost wins over longest.
        assert_eq!(found(&trie, &pats, "Nw ew York"), vec![("ew Y", 3)]);
    }

    #[test]
    fn empty_and_duplicate_patterns() {
        let pats = ["", "US", "US"];
        let trie = FormTrie::new(&pats);
        let m: Vec<TrieMatch> = trie.find_iter("USA US").collect();
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| m.pattern == 1));
    }
}
