-- A user library as ildesk wrote it at schema version 2 (folders, tags, note page names).
CREATE TABLE bookmark (page_id VARCHAR NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, created VARCHAR NOT NULL, folder VARCHAR NOT NULL DEFAULT '');
CREATE TABLE note (page_id VARCHAR NOT NULL PRIMARY KEY, text TEXT NOT NULL, updated VARCHAR NOT NULL, name VARCHAR NOT NULL DEFAULT '');
CREATE TABLE history (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, page_id VARCHAR NOT NULL, name VARCHAR NOT NULL, opened_at VARCHAR NOT NULL);
CREATE TABLE preference (key VARCHAR NOT NULL PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE bookmark_tag (page_id VARCHAR NOT NULL REFERENCES bookmark (page_id) ON DELETE CASCADE, tag VARCHAR NOT NULL, PRIMARY KEY (page_id, tag));
INSERT INTO bookmark VALUES ('il-6', 'Interleukin 6', '2024-03-01T10:00:00.000000+00:00', 'Exam');
INSERT INTO bookmark VALUES ('il-99', 'Interleukin 99', '2024-03-02T10:00:00.000000+00:00', '');
INSERT INTO bookmark_tag VALUES ('il-6', 'cytokine storm');
INSERT INTO note VALUES ('il-6', 'Tocilizumab blocks the IL-6 receptor.', '2024-03-01T11:00:00.000000+00:00', 'Interleukin 6');
INSERT INTO history (page_id, name, opened_at) VALUES ('il-2', 'Interleukin 2', '2024-03-01T09:00:00.000000+00:00');
INSERT INTO history (page_id, name, opened_at) VALUES ('il-6', 'Interleukin 6', '2024-03-01T09:30:00.000000+00:00');
INSERT INTO preference VALUES ('pref.theme', '"dark"');
INSERT INTO preference VALUES ('pref.text_zoom', '125');
PRAGMA user_version = 2;
