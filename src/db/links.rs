//! PostgreSQL: the last link `(seq, hash)` of each organization's audit chain as this process
//! committed it, so that an append does not read the chain's tail first (one statement less,
//! under the organization's lock, on every write).
//!
//! Other processes (a second API server, a `coffre worker`, an admin command) append too, so a
//! link kept here may be behind the database. [`super::audit::append`] guards against that:
//! chains are dense (`seq` 1, 2, 3, ...) and never shortened, so a link that is behind makes
//! the next `seq` one that is taken, the insert (`ON CONFLICT DO NOTHING`) writes nothing,
//! and the append reads the tail and writes again. A link is kept only once the transaction
//! that wrote it has committed: a rolled-back entry never becomes the next one's link.

use std::collections::HashMap;
use std::sync::Mutex;

/// Organizations kept at most; past that the map starts again empty (a miss costs one read).
const MAX_ORGANIZATIONS: usize = 65_536;

#[derive(Default)]
pub struct CommittedLinks {
    last: Mutex<HashMap<String, (i64, String)>>,
}

impl CommittedLinks {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, (i64, String)>> {
        self.last.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, id_organization: &str) -> Option<(i64, String)> {
        self.map().get(id_organization).cloned()
    }

    /// Keeps the links of a committed transaction. A link older than the one kept (another
    /// transaction of this process committed a later one first) is ignored.
    pub fn publish(&self, links: Vec<(String, i64, String)>) {
        let mut map = self.map();
        if map.len() >= MAX_ORGANIZATIONS {
            map.clear();
        }
        for (org, seq, hash) in links {
            match map.get(&org) {
                Some((kept, _)) if *kept >= seq => {}
                _ => {
                    map.insert(org, (seq, hash));
                }
            }
        }
    }

    pub fn forget(&self, id_organization: &str) {
        self.map().remove(id_organization);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_link_is_never_replaced_by_an_earlier_one() {
        let links = CommittedLinks::default();
        links.publish(vec![("o".into(), 5, "h5".into())]);
        links.publish(vec![("o".into(), 4, "h4".into())]);
        assert_eq!(links.get("o"), Some((5, "h5".into())));
        links.publish(vec![("o".into(), 6, "h6".into())]);
        assert_eq!(links.get("o"), Some((6, "h6".into())));
        links.forget("o");
        assert_eq!(links.get("o"), None);
    }
}
