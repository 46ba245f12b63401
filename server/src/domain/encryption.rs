//! Encryption at rest and masking: switching a field's encryption, the worker that encrypts,
//! decrypts and re-encrypts values in the background, and how sensitive values are shown to
//! people who may not see them.

use std::{collections::HashMap, sync::Arc, time::Duration};

use consentry_model::{
    ErrorCode, FieldError, FieldId, ModuleId, OrganisationId, Permission, RecordId,
    audit::AuditAction,
    auth::Session,
    encryption::{EncryptionJob, EncryptionStatus, Reveal, Revealed, SetEncryption, mask},
    fields::{Field, FieldValue, Personal},
    handling::{Destination, Exclusion},
    records::{Record, RecordFields},
};
use serde_json::json;
use tokio::sync::Notify;

use super::{Error, Result};
use crate::store::{AuditNote, Store, StoreError};

/// Records rewritten per transaction: short enough that other writers barely wait.
const BATCH: u32 = 500;

/// Switches a field's encryption at rest; existing values follow in the background.
pub async fn set(
    store: &dyn Store,
    session: &Session,
    module: ModuleId,
    field: FieldId,
    change: SetEncryption,
    worker: &Notify,
) -> Result<EncryptionJob> {
    let organisation = session.organisation.id;
    let fields = store
        .fields(organisation, module)
        .await?
        .ok_or(Error::NotFound("module"))?;
    let target = fields
        .iter()
        .find(|f| f.id == field)
        .ok_or(Error::NotFound("field"))?;
    if change.encrypted && !target.encryptable() {
        return Err(Error::Rejected {
            field: "encrypted".into(),
            message: format!(
                "{} is a yes/no or picklist field: only text, e-mail, phone, number and date \
                 fields can be encrypted.",
                target.label
            ),
        });
    }
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::FieldEncryptionChanged,
        subject: Some(field.to_string()),
        before: Some(json!({ "encryption": target.encryption })),
        after: Some(json!({ "module": module, "key": target.key, "encrypted": change.encrypted })),
    };
    let job = store
        .set_field_encryption(organisation, module, field, change.encrypted, audit)
        .await
        .map_err(|e| match e {
            StoreError::Conflict("encryption.busy") => Error::Conflict {
                code: ErrorCode::EncryptionBusy,
                field: Some("encrypted"),
                message: format!(
                    "{} is still being switched; wait until its progress reaches 100%.",
                    target.label
                ),
            },
            StoreError::Conflict("encryption.unchanged") => Error::Conflict {
                code: ErrorCode::EncryptionUnchanged,
                field: Some("encrypted"),
                message: format!(
                    "{} is already {}.",
                    target.label,
                    if change.encrypted {
                        "encrypted"
                    } else {
                        "stored unencrypted"
                    }
                ),
            },
            other => other.into(),
        })?
        .ok_or(Error::NotFound("field"))?;
    worker.notify_one();
    Ok(job)
}

/// The data keys and recent jobs.
pub async fn status(store: &dyn Store, organisation: OrganisationId) -> Result<EncryptionStatus> {
    Ok(store.encryption_status(organisation).await?)
}

/// Works through queued jobs whenever rung (and every few seconds, for jobs queued by
/// `consentry rotate-key` in another process).
pub async fn run_jobs(store: Arc<dyn Store>, bell: Arc<Notify>, stop: crate::workers::Stop) {
    match store.requeue_encryption_jobs().await {
        Ok(0) => {}
        Ok(n) => tracing::info!(jobs = n, "resuming interrupted encryption jobs"),
        Err(e) => tracing::error!(error = %e, "cannot resume encryption jobs"),
    }
    while !stop.is_cancelled() {
        while !stop.is_cancelled() {
            match store.next_encryption_job().await {
                Ok(Some(job)) => {
                    if let Err(e) = run_job(store.as_ref(), &job).await {
                        tracing::error!(job = %job.id, error = %e, "encryption job failed");
                        let _ = store
                            .fail_encryption_job(job.id, &format!("stopped: {e}"))
                            .await;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read encryption jobs");
                    break;
                }
            }
        }
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tokio::time::timeout(Duration::from_secs(5), bell.notified()) => {}
        }
    }
}

/// Runs one job to its end; `false` when another worker claimed it first.
pub async fn run_job(store: &dyn Store, job: &EncryptionJob) -> Result<bool> {
    if !store.start_encryption_job(job.id).await? {
        return Ok(false);
    }
    let mut after = None;
    while let Some(last) = store.run_encryption_batch(job.id, after, BATCH).await? {
        after = Some(last);
    }
    store.finish_encryption_job(job.id).await?;
    Ok(true)
}

