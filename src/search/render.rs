//! A parsed query as SQL for each backend. Every piece of user text is a bound parameter,
//! and the only text bound into an engine's query syntax (the FTS5 `MATCH` string) is made
//! of tokens of letters and digits, each quoted.

use super::query::{Clause, SearchQuery};

/// PostgreSQL's text search configuration (migration 0008): French, accents folded.
pub const PG_CONFIG: &str = "'coffre_search'";

/// Marks the start and end of a match in snippets, before [`snippet_html`] makes them tags.
pub const MARK_START: &str = "\u{e000}";
pub const MARK_END: &str = "\u{e001}";

/// A value bound to a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Int(i64),
}

/// Parameters of a statement being written: `push` returns the placeholder for a new value.
#[derive(Debug, Default)]
pub struct Params {
    pub args: Vec<Arg>,
}

impl Params {
    pub fn text(&mut self, value: impl Into<String>) -> String {
        self.args.push(Arg::Text(value.into()));
        format!("${}", self.args.len())
    }

    pub fn int(&mut self, value: i64) -> String {
        self.args.push(Arg::Int(value));
        format!("${}", self.args.len())
    }
}

/// An FTS5 `MATCH` expression for these clauses, all of which must match.
pub fn fts5_all<'a>(clauses: impl IntoIterator<Item = &'a Clause>) -> String {
    clauses.into_iter().map(fts5_clause).collect::<Vec<_>>().join(" AND ")
}

/// An FTS5 `MATCH` expression matching any of these clauses.
pub fn fts5_any<'a>(clauses: impl IntoIterator<Item = &'a Clause>) -> String {
    clauses.into_iter().map(fts5_clause).collect::<Vec<_>>().join(" OR ")
}

/// The positive clauses, minus the negated ones, as one FTS5 expression; `None` when
/// nothing positive is asked.
pub fn fts5_query(query: &SearchQuery) -> Option<String> {
    query.positive().next()?;
    let positive = fts5_all(query.positive());
    Some(match query.negative().next() {
        None => positive,
        Some(_) => format!("({positive}) NOT ({})", fts5_any(query.negative())),
    })
}

/// `"fa 2024 0012"*`: a phrase (one token or more) whose tokens hold letters and digits only,
/// so the quotes need no escaping.
fn fts5_clause(clause: &Clause) -> String {
    debug_assert!(clause.tokens.iter().all(|t| t.chars().all(char::is_alphanumeric)));
    format!("\"{}\"{}", clause.tokens.join(" "), if clause.prefix { "*" } else { "" })
}

/// A PostgreSQL `tsquery` expression for one clause, its tokens bound.
fn pg_clause(clause: &Clause, params: &mut Params) -> String {
    let (last, leading) = clause.tokens.split_last().expect("a clause has tokens");
    if !clause.prefix {
        return format!("phraseto_tsquery({PG_CONFIG}, {})", params.text(clause.tokens.join(" ")));
    }
    let last = format!("to_tsquery({PG_CONFIG}, quote_literal({}) || ':*')", params.text(last.as_str()));
    if leading.is_empty() {
        return last;
    }
    format!("tsquery_phrase(phraseto_tsquery({PG_CONFIG}, {}), {last})", params.text(leading.join(" ")))
}

/// All of these clauses, as one `tsquery` expression.
pub fn pg_all<'a>(clauses: impl IntoIterator<Item = &'a Clause>, params: &mut Params) -> String {
    let parts: Vec<String> = clauses.into_iter().map(|c| pg_clause(c, params)).collect();
    format!("({})", parts.join(" && "))
}

/// Any of these clauses, as one `tsquery` expression.
pub fn pg_any<'a>(clauses: impl IntoIterator<Item = &'a Clause>, params: &mut Params) -> String {
    let parts: Vec<String> = clauses.into_iter().map(|c| pg_clause(c, params)).collect();
    format!("({})", parts.join(" || "))
}

/// The positive clauses minus the negated ones as one `tsquery`; `None` when nothing
/// positive is asked.
pub fn pg_query(query: &SearchQuery, params: &mut Params) -> Option<String> {
    query.positive().next()?;
    let positive = pg_all(query.positive(), params);
    Some(match query.negative().next() {
        None => positive,
        Some(_) => format!("({positive} && !!{})", pg_any(query.negative(), params)),
    })
}

/// A snippet from either engine as HTML: text escaped, matches in `<mark>`, whitespace
/// collapsed.
pub fn snippet_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{e000}' => out.push_str("<mark>"),
            '\u{e001}' => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse;

    #[test]
    fn fts5_quotes_every_token() {
        let q = parse(r#"FA-2024-0012 "bon de" -avoir -"note frais" OR fac"#).unwrap();
        assert_eq!(
            fts5_query(&q).unwrap(),
            r#"("fa 2024 0012" AND "bon de" AND "or" AND "fac"*) NOT ("avoir" OR "note frais")"#
        );
        assert_eq!(fts5_query(&parse("-avoir").unwrap()), None);
        assert_eq!(fts5_any(parse("-avoir").unwrap().negative()), r#""avoir""#);
    }

    #[test]
    fn postgres_binds_every_token() {
        let mut params = Params::default();
        let q = parse("FA-2024-0012 -avoir").unwrap();
        assert_eq!(
            pg_query(&q, &mut params).unwrap(),
            "((phraseto_tsquery('coffre_search', $1)) && !!(phraseto_tsquery('coffre_search', $2)))"
        );
        assert_eq!(params.args, vec![Arg::Text("fa 2024 0012".into()), Arg::Text("avoir".into())]);
        let mut params = Params::default();
        assert_eq!(
            pg_query(&parse("fa-20").unwrap(), &mut params).unwrap(),
            "(tsquery_phrase(phraseto_tsquery('coffre_search', $2), to_tsquery('coffre_search', quote_literal($1) || ':*')))"
        );
        assert_eq!(params.args, vec![Arg::Text("20".into()), Arg::Text("fa".into())]);
    }

    #[test]
    fn snippets_are_escaped_html() {
        assert_eq!(snippet_html("<b>Soci\u{e000}été\u{e001}\n\n & co'"), "&lt;b&gt;Soci<mark>été</mark> &amp; co&#39;");
    }
}
