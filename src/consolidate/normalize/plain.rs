//! The hot path of [`super::fingerprint`]: plain words (ASCII letters and digits between
//! spaces and punctuation) are hashed straight from the text, eight bytes at a time, without
//! being copied. Anything else goes back to the general fold, which decides it as before:
//! a word that may start a reference, a word followed by a hyphen or a non-ASCII character,
//! a line break or an opening parenthesis.

use super::{americanise, may_change};
use crate::ingest::references;
use rustc_hash::FxHasher;
use std::hash::Hasher;

/// One in each byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
const HIGH: u64 = ONES << 7;

/// A word's 64-bit hash: FxHash of its bytes in 8-byte little-endian pieces (the last one
/// padded with zero bytes), then of its length. Fast, the same in every run, and without
/// collisions between words of one length up to eight bytes (their one piece is mixed by a
/// bijection).
pub fn hash(word: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    let mut pieces = word.chunks_exact(8);
    for piece in &mut pieces {
        h.write_u64(u64::from_le_bytes(piece.try_into().expect("8 bytes")));
    }
    if !pieces.remainder().is_empty() {
        h.write_u64(load8(pieces.remainder(), 0));
    }
    h.write_u64(word.len() as u64);
    h.finish()
}

/// Hashes the plain words from `i` (an ASCII letter or digit outside a word) into `hashes`,
/// skipping the spaces and punctuation after each, and returns where the general fold takes
/// over: `i` itself when the first word is not plain. `buf` (empty) is room for a word
/// whose spelling may change.
pub fn words(bytes: &[u8], mut i: usize, hashes: &mut Vec<u64>, buf: &mut Vec<u8>) -> usize {
    loop {
        let start = i;
        // The word's pieces, lower-cased (bit 5 lowers a letter and keeps a digit).
        let mut h = FxHasher::default();
        loop {
            let piece = load8(bytes, i);
            let len = ((!alnum(piece) & HIGH).trailing_zeros() / 8) as usize;
            if len == 0 {
                break;
            }
            let kept = if len == 8 { !0 } else { (1 << (8 * len)) - 1 };
            h.write_u64((piece | (0x20 * ONES)) & kept);
            i += len;
            if len < 8 {
                break;
            }
        }
        let word = &bytes[start..i];
        let next = bytes.get(i).copied();
        if matches!(next, Some(b'-' | 0x80..)) || references::may_start(word, next) {
            return start;
        }
        let hashed = if may_change(word) {
            buf.extend(word.iter().map(|b| b | 0x20));
            americanise(buf, 0);
            let hashed = hash(buf);
            buf.clear();
            hashed
        } else {
            h.write_u64(word.len() as u64);
            h.finish()
        };
        hashes.push(hashed);
        // Spaces and punctuation end a word and nothing else; a line break or a
        // parenthesis may start something the general fold reads.
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'\n' && b != b'(')
        {
            i += 1;
        }
        if !bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            return i;
        }
    }
}

/// The eight bytes from `i` as a little-endian integer, zero bytes past the end.
fn load8(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(piece) => u64::from_le_bytes(piece.try_into().expect("8 bytes")),
        None => {
            let mut piece = [0; 8];
            let rest = &bytes[i.min(bytes.len())..];
            piece[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(piece)
        }
    }
}

/// The high bit set in each byte of `v` that is an ASCII letter or digit. Each comparison
/// adds to the low seven bits of a byte, which never carries into the next byte.
fn alnum(v: u64) -> u64 {
    let low = v & !HIGH;
    // ≥ '0' and not ≥ ':'.
    let digit = (low + (0x80 - 0x30) * ONES) & !(low + (0x80 - 0x3a) * ONES);
    // Upper case folded to lower: ≥ 'a' and not ≥ '{'.
    let lower = low | (0x20 * ONES);
    let letter = (lower + (0x80 - 0x61) * ONES) & !(lower + (0x80 - 0x7b) * ONES);
    (digit | letter) & !v & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_marks_exactly_the_ascii_letters_and_digits() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b'x', b, 0xc3, b, b'.', b, b'9', b]);
            let mask = alnum(v);
            for k in [1, 3, 5, 7] {
                assert_eq!(
                    mask >> (8 * k + 7) & 1 == 1,
                    b.is_ascii_alphanumeric(),
                    "byte {b:#x} at {k}"
                );
            }
            assert_eq!(mask & 0x80_0080_0080_0080, 0x80_0000_0000_0080);
        }
    }

    #[test]
    fn hash_of_pieces_and_length() {
        assert_ne!(hash(b"ab"), hash(b"ab\0"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefghi"));
        assert_eq!(hash(b"telecommunication"), hash(b"telecommunication"));
    }
}
