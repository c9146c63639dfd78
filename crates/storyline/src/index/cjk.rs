//! Chinese and Japanese words for the search index: overlapping pairs of
//! characters.
//!
//! Chinese and Japanese write no spaces, so the word tokenizer returns a
//! whole clause as one token ("深圳市暴雨导致") and a query for "深圳" or
//! "暴雨" finds nothing. Each run of Han, Hiragana or Katakana characters
//! is indexed as its overlapping character pairs instead ("深圳", "圳市",
//! "市暴", ...), at consecutive positions, and a query goes through the
//! same filter: a word of two characters is one pair, a longer one a
//! phrase of pairs, so "深圳市" finds "深圳市" and not "深圳" alone. This is
//! the dictionary-free scheme of Lucene's CJK analyzer: no segmentation
//! dictionary to ship, every word found, at the cost of some precision (a
//! pair may straddle two words). A lone character is kept as it is.

use crate::lexicon::fold::is_unspaced as unspaced;
use std::collections::VecDeque;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The token filter: splits runs of unspaced scripts into character pairs.
#[derive(Clone)]
pub struct CjkBigrams;

impl TokenFilter for CjkBigrams {
    type Tokenizer<T: Tokenizer> = CjkBigramsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        CjkBigramsFilter(tokenizer)
    }
}

#[derive(Clone)]
pub struct CjkBigramsFilter<T>(T);

impl<T: Tokenizer> Tokenizer for CjkBigramsFilter<T> {
    type TokenStream<'a> = CjkBigramsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CjkBigramsStream {
            inner: self.0.token_stream(text),
            pending: VecDeque::new(),
            current: Token::default(),
            shift: 0,
        }
    }
}

pub struct CjkBigramsStream<S> {
    inner: S,
    /// Pieces of the last inner token not yet returned.
    pending: VecDeque<Token>,
    current: Token,
    /// Positions added so far by tokens split into several pieces, so that
    /// the pieces and the tokens after them keep consecutive positions.
    shift: usize,
}

/// The pieces of one token: each run of other characters as it is, each
/// run of unspaced script as its character pairs (one character alone).
fn pieces(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let kind = unspaced(chars[i]);
        let end = chars[i..]
            .iter()
            .position(|&c| unspaced(c) != kind)
            .map_or(chars.len(), |n| i + n);
        let run = &chars[i..end];
        if !kind || run.len() == 1 {
            out.push(run.iter().collect());
        } else {
            out.extend(run.windows(2).map(|w| w.iter().collect()));
        }
        i = end;
    }
    out
}

impl<S: TokenStream> TokenStream for CjkBigramsStream<S> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.pending.pop_front() {
            self.current = next;
            return true;
        }
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token();
        let position = token.position + self.shift;
        if !token.text.chars().any(unspaced) {
            self.current = Token {
                position,
                ..token.clone()
            };
            return true;
        }
        let pieces = pieces(&token.text);
        self.shift += pieces.len() - 1;
        // Offsets stay those of the whole token (a filter keeps them).
        let mut split = pieces.into_iter().enumerate().map(|(k, text)| Token {
            position: position + k,
            text,
            ..token.clone()
        });
        self.current = split.next().expect("a token has at least one piece");
        self.pending.extend(split);
        true
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CjkBigrams)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn unspaced_runs_become_pairs_at_consecutive_positions() {
        let got = tokens("深圳市暴雨，COVID疫情 in Tokyo 東京都");
        let want = [
            ("深圳", 0),
            ("圳市", 1),
            ("市暴", 2),
            ("暴雨", 3),
            ("covid", 4),
            ("疫情", 5),
            ("in", 6),
            ("tokyo", 7),
            ("東京", 8),
            ("京都", 9),
        ];
        let want: Vec<(String, usize)> = want.iter().map(|&(t, p)| (t.to_string(), p)).collect();
        assert_eq!(got, want);
        // A lone character stays; other scripts pass unchanged.
        assert_eq!(tokens("雨"), [("雨".to_string(), 0)]);
        assert_eq!(
            tokens("Çavuşoğlu Москва"),
            [("çavuşoğlu".to_string(), 0), ("москва".to_string(), 1)]
        );
    }
}
