"""Settings from flags and the environment. Nothing here is built at import time."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ODSM_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path.cwd() / ".odsm-data")
    # Empty means a SQLite file in the data dir.
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # The per-launch secret. It arrives through the environment, never argv.
    api_secret: SecretStr | None = None
    # Listen mode: a Unix socket path, or host and port.
    uds: Path | None = None
    host: str = "127.0.0.1"
    port: int = 0
    # Development convenience: uvicorn --reload.
    reload: bool = False
    # How long an idempotency record is kept.
    idempotency_ttl_hours: int = 24
    # Bounded retry of a whole unit of work on a locked or serialization-failed database.
    db_retry_attempts: int = 5
    sqlite_busy_timeout_ms: int = 5000
    # pybreaker: consecutive failures before the database breaker opens, and how long it stays open.
    db_breaker_fail_max: int = 5
    db_breaker_reset_seconds: float = 10.0
    # How many safety copies (the school as it was before a restore) stay in the data folder's backups/;
    # older ones go only after a restore succeeded.
    safety_copies_kept: int = Field(default=5, ge=1)
    # argon2id's memory (KiB) and passes for staff passwords: pwdlib's recommended cost. Tests lower it,
    # as each hash costs about a second on a busy machine.
    password_hash_memory_kib: int = Field(default=65536, ge=8)
    password_hash_passes: int = Field(default=3, ge=1)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'odsm.sqlite3'}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        url = self.resolved_database_url
        return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def audit_anchor_path(self) -> Path:
        """Where main keeps the audit chain's head outside the database (electron/main/index.ts names
        the same file): a backup of the database carries a copy, so it can be verified on its own."""
        return self.data_dir / "audit-anchor.json"
