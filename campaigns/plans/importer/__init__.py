"""Read a plan's text (pasted, .docx or PDF with a text layer) into a draft for the user to review.

Pure functions over text: nothing here touches the database. `matching` then ties the names the text gives to
units and to the award catalogue, and `saving` stores what the user confirmed.
"""

from campaigns.plans.importer.citations import read_citations
from campaigns.plans.importer.draft import Draft, as_json
from campaigns.plans.importer.header import read_header
from campaigns.plans.importer.parts import read_award_forms, read_subjects, read_timeline
from campaigns.plans.importer.sections import layout
from campaigns.plans.importer.targets import flag_unnamed, read_targets
from campaigns.plans.importer.text import split_lines

__all__ = ["Draft", "as_json", "looks_like_a_plan", "read_plan"]


def read_plan(text: str) -> Draft:
    """The draft `text` proposes; what the text does not hold stays empty (and says so)."""
    parts = layout(split_lines(text))
    draft = Draft()
    read_header(draft, parts)
    read_citations(draft, parts)
    read_targets(draft, parts)
    flag_unnamed(draft)
    read_timeline(draft, parts)
    read_subjects(draft, parts)
    read_award_forms(draft, parts)
    draft.sections = [
        (section.kind, section.heading.text, "\n\n".join(paragraph.text for paragraph in section.paragraphs))
        for section in parts.sections
    ]
    return draft


def looks_like_a_plan(draft: Draft) -> bool:
    """A text with no document kind, no number and no numbered sections is not a plan."""
    return bool(draft.header["kind"].value or len(draft.sections) >= 2)
