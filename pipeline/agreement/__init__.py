"""Inter-annotator agreement: how far people labelling the same units agree, before their work becomes gold.

Input is `annotator -> unit id -> {"text", "entities": [{start, end, label}], "strength"}` (optionally also
`lang`, `type`, `meta`), read from exported JSONL files or from a doccano project's per-user export. Spans are
compared pairwise with the evaluation scorer (F1 is symmetric, so either side may be the reference); strength
classes get Cohen's kappa per pair and Krippendorff's alpha (nominal; any number of annotators, missing values
allowed). The adjudicated gold keeps what a majority agrees on and every annotator's version in its meta, so
nobody's work is lost and the units that still need a person are marked.
"""
from .adjudication import adjudicate
from .base import AgreementError, Annotations, write_jsonl, write_text
from .readers import parse_unit, read_files, read_project
from .statistics import (cohen_kappa, disagreements, krippendorff_alpha, report, span_agreement,
                         strength_agreement, summary)

__all__ = ["AgreementError", "Annotations", "adjudicate", "cohen_kappa", "disagreements", "krippendorff_alpha",
           "parse_unit", "read_files", "read_project", "report", "span_agreement", "strength_agreement",
           "summary", "write_jsonl", "write_text"]
