//! Background jobs under way or finished (imports, bulk consent requests), per organisation,
//! for progress polling.

use std::{collections::HashMap, hash::Hash, sync::Mutex};

use consentry_model::OrganisationId;

/// The progress of jobs of one kind, by job id.
#[derive(Debug)]
pub struct JobRegistry<Id, Progress> {
    jobs: Mutex<HashMap<Id, (OrganisationId, Progress)>>,
}

impl<Id, Progress> Default for JobRegistry<Id, Progress> {
    fn default() -> Self {
        JobRegistry {
            jobs: Mutex::new(HashMap::new()),
        }
    }
}

impl<Id, Progress> super::erasure::Mentions for JobRegistry<Id, Progress>
where
    Id: Send,
    Progress: serde::Serialize + Send,
{
    fn forget_mentioning(&self, organisation: OrganisationId, values: &[String]) {
        self.jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|_, (org, progress)| {
                if *org != organisation {
                    return true;
                }
                let text = serde_json::to_string(progress)
                    .unwrap_or_default()
                    .to_lowercase();
                !values.iter().any(|v| text.contains(v.as_str()))
            });
    }
}

impl<Id: Eq + Hash, Progress: Clone> JobRegistry<Id, Progress> {
    /// Registers a job of an organisation.
    pub fn start(&self, organisation: OrganisationId, id: Id, progress: Progress) {
        self.jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, (organisation, progress));
    }

    /// Changes a job's progress.
    pub fn update(&self, id: &Id, f: impl FnOnce(&mut Progress)) {
        let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, progress)) = jobs.get_mut(id) {
            f(progress);
        }
    }

    /// A job's progress, only for its own organisation.
    pub fn get(&self, organisation: OrganisationId, id: &Id) -> Option<Progress> {
        let jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        jobs.get(id)
            .filter(|(org, _)| *org == organisation)
            .map(|(_, p)| p.clone())
    }
}
