"""Free text -> Query, in stages (each a module):

- text.py, spelling.py: the message normalised, slips in its words read as meant
- index.py: the alias index (aliases.py, names.py, loose.py, candidates.py, snapshots.py): the
  models a message names, and the names that are no one model
- reading.py: the message read into one record (cues.py: its shape and whom it asks;
  topics.py: its category and measure; conditions.py: a ranking's conditions and the change
  log; named.py: which names are meant as models)
- decide.py: the intent decided from that record, and how sure it is
- parse.py: the Understander over them; lookup.py: slash-command model options

The word lists are data: vocabulary.json (questions) and name_words.json (model names).
"""

from bot.understand.index import AliasIndex
from bot.understand.parse import Understander

__all__ = ["AliasIndex", "Understander"]
