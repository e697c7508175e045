-- The mention decisions a researcher made (confirmed or rejected), found without reading
-- every mention: team sync lists them on every sync (issue 14), and a project holds
-- hundreds of thousands of automatic mentions for a few hundred decisions.
CREATE INDEX mentions_decided ON mentions(status) WHERE status IN ('confirmed', 'rejected');
