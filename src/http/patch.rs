//! A PATCH field: absent (leave unchanged), `null` (clear), or a value.

use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(d).map(|v| v.map_or(Patch::Null, Patch::Value))
    }
}

impl<T> Patch<T> {
    /// Applies the patch to a nullable value, parsing a new value with `parse`.
    pub fn apply<U, E>(self, current: Option<U>, parse: impl FnOnce(T) -> Result<U, E>) -> Result<Option<U>, E> {
        match self {
            Patch::Absent => Ok(current),
            Patch::Null => Ok(None),
            Patch::Value(v) => parse(v).map(Some),
        }
    }

    /// Parses a value, keeping absent and null as they are: for checking a body before the
    /// state it changes is loaded.
    pub fn parse<U, E>(self, parse: impl FnOnce(T) -> Result<U, E>) -> Result<Patch<U>, E> {
        match self {
            Patch::Absent => Ok(Patch::Absent),
            Patch::Null => Ok(Patch::Null),
            Patch::Value(v) => parse(v).map(Patch::Value),
        }
    }
}
