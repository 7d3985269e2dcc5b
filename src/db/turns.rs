//! PostgreSQL: the writers of one organization in this process take turns, first come first
//! served, before they ask for the organization's row lock.
//!
//! Every write of an organization locks its row (`SELECT ... FOR UPDATE`), so concurrent
//! writers of one organization run one at a time whatever happens here. Without a queue of
//! our own they all wait inside PostgreSQL, each holding a connection and a transaction, and
//! are woken together when the lock is released; which one gets it next is not first come,
//! first served, so under load a few wait many turns (a p99 several times the p50). Here each
//! waits in a FIFO queue (a `tokio::sync::Mutex` per organization), and asks PostgreSQL only
//! when its turn comes, usually finding the lock free.
//!
//! PostgreSQL's lock still decides (other instances share no queue with this one), and a turn
//! is never needed for correctness: a writer that has waited `PATIENCE` for its turn stops
//! queuing and asks PostgreSQL directly, so that a transaction that took a row lock of its own
//! before queuing can never wait here forever for one that waits for it in PostgreSQL (where
//! the deadlock detector sees them).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::OwnedMutexGuard;

/// How long a writer queues for its turn before it asks PostgreSQL without it.
const PATIENCE: Duration = Duration::from_secs(2);

/// The queues, one per organization with a writer waiting or writing.
#[derive(Default)]
pub struct Turns(Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

/// One writer's turn, held until its transaction ends; the next in the queue goes on when
/// it is dropped.
pub struct Turn {
    guard: Option<OwnedMutexGuard<()>>,
    turns: Arc<Turns>,
    key: String,
}

impl Turns {
    /// Waits for the organization's turn (at most `PATIENCE`: `None` past it).
    pub async fn take(self: &Arc<Self>, id_organization: &str) -> Option<Turn> {
        self.take_within(id_organization, PATIENCE).await
    }

    async fn take_within(self: &Arc<Self>, id_organization: &str, patience: Duration) -> Option<Turn> {
        let queue = {
            let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(id_organization.to_owned()).or_default().clone()
        };
        let guard = tokio::time::timeout(patience, queue.lock_owned()).await.ok();
        if guard.is_none() {
            tracing::debug!(id_organization, "no write turn within the patience: asking PostgreSQL directly");
        }
        // Either way a `Turn` owns the entry's cleanup; without the guard it only cleans up.
        let turn = Turn { guard, turns: self.clone(), key: id_organization.to_owned() };
        turn.guard.is_some().then_some(turn)
    }

    /// Organizations with a queue right now.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut map = self.turns.0.lock().unwrap_or_else(|e| e.into_inner());
        // No one else holds or waits for this queue (they would hold a clone): forget it.
        if map.get(&self.key).is_some_and(|queue| Arc::strong_count(queue) == 1) {
            map.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn writers_of_one_organization_take_turns_in_arrival_order() {
        let turns = Arc::new(Turns::default());
        let first = turns.take("org").await.expect("a free turn");
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut waiting = Vec::new();
        for i in 0..5 {
            let (queued, order) = (turns.clone(), order.clone());
            waiting.push(tokio::spawn(async move {
                let _turn = queued.take("org").await.expect("a turn within the patience");
                order.lock().unwrap().push(i);
            }));
            // Each queues before the next is spawned.
            while turns.0.lock().unwrap().get("org").map(Arc::strong_count) != Some(i + 3) {
                tokio::task::yield_now().await;
            }
        }
        let other = turns.take("other org").await;
        assert!(other.is_some(), "another organization does not wait");
        drop(other);
        drop(first);
        for w in waiting {
            w.await.unwrap();
        }
        assert_eq!(*order.lock().unwrap(), vec![0, 1, 2, 3, 4]);
        assert_eq!(turns.len(), 0, "no queue is kept once no one writes");
    }

    #[tokio::test]
    async fn a_writer_stops_queuing_after_the_patience() {
        let turns = Arc::new(Turns::default());
        let _held = turns.take("org").await.expect("a free turn");
        let late = turns.take_within("org", Duration::from_millis(50)).await;
        assert!(late.is_none(), "past the patience, no turn");
        assert_eq!(turns.len(), 1, "the holder's queue stays");
    }
}
