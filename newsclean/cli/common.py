"""What the command-line tools share: exit codes, configuration files,
reading inputs, cleaning bytes, rendering and writing results. Used by
``newsclean`` (:mod:`newsclean.cli.main`), ``newsclean batch``
(:mod:`newsclean.cli.batch`) and ``newsclean dask`` (:mod:`newsclean.distributed`)."""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

from ..categories import CATEGORIES
from ..config import Config
from ..pipeline import clean_html, clean_text, looks_like_html
from ..results import Article
from ..text.normalize import decode_bytes
from .formats import render_structured

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "json", "jsonl", "markdown", "html")
EXTENSIONS = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md", "html": ".html"}
#: Formats that show the article's structure: they ask for it (Config.structure).
STRUCTURED_FORMATS = ("markdown", "html")


class InputError(Exception):
    """A bad input: reported as one line, processing goes on."""


# ------------------------------------------------------------------ config
#: The tables a config file may have.
CONFIG_TABLES = ("detectors", "params", "phrases", "site")


def load_config_file(path: str) -> dict:
    """Read a TOML config: [detectors] switches and thresholds (Config fields),
    [params] rule parameters (``"spam.OFFER_MAX_WORDS" = 30``: Config.params),
    [phrases] extra vocabulary, [[site]] per-domain rules (domain, drop_lines)."""
    if sys.version_info >= (3, 11):
        import tomllib  # (here: only runs with a config file need a TOML reader)
    else:
        import tomli as tomllib  # (Python 3.10: the backport)

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such config file")
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML ({e})")
    unknown = sorted(set(data) - set(CONFIG_TABLES))
    if unknown:
        raise InputError(f"{path}: unknown table(s) {', '.join(unknown)} (known: {', '.join(CONFIG_TABLES)})")
    return data


def build_config(args, file_cfg: dict, url: Optional[str] = None) -> Config:
    fields = {f for f in Config.__dataclass_fields__}
    kw = {}
    for k, v in (file_cfg.get("detectors") or {}).items():
        if k not in fields:
            raise InputError(f"config: unknown setting [detectors] {k}")
        kw[k] = v
    if file_cfg.get("params"):
        kw["params"] = dict(file_cfg["params"])
    phrases = {k: tuple(v) for k, v in (file_cfg.get("phrases") or {}).items()}
    if phrases:
        kw["extra_phrases"] = phrases
    drop: List[str] = []
    if url:
        host = host_of(url)
        for site in file_cfg.get("site") or []:
            dom = str(site.get("domain", "")).lower().lstrip(".")
            if dom and (host == dom or host.endswith("." + dom)):
                drop.extend(site.get("drop_lines") or [])
    if drop:
        kw["drop_lines"] = tuple(drop)
    if args.only:
        for c in CATEGORIES:
            kw[c] = c in args.only
    for c in args.keep or []:
        kw[c] = False
    if getattr(args, "structure", False) or (getattr(args, "format", None) in STRUCTURED_FORMATS
                                             and not getattr(args, "explain", False)):
        kw["structure"] = True
    for name in ("links", "images"):
        if getattr(args, name, False):
            kw[name] = kw["structure"] = True
    try:
        return Config(**kw)
    except (TypeError, ValueError) as e:
        raise InputError(f"config: {e}")


def host_of(url: str) -> str:
    return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()


# ------------------------------------------------------------------ inputs
def expand_inputs(items: Iterable[str]) -> Iterator[Tuple[str, str, Optional[str]]]:
    """(path, name for an output file, error) for each input: files,
    directories (recursive, names relative to the directory), globs, '-'."""
    for item in items:
        if item == "-":
            yield item, "stdin", None
        elif os.path.isdir(item):
            found = False
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        path = os.path.join(root, name)
                        yield path, os.path.relpath(path, item), None
            if not found:
                yield item, "", "directory has no files"
        elif os.path.exists(item):
            yield item, os.path.basename(item), None
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item, "", "no file matches this pattern"
            for m in matches:
                if os.path.isfile(m):
                    yield m, os.path.basename(m), None
        else:
            yield item, "", "no such file"


def read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except FileNotFoundError:
            raise InputError("no such file")
        except IsADirectoryError:
            raise InputError("is a directory")
        except PermissionError:
            raise InputError("permission denied")
        except OSError as e:
            raise InputError(e.strerror or str(e))
    if len(data) > limit:
        raise InputError(f"larger than {limit:,} bytes (Config.max_chars)")
    return data


def clean_bytes(data: bytes, cfg: Config, mode: str = "auto", url: Optional[str] = None) -> Tuple[Article, str]:
    """(the cleaned Article, the decoded input) of one input's bytes."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file (NUL bytes), not text or HTML")
    try:
        text = decode_bytes(data)
    except UnicodeDecodeError as e:
        raise InputError(f"cannot decode as text ({e.reason})")
    if mode == "html" or (mode == "auto" and looks_like_html(text)):
        art = clean_html(text, url=url, config=cfg)
    else:
        art = clean_text(text, config=cfg)
        art.url = url
    return art, text


# ------------------------------------------------------------------ outputs
def render(art: Article, fmt: str) -> str:
    if fmt == "text":
        return art.text + "\n"
    if fmt == "json":
        return json.dumps(art.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(art.to_dict(), ensure_ascii=False) + "\n"
    out = render_structured(art, fmt)
    if out is None:
        raise ValueError(f"unknown format {fmt!r}")
    return out


def write_atomic(path: Path, data: str) -> None:
    """Write via a temporary file in the same folder and rename: a reader never
    sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fail(label: str, msg: str) -> None:
    print(f"newsclean: error: {label}: {msg}" if label else f"newsclean: error: {msg}", file=sys.stderr)


def category_arg(value: str) -> str:
    if value not in CATEGORIES:
        raise argparse.ArgumentTypeError(f"unknown category {value!r} (choose from {', '.join(CATEGORIES)})")
    return value


