"""Loads the spaCy model when imported: the batch fork server imports it once, at its start.

Batch workers are forked from that server (see :mod:`newslab.batch`), so each one starts with
the model already in memory instead of spending seconds loading its own copy.
"""

from contextlib import suppress

from newslab import errors
from newslab.nlp import load_model

# Without a model, each worker tries again and reports the problem with its first article.
with suppress(errors.NewslabError):
    load_model()
