//! Lookups that arrive together, answered by one query. Every public answer starts by reading
//! its link; sixty-four of them at once were sixty-four queries, each a round trip to the
//! database and, on SQLite, a fresh read of pages the last commit made stale. A [`Batcher`]
//! collects the keys asked for while earlier queries run and reads them with one `IN (…)`
//! query: one lookup alone is still answered at once.

use std::{collections::HashMap, future::Future, hash::Hash, sync::Arc};

use tokio::sync::{Semaphore, mpsc, oneshot};

use crate::{StoreError, StoreResult};

/// Most keys in one query.
const MOST_KEYS: usize = 256;

/// Most queries running at once: while they run, the next keys gather.
const MOST_RUNNING: usize = 2;

type Reply<V> = oneshot::Sender<StoreResult<Option<V>>>;

/// Answers lookups of `K` by batches; see the [module](self).
#[derive(Debug)]
pub struct Batcher<K, V> {
    lookups: mpsc::UnboundedSender<(K, Reply<V>)>,
}

impl<K, V> Clone for Batcher<K, V> {
    fn clone(&self) -> Self {
        Batcher {
            lookups: self.lookups.clone(),
        }
    }
}

impl<K, V> Batcher<K, V>
where
    K: Eq + Hash + Clone + Send + 'static,
    V: Clone + Send + 'static,
{
    /// Starts the batcher on the current runtime; `load` reads the values of the keys it is
    /// given (a key without a value is missing from the map). It stops when the last clone of
    /// the batcher is dropped.
    pub fn start<F, Fut>(load: F) -> Self
    where
        F: Fn(Vec<K>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = StoreResult<HashMap<K, V>>> + Send + 'static,
    {
        let (lookups, waiting) = mpsc::unbounded_channel();
        tokio::spawn(serve(waiting, Arc::new(load)));
        Batcher { lookups }
    }

    /// The value of `key`, read together with whatever else is being looked up.
    pub async fn get(&self, key: K) -> StoreResult<Option<V>> {
        let (reply, value) = oneshot::channel();
        let stopped = || StoreError::database("the lookup batcher stopped");
        self.lookups.send((key, reply)).map_err(|_| stopped())?;
        value.await.map_err(|_| stopped())?
    }
}

async fn serve<K, V, F, Fut>(mut waiting: mpsc::UnboundedReceiver<(K, Reply<V>)>, load: Arc<F>)
where
    K: Eq + Hash + Clone + Send + 'static,
    V: Clone + Send + 'static,
    F: Fn(Vec<K>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = StoreResult<HashMap<K, V>>> + Send + 'static,
{
    let running = Arc::new(Semaphore::new(MOST_RUNNING));
    while let Some(first) = waiting.recv().await {
        // Wait for a free slot first: the keys asked for meanwhile join this batch.
        let Ok(slot) = Arc::clone(&running).acquire_owned().await else {
            return;
        };
        let mut batch = vec![first];
        while batch.len() < MOST_KEYS {
            match waiting.try_recv() {
                Ok(lookup) => batch.push(lookup),
                Err(_) => break,
            }
        }
        let load = Arc::clone(&load);
        tokio::spawn(async move {
            let keys: Vec<K> = batch.iter().map(|(key, _)| key.clone()).collect();
            match load(keys).await {
                Ok(values) => {
                    for (key, reply) in batch {
                        let _ = reply.send(Ok(values.get(&key).cloned()));
                    }
                }
                Err(e) => {
                    for (_, reply) in batch {
                        let _ = reply.send(Err(again(&e)));
                    }
                }
            }
            drop(slot);
        });
    }
}

/// The error of a batch's query, for each lookup in it.
fn again(error: &StoreError) -> StoreError {
    match error {
        StoreError::Conflict(rule) => StoreError::Conflict(rule),
        StoreError::UnsupportedUrl(url) => StoreError::UnsupportedUrl(url.clone()),
        StoreError::Busy => StoreError::Busy,
        StoreError::Keys(why) => StoreError::Keys(why.clone()),
        StoreError::Corrupt { column, value } => StoreError::Corrupt {
            column: column.clone(),
            value: value.clone(),
        },
        StoreError::Database(e) => StoreError::database(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[tokio::test]
    async fn lookups_made_together_share_queries_and_each_gets_its_own_value() {
        let queries = Arc::new(Mutex::new(Vec::<usize>::new()));
        let seen = Arc::clone(&queries);
        let batcher = Batcher::start(move |keys: Vec<u32>| {
            seen.lock().expect("lock").push(keys.len());
            async move {
                tokio::task::yield_now().await;
                Ok(keys
                    .into_iter()
                    .filter(|k| k % 2 == 0)
                    .map(|k| (k, k * 10))
                    .collect())
            }
        });
        let answers = futures_join(&batcher, 0..100).await;
        for (key, value) in (0..100).zip(answers) {
            let expected = (key % 2 == 0).then_some(key * 10);
            assert_eq!(value.expect("answered"), expected, "key {key}");
        }
        let queries = queries.lock().expect("lock");
        assert_eq!(queries.iter().sum::<usize>(), 100);
        assert!(
            queries.len() < 100,
            "{} queries for 100 lookups",
            queries.len()
        );
    }

    #[tokio::test]
    async fn a_failed_query_fails_each_of_its_lookups() {
        let batcher: Batcher<u32, u32> = Batcher::start(|_keys| async { Err(StoreError::Busy) });
        for result in futures_join(&batcher, 0..3).await {
            assert!(matches!(result, Err(StoreError::Busy)));
        }
    }

    async fn futures_join(
        batcher: &Batcher<u32, u32>,
        keys: std::ops::Range<u32>,
    ) -> Vec<StoreResult<Option<u32>>> {
        let tasks: Vec<_> = keys
            .map(|key| {
                let batcher = batcher.clone();
                tokio::spawn(async move { batcher.get(key).await })
            })
            .collect();
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await.expect("lookup task"));
        }
        results
    }
}
