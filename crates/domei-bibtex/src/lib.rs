//! BibLaTeX, BibTeX and CSL-JSON export of the references of domei documents.
//!
//! [`Bibliography::new`] collects one entry per distinct reference across a set of
//! documents: short forms and ibid. (`Reference.repeat`) resolve to the full reference
//! they repeat and get no entry of their own, and the same work cited in several notes
//! or documents is one entry. Each entry gets a deterministic, unique ASCII key
//! (`nato2024industrial`; Japanese kana romanised, a stable hash when nothing
//! romanises; `a`, `b` … suffixes on collisions).
//!
//! [`write_biblatex`] writes BibLaTeX for biber (`@online`, `@article`, `@report`,
//! `@book`, `@incollection`, `@misc` …, `date` at its precision, `urldate`, `langid`);
//! [`write_bibtex`] writes classic BibTeX for `plain.bst` and older tools (`journal`,
//! `year`, `month`, `howpublished`). Every text value is escaped, so nothing the input
//! holds (`%`, `{`, `\input`, `\write18` …) can break the file or run anything. The
//! mapping is documented in `docs/bibtex.md`. [`csl`] maps references to CSL-JSON.
//!
//! ```
//! use domei_bibtex::{Bibliography, write_biblatex};
//! use domei_model::{Date, Document, Note, Person, Reference, ReferenceType, Span, Spanned, Ymd};
//!
//! let json = r#"{"format_version":1,"id":"demo","source":{"path":"demo.txt","byte_len":0,
//!   "sha256":"","encoding":{"name":"UTF-8","bom":false,"detected_by":"valid_utf8"},
//!   "line_endings":"none","text_len":0},"text":"","metadata":{"language":"en"},"blocks":[]}"#;
//! let mut doc: Document = serde_json::from_str(json).unwrap();
//! let pledge = Reference {
//!     id: "n1-r1".into(),
//!     kind: ReferenceType::Webpage,
//!     authors: vec![Spanned::detached(Person { literal: Some("NATO".into()), ..Person::default() })],
//!     title: Some(Spanned::detached("Industrial Capacity Expansion Pledge".into())),
//!     issued: Some(Spanned::detached(Date::absolute(Ymd::day(2024, 7, 10)))),
//!     url: Some(Spanned::detached("https://www.nato.int/".into())),
//!     ..Reference::default()
//! };
//! doc.notes.push(Note {
//!     id: "n1".into(), number: 1, label: "1.".into(), span: Span::default(),
//!     text: Spanned::detached(String::new()), references: vec![pledge],
//!     commentary: vec![], anchors: vec![], block: 0,
//! });
//! let docs = [doc];
//! assert_eq!(Bibliography::new(&docs).key_for("demo", "n1-r1"), Some("nato2024industrial"));
//! let mut out = Vec::new();
//! write_biblatex(&docs, &mut out).unwrap();
//! let bib = String::from_utf8(out).unwrap();
//! assert!(bib.starts_with("@online{nato2024industrial,\n"));
//! assert!(bib.contains("  author = {{NATO}},\n"));
//! assert!(bib.contains("  date = {2024-07-10},\n"));
//! ```
#![deny(missing_docs)]

pub mod csl;
mod key;
mod tex;

use std::collections::HashMap;
use std::io::{self, Write};

use domei_model::{Document, Reference};

pub use tex::{escape, escape_verbatim};

/// One entry of the bibliography: a distinct full reference and its key.
#[derive(Debug, Clone)]
pub struct Entry<'d> {
    /// The citation key: ASCII letters and digits, unique in the bibliography.
    pub key: String,
    /// The first full reference of this work, in document order.
    pub reference: &'d Reference,
    /// Ids of the documents that cite it (full or repeated), sorted, without repeats.
    pub documents: Vec<&'d str>,
}

/// The distinct references of a set of documents, with their keys.
#[derive(Debug, Clone)]
pub struct Bibliography<'d> {
    entries: Vec<Entry<'d>>,
    by_citation: FnvMap<(&'d str, &'d str), usize>,
}

