"""The Dask integration against a real distributed.LocalCluster with two worker
processes on loopback: results identical to the single-process run."""
import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

import newsclean  # noqa: E402
from newsclean.distributed import clean_bag, clean_dataframe, clean_record  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _records():
    recs = []
    for i, p in enumerate(sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*.txt"))):
        recs.append({"id": i, "text": p.read_text(encoding="utf-8"), "url": f"https://example.com/{i}"})
    recs.append({"id": "html", "html": "<html><body><article><p>" + "A sentence about the city budget. " * 20
                 + "</p></article></body></html>"})
    recs.append({"id": "bad"})
    return recs


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_bag_matches_single_process(client, tmp_path):
    import dask.bag as db

    recs = _records()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    bag = db.read_text(str(src), blocksize=4096).map(json.loads)
    assert bag.npartitions >= 2
    got = clean_bag(bag).compute()
    want = [clean_record(r) for r in recs]
    assert got == want
    assert got[-1]["newsclean"]["error"].startswith("no string field")
    assert got[0]["newsclean"]["text"] == newsclean.clean_text(recs[0]["text"]).text


def test_dataframe_matches_single_process(client):
    import dask.dataframe as dd
    import pandas as pd

    recs = [r for r in _records() if "text" in r]
    pdf = pd.DataFrame({"id": [r["id"] for r in recs], "text": [r["text"] for r in recs]})
    out = clean_dataframe(dd.from_pandas(pdf, npartitions=3)).compute()
    assert list(out["clean_text"]) == [newsclean.clean_text(t).text for t in pdf["text"]]
    assert list(out["id"]) == list(pdf["id"])


def test_clean_corpus_on_an_existing_cluster(client, tmp_path):
    from newsclean.distributed import clean_corpus

    recs = _records()
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    res = clean_corpus(str(src), str(tmp_path / "out"), scheduler=client.scheduler.address, blocksize="4KiB")
    assert len(res.files) >= 2 and res.files == sorted(res.files)
    got = [json.loads(line) for f in res.files for line in Path(f).read_text().splitlines()]
    want = [clean_record(r) for r in recs]
    assert got == [w for w in want if "error" not in w["newsclean"]]  # the failed record: in _errors.jsonl
    assert (res.documents, res.failed, res.failures) == (len(recs), 1, {"no text": 1})
    errors = [json.loads(line) for line in (tmp_path / "out" / "_errors.jsonl").read_text().splitlines()]
    assert [(e["file"], e["line"], e["error"]) for e in errors] == [
        (str(src), len(recs), "no string field 'text' or 'html'")]
