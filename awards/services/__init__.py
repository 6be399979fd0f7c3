"""The awards workflow as functions the views call: checks, the review steps, the council, decisions,
award history and suggestions. Each write is atomic, acts through a conditional UPDATE on the status it
expects, and records a NominationEvent; a refusal raises ValidationError with a message for the user.
"""

from awards.services.checks import ERROR, WARNING, Finding, check_nomination, errors
from awards.services.council import (
    close_session,
    create_council_session,
    put_on_agenda,
    record_tally,
    record_votes,
)
from awards.services.decisions import award_history, decision_symbol, issue_decision, issuer_name
from awards.services.postings import add_comment, open_posting, posting_blocks_vote
from awards.services.routing import can_decide, form_available_on
from awards.services.suggestions import Suggestion, suggest_candidates
from awards.services.transitions import ACTION_LABELS, Action
from awards.services.workflow import (
    Change,
    changes_since_return,
    close_dissolved,
    forward_nomination,
    reject_nomination,
    return_nomination,
    start_appraisal,
    submit_nomination,
)

__all__ = [
    "ACTION_LABELS",
    "ERROR",
    "WARNING",
    "Action",
    "Change",
    "Finding",
    "Suggestion",
    "add_comment",
    "award_history",
    "can_decide",
    "changes_since_return",
    "check_nomination",
    "close_dissolved",
    "close_session",
    "create_council_session",
    "decision_symbol",
    "errors",
    "form_available_on",
    "forward_nomination",
    "issue_decision",
    "issuer_name",
    "open_posting",
    "posting_blocks_vote",
    "put_on_agenda",
    "record_tally",
    "record_votes",
    "reject_nomination",
    "return_nomination",
    "start_appraisal",
    "submit_nomination",
    "suggest_candidates",
]