/// Normalise a string for comparison: lower-case letters and digits only, then `|`.
fn norm(s: &str, out: &mut Vec<u8>) {
    /// ASCII byte → its lower-case form when a letter or digit, else 0 (dropped).
    static ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            if c.is_ascii_alphanumeric() {
                t[b] = c.to_ascii_lowercase();
            }
            b += 1;
        }
        t
    };
    let bytes = s.as_bytes();
    if s.is_ascii() {
        // Write every byte, advance past the kept ones only: no branch per byte.
        let start = out.len();
        out.resize(start + bytes.len() + 1, 0);
        let dst = &mut out[start..];
        let mut j = 0;
        for &b in bytes {
            let l = ASCII[usize::from(b)];
            dst[j] = l;
            j += usize::from(l != 0);
        }
        dst[j] = b'|';
        out.truncate(start + j + 1);
        return;
    }
    // Written in place into room for the longest result (a lower-case form is at most
    // 1.5 times as long as its character: 'İ' → "i̇"), then cut to size; ASCII, kana and
    // CJK ideographs, nearly all of the text here, without a branch on what is kept.
    let start = out.len();
    out.resize(start + 2 * bytes.len() + 1, 0);
    let mut j = start;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let l = ASCII[usize::from(b)];
            out[j] = l;
            j += usize::from(l != 0);
            i += 1;
            continue;
        }
        // Three-byte characters of U+3000–U+30FF (lead E3, second byte 80–83: kana,
        // CJK symbols; kept as `KANA_BLOCK` says) and U+4E00–U+9FFF (leads E4 from B8,
        // to E9: CJK ideographs, all kept): letters without case, copied as they are.
        let three = match (b, bytes.get(i + 1)) {
            (0xE3, Some(&c @ 0x80..=0x83)) => {
                let cp = (usize::from(c) - 0x80) << 6
                    | usize::from(bytes.get(i + 2).map_or(0, |&d| d & 0x3f));
                Some(KANA_BLOCK[cp])
            }
            (0xE4, Some(&c)) if c >= 0xB8 => Some(true),
            (0xE5..=0xE9, Some(_)) => Some(true),
            _ => None,
        };
        if let (Some(keep), Some(src)) = (three, bytes.get(i..i + 3)) {
            out[j..j + 3].copy_from_slice(src);
            j += 3 * usize::from(keep);
            i += 3;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or_default();
        let w = c.len_utf8();
        if c.is_alphanumeric() {
            // Room for up to three characters of four bytes (always there by the bound
            // above; made sure of, since this path is rare).
            if out.len() < j + 12 {
                out.resize(j + 12, 0);
            }
            for l in c.to_lowercase() {
                j += l.encode_utf8(&mut out[j..j + 4]).len();
            }
        }
        i += w;
    }
    out[j] = b'|';
    out.truncate(j + 1);
}

/// Which characters of U+3000–U+30FF are letters or digits (`char::is_alphanumeric`):
/// the iteration marks, kana and prolonged sound marks, not the punctuation and
/// brackets (a test compares every one with `is_alphanumeric`).
static KANA_BLOCK: [bool; 256] = {
    let mut t = [false; 256];
    let ranges: [(usize, usize); 8] = [
        (0x05, 0x07),
        (0x21, 0x29),
        (0x31, 0x35),
        (0x38, 0x3C),
        (0x41, 0x96),
        (0x9D, 0x9F),
        (0xA1, 0xFA),
        (0xFC, 0xFF),
    ];
    let mut r = 0;
    while r < ranges.len() {
        let mut c = ranges[r].0;
        while c <= ranges[r].1 {
            t[c] = true;
            c += 1;
        }
        r += 1;
    }
    t
};

/// What makes two full references the same work.
fn fingerprint(r: &Reference, f: &mut Vec<u8>) {
    f.clear();
    if let Some(doi) = r.doi.as_ref().filter(|d| !d.value.trim().is_empty()) {
        f.extend_from_slice(b"doi|");
        norm(&doi.value, f);
        return;
    }
    match r.title.as_ref() {
        Some(t) => norm(&t.value, f),
        None => norm(&r.raw, f),
    }
    if let Some(p) = r.authors.first() {
        let p = &p.value;
        norm(
            p.family
                .as_deref()
                .or(p.literal.as_deref())
                .unwrap_or_default(),
            f,
        );
    }
    f.push(b'|');
    if let Some(d) = &r.issued {
        tex::push_edtf(f, &d.value);
    }
    f.push(b'|');
    if let Some(c) = &r.container_title {
        norm(&c.value, f);
    }
    if let Some(u) = &r.url {
        norm(&u.value, f);
    }
}

