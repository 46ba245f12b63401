//! What a record's retention section becomes on a change, decided the same on every backend.

use chrono::{DateTime, Utc};
use consentry_model::retention::{LegalHold, RecordRetention, RetentionChange};

/// The section after `change`: a hold whose reason stays the same keeps who placed it and
/// since when; a new or reworded one is placed by `actor` at `now`.
pub fn retention_after(
    before: &RecordRetention,
    change: &RetentionChange,
    actor: &str,
    now: DateTime<Utc>,
) -> RecordRetention {
    RecordRetention {
        contract_ended_on: change.contract_ended_on,
        legal_hold: change
            .legal_hold
            .as_ref()
            .map(|reason| match &before.legal_hold {
                Some(held) if &held.reason == reason => held.clone(),
                _ => LegalHold {
                    reason: reason.clone(),
                    by: actor.to_owned(),
                    since: now,
                },
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hold_keeps_who_placed_it_until_its_reason_changes() {
        let then = Utc::now() - chrono::Duration::days(3);
        let now = Utc::now();
        let placed = retention_after(
            &RecordRetention::default(),
            &RetentionChange {
                contract_ended_on: None,
                legal_hold: Some("Claim 114".into()),
            },
            "anna@example.org",
            then,
        );
        let kept = retention_after(
            &placed,
            &RetentionChange {
                contract_ended_on: None,
                legal_hold: Some("Claim 114".into()),
            },
            "bob@example.org",
            now,
        );
        assert_eq!(kept, placed);
        let reworded = retention_after(
            &placed,
            &RetentionChange {
                contract_ended_on: None,
                legal_hold: Some("Claim 115".into()),
            },
            "bob@example.org",
            now,
        );
        let hold = reworded.legal_hold.expect("held");
        assert_eq!((hold.by.as_str(), hold.since), ("bob@example.org", now));
        let lifted = retention_after(&placed, &RetentionChange::default(), "bob@example.org", now);
        assert!(lifted.is_empty());
    }
}
