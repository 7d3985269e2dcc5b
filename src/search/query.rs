//! The search query language, parsed once for both backends.
//!
//! - words are matched whole, case and accents ignored: `societe` finds "Société";
//! - `"a phrase"` matches its words in that order, next to each other;
//! - the last word of the query (outside quotes) also matches as a prefix: `fact` finds
//!   "facture"; a trailing `*` asks for a prefix anywhere: `fourn* orange`;
//! - `-word` or `-"a phrase"` excludes the files that match it.
//!
//! Everything else is plain text: punctuation splits words (`FA-2024-0012` is the phrase
//! `fa 2024 0012`), operators of the engines (`AND`, `OR`, `NOT`, `NEAR`, `:`, `^`,
//! parentheses) are words or separators like any other, an unbalanced quote runs to the end.

/// Longest accepted query, in characters.
pub const MAX_CHARS: usize = 512;
/// Most clauses (words, phrases, exclusions) in a query.
pub const MAX_CLAUSES: usize = 32;
/// Longest word kept, in characters (longer ones are cut: no real word is this long).
const MAX_TOKEN_CHARS: usize = 64;
/// A shorter last word is not searched as a prefix (one letter would match most files).
const MIN_PREFIX_CHARS: usize = 2;

/// A parsed query: what must match, and what must not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub clauses: Vec<Clause>,
}

/// One word, several words written together (`FA-2024-0012`) or a quoted phrase: its tokens
/// must appear next to each other in this order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Lowercase runs of letters and digits; never empty.
    pub tokens: Vec<String>,
    /// The last token also matches as a prefix.
    pub prefix: bool,
    pub negated: bool,
    /// The text as typed (without `-` and quotes), to recognise identifiers and amounts.
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("has no word to search for")]
    Empty,
    #[error("is longer than {MAX_CHARS} characters")]
    TooLong,
    #[error("has more than {MAX_CLAUSES} words or phrases")]
    TooManyClauses,
}

impl SearchQuery {
    pub fn positive(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.negated)
    }

    pub fn negative(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.negated)
    }

    /// The words to find, as typed, one space apart: what identifiers and amounts are read from.
    pub fn positive_text(&self) -> String {
        self.positive().map(|c| c.raw.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// Parses what a user typed. Errors only for a query with nothing to search or an abusive size.
pub fn parse(input: &str) -> Result<SearchQuery, ParseError> {
    if input.chars().count() > MAX_CHARS {
        return Err(ParseError::TooLong);
    }
    let mut clauses = Vec::new();
    let mut chars = input.chars().map(|c| if c.is_control() { ' ' } else { c }).peekable();
    let mut last_bare = None;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-';
        if negated {
            chars.next();
        }
        let (raw, quoted) = if chars.peek() == Some(&'"') {
            chars.next();
            (chars.by_ref().take_while(|&c| c != '"').collect::<String>(), true)
        } else {
            let mut raw = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                raw.push(c);
                chars.next();
            }
            (raw, false)
        };
        let tokens = tokens(&raw);
        if tokens.is_empty() {
            continue;
        }
        let star = !quoted && raw.trim_end().ends_with('*');
        last_bare = (!quoted && !negated).then_some(clauses.len());
        clauses.push(Clause { tokens, prefix: star, negated, raw: raw.trim().to_owned() });
    }
    // Only when the query ends with that word: the user may still be typing it.
    if let Some(i) = last_bare.filter(|&i| i + 1 == clauses.len()) {
        let last = clauses[i].tokens.last().map_or(0, |t| t.chars().count());
        clauses[i].prefix |= last >= MIN_PREFIX_CHARS;
    }
    if clauses.len() > MAX_CLAUSES {
        return Err(ParseError::TooManyClauses);
    }
    if clauses.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(SearchQuery { clauses })
}

