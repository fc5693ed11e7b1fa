"""The first names of the birth records (``data/first_names.tsv.gz``, from US birth records), each with the
sex it is given to when nearly everyone given it is of one sex.

Read by the clean stage (a first name glued to a surname), the entity and quote stages (a name's gender,
a capitalised particle that opens no surname) and the corpus entities (the family vote); loaded once.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def first_name_genders() -> dict[str, str]:
    """``"m"`` or ``"f"`` of each first name (lower case) that the birth records give to one sex."""
    data = resources.files("newsprism").joinpath("data", "first_names.tsv.gz").read_bytes()
    return dict(line.split("\t", 1) for line in gzip.decompress(data).decode("utf-8").splitlines())
