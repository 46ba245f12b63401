//! A data subject's public answer — through a consent link or a sign-up confirmation — decided
//! inside the transaction that writes it. The domain hands the store a rule; the store reads the
//! link and the record's Data Privacy section in its transaction, asks the rule, and writes what
//! it answers (or nothing). Two answers through one link, or an answer and an administrator's
//! change at once, are therefore decided one after the other on what the other wrote.

use consentry_model::{
    ConsentStatus, OrganisationId,
    records::{DataPrivacy, DataSource},
};
use uuid::Uuid;

use super::{AuditNote, ConsentEventWrite, PrivacyChange};

/// What an answer writes, as its rule decided.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerPlan {
    /// The record's new Data Privacy section.
    pub privacy: DataPrivacy,
    /// The privacy event, when basis or status changed.
    pub change: Option<PrivacyChange>,
    /// The consent event's decision: `granted`, `refused` or `withdrawn`.
    pub decision: &'static str,
    /// Whether the link stops working with this answer.
    pub spend: bool,
    /// The audit entry (its subject is set to the record by the store).
    pub audit: AuditNote,
}

impl AnswerPlan {
    /// The consent status the answer leaves.
    pub fn status(&self) -> ConsentStatus {
        self.privacy
            .consent
            .as_ref()
            .map_or(ConsentStatus::Pending, |c| c.status)
    }
}

/// Why an answer's rule wrote nothing: a code for the client and a sentence for the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// Machine-readable, e.g. `invalid_transition`.
    pub code: consentry_model::ErrorCode,
    /// What happened, for the subject.
    pub message: &'static str,
}

/// Decides an answer from the record's Data Privacy section as it is inside the writing
/// transaction (`None`: compliance is off for the record).
pub type AnswerRule =
    Box<dyn Fn(Option<&DataPrivacy>) -> Result<AnswerPlan, Refusal> + Send + Sync>;

/// A public answer to write.
pub struct PublicAnswer {
    /// Whose record.
    pub organisation: OrganisationId,
    /// The link's (or pending sign-up's) token hash.
    pub token_hash: [u8; 32],
    /// The consent event; its `decision` is the plan's.
    pub event: ConsentEventWrite,
    /// The data source the record's section is stamped with.
    pub source: DataSource,
    /// The decision.
    pub rule: AnswerRule,
}

impl std::fmt::Debug for PublicAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PublicAnswer")
            .field("event", &self.event)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// Why a link no longer takes answers, as its row says inside the transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkGone {
    /// No such link (or sign-up).
    Missing,
    /// An answer through it was recorded (a withdrawal or refusal; a confirmed sign-up).
    Spent,
    /// A newer consent request for the record and form replaced it.
    Revoked,
    /// Its time ran out.
    Expired,
    /// The same grant was recorded through it already (a double click, a resent form): the
    /// link still takes a changed answer.
    Repeated,
}

/// What became of a public answer.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerOutcome {
    /// Written: the consent event's id (also its receipt's) and what was written.
    Recorded {
        /// The consent event.
        event: Uuid,
        /// What the rule decided.
        plan: Box<AnswerPlan>,
    },
    /// The link did not take it; nothing was written.
    LinkGone(LinkGone),
    /// The rule refused it; nothing was written.
    Refused(Refusal),
}
