"""Backup and restore of the whole database, for `dapi backup` and `dapi restore`.

SQLite: the online backup API copies a consistent snapshot while the site runs. PostgreSQL:
`pg_dump --format=custom` and `pg_restore --clean --if-exists` (the client tools must be on
PATH, at the server's major version). Restore replaces everything in the target database.
"""

import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    pass


def _pg_url() -> str:
    s = connection.settings_dict
    user = s.get("USER") or "postgres"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host = s.get("HOST") or "localhost"
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgresql://{user}{password}@{host}{port}/{s['NAME']}"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed; install the PostgreSQL client tools (apt-get install "
                          "postgresql-client) at the server's major version.")
    return path


def backup(path: Path) -> str:
    """Write a backup of the current database to `path`; returns the engine's name."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(tmp)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        result = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={tmp}", _pg_url()],
                                capture_output=True, text=True)
        if result.returncode:
            tmp.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    tmp.replace(path)
    return connection.vendor


def restore(path: Path) -> str:
    """Replace the current database's contents with the backup at `path`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    head = path.read_bytes()[:16]
    if connection.vendor == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{path} is not a SQLite backup (made by `dapi backup` on SQLite).")
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        if not head.startswith(PGDUMP_MAGIC):
            raise BackupError(f"{path} is not a PostgreSQL backup (made by `dapi backup` on PostgreSQL).")
        connection.close()
        result = subprocess.run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                                 f"--dbname={_pg_url()}", str(path)], capture_output=True, text=True)
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported.")
    return connection.vendor
