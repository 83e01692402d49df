"""The user database's tables as typed ORM models (the current schema version).

The migration steps in `migrations.py` create exactly these tables; a test holds the two
together. Times are stored as UTC ISO-8601 text with microseconds, so they sort as text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcTime(TypeDecorator[datetime]):
    """An aware datetime stored as `2024-05-01T12:00:00.000000+00:00` text."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class BookmarkRow(Base):
    __tablename__ = "bookmark"

    page_id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)  # the page's name when it was starred
    folder: Mapped[str] = mapped_column(String, default="", server_default="")
    created: Mapped[datetime] = mapped_column(UtcTime)
    tags: Mapped[list[TagRow]] = relationship(
        back_populates="bookmark", cascade="all, delete-orphan", order_by="TagRow.tag")


class TagRow(Base):
    __tablename__ = "bookmark_tag"

    page_id: Mapped[str] = mapped_column(
        ForeignKey("bookmark.page_id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String, primary_key=True)
    bookmark: Mapped[BookmarkRow] = relationship(back_populates="tags")


class NoteRow(Base):
    __tablename__ = "note"

    page_id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String, default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    updated: Mapped[datetime] = mapped_column(UtcTime)


class VisitRow(Base):
    __tablename__ = "history"
    __table_args__ = (Index("ix_history_opened_at", "opened_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    page_id: Mapped[str] = mapped_column(String)
    name: Mapped[str] = mapped_column(String)
    opened_at: Mapped[datetime] = mapped_column(UtcTime)


class PreferenceRow(Base):
    __tablename__ = "preference"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
