"""Steps for other libraries' pipelines, each an optional extra.

- ``newsclean.integrations.datatrove``: :class:`NewscleanFilter`, a datatrove
  pipeline step (``pip install 'newsclean[datatrove]'``).
"""
