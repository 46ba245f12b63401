//! Backups on a schedule (`backup.every_hours`): each a sealed backup, as `consentry backup
//! --sealed` makes it, in `backup.dir`, named by when it was made
//! (`consentry-20261204T174500Z.backup`); after each, the oldest beyond `backup.keep` are
//! deleted. What is due is decided from the files there, so a restart neither repeats nor
//! skips one.

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};

use crate::config::Settings;

const PREFIX: &str = "consentry-";
const SUFFIX: &str = ".backup";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// One backup kept in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub path: PathBuf,
    pub made_at: DateTime<Utc>,
}

/// What a round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    /// The backup made, when one was due.
    pub made: Option<PathBuf>,
    /// The backups deleted as older than the ones kept.
    pub pruned: Vec<PathBuf>,
}

/// The scheduled backups in `dir`, newest first (other files are left alone).
pub fn kept(dir: &Path) -> std::io::Result<Vec<Kept>> {
    let mut kept = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(kept),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        let made_at = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX))
            .and_then(|stamp| NaiveDateTime::parse_from_str(stamp, STAMP).ok());
        if let Some(made_at) = made_at {
            kept.push(Kept {
                path,
                made_at: made_at.and_utc(),
            });
        }
    }
    kept.sort_by_key(|k| std::cmp::Reverse(k.made_at));
    Ok(kept)
}

/// When the next backup is due: at once when there is none, else `every_hours` after the
/// newest.
pub fn next_due(settings: &Settings, kept: &[Kept]) -> Option<DateTime<Utc>> {
    let every = TimeDelta::hours(i64::from(settings.backup.every_hours));
    kept.first().map(|newest| newest.made_at + every)
}

/// Makes a backup when one is due at `now`, then prunes the oldest beyond `backup.keep`.
pub async fn round(settings: &Settings, now: DateTime<Utc>) -> Result<Round, String> {
    let dir = settings.backup_dir();
    let read = |dir: &Path| kept(dir).map_err(|e| format!("{}: {e}", dir.display()));
    let mut done = Round::default();
    if next_due(settings, &read(&dir)?).is_none_or(|due| due <= now) {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(format!("{PREFIX}{}{SUFFIX}", now.format(STAMP)));
        super::backup(settings, &path, true).await?;
        done.made = Some(path);
    }
    let keep = settings.backup.keep.max(1) as usize;
    for old in read(&dir)?.into_iter().skip(keep) {
        std::fs::remove_file(&old.path).map_err(|e| format!("{}: {e}", old.path.display()))?;
        done.pruned.push(old.path);
    }
    Ok(done)
}

/// Makes the backups as they come due, until stopped; a failed one is logged and tried again
/// after a quarter of an hour.
pub async fn run(settings: std::sync::Arc<Settings>, stop: crate::workers::Stop) {
    const RETRY: Duration = Duration::from_secs(15 * 60);
    loop {
        let pause = match round(&settings, Utc::now()).await {
            Ok(done) => {
                if let Some(made) = &done.made {
                    tracing::info!(file = %made.display(), pruned = done.pruned.len(), "made the scheduled backup");
                }
                let due = kept(&settings.backup_dir())
                    .ok()
                    .and_then(|kept| next_due(&settings, &kept));
                due.and_then(|due| (due - Utc::now()).to_std().ok())
                    .unwrap_or(RETRY)
                    .min(Duration::from_secs(60 * 60))
            }
            Err(error) => {
                tracing::error!(%error, "the scheduled backup failed; trying again in 15 minutes");
                RETRY
            }
        };
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(pause) => {}
        }
    }
}
