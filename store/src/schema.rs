//! The books' schema and its migrations: a list applied in order, the database's
//! `user_version` saying how many were applied.
//!
//! The schema enforces what the ledger's code also checks, so an entry slipped in behind
//! medbill's back is refused all the same: entry ids in sequence (each entry names the one
//! before it, which must exist), one remittance per payer and trace number (a unique index),
//! one reversal per reversed entry (a unique, foreign-keyed column), and entries kept forever
//! (triggers refuse UPDATE and DELETE). No trigger runs on INSERT: a single-row insert
//! without one needs no statement journal, which keeps posting fast.

use rusqlite::Connection;

/// Why the schema could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file's schema is newer than this medbill knows.
    #[error(
        "the books were made by a newer medbill (schema version {found}; this one knows up to {known})"
    )]
    Newer {
        /// The file's `user_version`.
        found: i64,
        /// The newest this build knows.
        known: usize,
    },
    /// SQLite refused a migration.
    #[error("migrating the books' schema to version {version}: {source}")]
    Migration {
        /// The version being applied.
        version: usize,
        /// Why.
        source: rusqlite::Error,
    },
}

/// Version 1: entries with their audit hashes and the chain's head, the charged claims
/// (which hold patient data, apart from the entries) and the underpayments posting found.
const V1: &str = "
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    -- The payer's key and the payer claim number (CLP07), from the body.
    payer TEXT NOT NULL,
    payer_claim TEXT,
    -- The source's JSON, as in the entries' canonical JSON.
    body TEXT NOT NULL
);
CREATE INDEX sources_by_payer_claim ON sources(payer, payer_claim)
    WHERE payer_claim IS NOT NULL;
CREATE TRIGGER sources_never_updated BEFORE UPDATE ON sources
BEGIN
    SELECT RAISE(ABORT, 'entries are kept forever: a correction is a new entry');
END;
CREATE TRIGGER sources_never_deleted BEFORE DELETE ON sources
BEGIN
    SELECT RAISE(ABORT, 'entries are kept forever: a correction is a new entry');
END;

CREATE TABLE entries (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    -- The entry before: ids run 1, 2, 3, … with no gap, since each entry but the first
    -- names an existing one just before it.
    prev INTEGER REFERENCES entries(id)
        CHECK (CASE WHEN id = 1 THEN prev IS NULL ELSE prev IS NOT NULL AND prev = id - 1 END),
    -- Columns derived from the body, for the indexes and constraints.
    kind TEXT NOT NULL,
    -- A line or claim account's claim (patient control number).
    claim TEXT,
    -- A patient account's id (its claims' patients are in the claims table).
    patient TEXT,
    -- The 835 claim an entry came from (its source, kept once for all its entries).
    -- (No foreign key: the audit hash covers the source row an entry names.)
    source INTEGER,
    -- A remittance's or deposit's payer and trace number (TRN02).
    trace_payer TEXT,
    trace TEXT,
    reverses INTEGER REFERENCES entries(id),
    -- The entry's canonical JSON, what its audit hash covers (without its source when the
    -- source is kept in sources: the JSON is the body with the source put back last).
    body TEXT NOT NULL,
    hash BLOB NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX entries_by_claim ON entries(claim) WHERE claim IS NOT NULL;
CREATE INDEX entries_by_patient ON entries(patient) WHERE patient IS NOT NULL;
CREATE UNIQUE INDEX one_reversal_per_entry ON entries(reverses) WHERE reverses IS NOT NULL;
CREATE INDEX entries_by_source ON entries(source) WHERE source IS NOT NULL;
CREATE UNIQUE INDEX one_remittance_per_trace ON entries(trace_payer, trace)
    WHERE kind = 'remittance';
CREATE INDEX deposits_by_trace ON entries(trace_payer, trace) WHERE kind = 'deposit';
CREATE INDEX entries_in_suspense ON entries(id) WHERE kind = 'suspense';

CREATE TRIGGER entries_never_updated BEFORE UPDATE ON entries
BEGIN
    SELECT RAISE(ABORT, 'entries are kept forever: a correction is a new entry');
END;
CREATE TRIGGER entries_never_deleted BEFORE DELETE ON entries
BEGIN
    SELECT RAISE(ABORT, 'entries are kept forever: a correction is a new entry');
END;

CREATE TABLE chain (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    length INTEGER NOT NULL CHECK (length >= 0),
    head BLOB NOT NULL CHECK (length(head) = 32)
);
INSERT INTO chain (one, length, head) VALUES (1, 0, zeroblob(32));

CREATE TABLE claims (
    pcn TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    patient_account TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (pcn, version)
);
CREATE INDEX claims_by_patient ON claims(patient_account);

CREATE TABLE underpayments (
    payer TEXT NOT NULL,
    trace TEXT NOT NULL,
    claim_index INTEGER NOT NULL,
    line INTEGER NOT NULL,
    claim TEXT NOT NULL,
    posted TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (payer, trace, claim_index, line)
);
";

/// Version 2: what the KPI fold needs of each entry (`medbill::kpi::Fact`), clustered by
/// claim so the KPIs read every claim's facts in one pass over this table alone, in constant
/// memory (entries of no claim under ''). `source` is the entry's 835 claim (the
/// adjudication it belongs to). Books made before it get their facts from their entries'
/// bodies when next opened (`kpi_facts_pending` says so).
const V2: &str = "
CREATE TABLE kpi_facts (
    claim TEXT NOT NULL,
    id INTEGER NOT NULL,
    source INTEGER,
    fact BLOB NOT NULL,
    PRIMARY KEY (claim, id)
) WITHOUT ROWID;
CREATE TRIGGER kpi_facts_never_updated BEFORE UPDATE ON kpi_facts
BEGIN
    SELECT RAISE(ABORT, 'a KPI fact is never updated');
END;
CREATE TRIGGER kpi_facts_never_deleted BEFORE DELETE ON kpi_facts
BEGIN
    SELECT RAISE(ABORT, 'a KPI fact is never deleted');
END;
CREATE TABLE kpi_facts_pending (since INTEGER NOT NULL);
INSERT INTO kpi_facts_pending SELECT 1 WHERE EXISTS (SELECT 1 FROM entries);
";

/// The migrations, in order: migration `n` (1-based) brings `user_version` from `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[V1, V2];

/// Applies the migrations the database has not had yet, each in its own transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), SchemaError> {
    let failed = |version: usize| move |source| SchemaError::Migration { version, source };
    let current: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(failed(0))?;
    let applied = usize::try_from(current).unwrap_or(usize::MAX);
    if applied > MIGRATIONS.len() {
        return Err(SchemaError::Newer {
            found: current,
            known: MIGRATIONS.len(),
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let version = index.saturating_add(1);
        let tx = conn.transaction().map_err(failed(version))?;
        tx.execute_batch(sql).map_err(failed(version))?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(version).unwrap_or(i64::MAX),
        )
        .map_err(failed(version))?;
        tx.commit().map_err(failed(version))?;
    }
    Ok(())
}

/// Whether the database has the books' schema at all (version 0: an empty or foreign file).
pub(crate) fn version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}
