//! The catalogues: every string the interface shows, one file per language
//! (`src/web/i18n/fr.txt`, `en.txt`, lines `key = text`). French by default; English when
//! chosen with the switch (a `lang` cookie) or preferred by `Accept-Language`.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::http::{header, HeaderMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

static FR: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| parse(include_str!("i18n/fr.txt")));
static EN: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| parse(include_str!("i18n/en.txt")));

fn parse(text: &'static str) -> HashMap<&'static str, &'static str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// The strings of one language.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let chosen = super::session::cookie(headers, "lang");
        let lang = match chosen {
            Some("en") => Lang::En,
            Some("fr") => Lang::Fr,
            _ => from_accept_language(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok())),
        };
        Self { lang }
    }

    pub fn code(&self) -> &'static str {
        match self.lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The text of `key`; the key itself if a catalogue lacks it (a test forbids that).
    pub fn get(&self, key: impl AsRef<str>) -> String {
        let table = match self.lang {
            Lang::Fr => &*FR,
            Lang::En => &*EN,
        };
        let key = key.as_ref();
        table.get(key).copied().unwrap_or(key).to_owned()
    }

    /// The `js.*` strings as a JSON object, with `<` escaped so it cannot end its script block.
    pub fn js_strings(&self) -> String {
        let table = match self.lang {
            Lang::Fr => &*FR,
            Lang::En => &*EN,
        };
        let map: std::collections::BTreeMap<&str, &str> =
            table.iter().filter_map(|(k, v)| k.strip_prefix("js.").map(|k| (k, *v))).collect();
        serde_json::to_string(&map).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c")
    }
}

/// English when the first language the browser names that we have is English.
fn from_accept_language(value: Option<&str>) -> Lang {
    let Some(value) = value else { return Lang::Fr };
    let mut ranked: Vec<(f32, &str)> = value
        .split(',')
        .filter_map(|part| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            let q = it.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
            Some((q, tag))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, tag) in ranked {
        let primary = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "fr" => return Lang::Fr,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::Fr
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_have_the_same_keys() {
        let mut fr: Vec<_> = FR.keys().collect();
        let mut en: Vec<_> = EN.keys().collect();
        fr.sort();
        en.sort();
        assert_eq!(fr, en);
        assert!(fr.len() > 50);
    }

    #[test]
    fn accept_language_picks_english_only_when_preferred() {
        assert_eq!(from_accept_language(Some("en-GB,en;q=0.9,fr;q=0.8")), Lang::En);
        assert_eq!(from_accept_language(Some("de-DE,fr;q=0.9,en;q=0.8")), Lang::Fr);
        assert_eq!(from_accept_language(Some("fr;q=0.5, en;q=0.9")), Lang::En);
        assert_eq!(from_accept_language(None), Lang::Fr);
    }
}
