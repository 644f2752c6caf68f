"""Near-duplicates across documents: MinHash signatures of the cleaned text,
LSH banding, clusters (optional extra: ``pip install 'newsclean[dedup]'``,
datasketch for the MinHash).

Parameters (chosen by measurement, docs/benchmarks.md "Near-duplicates"):

- a document's shingles are word 5-grams of its **long lines**: lines of at
  least ``LONG_LINE_WORDS`` = 15 words, when they hold at least
  ``LONG_LINES_SHARE`` = half of the text's words (else of all its lines: a
  table, a list, a text of short lines). What a cleaner leaves of a page's
  chrome is short lines (a newsletter or paywall prompt, a teaser's first
  sentence, a byline, a caption); the same story on two sites differs by
  those, an update by whole paragraphs. Words are ``\\w+`` tokens,
  casefolded; in Chinese and Japanese (Han, Hiragana, Katakana: written
  without spaces) each character is a word. A text of fewer than 5 words is
  one shingle; an empty text has no signature and is nobody's duplicate;
- ``NUM_PERM`` = 128 MinHash values (datasketch ``MinHash``, seed 1, its
  32-bit SHA-1 hash of each shingle);
- LSH: ``BANDS`` = 32 bands of ``ROWS`` = 4 values; two documents become a
  candidate pair when one band is equal, which happens with probability
  ``1 - (1 - J**4)**32`` for Jaccard similarity J (0.5 at J = 0.39, 0.99 at
  J = 0.59: a pair above the threshold is all but never missed);
- a candidate pair is a duplicate pair when its estimated Jaccard similarity
  (the share of equal MinHash values) is at least ``THRESHOLD`` = 0.875;
- a cluster is a connected component of duplicate pairs; each record's
  ``duplicate_of`` is the id of the cluster's first record in input order
  (None for that record itself and for a record without duplicates).

Memory: the signatures go to a temporary file (512 bytes a document); the
clustering holds 8-byte keys for one band at a time, their sort order and
the union-find array: about 24 bytes a document, 24 MB per million documents
(docs/benchmarks.md).
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
from typing import Any, Dict, Iterator, List, Optional, Tuple

NUM_PERM = 128
BANDS = 32
ROWS = 4
SHINGLE_WORDS = 5
LONG_LINE_WORDS = 15
LONG_LINES_SHARE = 0.5
THRESHOLD = 0.875
SEED = 1
# Han (with its extensions and compatibility ideographs), Hiragana, Katakana:
# one word a character; other \w runs: one word each.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_WORD_RE = re.compile(f"[{_CJK}]|(?:(?![{_CJK}])\\w)+")
_MINHASH: Dict[str, Any] = {}


def words(line: str) -> List[str]:
    """A line's words, casefolded (a Chinese or Japanese character is a word)."""
    return [w.casefold() for w in _WORD_RE.findall(line)]


def fingerprint_words(text: str) -> List[str]:
    """The words the fingerprint is taken on: those of the text's lines of at
    least ``LONG_LINE_WORDS`` words, when they hold ``LONG_LINES_SHARE`` of
    its words or more; else all of them."""
    lines = [w for w in map(words, (text or "").splitlines()) if w]
    total = sum(len(w) for w in lines)
    long = [w for w in lines if len(w) >= LONG_LINE_WORDS]
    if sum(len(w) for w in long) >= LONG_LINES_SHARE * total:
        lines = long
    return [w for line in lines for w in line]


def shingles(text: str, n: int = SHINGLE_WORDS) -> List[bytes]:
    """The word ``n``-grams of :func:`fingerprint_words` (one shingle for a
    text of fewer than ``n`` words, none for a text without words)."""
    ws = fingerprint_words(text)
    if not ws:
        return []
    if len(ws) < n:
        return [" ".join(ws).encode("utf-8")]
    return sorted({" ".join(ws[i:i + n]).encode("utf-8") for i in range(len(ws) - n + 1)})


def signature(text: str) -> Optional[bytes]:
    """The MinHash signature of ``text`` (``NUM_PERM`` little-endian uint32,
    512 bytes), or None for a text without words."""
    from datasketch import MinHash  # (optional extra: newsclean[dedup])

    sh = shingles(text)
    if not sh:
        return None
    base = _MINHASH.get("base")
    if base is None:  # the permutations, drawn once per process
        base = _MINHASH["base"] = MinHash(num_perm=NUM_PERM, seed=SEED)
    m = base.copy()
    m.update_batch(sh)
    return m.hashvalues.astype("<u4").tobytes()


def fingerprint(sig: Optional[bytes]) -> Optional[str]:
    """A signature as text (base64), for the output record."""
    return base64.b64encode(sig).decode("ascii") if sig is not None else None


