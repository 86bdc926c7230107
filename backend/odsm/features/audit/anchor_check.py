"""Does the chain still reach the head that main anchored outside the database?

A tamperer with the database alone can drop the triggers, cut the log's tail and re-hash what is left:
the chain then verifies. The anchor (the head's id and hash, kept by main in the user data dir) is what
they could not reach, so comparing with it shows the cut or the rewrite.
"""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy.orm import Session

from . import repository as repo
from .schemas import AnchorBreak


class AuditAnchor(BaseModel):
    entry_id: int
    entry_hash: str


def anchor_break(session: Session, anchor: AuditAnchor) -> AnchorBreak | None:
    entries = session.scalar(repo.entry_count()) or 0
    found = session.scalar(repo.entry_hash_at(anchor.entry_id))
    if found is None or entries < anchor.entry_id:
        code = "audit.chain_cut_short"
    elif found != anchor.entry_hash:
        code = "audit.chain_rehashed"
    else:
        return None
    return AnchorBreak(
        code=code, anchor_id=anchor.entry_id, anchor_hash=anchor.entry_hash, entries=entries, found_hash=found
    )
