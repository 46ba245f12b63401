//! Which `Idempotency-Key` claim the change being written belongs to.
//!
//! The idempotency middleware runs a keyed request inside [`within`]; every change a request
//! makes appends an audit entry, and the store notes the claim's token beside that entry, in
//! the change's own transaction. A server killed after the change committed but before its
//! answer was kept leaves the mark behind: a retry that takes over the expired claim finds it
//! and refuses to make the change a second time.

use std::future::Future;

tokio::task_local! {
    static CLAIM: [u8; 16];
}

/// Runs `work` as part of the keyed request holding the claim `token`.
pub async fn within<F: Future>(token: [u8; 16], work: F) -> F::Output {
    CLAIM.scope(token, work).await
}

/// Runs `work` under `token` if there is one (work handed from a request to another task).
pub async fn within_if<F: Future>(token: Option<[u8; 16]>, work: F) -> F::Output {
    match token {
        Some(token) => within(token, work).await,
        None => work.await,
    }
}

/// The claim token of the keyed request running on this task, if any.
pub fn current() -> Option<[u8; 16]> {
    CLAIM.try_with(|token| *token).ok()
}

/// `work` to be spawned on its own task, still counted as part of the current keyed request
/// (a task-local does not follow `tokio::spawn` on its own).
pub fn carry<F: Future>(work: F) -> impl Future<Output = F::Output> {
    within_if(current(), work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_token_is_seen_inside_its_scope_and_in_work_carried_to_another_task() {
        assert_eq!(current(), None);
        let seen = within([7; 16], async {
            let inside = current();
            let spawned = tokio::spawn(carry(async { current() }));
            let bare = tokio::spawn(async { current() });
            (
                inside,
                spawned.await.ok().flatten(),
                bare.await.ok().flatten(),
            )
        })
        .await;
        assert_eq!(seen, (Some([7; 16]), Some([7; 16]), None));
        assert_eq!(current(), None);
    }
}