def from_fingerprint(fp: str) -> bytes:
    return base64.b64decode(fp)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    import numpy as np  # (optional extra: newsclean[dedup])

    return float((np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")).mean())


def band_keys(sig: bytes) -> List[Tuple[int, bytes]]:
    """(band, key) for each LSH band of a signature: the key is 8 bytes of
    BLAKE2b of the band's values (the same in every process)."""
    w = ROWS * 4
    return [(b, hashlib.blake2b(sig[b * w:(b + 1) * w], digest_size=8).digest()) for b in range(BANDS)]


def band_key(sig: Any, band: int) -> int:
    """One band's key as an unsigned 64-bit integer (the 8 bytes of
    :func:`band_keys`, little-endian; ``sig``: bytes or a buffer): what the
    clustering groups by, in
    :meth:`Deduplicator.clusters` and on Dask."""
    w = ROWS * 4
    return int.from_bytes(hashlib.blake2b(sig[band * w:(band + 1) * w], digest_size=8).digest(), "little")


def components(edges: Iterator[Tuple[int, int]]) -> Dict[int, int]:
    """{node: the smallest node of its connected component} for every node
    of ``edges`` that is not itself that smallest node: what
    :meth:`Deduplicator.clusters` gives, for edges between any integers
    that sort in input order (on Dask: a part's number and the record's
    place in it)."""
    parent: Dict[int, int] = {}

    def find(x: int) -> int:
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: r for x in list(parent) if (r := find(x)) != x}


def record_id(rec: Dict[str, Any], url_field: str, k: Any) -> Any:
    """What ``duplicate_of`` names: the record's ``id``, else its URL, else
    its number among the output records (from 0)."""
    for key in ("id", url_field):
        if isinstance(rec.get(key), (str, int)) and not isinstance(rec.get(key), bool):
            return rec[key]
    return k


class _UnionFind:
    """Each element's root is the smallest index of its set (so: the first
    record, in input order, of its cluster)."""

    def __init__(self, n: int) -> None:
        import numpy as np  # (optional extra: newsclean[dedup])

        self.parent = np.arange(n, dtype=np.int64)

    def find(self, i: int) -> int:
        p = self.parent
        root = i
        while p[root] != root:
            root = int(p[root])
        while p[i] != root:
            p[i], i = root, int(p[i])
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def pairs_in_group(members: List[Tuple[int, bytes]], threshold: float = THRESHOLD) -> Iterator[Tuple[int, int]]:
    """The duplicate pairs among the documents whose band key is equal
    (``members``: (index, signature), sorted by index): each against the
    group's first and against the one before it."""
    first = members[0]
    for k in range(1, len(members)):
        i, sig = members[k]
        if similarity(first[1], sig) >= threshold:
            yield first[0], i
        elif k > 1 and similarity(members[k - 1][1], sig) >= threshold:
            yield members[k - 1][0], i


class Deduplicator:
    """Signatures added in input order (:meth:`add`), then :meth:`clusters`.

    ``add(None)`` for a record without a signature (failed, empty)."""

    def __init__(self, threshold: float = THRESHOLD, tmpdir: Optional[str] = None) -> None:
        self.threshold = threshold
        fd, self._path = tempfile.mkstemp(prefix=".newsclean-signatures.", suffix=".tmp", dir=tmpdir)
        self._fh = os.fdopen(fd, "wb")
        self.count = 0

    def add(self, sig: Optional[bytes]) -> int:
        """Add the next record's signature; its index."""
        self._fh.write(sig if sig is not None else b"\0" * (NUM_PERM * 4))
        self._fh.write(b"\1" if sig is not None else b"\0")
        self.count += 1
        return self.count - 1

    def clusters(self) -> Dict[int, int]:
        """{index: index of the cluster's first record} for every record that
        has an earlier near-duplicate."""
        import numpy as np  # (optional extra: newsclean[dedup])

        self._fh.close()
        n = self.count
        if n == 0:
            return {}
        rec = np.memmap(self._path, dtype=np.uint8, mode="r", shape=(n, NUM_PERM * 4 + 1))
        has = np.flatnonzero(rec[:, -1] == 1)
        uf = _UnionFind(n)
        for b in range(BANDS):
            # the band's values as 8-byte keys (BLAKE2b, as band_keys), one band at a time
            keys = np.fromiter((band_key(rec[i], b) for i in has), dtype=np.uint64, count=len(has))
            order = np.argsort(keys, kind="stable")
            sk = keys[order]
            bounds = np.flatnonzero(np.diff(sk)) + 1
            starts = np.concatenate(([0], bounds))
            ends = np.concatenate((bounds, [len(sk)]))
            for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
                idx = sorted(int(has[j]) for j in order[s:e])
                members = [(i, rec[i, :-1].tobytes()) for i in idx]
                for x, y in pairs_in_group(members, self.threshold):
                    uf.union(x, y)
            del keys, order, sk
        out = {}
        for i in has:
            r = uf.find(int(i))
            if r != i:
                out[int(i)] = r
        del rec
        return out

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        try:
            os.unlink(self._path)
        except OSError:
            pass
