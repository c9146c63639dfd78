//! Bytes to text: the first thing every input goes through.
//!
//! News text arrives as UTF-8, in the legacy code page of its language
//! (Windows-1252 for Western Europe, 1251 for Russian, 1254 for Turkish, EUC-KR
//! for Korean...), and as "mojibake" (UTF-8 that was once decoded as
//! Windows-1252, e.g. `dÃ¶vÃ¼Å\u{9f}`).
//! None of these may crash Storyline; binary files must be refused with a
//! clear reason instead of being scored as gibberish.

use std::borrow::Cow;

/// Why a byte buffer is not article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("it is empty")]
    Empty,
    #[error("it holds no text, only whitespace")]
    Blank,
    #[error("it looks like a binary file ({0}), not text")]
    Binary(&'static str),
    #[error("it is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
}

/// Which decoding was applied, so reports can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// Not valid UTF-8: decoded in the legacy code page `chardetng` (the
    /// detector Firefox uses) finds likeliest, such as "windows-1252" (a
    /// superset of Latin-1), "windows-1251" or "windows-1254".
    Legacy(&'static str),
    /// UTF-16 with its byte-order mark, as Windows editors save "Unicode".
    Utf16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Runs of mojibake that were repaired.
    pub repaired_runs: usize,
}

/// Largest single article accepted. Longer inputs are almost always a wrong
/// file (a dump, a log) and would make pairwise comparison quadratic in cost.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Decode one article's bytes, refusing binaries and oversized input.
pub fn decode_article(bytes: &[u8], limit: usize) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > limit {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    if let Some(text) = decode_utf16(bytes) {
        if text.trim().is_empty() {
            return Err(DecodeError::Blank);
        }
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf16,
            repaired_runs: 0,
        });
    }
    if let Some(kind) = sniff_binary(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), Encoding::Utf8),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            // No top-level domain to go by; UTF-8 is out (it failed above).
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (cow, _, _) = encoding.decode(bytes);
            (cow.into_owned(), Encoding::Legacy(encoding.name()))
        }
    };
    let (text, repaired_runs) = match repair_mojibake(&text) {
        (Cow::Borrowed(_), _) => (text, 0),
        (Cow::Owned(fixed), n) => (fixed, n),
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text,
        encoding,
        repaired_runs,
    })
}

/// Text in UTF-16 with a byte-order mark, decoded (malformed pairs become
/// U+FFFD); `None` without the mark. Without it UTF-16 is not told from
/// binary, and editors that save UTF-16 write the mark.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (encoding, _) = encoding_rs::Encoding::for_bom(bytes)?;
    // UTF-32LE opens with UTF-16LE's mark and two NUL bytes: it stays
    // binary, as NUL-filled text would be.
    if encoding == encoding_rs::UTF_8 || bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return None;
    }
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    Some(text.into_owned())
}

/// Recognise common binary formats by magic number, then fall back to the
/// share of control bytes (text has almost none).
pub(crate) fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"%PDF-", "PDF document"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "ELF executable"),
        (b"SQLite format 3\0", "SQLite database"),
    ];
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(name);
        }
    }
    if decode_utf16(&bytes[..bytes.len().min(4)]).is_some() {
        return Some("UTF-16 text: save it as UTF-8");
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    (control * 20 > head.len()).then_some("mostly control bytes")
}

