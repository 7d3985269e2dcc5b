-- SQLite: search documents are rebuilt after the write that changes them, not inside it.
-- Every trigger that asked for a rebuild (a file created or renamed, an OCR job done) inserts
-- into `search_refresh` as before, which now only queues the file. Coffre takes the queue in
-- batches of its own transactions (src/db/search.rs: every 100 ms in the background, and
-- before any search, so a search always sees every write acknowledged before it).
-- Measured (issue 11): the rebuild inside a file's create was a third of SQLite's create
-- throughput when 16 organizations create at once (one leaf of each organization-keyed search
-- index, the full-text segment and the identifiers, in every commit of a batch).
-- PostgreSQL keeps rebuilding in the writing transaction.

CREATE TABLE search_queue (
    seq     INTEGER PRIMARY KEY,
    id_file TEXT NOT NULL
);

-- The rebuild itself, unchanged from migration 0008, under a new name.
CREATE VIEW search_rebuild AS SELECT id AS id_file FROM files WHERE 0;

CREATE TRIGGER search_rebuild_file INSTEAD OF INSERT ON search_rebuild BEGIN
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

DROP TRIGGER search_refresh_file;
CREATE TRIGGER search_refresh_file INSTEAD OF INSERT ON search_refresh BEGIN
    INSERT INTO search_queue (id_file) VALUES (NEW.id_file);
END;
