"""The readout parser: plain Python, no Django.

``parse_readout(text, gazetteer, topics, concepts)``.
"""

from .engine import detect_language, parse_readout
from .gazetteer import gazetteer_from_json, thesaurus_from_json, topic_cues_from_json
from .header import parse_header
from .text import check_size, decode_readout
from .types import (
    BOTH,
    REVIEW_KINDS,
    VERB_CLASSES,
    Concept,
    Gazetteer,
    Office,
    Official,
    ParsedMention,
    ParsedParticipant,
    ParsedReadout,
    ParsedStatement,
    ParseError,
    ReviewReason,
    Tenure,
    TopicCues,
)

__all__ = [
    "BOTH",
    "REVIEW_KINDS",
    "VERB_CLASSES",
    "Concept",
    "Gazetteer",
    "Office",
    "Official",
    "ParseError",
    "ParsedMention",
    "ParsedParticipant",
    "ParsedReadout",
    "ParsedStatement",
    "ReviewReason",
    "Tenure",
    "TopicCues",
    "check_size",
    "decode_readout",
    "detect_language",
    "gazetteer_from_json",
    "parse_header",
    "parse_readout",
    "thesaurus_from_json",
    "topic_cues_from_json",
]
