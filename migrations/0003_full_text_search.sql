-- Full-text search (SQLite FTS5) over document text and facts. Both are external-content indexes:
-- the text is stored once (document_chunks, facts) and triggers keep the index in step with every
-- write path (the runner, an archive import), so no code path can forget to index.
-- prefix='2 3' makes the prefix queries of search-as-you-type index lookups instead of scans.
CREATE VIRTUAL TABLE `document_chunks_fts` USING fts5(
	`text`,
	content='document_chunks', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `document_chunks_fts_ai` AFTER INSERT ON `document_chunks` BEGIN
	INSERT INTO `document_chunks_fts`(rowid, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `document_chunks_fts_ad` AFTER DELETE ON `document_chunks` BEGIN
	INSERT INTO `document_chunks_fts`(`document_chunks_fts`, rowid, `text`) VALUES ('delete', old.`id`, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `document_chunks_fts_au` AFTER UPDATE OF `text` ON `document_chunks` BEGIN
	INSERT INTO `document_chunks_fts`(`document_chunks_fts`, rowid, `text`) VALUES ('delete', old.`id`, old.`text`);
	INSERT INTO `document_chunks_fts`(rowid, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `facts_fts` USING fts5(
	`subject_name`, `attribute`, `value_text`,
	content='facts', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
-- The writer's upsert only ever updates confidence, which is not indexed, so it fires no update trigger.
CREATE TRIGGER `facts_fts_ai` AFTER INSERT ON `facts` BEGIN
	INSERT INTO `facts_fts`(rowid, `subject_name`, `attribute`, `value_text`) VALUES (new.`id`, new.`subject_name`, new.`attribute`, new.`value_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `facts_fts_ad` AFTER DELETE ON `facts` BEGIN
	INSERT INTO `facts_fts`(`facts_fts`, rowid, `subject_name`, `attribute`, `value_text`) VALUES ('delete', old.`id`, old.`subject_name`, old.`attribute`, old.`value_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `facts_fts_au` AFTER UPDATE OF `subject_name`, `attribute`, `value_text` ON `facts` BEGIN
	INSERT INTO `facts_fts`(`facts_fts`, rowid, `subject_name`, `attribute`, `value_text`) VALUES ('delete', old.`id`, old.`subject_name`, old.`attribute`, old.`value_text`);
	INSERT INTO `facts_fts`(rowid, `subject_name`, `attribute`, `value_text`) VALUES (new.`id`, new.`subject_name`, new.`attribute`, new.`value_text`);
END;
--> statement-breakpoint
-- Facts written before this step become searchable at once; documents' text arrives when they are next parsed.
INSERT INTO `facts_fts`(`facts_fts`) VALUES ('rebuild');