/// Follow repeat targets from the reference at position `i` to the position of a full
/// reference of the same document.
fn resolve(refs: &[&Reference], by_id: &FnvMap<&str, usize>, i: usize) -> Option<usize> {
    let mut current = i;
    for _ in 0..=refs.len() {
        match &refs.get(current)?.repeat {
            None => return Some(current),
            Some(rep) => {
                let target = rep.target.as_deref()?;
                current = if by_id.is_empty() {
                    // Few references: the first with that id, by a scan.
                    refs.iter().position(|r| r.id == target)?
                } else {
                    *by_id.get(target)?
                };
            }
        }
    }
    None
}

/// Hash bytes with [`Fnv`].
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv::default();
    std::hash::Hasher::write(&mut hasher, bytes);
    std::hash::Hasher::finish(&hasher)
}

/// References in a document above which repeat targets are found by a map.
const SCAN_LIMIT: usize = 32;

/// A fast, deterministic multiply-rotate hash (8 bytes a step) as a `Hasher`: the maps
/// here hash many short strings, where SipHash's protection against collision attacks
/// costs more than it is worth.
#[derive(Debug, Clone, Copy, Default)]
struct Fnv(u64);

impl Fnv {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
        self.add(bytes.len() as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A set of positions (entries) found by the hash of their value: open addressing
/// with linear probing over slots that hold the whole 64-bit hash beside the position,
/// so that a lookup compares values only when the hashes are equal, and an insert
/// after a failed lookup goes straight to the free slot the lookup found.
struct HashIndex {
    /// `(hash, position + 1)`; 0 marks a free slot.
    slots: Vec<(u64, usize)>,
    len: usize,
}

impl HashIndex {
    fn with_capacity(n: usize) -> HashIndex {
        HashIndex {
            slots: vec![(0, 0); (n.max(8) * 2).next_power_of_two()],
            len: 0,
        }
    }

    /// The position with hash `h` that `same` accepts, or `Err` with the free slot a
    /// value of that hash would take (for [`HashIndex::insert`]).
    #[inline]
    fn find(&self, h: u64, same: impl Fn(usize) -> bool) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        // The high bits, which the multiply of `Fnv` mixes best.
        let mut i = (h >> 32) as usize & mask;
        loop {
            match self.slots[i] {
                (_, 0) => return Err(i),
                (sh, p) if sh == h && same(p - 1) => return Ok(p - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Store `position` with hash `h` in `slot`, the free slot [`HashIndex::find`]
    /// just returned for `h`.
    fn insert(&mut self, slot: usize, h: u64, position: usize) {
        self.slots[slot] = (h, position + 1);
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        let mask = self.slots.len() - 1;
        for (h, p) in old.into_iter().filter(|&(_, p)| p != 0) {
            let mut i = (h >> 32) as usize & mask;
            while self.slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (h, p);
        }
    }
}

/// What the collecting pass reports, in order: [`collect`] is shared by
/// [`Bibliography::new`], which keeps the entries, and the streaming writers, which
/// render each entry while its reference is in the cache.
trait Collect<'d> {
    /// Entry number `k` (numbered from 0 in the order found): the full reference `r`
    /// of `doc` (document number `di`), with its final `key`. The entry's first
    /// citation, [`Collect::cite`], follows from the same document.
    fn entry(&mut self, k: usize, di: usize, doc: &'d Document, r: &'d Reference, key: &str);

    /// The reference `r` of `doc` cites entry `k` (itself, or the full reference it
    /// repeats). Documents come in order of their ids (`di` counts them from 0),
    /// references in text order.
    fn cite(&mut self, k: usize, di: usize, doc: &'d Document, r: &'d Reference);

    /// Read the texts of `r` this sink needs (see [`tex::touch`]); called a few
    /// documents ahead.
    fn touch(r: &Reference) -> usize {
        tex::touch_key(r) + r.id.as_bytes().first().map_or(0, |&b| usize::from(b))
    }
}

/// The keys given so far, for collision suffixes.
struct Keys {
    /// The keys one after the other; `ends[k]` is where key `k` ends.
    text: String,
    ends: Vec<usize>,
    /// The entries by the hash of their key.
    used: HashIndex,
    /// Per entry: the next collision suffix to try for its key, when another entry's
    /// base key is that key (each entry holds one key, so this is a counter per key).
    next_suffix: Vec<usize>,
}

impl Keys {
    fn with_capacity(n: usize) -> Keys {
        Keys {
            text: String::with_capacity(n * 24),
            ends: Vec::with_capacity(n),
            used: HashIndex::with_capacity(n),
            next_suffix: Vec::with_capacity(n),
        }
    }

    fn get(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.text[start..self.ends[k]]
    }

    /// The entry holding `key` (whose hash is `h`), or the free slot it would take.
    fn find(&self, key: &str, h: u64) -> Result<usize, usize> {
        self.used.find(h, |k| self.get(k) == key)
    }

    /// Give the next entry the key `key` (a base key), with a collision suffix when
    /// it is taken (`a`, `b` … in order); `key` ends holding the final key.
    fn add(&mut self, key: &mut String) {
        let h = hash_bytes(key.as_bytes());
        let (slot, h) = match self.find(key, h) {
            Err(slot) => (slot, h),
            Ok(owner) => {
                let base_len = key.len();
                let mut n = self.next_suffix[owner];
                let found = loop {
                    key.truncate(base_len);
                    key::push_suffix(key, n);
                    n += 1;
                    let h = hash_bytes(key.as_bytes());
                    if let Err(slot) = self.find(key, h) {
                        break (slot, h);
                    }
                };
                self.next_suffix[owner] = n;
                found
            }
        };
        self.used.insert(slot, h, self.ends.len());
        self.text.push_str(key);
        self.ends.push(self.text.len());
        self.next_suffix.push(0);
    }
}

/// The documents in order of their ids, equal ids in input order (a stable sort).
fn by_id(docs: &[Document]) -> Vec<&Document> {
    let mut sorted: Vec<&Document> = docs.iter().collect();
    if !sorted.is_sorted_by(|a, b| a.id <= b.id) {
        // Sorted on the first 32 bytes of each id held beside its position, so that
        // most comparisons do not read the ids, scattered in memory (the whole id
        // only breaks ties). Big-endian, zero-padded: the order of the bytes.
        let prefix = |id: &str, from: usize| {
            let mut b = [0u8; 16];
            let part = id.as_bytes().get(from..).unwrap_or_default();
            let n = part.len().min(16);
            b[..n].copy_from_slice(&part[..n]);
            u128::from_be_bytes(b)
        };
        let mut keyed: Vec<(u128, u128, usize)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (prefix(&d.id, 0), prefix(&d.id, 16), i))
            .collect();
        // The position is the last key, so equal ids keep their input order.
        keyed.sort_unstable();
        sorted.clear();
        sorted.extend(keyed.iter().map(|&(_, _, i)| &docs[i]));
        // Ids longer than 32 bytes that share those 32: ordered on the whole id.
        let mut start = 0;
        while start < keyed.len() {
            let (a, b, _) = keyed[start];
            let end = start + keyed[start..].partition_point(|k| (k.0, k.1) == (a, b));
            if end - start > 1 {
                sorted[start..end].sort_by(|x, y| x.id.cmp(&y.id));
            }
            start = end;
        }
    }
    sorted
}

/// A guess at the number of references of `docs`, to size buffers and maps: counting
/// them would read every document's notes once more.
fn estimate(docs: &[Document]) -> usize {
    docs.len() * 4
}

/// The number of references (full and repeated) of `docs`.
fn reference_count(docs: &[Document]) -> usize {
    docs.iter()
        .flat_map(|d| d.notes.iter())
        .map(|n| n.references.len())
        .sum()
}

/// Read `read` of every reference of `d` (and `d`'s id), keeping the sum from being
/// optimised away: the read-ahead of [`collect`].
fn touch_references(d: &Document, read: impl Fn(&Reference) -> usize) {
    let sum: usize = d
        .notes
        .iter()
        .flat_map(|n| n.references.iter())
        .map(read)
        .sum();
    std::hint::black_box(sum + d.id.len());
}

/// Find the distinct full references of `docs` (taken in order of their ids) and
/// their keys, and every citation of them, telling `sink` as they are found.
fn collect<'d, S: Collect<'d>>(docs: &'d [Document], sink: &mut S) {
    let sorted = by_id(docs);
    let total = estimate(docs);
    let mut count = 0;
    let mut keys = Keys::with_capacity(total);
    // The fingerprints of the entries, one after the other in `fp_bytes`.
    let mut fp_bytes: Vec<u8> = Vec::with_capacity(total * 64);
    let mut fp_ends: Vec<usize> = Vec::with_capacity(total);
    let fp_of = |ends: &[usize], k: usize| (if k == 0 { 0 } else { ends[k - 1] })..ends[k];
    let mut fp: Vec<u8> = Vec::with_capacity(256);
    let mut scratch = String::with_capacity(64);
    let mut key = String::with_capacity(64);
    // The entries by the hash of their fingerprint.
    let mut by_fingerprint = HashIndex::with_capacity(total);
    let mut refs: Vec<&'d Reference> = Vec::new();
    let mut entry_of: Vec<Option<usize>> = Vec::new();
    let mut by_id: FnvMap<&'d str, usize> = FnvMap::default();
    // How many documents ahead references are brought into the cache.
    const AHEAD: usize = 3;
    let touch_doc = |d: &Document| touch_references(d, S::touch);
    // Further ahead, only the structures (not yet the texts they point to), so that
    // `touch_doc` then waits for one level of pointers instead of four.
    const FAR: usize = 8;
    let touch_shallow = |d: &Document| {
        touch_references(d, |r| {
            r.authors.len() + r.title.as_ref().map_or(0, |t| t.value.len())
        })
    };
    for d in sorted.iter().take(FAR) {
        touch_shallow(d);
    }
    for d in sorted.iter().take(AHEAD) {
        touch_doc(d);
    }
    for (di, &doc) in sorted.iter().enumerate() {
        if let Some(far) = sorted.get(di + FAR) {
            touch_shallow(far);
        }
        if let Some(next) = sorted.get(di + AHEAD) {
            touch_doc(next);
        }
        refs.clear();
        refs.extend(doc.notes.iter().flat_map(|n| n.references.iter()));
        // Full references first, so a repeat can point forward as well as back.
        entry_of.clear();
        for r in &refs {
            if r.repeat.is_some() {
                entry_of.push(None);
                continue;
            }
            fingerprint(r, &mut fp);
            let h = hash_bytes(&fp);
            let found = by_fingerprint.find(h, |k| fp_bytes[fp_of(&fp_ends, k)] == fp[..]);
            let k = match found {
                Ok(k) => k,
                Err(slot) => {
                    let k = count;
                    count += 1;
                    let year = tex::valid_issued(r).map(|d| d.start.year);
                    key::base_key(r, year, &fp, &mut scratch, &mut key);
                    keys.add(&mut key);
                    sink.entry(k, di, doc, r, &key);
                    by_fingerprint.insert(slot, h, k);
                    fp_bytes.extend_from_slice(&fp);
                    fp_ends.push(fp_bytes.len());
                    k
                }
            };
            entry_of.push(Some(k));
        }
        // Map reference ids to positions only when a repeat needs them and a scan
        // would be slow.
        by_id.clear();
        if refs.len() > SCAN_LIMIT && refs.iter().any(|r| r.repeat.is_some()) {
            for (i, r) in refs.iter().enumerate().rev() {
                by_id.insert(r.id.as_str(), i);
            }
        }
        for (i, r) in refs.iter().enumerate() {
            let full = if r.repeat.is_none() {
                Some(i)
            } else {
                resolve(&refs, &by_id, i)
            };
            if let Some(k) = full.and_then(|full| entry_of[full]) {
                sink.cite(k, di, doc, r);
            }
        }
    }
}

/// [`Collect`] for [`Bibliography::new`]: keeps the entries and the citations.
struct Keep<'d> {
    entries: Vec<Entry<'d>>,
    by_citation: FnvMap<(&'d str, &'d str), usize>,
}

impl<'d> Collect<'d> for Keep<'d> {
    fn entry(&mut self, _k: usize, _di: usize, _doc: &'d Document, r: &'d Reference, key: &str) {
        self.entries.push(Entry {
            key: key.to_owned(),
            reference: r,
            documents: Vec::new(),
        });
    }

    fn cite(&mut self, k: usize, _di: usize, doc: &'d Document, r: &'d Reference) {
        self.by_citation
            .entry((doc.id.as_str(), r.id.as_str()))
            .or_insert(k);
        let docs = &mut self.entries[k].documents;
        // Documents come in order of their ids: a repeat is the last one pushed.
        if docs.last() != Some(&doc.id.as_str()) {
            docs.push(doc.id.as_str());
        }
    }
}

/// [`Collect`] for the streaming writers: each entry is written when it is found,
/// into `text` (BibLaTeX, whose `keywords` may still grow) or straight to `out`
/// (BibTeX, which has no `keywords`).
struct Stream<'d, W> {
    dialect: tex::Dialect,
    out: W,
    /// Written entries not yet passed to `out`.
    text: Vec<u8>,
    notes: Vec<u8>,
    /// The document being read (its number) and its id, escaped.
    current: Option<usize>,
    current_id: Vec<u8>,
    /// BibLaTeX: per entry, where its `keywords` end in `text` (the first citing
    /// document, where the entry was found, is written with the entry).
    splits: Vec<usize>,
    /// BibLaTeX: per entry, the last document citing it (number and id).
    last_doc: Vec<(usize, &'d str)>,
    /// BibLaTeX: the escaped ids of further citing documents, one after the other, and
    /// (entry, range of `ids`) for each.
    ids: Vec<u8>,
    more_docs: Vec<(usize, (usize, usize))>,
    /// The range of `ids` holding the current document's id, once written there.
    current_in_ids: Option<(usize, (usize, usize))>,
    error: Option<io::Error>,
}

/// The size of the pieces the streaming BibTeX writer passes to its writer.
const CHUNK: usize = 1 << 16;

impl<'d, W: Write> Collect<'d> for Stream<'d, W> {
    fn entry(&mut self, k: usize, di: usize, doc: &'d Document, r: &'d Reference, key: &str) {
        if k > 0 {
            self.text.push(b'\n');
        }
        let has_notes = tex::entry_fields(&mut self.text, &mut self.notes, r, key, self.dialect);
        match self.dialect {
            tex::Dialect::Biblatex => {
                // Each document's id is escaped once.
                if self.current != Some(di) {
                    self.current = Some(di);
                    self.current_id.clear();
                    tex::escape_into(&doc.id, &mut self.current_id);
                }
                self.text.extend_from_slice(b"  keywords = {");
                self.text.extend_from_slice(&self.current_id);
                self.splits.push(self.text.len());
                self.text.extend_from_slice(b"},\n");
                self.last_doc.push((di, doc.id.as_str()));
                tex::entry_end(&mut self.text, &self.notes, has_notes);
            }
            tex::Dialect::Bibtex => {
                tex::entry_end(&mut self.text, &self.notes, has_notes);
                if self.text.len() >= CHUNK && self.error.is_none() {
                    if let Err(e) = self.out.write_all(&self.text) {
                        self.error = Some(e);
                    }
                    self.text.clear();
                }
            }
        }
    }

