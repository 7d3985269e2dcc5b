-- Full-text search. One search document per file (its name, reference, OCR text and
-- extracted fields), an FTS5 index over it, and the identifiers and amounts it holds,
-- normalised, for exact matches. Triggers keep all three in step with files and OCR jobs, in
-- the transaction that changes them: no write path can forget them, no instance can disagree.

CREATE TABLE search_docs (
    id              INTEGER PRIMARY KEY,
    id_file         TEXT NOT NULL UNIQUE,
    id_organization TEXT NOT NULL,
    name            TEXT NOT NULL,
    reference       TEXT NOT NULL,
    -- The OCR text of the file's current content, pages one per line.
    body            TEXT NOT NULL,
    -- Extracted supplier name and identifiers, as text.
    fields          TEXT NOT NULL,
    -- The extracted fields as JSON ({invoiceNumber: {value}, ...}), for search_identifiers.
    fields_json     TEXT
);
CREATE INDEX search_docs_org ON search_docs (id_organization);

CREATE VIRTUAL TABLE search_fts USING fts5(
    name, reference, body, fields,
    content = 'search_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

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

CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, name, reference, body, fields)
    VALUES (NEW.id, NEW.name, NEW.reference, NEW.body, NEW.fields);
    INSERT INTO search_identifiers (id_file, id_organization, kind, value)
    SELECT NEW.id_file, NEW.id_organization, kind, value FROM (
        SELECT kind, upper(replace(replace(replace(replace(replace(CAST(raw AS TEXT),
            ' ', ''), '-', ''), '.', ''), '/', ''), '_', '')) AS value
        FROM (
            SELECT 'reference' AS kind, NEW.reference AS raw
            UNION ALL SELECT 'invoiceNumber', json_extract(NEW.fields_json, '$.invoiceNumber.value')
            UNION ALL SELECT 'siren', json_extract(NEW.fields_json, '$.siren.value')
            UNION ALL SELECT 'siret', json_extract(NEW.fields_json, '$.siret.value')
            UNION ALL SELECT 'vatNumber', json_extract(NEW.fields_json, '$.vatNumber.value')
            UNION ALL SELECT 'iban', json_extract(NEW.fields_json, '$.iban.value')
        )
    ) WHERE value IS NOT NULL AND value <> '';
    INSERT INTO search_identifiers (id_file, id_organization, kind, value)
    SELECT NEW.id_file, NEW.id_organization, a.kind, CAST(CAST(round(CAST(a.raw AS REAL) * 100) AS INTEGER) AS TEXT) FROM (
        SELECT 'totalIncludingTax' AS kind, json_extract(NEW.fields_json, '$.totalIncludingTax.value') AS raw
        UNION ALL SELECT 'totalExcludingTax', json_extract(NEW.fields_json, '$.totalExcludingTax.value')
        UNION ALL SELECT 'totalTax', json_extract(NEW.fields_json, '$.totalTax.value')
    ) a
    WHERE a.raw IS NOT NULL AND CAST(a.raw AS TEXT) GLOB '[0-9]*' AND CAST(a.raw AS TEXT) NOT GLOB '*[^0-9.]*';
END;

CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, name, reference, body, fields)
    VALUES ('delete', OLD.id, OLD.name, OLD.reference, OLD.body, OLD.fields);
    DELETE FROM search_identifiers WHERE id_file = OLD.id_file;
END;

-- Inserting a file id here rebuilds its search document: the one place that knows what is
-- searched. OCR text and fields count only from a done job that read the file's current
-- content.
CREATE VIEW search_refresh AS SELECT id AS id_file FROM files WHERE 0;

CREATE TRIGGER search_refresh_file INSTEAD OF INSERT ON search_refresh BEGIN
    DELETE FROM search_docs WHERE id_file = NEW.id_file;
    INSERT INTO search_docs (id_file, id_organization, name, reference, body, fields, fields_json)
    SELECT f.id, f.id_organization, f.name, COALESCE(f.reference, ''),
        COALESCE((SELECT group_concat(json_extract(p.value, '$.text'), char(10))
                  FROM json_each(j.result, '$.pages') p), ''),
        trim(COALESCE(json_extract(j.result, '$.fields.supplierName.value'), '') || ' ' ||
             COALESCE(json_extract(j.result, '$.fields.invoiceNumber.value'), '') || ' ' ||
             COALESCE(json_extract(j.result, '$.fields.siren.value'), '') || ' ' ||
             COALESCE(json_extract(j.result, '$.fields.siret.value'), '') || ' ' ||
             COALESCE(json_extract(j.result, '$.fields.vatNumber.value'), '') || ' ' ||
             COALESCE(json_extract(j.result, '$.fields.iban.value'), '')),
        json_extract(j.result, '$.fields')
    FROM files f
    LEFT JOIN ocr_jobs j ON j.id = f.id_ocr_job AND j.sha256 = f.sha256 AND j.status = 'done'
    WHERE f.id = NEW.id_file;
END;

CREATE TRIGGER files_search_insert AFTER INSERT ON files BEGIN
    INSERT INTO search_refresh (id_file) VALUES (NEW.id);
END;

CREATE TRIGGER files_search_update AFTER UPDATE OF name, reference, id_ocr_job, sha256 ON files
WHEN OLD.name IS NOT NEW.name OR OLD.reference IS NOT NEW.reference
    OR OLD.id_ocr_job IS NOT NEW.id_ocr_job OR OLD.sha256 IS NOT NEW.sha256
BEGIN
    INSERT INTO search_refresh (id_file) VALUES (NEW.id);
END;

CREATE TRIGGER files_search_delete AFTER DELETE ON files BEGIN
    DELETE FROM search_docs WHERE id_file = OLD.id;
END;

CREATE TRIGGER ocr_jobs_search_update AFTER UPDATE OF status, result, sha256 ON ocr_jobs
WHEN OLD.result IS NOT NEW.result OR OLD.sha256 IS NOT NEW.sha256
    OR (OLD.status = 'done') <> (NEW.status = 'done')
BEGIN
    INSERT INTO search_refresh (id_file) SELECT id FROM files WHERE id_ocr_job = NEW.id;
END;

-- Existing files.
INSERT INTO search_refresh (id_file) SELECT id FROM files;
