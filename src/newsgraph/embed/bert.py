"""A BERT encoder forward pass in numpy (float32), for sentence embeddings without torch.

Speed comes from few, large operations: query, key and value in one matmul, weights transposed once
at load, and every step of a layer written into buffers allocated once per batch (fresh large numpy
arrays cost page faults that cost more than the arithmetic). The exact (erf) GELU is computed in
cache-sized chunks. Matches sentence-transformers to a cosine of 0.9999999 (see the README).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

_CHUNK = 1 << 18  # elements per GELU chunk: three 1 MB scratch arrays stay in cache

# erf(z) ~= 1 - t(a1 + t(a2 + ...)) exp(-z^2), t = 1/(1 + p z), z >= 0: Abramowitz & Stegun 7.1.26,
# absolute error < 1.5e-7 (float32 precision). Written for GELU(x) = x Phi(x) with z = |x|/sqrt 2.
_P = 0.3275911 / math.sqrt(2)
_A = tuple(0.5 * a for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))


def gelu_(h: np.ndarray) -> np.ndarray:
    """Exact GELU, in place: relu(x) - |x| q with q = (1 - erf(|x|/sqrt 2))/2, never cancelling."""
    flat = h.reshape(-1)
    size = min(_CHUNK, flat.size)
    a, t, q = (np.empty(size, dtype=np.float32) for _ in range(3))
    for start in range(0, flat.size, _CHUNK):
        x = flat[start:start + _CHUNK]
        n = x.size
        A, T, Q = a[:n], t[:n], q[:n]
        np.abs(x, out=A)
        np.multiply(A, _P, out=T)
        T += 1
        np.reciprocal(T, out=T)
        np.multiply(T, _A[4], out=Q)
        for coef in _A[3::-1]:
            Q += coef
            Q *= T
        np.multiply(A, A, out=T)
        T *= -0.5
        np.exp(T, out=T)
        Q *= T
        Q *= A
        np.maximum(x, 0, out=x)
        x -= Q
    return h


def gelu_tanh_(h: np.ndarray) -> np.ndarray:
    """The tanh approximation of GELU some models were trained with, in place."""
    inner = h * h
    inner *= 0.044715
    inner += 1
    inner *= h
    inner *= math.sqrt(2 / math.pi)
    np.tanh(inner, out=inner)
    inner += 1
    h *= inner
    h *= 0.5
    return h


def relu_(h: np.ndarray) -> np.ndarray:
    return np.maximum(h, 0, out=h)


ACTIVATIONS = {"gelu": gelu_, "gelu_new": gelu_tanh_, "gelu_pytorch_tanh": gelu_tanh_, "relu": relu_}


def layer_norm(src: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float, out: np.ndarray) -> np.ndarray:
    """LayerNorm over the last axis of a (rows, hidden) array, written into ``out``."""
    np.subtract(src, src.mean(axis=-1, keepdims=True), out=out)
    var = np.einsum("ij,ij->i", out, out) / out.shape[-1]
    out *= (1.0 / np.sqrt(var + eps))[:, None].astype(np.float32)
    out *= weight
    out += bias
    return out


@dataclass
class Layer:
    qkv_w: np.ndarray  # (hidden, 3 hidden): query (pre-scaled by 1/sqrt(head size)), key, value
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


class Bert:
    """BERT weights as read from a Hugging Face checkpoint (``bert.`` prefix removed) and the forward pass."""

    def __init__(self, weights: dict[str, np.ndarray], config: dict) -> None:
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        act = str(config.get("hidden_act", "gelu"))
        if act not in ACTIVATIONS:
            raise ValueError(f"unsupported activation {act!r}")
        self.act = ACTIVATIONS[act]
        scale = np.float32(1 / math.sqrt(self.hidden // self.heads))

        def w(key: str) -> np.ndarray:
            return np.asarray(weights[key], dtype=np.float32)

        def t(key: str) -> np.ndarray:  # a Linear weight (out, in) as (in, out) for x @ W
            return np.ascontiguousarray(w(key).T)

        self.word = np.ascontiguousarray(w("embeddings.word_embeddings.weight"))
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")
        self.ln_w, self.ln_b = w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias")
        self.layers: list[Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention.self."
            self.layers.append(Layer(
                qkv_w=np.ascontiguousarray(np.concatenate(
                    [t(att + "query.weight") * scale, t(att + "key.weight"), t(att + "value.weight")], axis=1)),
                qkv_b=np.concatenate([w(att + "query.bias") * scale, w(att + "key.bias"), w(att + "value.bias")]),
                out_w=t(p + "attention.output.dense.weight"), out_b=w(p + "attention.output.dense.bias"),
                ln1_w=w(p + "attention.output.LayerNorm.weight"), ln1_b=w(p + "attention.output.LayerNorm.bias"),
                up_w=t(p + "intermediate.dense.weight"), up_b=w(p + "intermediate.dense.bias"),
                down_w=t(p + "output.dense.weight"), down_b=w(p + "output.dense.bias"),
                ln2_w=w(p + "output.LayerNorm.weight"), ln2_b=w(p + "output.LayerNorm.bias"),
            ))

    def forward(self, ids: np.ndarray, type_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token vectors (batch, length, hidden) for right-padded ids; padding is masked out of attention."""
        batch, length = ids.shape
        heads, size, hidden = self.heads, self.hidden // self.heads, self.hidden
        rows = batch * length
        # buffers reused by every layer
        x = np.empty((rows, hidden), dtype=np.float32)
        tmp = np.empty((rows, hidden), dtype=np.float32)
        attended = np.empty((rows, hidden), dtype=np.float32)
        qkv = np.empty((rows, 3 * hidden), dtype=np.float32)
        split = np.empty((3, batch, heads, length, size), dtype=np.float32)
        scores = np.empty((batch, heads, length, length), dtype=np.float32)
        context = np.empty((batch, heads, length, size), dtype=np.float32)
        up = np.empty((rows, self.layers[0].up_w.shape[1] if self.layers else hidden), dtype=np.float32)
        bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)

        emb = self.word[ids]
        emb += self.position[:length]
        emb += self.token_type[type_ids]
        layer_norm(emb.reshape(rows, hidden), self.ln_w, self.ln_b, self.eps, out=x)
        for layer in self.layers:
            np.matmul(x, layer.qkv_w, out=qkv)
            qkv += layer.qkv_b
            np.copyto(split, qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4))
            q, k, v = split
            np.matmul(q, k.transpose(0, 1, 3, 2), out=scores)
            scores += bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            np.matmul(scores, v, out=context)
            np.copyto(tmp.reshape(batch, length, heads, size), context.transpose(0, 2, 1, 3))
            np.matmul(tmp, layer.out_w, out=attended)
            attended += layer.out_b
            attended += x
            layer_norm(attended, layer.ln1_w, layer.ln1_b, self.eps, out=x)
            np.matmul(x, layer.up_w, out=up)
            up += layer.up_b
            self.act(up)
            np.matmul(up, layer.down_w, out=tmp)
            tmp += layer.down_b
            tmp += x
            layer_norm(tmp, layer.ln2_w, layer.ln2_b, self.eps, out=x)
        return x.reshape(batch, length, hidden)