    fn touch(r: &Reference) -> usize {
        tex::touch(r)
    }

    fn cite(&mut self, k: usize, di: usize, doc: &'d Document, _r: &'d Reference) {
        if self.dialect == tex::Dialect::Bibtex {
            return;
        }
        let id = doc.id.as_str();
        let (last, last_id) = self.last_doc[k];
        self.last_doc[k] = (di, id);
        // Cited again from the same document (or one with the same id).
        if last == di || last_id == id {
            return;
        }
        let range = match self.current_in_ids {
            Some((d, range)) if d == di => range,
            _ => {
                let start = self.ids.len();
                tex::escape_into(id, &mut self.ids);
                let range = (start, self.ids.len());
                self.current_in_ids = Some((di, range));
                range
            }
        };
        self.more_docs.push((k, range));
    }
}

impl<'d, W: Write> Stream<'d, W> {
    fn new(dialect: tex::Dialect, out: W, total: usize) -> Stream<'d, W> {
        let biblatex = dialect == tex::Dialect::Biblatex;
        Stream {
            dialect,
            out,
            text: Vec::with_capacity(if biblatex { total * 320 } else { CHUNK + 4096 }),
            notes: Vec::with_capacity(256),
            current: None,
            current_id: Vec::new(),
            splits: Vec::with_capacity(if biblatex { total } else { 0 }),
            last_doc: Vec::with_capacity(if biblatex { total } else { 0 }),
            ids: Vec::new(),
            more_docs: Vec::new(),
            current_in_ids: None,
            error: None,
        }
    }

    /// Write what is left: the BibLaTeX entries, with the further citing documents
    /// added to their `keywords`, or the last piece of BibTeX. The text between two
    /// such additions goes to `out` in one piece.
    fn finish(mut self) -> io::Result<()> {
        if let Some(e) = self.error {
            return Err(e);
        }
        // Further documents by entry; within an entry they stay in order of ids.
        self.more_docs.sort_by_key(|&(k, _)| k);
        let mut pos = 0;
        let mut more = self.more_docs.iter().peekable();
        let mut added = Vec::new();
        while let Some(&&(k, _)) = more.peek() {
            added.clear();
            while let Some(&(_, (a, b))) = more.next_if(|&&(e, _)| e == k) {
                added.push(b',');
                added.extend_from_slice(&self.ids[a..b]);
            }
            let split = self.splits[k];
            self.out.write_all(&self.text[pos..split])?;
            self.out.write_all(&added)?;
            pos = split;
        }
        self.out.write_all(&self.text[pos..])?;
        self.out.flush()
    }
}

