//! all-MiniLM-L6-v2 (and any sentence-transformers BERT): candle's
//! `BertModel`, the `tokenizers` tokenizer, mean pooling over real tokens,
//! L2 normalisation.
//!
//! The shipped `tokenizer.json` pads every input to 128 tokens and truncates
//! at 128 (see MODELS.md); padding is turned off here and truncation set to
//! [`MAX_TOKENS`], and pooling uses the attention mask, so padding never
//! enters a vector.

use super::{EmbedError, SentenceEncoder};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use tokenizers::{Tokenizer, TruncationParams};

/// Tokens per input; all-MiniLM-L6-v2 was trained on up to 256 word pieces.
pub const MAX_TOKENS: usize = 256;

pub struct MiniLm {
    name: String,
    model: BertModel,
    tokenizer: Tokenizer,
    dim: usize,
}

fn corrupt(path: &Path, e: impl std::fmt::Display) -> EmbedError {
    EmbedError::Corrupt {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

impl MiniLm {
    /// Load a sentence-transformers BERT directory: `config.json`,
    /// `tokenizer.json`, `model.safetensors`.
    pub fn load_dir(dir: &Path) -> Result<MiniLm, EmbedError> {
        super::require_files(dir, &["config.json", "tokenizer.json", "model.safetensors"])?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Self::load_files(
            &name,
            &dir.join("config.json"),
            &dir.join("tokenizer.json"),
            &dir.join("model.safetensors"),
        )
    }

    /// Load a model by Hugging Face id (e.g. `sentence-transformers/all-MiniLM-L6-v2`)
    /// through `hf-hub`, for users with internet access. Not used by the tests,
    /// which have none.
    pub fn load_hub(model_id: &str) -> Result<MiniLm, EmbedError> {
        let api =
            hf_hub::api::sync::Api::new().map_err(|e| EmbedError::Runtime(format!("hub: {e}")))?;
        let repo = api.model(model_id.to_owned());
        let get = |f: &str| -> Result<PathBuf, EmbedError> {
            repo.get(f)
                .map_err(|e| EmbedError::Runtime(format!("hub {model_id}/{f}: {e}")))
        };
        Self::load_files(
            model_id,
            &get("config.json")?,
            &get("tokenizer.json")?,
            &get("model.safetensors")?,
        )
    }

    fn load_files(
        name: &str,
        config: &Path,
        tokenizer: &Path,
        weights: &Path,
    ) -> Result<MiniLm, EmbedError> {
        let config_text = std::fs::read_to_string(config).map_err(|e| corrupt(config, e))?;
        let cfg: Config = serde_json::from_str(&config_text).map_err(|e| corrupt(config, e))?;
        let mut tok = Tokenizer::from_file(tokenizer).map_err(|e| corrupt(tokenizer, e))?;
        tok.with_padding(None);
        tok.with_truncation(Some(TruncationParams {
            max_length: MAX_TOKENS,
            ..Default::default()
        }))
        .map_err(|e| corrupt(tokenizer, e))?;
        // Check the file before mapping it: candle would fail on a truncated
        // file too, but with a less helpful message.
        let len = std::fs::metadata(weights)
            .map_err(|e| corrupt(weights, e))?
            .len();
        if len < 1024 {
            return Err(corrupt(
                weights,
                format!("only {len} bytes; expected a safetensors file"),
            ));
        }
        // SAFETY: the file is memory-mapped read-only; it must not be changed
        // while the model is loaded (the model cache is ours).
        let vb =
            unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, &Device::Cpu) }
                .map_err(|e| corrupt(weights, e))?;
        let model = BertModel::load(vb, &cfg).map_err(|e| corrupt(weights, e))?;
        Ok(MiniLm {
            name: name.to_owned(),
            model,
            tokenizer: tok,
            dim: cfg.hidden_size,
        })
    }

    fn embed_one(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        let rt = |e: candle_core::Error| EmbedError::Runtime(e.to_string());
        let enc = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError::Runtime(format!("tokenizer: {e}")))?;
        let ids = enc.get_ids();
        if ids.is_empty() {
            return Ok(vec![0.0; self.dim]);
        }
        let input = Tensor::new(ids, &Device::Cpu)
            .and_then(|t| t.unsqueeze(0))
            .map_err(rt)?;
        let types = input.zeros_like().map_err(rt)?;
        // No padding: every token is real, so a plain mean is the masked mean.
        let hidden = self.model.forward(&input, &types, None).map_err(rt)?;
        let mean = hidden.mean(1).and_then(|t| t.squeeze(0)).map_err(rt)?;
        let v: Vec<f32> = mean.to_vec1().map_err(rt)?;
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
        Ok(v.iter().map(|x| x / norm).collect())
    }
}

impl SentenceEncoder for MiniLm {
    fn name(&self) -> &str {
        &self.name
    }

    fn dim(&self) -> usize {
        self.dim
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        // One text at a time: no padding means no wasted attention, and the
        // per-call overhead is small next to a 6-layer forward pass.
        texts.iter().map(|t| self.embed_one(t)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::dot;

    fn load() -> Option<MiniLm> {
        let dir = crate::embed::cache::model_dir("minilm");
        match MiniLm::load_dir(&dir) {
            Ok(m) => Some(m),
            Err(e) => {
                println!("skipped: minilm not installed ({e}); run `storyline models fetch`");
                None
            }
        }
    }

    #[test]
    fn reference_similarities_from_models_md() {
        let Some(m) = load() else { return };
        let v = m
            .embed(&[
                "Turkey and Russia agreed to reduce tension in Idlib.",
                "Moscow and Ankara agreed to de-escalate in Syria's Idlib province.",
                "The stock market fell sharply on Monday.",
            ])
            .unwrap();
        assert!(
            (dot(&v[0], &v[1]) - 0.710).abs() < 0.005,
            "{}",
            dot(&v[0], &v[1])
        );
        assert!(
            (dot(&v[0], &v[2]) - 0.092).abs() < 0.005,
            "{}",
            dot(&v[0], &v[2])
        );
    }

    #[test]
    fn missing_and_corrupt_weights_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            MiniLm::load_dir(dir.path()),
            Err(EmbedError::Missing { .. })
        ));
        let Some(_) = load() else { return };
        let src = crate::embed::cache::model_dir("minilm");
        for f in ["config.json", "tokenizer.json"] {
            std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
        }
        let weights = std::fs::read(src.join("model.safetensors")).unwrap();
        std::fs::write(
            dir.path().join("model.safetensors"),
            &weights[..weights.len() / 2],
        )
        .unwrap();
        let err = MiniLm::load_dir(dir.path())
            .err()
            .expect("truncated weights rejected");
        assert!(matches!(err, EmbedError::Corrupt { .. }), "{err}");
    }
}
