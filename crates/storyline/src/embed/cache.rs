//! Where model files live: `$STORYLINE_HOME/models/<name>/`, or the
//! platform cache directory (`~/.cache/storyline/models/<name>/` on Linux).

use std::path::PathBuf;

/// Root of the model cache.
pub fn models_root() -> PathBuf {
    if let Some(home) = std::env::var_os("STORYLINE_HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(home).join("models");
    }
    dirs::cache_dir()
        .unwrap_or_else(|| PathBuf::from(".storyline"))
        .join("storyline")
        .join("models")
}

/// Directory of one model.
pub fn model_dir(name: &str) -> PathBuf {
    models_root().join(name)
}