/// The words of `text`: maximal runs of letters and digits, lowercased. The same split as
/// SQLite's `unicode61` tokenizer and as PostgreSQL's parser once punctuation is blanked.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(MAX_TOKEN_CHARS).flat_map(char::to_lowercase).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(tokens: &[&str], prefix: bool, negated: bool, raw: &str) -> Clause {
        Clause { tokens: tokens.iter().map(|t| t.to_string()).collect(), prefix, negated, raw: raw.into() }
    }

    fn parsed(input: &str) -> Vec<Clause> {
        parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}")).clauses
    }

    #[test]
    fn words_phrases_prefix_and_exclusions() {
        assert_eq!(
            parsed(r#"Société "bon de commande" -avoir fact"#),
            vec![
                clause(&["société"], false, false, "Société"),
                clause(&["bon", "de", "commande"], false, false, "bon de commande"),
                clause(&["avoir"], false, true, "avoir"),
                clause(&["fact"], true, false, "fact"),
            ]
        );
        assert_eq!(
            parsed("four* orange"),
            vec![clause(&["four"], true, false, "four*"), clause(&["orange"], true, false, "orange")]
        );
        assert_eq!(parsed(r#"-"note de frais""#), vec![clause(&["note", "de", "frais"], false, true, "note de frais")]);
    }

    #[test]
    fn the_last_word_is_a_prefix_only_when_the_query_ends_with_it() {
        assert_eq!(parsed("edf x"), vec![clause(&["edf"], false, false, "edf"), clause(&["x"], false, false, "x")]);
        assert_eq!(
            parsed("edf -gaz"),
            vec![clause(&["edf"], false, false, "edf"), clause(&["gaz"], false, true, "gaz")]
        );
        assert!(!parsed(r#"edf "gaz""#)[1].prefix);
    }

    #[test]
    fn identifiers_are_phrases_of_their_parts() {
        assert_eq!(parsed("FA-2024-0012"), vec![clause(&["fa", "2024", "0012"], true, false, "FA-2024-0012")]);
        assert_eq!(parsed("1234,56 x")[0], clause(&["1234", "56"], false, false, "1234,56"));
    }

    #[test]
    fn engine_syntax_is_plain_text() {
        assert_eq!(
            parsed("a AND b"),
            vec![
                clause(&["a"], false, false, "a"),
                clause(&["and"], false, false, "AND"),
                clause(&["b"], false, false, "b"),
            ]
        );
        assert_eq!(parsed("NEAR(a b)")[0].tokens, vec!["near", "a"]);
        assert_eq!(parsed("name:edf")[0].tokens, vec!["name", "edf"]);
        assert_eq!(parsed("(x OR y)").len(), 3);
        assert_eq!(parsed("^edf")[0].tokens, vec!["edf"]);
        assert_eq!(parsed("a'b:c&d|e!f<->g")[0].tokens, vec!["a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn hostile_input_never_breaks_the_parser() {
        assert_eq!(
            parsed(r#""unbalanced quote"#),
            vec![clause(&["unbalanced", "quote"], false, false, "unbalanced quote")]
        );
        assert_eq!(parsed(r#"edf ""#), vec![clause(&["edf"], true, false, "edf")]);
        assert_eq!(parsed("- edf"), vec![clause(&["edf"], true, false, "edf")]);
        assert!(parsed("--edf")[0].negated);
        assert_eq!(
            parsed("edf\u{0}\u{7}gaz\r\n"),
            vec![clause(&["edf"], false, false, "edf"), clause(&["gaz"], true, false, "gaz")]
        );
        for nothing in ["", "   ", "-", "*", ":", "\"\"", "- * : ( ) \"", "\u{0}\u{1b}"] {
            assert_eq!(parse(nothing), Err(ParseError::Empty), "{nothing:?}");
        }
        assert_eq!(parse(&"a".repeat(MAX_CHARS + 1)), Err(ParseError::TooLong));
        assert_eq!(parse(&"ab ".repeat(MAX_CLAUSES + 1)), Err(ParseError::TooManyClauses));
        let long_word = parsed(&"x".repeat(MAX_CHARS));
        assert_eq!(long_word[0].tokens[0].len(), MAX_TOKEN_CHARS);
    }

    #[test]
    fn tokens_are_letters_and_digits_lowercased() {
        assert_eq!(tokens("N°42 Été-2024 l'EDF"), vec!["n", "42", "été", "2024", "l", "edf"]);
        assert!(tokens("€ — « »").is_empty());
    }
}