/// Shows one sensitive value in full, in the audit trail as who saw which field of which
/// record (never the value).
pub async fn reveal(
    store: &dyn Store,
    session: &Session,
    record: RecordId,
    reveal: Reveal,
) -> Result<Revealed> {
    let organisation = session.organisation.id;
    let found = store
        .record(organisation, record)
        .await?
        .ok_or(Error::NotFound("record"))?;
    let fields = store
        .fields(organisation, found.module_id)
        .await?
        .ok_or(Error::NotFound("module"))?;
    if !fields.iter().any(|f| f.key == reveal.field) {
        return Err(Error::Invalid {
            field: "field".into(),
            error: FieldError::UnknownField,
        });
    }
    let value = value_of(&found.fields, &reveal.field);
    store
        .append_audit(
            organisation,
            AuditNote {
                actor: session.actor(),
                action: AuditAction::ValueRevealed,
                subject: Some(record.to_string()),
                before: None,
                after: Some(json!({ "field": reveal.field })),
            },
        )
        .await?;
    Ok(Revealed {
        field: reveal.field,
        value,
    })
}

fn value_of(fields: &RecordFields, key: &str) -> Option<FieldValue> {
    let text = |v: &Option<String>| v.clone().map(FieldValue::Text);
    match key {
        "first_name" => text(&fields.first_name),
        "last_name" => text(&fields.last_name),
        "email" => fields
            .email
            .as_ref()
            .map(|e| FieldValue::Text(e.as_str().to_owned())),
        "phone" => text(&fields.phone),
        "company" => text(&fields.company),
        "country" => text(&fields.country),
        custom => fields.custom.get(custom).cloned(),
    }
}

/// How records are shown to one reader: a person without View Sensitive Fields sees sensitive
/// values masked; an API key gets the personal fields the organisation leaves out of API
/// reads left out.
#[derive(Debug, Default)]
pub struct Masking {
    /// Keys of each module's fields this reader does not get in clear.
    sensitive: HashMap<ModuleId, Vec<String>>,
    /// Whether they are left out entirely (API keys) rather than shown masked.
    left_out: bool,
}

impl Masking {
    /// The masking for the signed-in user or API key.
    pub async fn for_session(store: &dyn Store, session: &Session) -> Result<Masking> {
        let organisation = session.organisation.id;
        let hidden: Box<dyn Fn(&Field) -> bool + Send> = if session.api_key.is_some() {
            let handling = store.compliance_settings(organisation).await?.personal_data;
            if handling.api == Exclusion::None {
                return Ok(Masking::default());
            }
            Box::new(move |f: &Field| handling.leaves_out(Destination::Api, f))
        } else if session.can(Permission::ViewSensitiveFields) {
            return Ok(Masking::default());
        } else {
            Box::new(|f: &Field| f.personal == Personal::Sensitive)
        };
        let mut sensitive: HashMap<ModuleId, Vec<String>> = HashMap::new();
        for (module, field) in store.organisation_fields(organisation).await? {
            if hidden(&field) {
                sensitive.entry(module).or_default().push(field.key);
            }
        }
        Ok(Masking {
            sensitive,
            left_out: session.api_key.is_some(),
        })
    }

    /// Whether the reader sees this module's field masked.
    pub fn hides(&self, module: ModuleId, key: &str) -> bool {
        self.sensitive
            .get(&module)
            .is_some_and(|keys| keys.iter().any(|k| k == key))
    }

    /// Moves the record's sensitive values out of sight, leaving their masks.
    pub fn apply(&self, mut record: Record) -> Record {
        let Some(keys) = self.sensitive.get(&record.module_id) else {
            return record;
        };
        for key in keys {
            let f = &mut record.fields;
            let hidden = match key.as_str() {
                "first_name" => f.first_name.take(),
                "last_name" => f.last_name.take(),
                "email" => f.email.take().map(|e| e.as_str().to_owned()),
                "phone" => f.phone.take(),
                "company" => f.company.take(),
                "country" => f.country.take(),
                custom => f.custom.remove(custom).map(|v| match v {
                    FieldValue::Text(t) => t,
                    FieldValue::Number(n) => n.to_string(),
                    FieldValue::Boolean(_) => String::new(),
                }),
            };
            if let Some(value) = hidden
                && !self.left_out
            {
                record.masked.insert(key.clone(), mask(&value));
            }
        }
        record
    }

    /// What a reader who cannot see the sensitive values sends back when saving a record:
    /// the hidden values stay as they are stored.
    pub fn keep_hidden(
        &self,
        module: ModuleId,
        stored: &RecordFields,
        mut sent: RecordFields,
    ) -> RecordFields {
        let Some(keys) = self.sensitive.get(&module) else {
            return sent;
        };
        for key in keys {
            match key.as_str() {
                "first_name" => sent.first_name.clone_from(&stored.first_name),
                "last_name" => sent.last_name.clone_from(&stored.last_name),
                "email" => sent.email.clone_from(&stored.email),
                "phone" => sent.phone.clone_from(&stored.phone),
                "company" => sent.company.clone_from(&stored.company),
                "country" => sent.country.clone_from(&stored.country),
                custom => match stored.custom.get(custom) {
                    Some(value) => {
                        sent.custom.insert(custom.to_owned(), value.clone());
                    }
                    None => {
                        sent.custom.remove(custom);
                    }
                },
            }
        }
        sent
    }
}
