"""Corpus-scale features, above the pipeline and below the command line and
the Dask side: reading WARC files (:mod:`.warc`), near-duplicates across
documents (:mod:`.dedup`), site boilerplate learned from the crawl
(:mod:`.siteboiler`). Each works record by record in bounded memory; the
command line and :mod:`newsclean.distributed` drive them."""
