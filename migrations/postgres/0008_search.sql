-- Full-text search (PostgreSQL). One search document per file (its name, reference, OCR text
-- and extracted fields) with a tsvector under a GIN index, and the identifiers and amounts it
-- holds, normalised, for exact matches. Triggers keep them in step with files and OCR jobs, in
-- the transaction that changes them: no write path can forget them, no instance can disagree.

-- Both are trusted extensions of PostgreSQL 15's contrib: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- French, accents folded, without stemming: SQLite's FTS5 (unicode61, remove_diacritics 2)
-- does not stem, and both databases must find the same files. A prefix on the last word
-- covers plurals and conjugations on both.
CREATE TEXT SEARCH CONFIGURATION coffre_search (COPY = french);
ALTER TEXT SEARCH CONFIGURATION coffre_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
    WITH unaccent, simple;

-- The text the parser reads: ASCII punctuation blanked, so that "FA-2024-0012" is the words
-- fa, 2024, 0012 (not fa, -2024, -0012) and "1234.56" is 1234, 56, as in SQLite's unicode61.
CREATE FUNCTION search_words(t TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(t, '[[:punct:]]+', ' ', 'g');

CREATE TABLE search_docs (
    id_file         TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL,
    name            TEXT NOT NULL,
    reference       TEXT NOT NULL,
    -- The OCR text of the file's current content, pages one per line.
    body            TEXT NOT NULL,
    -- Extracted supplier name and identifiers, as text.
    fields          TEXT NOT NULL,
    fields_json     JSONB,
    tsv             TSVECTOR NOT NULL
);
-- Every match's tsvector is read to rank it, the body only for a page's snippets: the tsvector
-- (about 2.5 kB compressed for a page of OCR text) stays in the row rather than in TOAST, one
-- page read per match instead of a TOAST index lookup and several chunks.
ALTER TABLE search_docs ALTER COLUMN tsv SET STORAGE MAIN;
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
CREATE INDEX search_docs_org ON search_docs (id_organization);

-- kind: reference, invoiceNumber, siren, siret, vatNumber, iban (value: uppercase, without
-- spaces, dashes, dots, slashes, underscores), or totalIncludingTax, totalExcludingTax,
-- totalTax (value: integer cents).
CREATE TABLE search_identifiers (
    id_file         TEXT NOT NULL,
    id_organization TEXT NOT NULL,
    kind            TEXT NOT NULL,
    value           TEXT NOT NULL
);
CREATE INDEX search_identifiers_value ON search_identifiers (id_organization, value);
CREATE INDEX search_identifiers_file ON search_identifiers (id_file);

-- Rebuilds the search document and identifiers of one file: the one place that knows what is
-- searched. OCR text and fields count only from a done job that read the file's current
-- content.
CREATE FUNCTION search_refresh(file_id TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    d search_docs%ROWTYPE;
BEGIN
    DELETE FROM search_docs WHERE id_file = file_id;
    DELETE FROM search_identifiers WHERE id_file = file_id;
    SELECT f.id, f.id_organization, f.name, COALESCE(f.reference, ''),
        COALESCE((SELECT string_agg(p->>'text', E'\n')
                  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j.result::jsonb->'pages') = 'array'
                                            THEN j.result::jsonb->'pages' ELSE '[]'::jsonb END) p), ''),
        concat_ws(' ', j.result::jsonb #>> '{fields,supplierName,value}', j.result::jsonb #>> '{fields,invoiceNumber,value}',
                  j.result::jsonb #>> '{fields,siren,value}', j.result::jsonb #>> '{fields,siret,value}',
                  j.result::jsonb #>> '{fields,vatNumber,value}', j.result::jsonb #>> '{fields,iban,value}'),
        j.result::jsonb->'fields'
    INTO d.id_file, d.id_organization, d.name, d.reference, d.body, d.fields, d.fields_json
    FROM files f
    LEFT JOIN ocr_jobs j ON j.id = f.id_ocr_job AND j.sha256 = f.sha256 AND j.status = 'done'
    WHERE f.id = file_id;
    IF d.id_file IS NULL THEN
        RETURN;
    END IF;
    d.tsv := setweight(to_tsvector('coffre_search', search_words(d.name)), 'A')
        || setweight(to_tsvector('coffre_search', search_words(d.reference)), 'A')
        || setweight(to_tsvector('coffre_search', search_words(d.fields)), 'B')
        || setweight(to_tsvector('coffre_search', search_words(d.body)), 'D');
    -- Two transactions may rebuild the same file at once: the later one wins, neither fails.
    INSERT INTO search_docs VALUES (d.*) ON CONFLICT (id_file) DO UPDATE SET
        id_organization = EXCLUDED.id_organization, name = EXCLUDED.name, reference = EXCLUDED.reference,
        body = EXCLUDED.body, fields = EXCLUDED.fields, fields_json = EXCLUDED.fields_json, tsv = EXCLUDED.tsv;
    INSERT INTO search_identifiers (id_file, id_organization, kind, value)
    SELECT d.id_file, d.id_organization, kind, value FROM (
        SELECT kind, upper(translate(raw, ' -./_', '')) AS value FROM (VALUES
            ('reference', d.reference),
            ('invoiceNumber', d.fields_json #>> '{invoiceNumber,value}'),
            ('siren', d.fields_json #>> '{siren,value}'),
            ('siret', d.fields_json #>> '{siret,value}'),
            ('vatNumber', d.fields_json #>> '{vatNumber,value}'),
            ('iban', d.fields_json #>> '{iban,value}')) AS r (kind, raw)
        UNION ALL
        SELECT kind, (round(raw::numeric * 100))::BIGINT::TEXT FROM (VALUES
            ('totalIncludingTax', d.fields_json #>> '{totalIncludingTax,value}'),
            ('totalExcludingTax', d.fields_json #>> '{totalExcludingTax,value}'),
            ('totalTax', d.fields_json #>> '{totalTax,value}')) AS a (kind, raw)
        WHERE raw ~ '^[0-9]+(\.[0-9]+)?$'
    ) v WHERE value IS NOT NULL AND value <> '';
END;
$$;

CREATE FUNCTION files_search_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_docs WHERE id_file = OLD.id;
        DELETE FROM search_identifiers WHERE id_file = OLD.id;
        RETURN OLD;
    END IF;
    PERFORM search_refresh(NEW.id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER files_search_insert AFTER INSERT ON files
    FOR EACH ROW EXECUTE FUNCTION files_search_changed();
CREATE TRIGGER files_search_update AFTER UPDATE OF name, reference, id_ocr_job, sha256 ON files
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.reference IS DISTINCT FROM NEW.reference
        OR OLD.id_ocr_job IS DISTINCT FROM NEW.id_ocr_job OR OLD.sha256 IS DISTINCT FROM NEW.sha256)
    EXECUTE FUNCTION files_search_changed();
CREATE TRIGGER files_search_delete AFTER DELETE ON files
    FOR EACH ROW EXECUTE FUNCTION files_search_changed();

CREATE FUNCTION ocr_jobs_search_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh(f.id) FROM files f WHERE f.id_ocr_job = NEW.id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER ocr_jobs_search_update AFTER UPDATE OF status, result, sha256 ON ocr_jobs
    FOR EACH ROW WHEN (OLD.result IS DISTINCT FROM NEW.result OR OLD.sha256 IS DISTINCT FROM NEW.sha256
        OR (OLD.status = 'done') IS DISTINCT FROM (NEW.status = 'done'))
    EXECUTE FUNCTION ocr_jobs_search_changed();

-- Existing files.
SELECT search_refresh(id) FROM files;
