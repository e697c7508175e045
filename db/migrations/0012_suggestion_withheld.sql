-- The forms of a suggested name that are not proposed as aliases, with the reason (a
-- place or common word in the article, a form of another suggestion), kept with each
-- article's suggestions so the review queue can say why a form was left out. Rows
-- stored before this migration have none until their article is read again.
ALTER TABLE article_suggestions ADD COLUMN withheld TEXT NOT NULL DEFAULT '[]'; -- JSON array of {alias, reason}