/// Undo UTF-8 text that was decoded as Windows-1252/Latin-1 once.
///
/// Works run by run, so a text that is only partly damaged (common when
/// scraped pages mix sources) keeps its good parts. A run is re-encoded to
/// bytes and accepted only if those bytes are valid UTF-8 and hold at least
/// one multi-byte sequence; otherwise it was genuine Latin-1 text.
pub fn repair_mojibake(text: &str) -> (Cow<'_, str>, usize) {
    if !text.chars().any(is_lead_char) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    let mut run_text = String::new();
    let mut repaired = 0;
    let mut flush = |run: &mut Vec<u8>, run_text: &mut String, out: &mut String| {
        if run.iter().any(|&b| b >= 0xC2) {
            if let Ok(s) = std::str::from_utf8(run) {
                if s.chars().count() < run_text.chars().count() {
                    out.push_str(s);
                    repaired += 1;
                    run.clear();
                    run_text.clear();
                    return;
                }
            }
        }
        out.push_str(run_text);
        run.clear();
        run_text.clear();
    };
    for c in text.chars() {
        match cp1252_byte(c) {
            Some(b) if b >= 0x80 => {
                run.push(b);
                run_text.push(c);
            }
            _ => {
                flush(&mut run, &mut run_text, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut run_text, &mut out);
    if repaired == 0 {
        (Cow::Borrowed(text), 0)
    } else {
        (Cow::Owned(out), repaired)
    }
}

fn is_lead_char(c: char) -> bool {
    matches!(c as u32, 0xC2..=0xF4)
}

/// The byte a character had in Windows-1252 (or ISO-8859-1 for the C1
/// controls, which is how `\u{9f}` survives in damaged text).
fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x100 {
        return Some(cp as u8);
    }
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (bytes, _, had_errors) = encoding_rs::WINDOWS_1252.encode(s);
    (!had_errors && bytes.len() == 1).then(|| bytes[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_unchanged() {
        let d = decode_article("Çavuşoğlu met Lavrov.".as_bytes(), MAX_ARTICLE_BYTES).unwrap();
        assert_eq!(d.text, "Çavuşoğlu met Lavrov.");
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    #[test]
    fn utf16_with_its_byte_order_mark_is_text() {
        let text = "Erdoğan ve Putin\n\nİdlib'de ateşkes.";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let d = decode_article(&bytes, MAX_ARTICLE_BYTES).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, Encoding::Utf16);
        }
        // UTF-32 opens with UTF-16LE's mark: binary still.
        assert!(matches!(
            decode_article(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0], MAX_ARTICLE_BYTES),
            Err(DecodeError::Binary(_))
        ));
        // Without the mark its NUL bytes make it binary, as before.
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(matches!(
            decode_article(&bare, MAX_ARTICLE_BYTES),
            Err(DecodeError::Binary(_))
        ));
        assert_eq!(
            decode_article(&[0xFF, 0xFE, b' ', 0], MAX_ARTICLE_BYTES),
            Err(DecodeError::Blank)
        );
    }

    #[test]
    fn latin1_bytes_decode_as_windows_1252() {
        let d = decode_article(b"M\xfcnchen und K\xf6ln", MAX_ARTICLE_BYTES).unwrap();
        assert_eq!(d.text, "München und Köln");
        assert_eq!(d.encoding, Encoding::Legacy("windows-1252"));
    }

    #[test]
    fn russian_and_turkish_code_pages_are_told_apart_from_windows_1252() {
        // Files a desk receives from Russian and Turkish sources, saved in
        // their Windows code pages.
        let russian = "Росавиация: Пригожин был в списке пассажиров разбившегося самолета. Самолет Embraer разбился в Тверской области, на борту находились десять человек.";
        let turkish = "Hatay'da 6,4 büyüklüğünde deprem: 3 kişi hayatını kaybetti. İçişleri Bakanı Süleyman Soylu, Defne ve Samandağ'da hasar tespit çalışmalarının sürdüğünü söyledi.";
        for (text, code_page) in [
            (russian, encoding_rs::WINDOWS_1251),
            (turkish, encoding_rs::WINDOWS_1254),
        ] {
            let (bytes, _, lossy) = code_page.encode(text);
            assert!(!lossy);
            let d = decode_article(&bytes, MAX_ARTICLE_BYTES).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, Encoding::Legacy(code_page.name()));
        }
    }

    #[test]
    fn mojibake_from_the_training_data_is_repaired() {
        // A real title from SemEval train.jsonl, damaged by double decoding.
        let damaged = "Horoz d\u{c3}\u{b6}v\u{c3}\u{bc}\u{c5}\u{9f}\u{c3}\u{bc} yapt\u{c4}\u{b1}ran zanl\u{c4}\u{b1}lar yakaland\u{c4}\u{b1}";
        let (fixed, runs) = repair_mojibake(damaged);
        assert_eq!(fixed, "Horoz dövüşü yaptıran zanlılar yakalandı");
        assert_eq!(runs, 5);
    }

    #[test]
    fn genuine_latin1_text_is_left_alone() {
        let (fixed, runs) = repair_mojibake("Déjà vu à Genève, façade");
        assert_eq!(fixed, "Déjà vu à Genève, façade");
        assert_eq!(runs, 0);
    }

    #[test]
    fn binaries_and_empty_input_are_refused() {
        assert_eq!(decode_article(b"", 100), Err(DecodeError::Empty));
        assert_eq!(decode_article(b" \n\t ", 100), Err(DecodeError::Blank));
        assert_eq!(
            decode_article(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 100),
            Err(DecodeError::Binary("PNG image"))
        );
        assert_eq!(
            decode_article(b"%PDF-1.7\n", 100),
            Err(DecodeError::Binary("PDF document"))
        );
        assert!(matches!(
            decode_article(&[b'a'; 101], 100),
            Err(DecodeError::TooLarge { size: 101, .. })
        ));
    }
}