impl<'d> Bibliography<'d> {
    /// Collect the distinct full references of `docs`. Documents are taken in order of
    /// their ids, references in text order, so the same documents always give the same
    /// entries and keys whatever order they come in.
    pub fn new(docs: &'d [Document]) -> Bibliography<'d> {
        let total = reference_count(docs);
        let mut keep = Keep {
            entries: Vec::with_capacity(total),
            by_citation: FnvMap::with_capacity_and_hasher(total, Default::default()),
        };
        collect(docs, &mut keep);
        Bibliography {
            entries: keep.entries,
            by_citation: keep.by_citation,
        }
    }

    /// The entries, in order of first citation.
    pub fn entries(&self) -> &[Entry<'d>] {
        &self.entries
    }

    /// The key a citation resolves to: the entry of the reference `reference_id` of the
    /// document `document_id`, or of the full reference a short form or ibid. repeats.
    /// `None` for an unknown citation or a repeat whose target was not found.
    pub fn key_for(&self, document_id: &str, reference_id: &str) -> Option<&str> {
        self.by_citation
            .get(&(document_id, reference_id))
            .map(|&k| self.entries[k].key.as_str())
    }

    /// Write the entries as BibLaTeX.
    pub fn write_biblatex<W: Write>(&self, out: W) -> io::Result<()> {
        self.write(out, tex::Dialect::Biblatex)
    }

    /// Write the entries as classic BibTeX.
    pub fn write_bibtex<W: Write>(&self, out: W) -> io::Result<()> {
        self.write(out, tex::Dialect::Bibtex)
    }

    fn write<W: Write>(&self, mut out: W, dialect: tex::Dialect) -> io::Result<()> {
        // Entries are gathered in a buffer and written in large pieces.
        const CHUNK: usize = 1 << 16;
        let mut buf = Vec::with_capacity(CHUNK + 4096);
        let mut notes = Vec::with_capacity(256);
        // How many entries ahead references are brought into the cache.
        const AHEAD: usize = 4;
        for e in self.entries.iter().take(AHEAD) {
            std::hint::black_box(tex::touch(e.reference));
        }
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(next) = self.entries.get(i + AHEAD) {
                std::hint::black_box(tex::touch(next.reference) + next.key.len());
            }
            if i > 0 {
                buf.push(b'\n');
            }
            tex::entry(&mut buf, &mut notes, e, dialect);
            if buf.len() >= CHUNK {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)?;
        out.flush()
    }
}

/// Write one BibLaTeX entry per distinct reference of `docs`: the same text as
/// [`Bibliography::new`] then [`Bibliography::write_biblatex`], in one pass that
/// writes each entry when it is found (its reference is then in the cache) and adds
/// the `keywords` at the end.
pub fn write_biblatex<W: Write>(docs: &[Document], out: W) -> io::Result<()> {
    let mut stream = Stream::new(tex::Dialect::Biblatex, out, estimate(docs));
    collect(docs, &mut stream);
    stream.finish()
}

/// Write one classic BibTeX entry per distinct reference of `docs`: the same text as
/// [`Bibliography::new`] then [`Bibliography::write_bibtex`], in one pass that writes
/// each entry when it is found.
pub fn write_bibtex<W: Write>(docs: &[Document], out: W) -> io::Result<()> {
    let mut stream = Stream::new(tex::Dialect::Bibtex, out, estimate(docs));
    collect(docs, &mut stream);
    stream.finish()
}

/// The BibLaTeX entry type a reference gets, given the fields it has (a type whose
/// mandatory fields are missing falls back to `online` or `misc`).
pub fn biblatex_type(r: &Reference) -> &'static str {
    tex::biblatex_type(r)
}

