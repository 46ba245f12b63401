//! The body budget: request-body bytes the server holds at once, over all requests and per
//! client address. Bytes are taken as they arrive and given back when their request is
//! answered, so a client declaring large bodies and trickling them holds only what it sent.

use crate::http::client::Client;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
};

/// Why a body's next bytes were not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The server holds its whole budget.
    Spent,
    /// This client address holds its whole share.
    ShareSpent,
}

/// Bytes held now, overall and per client address.
pub struct Budget {
    total: usize,
    per_client: usize,
    held: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    total: usize,
    by_client: HashMap<Client, usize>,
}

impl Budget {
    /// A budget of `total` bytes, of which one client address may hold `per_client`.
    pub fn new(total: usize, per_client: usize) -> Arc<Budget> {
        Arc::new(Budget {
            total,
            per_client: per_client.min(total),
            held: Mutex::new(Held::default()),
        })
    }

    /// An empty holding for one request's body from `client`.
    pub fn holding(self: &Arc<Budget>, client: Client) -> Holding {
        Holding {
            budget: Arc::clone(self),
            client,
            bytes: Mutex::new(0),
        }
    }

    /// Bytes held now, overall.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.lock().total
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn take(&self, client: Client, bytes: usize) -> Result<(), Refusal> {
        let mut held = self.lock();
        let from_client = held.by_client.get(&client).copied().unwrap_or(0);
        if from_client.saturating_add(bytes) > self.per_client {
            return Err(Refusal::ShareSpent);
        }
        if held.total.saturating_add(bytes) > self.total {
            return Err(Refusal::Spent);
        }
        held.total += bytes;
        held.by_client.insert(client, from_client + bytes);
        Ok(())
    }

    fn give_back(&self, client: Client, bytes: usize) {
        if bytes == 0 {
            return;
        }
        let mut held = self.lock();
        held.total = held.total.saturating_sub(bytes);
        if let Some(from_client) = held.by_client.get_mut(&client) {
            *from_client = from_client.saturating_sub(bytes);
            if *from_client == 0 {
                held.by_client.remove(&client);
            }
        }
    }
}

/// What one request's body holds of the budget; given back whole when dropped.
pub struct Holding {
    budget: Arc<Budget>,
    client: Client,
    bytes: Mutex<usize>,
}

impl Holding {
    /// Takes `bytes` more for this body, never waiting: refused when the server or this
    /// client address would hold more than it may.
    pub fn take(&self, bytes: usize) -> Result<(), Refusal> {
        let mut held = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        self.budget.take(self.client, bytes)?;
        *held += bytes;
        Ok(())
    }
}

impl Drop for Holding {
    fn drop(&mut self) {
        let bytes = *self.bytes.get_mut().unwrap_or_else(PoisonError::into_inner);
        self.budget.give_back(self.client, bytes);
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};

    use super::*;

    fn client(n: u8) -> Client {
        Client::of(IpAddr::V4(Ipv4Addr::new(10, 0, 0, n)))
    }

    #[test]
    fn a_client_holds_at_most_its_share_and_everyone_at_most_the_budget() {
        let budget = Budget::new(100, 40);
        let one = budget.holding(client(1));
        let two = budget.holding(client(1));
        assert_eq!(one.take(30), Ok(()));
        assert_eq!(two.take(10), Ok(()));
        // The client's share is spent over its two bodies together.
        assert_eq!(two.take(1), Err(Refusal::ShareSpent));
        // Others still have the rest of the budget, up to their own shares.
        let others: Vec<Holding> = (2..=3).map(|n| budget.holding(client(n))).collect();
        assert_eq!(others[0].take(40), Ok(()));
        assert_eq!(others[1].take(20), Ok(()));
        assert_eq!(others[1].take(1), Err(Refusal::Spent));
        assert_eq!(budget.held(), 100);
    }

    #[test]
    fn a_holding_gives_back_everything_it_took_when_dropped() {
        let budget = Budget::new(100, 60);
        let one = budget.holding(client(1));
        one.take(25).expect("room");
        one.take(35).expect("room");
        assert_eq!(one.take(1), Err(Refusal::ShareSpent));
        drop(one);
        assert_eq!(budget.held(), 0);
        let again = budget.holding(client(1));
        assert_eq!(again.take(60), Ok(()));
    }

    #[test]
    fn a_refused_take_holds_nothing() {
        let budget = Budget::new(10, 10);
        let one = budget.holding(client(1));
        assert_eq!(one.take(11), Err(Refusal::ShareSpent));
        assert_eq!(budget.held(), 0);
        drop(one);
        assert_eq!(budget.held(), 0);
    }

    #[test]
    fn bodies_taking_at_once_never_hold_more_than_the_budget() {
        let budget = Budget::new(1000, 1000);
        let taken: usize = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..8u8)
                .map(|n| {
                    let budget = &budget;
                    scope.spawn(move || {
                        let holding = budget.holding(client(n));
                        let mut taken = 0;
                        while holding.take(7).is_ok() {
                            taken += 7;
                        }
                        std::mem::forget(holding);
                        taken
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().expect("worker")).sum()
        });
        assert!(taken <= 1000 && taken > 1000 - 8 * 7, "{taken}");
        assert_eq!(budget.held(), taken);
    }
}
