//! The encoders available to this process, loaded once from the model cache.

use super::cache::model_dir;
use super::usem3::{model::UseModel, tokenizer::UseTokenizer};
use super::{EmbedError, SentenceEncoder};
use std::sync::OnceLock;

/// USE multilingual v3: tokenizer plus network.
pub struct UseEncoder {
    tokenizer: UseTokenizer,
    model: UseModel,
}

/// Longest text, in characters, embedded as one sequence: longer texts are
/// cut (whole-article vectors are taken over the article's start, where news
/// puts its substance; sentence vectors cover the rest).
pub const MAX_EMBED_CHARS: usize = 4000;

impl UseEncoder {
    pub fn load_from(dir: &std::path::Path) -> Result<UseEncoder, EmbedError> {
        super::require_files(dir, &["weights.npz", "sp.model"])?;
        Ok(UseEncoder {
            tokenizer: UseTokenizer::from_file(&dir.join("sp.model"))?,
            model: UseModel::load(&dir.join("weights.npz"))?,
        })
    }
}

impl SentenceEncoder for UseEncoder {
    fn name(&self) -> &str {
        "usem3"
    }

    fn dim(&self) -> usize {
        512
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let ids: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| {
                let cut: String = t.chars().take(MAX_EMBED_CHARS).collect();
                self.tokenizer.encode(&cut)
            })
            .collect();
        self.model.embed_ids(&ids)
    }

    fn covers(&self, text: &str) -> bool {
        let cut: String = text.chars().take(MAX_EMBED_CHARS).collect();
        let share = self.tokenizer.unknown_share(&cut);
        tracing::debug!(share, "usem3: share of unknown pieces");
        share < MAX_UNKNOWN_SHARE
    }
}

/// A text whose pieces are this share or more unknown to USE's vocabulary
/// is not embedded (Hindi in Devanagari; see `SentenceEncoder::covers`).
/// Texts of the 16 languages USE was trained on have almost none; a few
/// foreign names or symbols in an article stay far below.
pub const MAX_UNKNOWN_SHARE: f64 = 0.2;

/// The encoders of this process. `None` means the model is not installed
/// (or failed to load, which was logged): Storyline then scores with its
/// lexical model.
pub struct Encoders {
    pub usem3: Option<UseEncoder>,
    /// English-only encoder, used for English articles in addition to usem3.
    pub minilm: Option<super::minilm::MiniLm>,
}

impl Encoders {
    /// What clustering needs: the multilingual encoder for document vectors
    /// when installed (none with `lexical`); without it, a warning and
    /// lexical clustering.
    pub fn for_clustering(lexical: bool) -> Encoders {
        if lexical {
            return Encoders::none();
        }
        match UseEncoder::load_from(&super::cache::model_dir("usem3")) {
            Ok(e) => Encoders {
                usem3: Some(e),
                minilm: None,
            },
            Err(e) => {
                tracing::warn!("clustering without embeddings: {e}");
                Encoders::none()
            }
        }
    }

    /// No neural models: lexical analysis only.
    pub fn none() -> Encoders {
        Encoders {
            usem3: None,
            minilm: None,
        }
    }

    /// Load what is installed in the model cache, once per process. A
    /// missing or broken model is reported once on stderr, with the fix.
    pub fn installed() -> &'static Encoders {
        static ENCODERS: OnceLock<Encoders> = OnceLock::new();
        ENCODERS.get_or_init(|| {
            let usem3 = match UseEncoder::load_from(&model_dir("usem3")) {
                Ok(e) => Some(e),
                Err(err) => {
                    tracing::warn!(
                        "neural model usem3 not used ({err}); scoring with lexical features only"
                    );
                    None
                }
            };
            let minilm = match load_english() {
                Ok(m) => Some(m),
                Err(err) => {
                    tracing::warn!(
                        "neural model minilm not used ({err}); English pairs lose its features"
                    );
                    None
                }
            };
            Encoders { usem3, minilm }
        })
    }
}

/// Environment variable naming the English encoder: a directory holding a
/// sentence-transformers BERT (`config.json`, `tokenizer.json`,
/// `model.safetensors`) or a Hugging Face model id such as
/// `sentence-transformers/all-MiniLM-L6-v2` (downloaded through hf-hub, for
/// users with internet access). Default: the installed all-MiniLM-L6-v2.
pub const ENGLISH_MODEL_VAR: &str = "STORYLINE_ENGLISH_MODEL";

fn load_english() -> Result<super::minilm::MiniLm, EmbedError> {
    use super::minilm::MiniLm;
    match std::env::var(ENGLISH_MODEL_VAR)
        .ok()
        .filter(|v| !v.is_empty())
    {
        None => MiniLm::load_dir(&model_dir("minilm")),
        // A path (absolute, relative or existing) is a directory; anything
        // else of the form `owner/name` is a hub id.
        Some(v) if looks_like_path(&v) => MiniLm::load_dir(std::path::Path::new(&v)),
        Some(id) => MiniLm::load_hub(&id),
    }
}

fn looks_like_path(v: &str) -> bool {
    let p = std::path::Path::new(v);
    p.exists()
        || p.is_absolute()
        || v.starts_with('.')
        || v.starts_with('~')
        || v.matches('/').count() != 1
}