/// The classic BibTeX entry type a reference gets in `write_bibtex`.
pub fn bibtex_type(r: &Reference) -> &'static str {
    tex::bibtex_type(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `norm` one character at a time.
    fn norm_slowly(s: &str) -> Vec<u8> {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !c.is_ascii() && c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            }
        }
        out.push('|');
        out.into_bytes()
    }

    #[test]
    fn kana_block_is_alphanumeric_and_norm_agrees_on_every_character_near_it() {
        for cp in 0x3000..0x3100u32 {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(
                KANA_BLOCK[(cp - 0x3000) as usize],
                c.is_alphanumeric(),
                "{c:?}"
            );
        }
        // Every character of U+2F00–U+A000 (kana, CJK symbols, ideographs and their
        // neighbours) between ASCII, alone and in a run.
        let mut all = String::new();
        for c in (0x2F00..0xA000u32).filter_map(char::from_u32) {
            let s = format!("a{c}.B");
            let mut out = Vec::new();
            norm(&s, &mut out);
            assert_eq!(out, norm_slowly(&s), "{c:?}");
            all.push(c);
        }
        let mut out = Vec::new();
        norm(&all, &mut out);
        assert_eq!(out, norm_slowly(&all));
    }

    #[test]
    fn hash_index_finds_values_that_share_a_hash_and_survives_growth() {
        // Values 0..1000 whose hashes collide in groups (and in their high bits);
        // the index starts small, so it grows several times.
        let values: Vec<u64> = (0..1000).map(|v| v * 7919).collect();
        let hash = |v: u64| (v % 13) << 32 | (v % 5);
        let mut index = HashIndex::with_capacity(1);
        for (p, &v) in values.iter().enumerate() {
            let slot = index.find(hash(v), |q| values[q] == v).unwrap_err();
            index.insert(slot, hash(v), p);
        }
        for (p, &v) in values.iter().enumerate() {
            assert_eq!(index.find(hash(v), |q| values[q] == v), Ok(p));
        }
        let absent = 7919 * 1000 + 1;
        assert!(index.find(hash(absent), |q| values[q] == absent).is_err());
    }

    #[test]
    fn documents_sorted_by_whole_id_equal_ids_in_input_order() {
        let long = "a-very-long-document-identifier-from-a-file-name";
        let ids = [
            format!("{long}-2"),
            "b".to_string(),
            format!("{long}-1"),
            "a".to_string(),
            format!("{long}-2"),
            format!("{long}-10"),
            "b".to_string(),
        ];
        let docs: Vec<Document> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut d: Document = serde_json::from_str(&format!(
                    r#"{{"format_version":1,"id":"x","source":{{"path":"{i}","byte_len":0,"sha256":"","encoding":{{"name":"UTF-8","bom":false,"detected_by":"valid_utf8"}},"line_endings":"none","text_len":0}},"text":"","metadata":{{"language":"en"}},"blocks":[]}}"#
                ))
                .unwrap();
                d.id = id.clone();
                d
            })
            .collect();
        let order: Vec<(&str, &str)> = by_id(&docs)
            .iter()
            .map(|d| (d.id.as_str(), d.source.path.as_str()))
            .collect();
        let mut want: Vec<(usize, &String)> = ids.iter().enumerate().collect();
        want.sort_by(|x, y| x.1.cmp(y.1));
        let want: Vec<(&str, String)> = want
            .iter()
            .map(|&(i, id)| (id.as_str(), i.to_string()))
            .collect();
        let want: Vec<(&str, &str)> = want.iter().map(|(id, p)| (*id, p.as_str())).collect();
        assert_eq!(order, want);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn norm_keeps_lower_case_letters_and_digits(
            s in prop_oneof![any::<String>(), "[a-zA-Z0-9 ,.日米䷀䶵丁あアÉ]{0,24}"],
        ) {
            let mut out = Vec::new();
            norm(&s, &mut out);
            prop_assert_eq!(out, norm_slowly(&s));
        }
    }
}
