package db

import (
	"context"
	"database/sql"

	"dossier/app"
)

// Vocabulary is the relation types every new project starts with. They follow CAMEO/PLOVER
// for interactions and FollowTheMoney for structure.
var Vocabulary = []app.RelationType{
	// Structural.
	{Key: "member_of", Label: "is a member of", Inverse: "has member", Directed: true, Polarity: app.Neutral, Family: app.Structural},
	{Key: "leads", Label: "leads", Inverse: "is led by", Directed: true, Polarity: app.Neutral, Family: app.Structural},
	{Key: "part_of", Label: "is part of", Inverse: "includes", Directed: true, Polarity: app.Neutral, Family: app.Structural},
	{Key: "represents", Label: "represents", Inverse: "is represented by", Directed: true, Polarity: app.Neutral, Family: app.Structural},
	{Key: "employed_by", Label: "is employed by", Inverse: "employs", Directed: true, Polarity: app.Neutral, Family: app.Structural},
	{Key: "allied_with", Label: "is allied with", Inverse: "is allied with", Polarity: app.Cooperative, Family: app.Structural},
	{Key: "family", Label: "is family of", Inverse: "is family of", Polarity: app.Neutral, Family: app.Structural},
	{Key: "succeeded", Label: "succeeded", Inverse: "was succeeded by", Directed: true, Polarity: app.Neutral, Family: app.Structural},
	{Key: "related_to", Label: "is related to", Inverse: "is related to", Polarity: app.Neutral, Family: app.Structural},
	// Cooperative.
	{Key: "supports", Label: "supports", Inverse: "is supported by", Directed: true, Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "endorses", Label: "endorses", Inverse: "is endorsed by", Directed: true, Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "nominates", Label: "nominates", Inverse: "is nominated by", Directed: true, Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "praises", Label: "praises", Inverse: "is praised by", Directed: true, Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "appeals_to", Label: "appeals to", Inverse: "is appealed to by", Directed: true, Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "meets_with", Label: "meets with", Inverse: "meets with", Polarity: app.Cooperative, Family: app.Material},
	{Key: "negotiates_with", Label: "negotiates with", Inverse: "negotiates with", Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "agrees_with", Label: "agrees with", Inverse: "agrees with", Polarity: app.Cooperative, Family: app.Verbal},
	{Key: "provides_aid_to", Label: "provides aid to", Inverse: "receives aid from", Directed: true, Polarity: app.Cooperative, Family: app.Material},
	{Key: "funds", Label: "funds", Inverse: "is funded by", Directed: true, Polarity: app.Cooperative, Family: app.Material},
	{Key: "steps_aside_for", Label: "steps aside for", Inverse: "is yielded to by", Directed: true, Polarity: app.Cooperative, Family: app.Material},
	// Conflictual.
	{Key: "criticises", Label: "criticises", Inverse: "is criticised by", Directed: true, Polarity: app.Conflictual, Family: app.Verbal},
	{Key: "accuses", Label: "accuses", Inverse: "is accused by", Directed: true, Polarity: app.Conflictual, Family: app.Verbal},
	{Key: "demands_from", Label: "makes demands of", Inverse: "faces demands from", Directed: true, Polarity: app.Conflictual, Family: app.Verbal},
	{Key: "rejects", Label: "rejects", Inverse: "is rejected by", Directed: true, Polarity: app.Conflictual, Family: app.Verbal},
	{Key: "warns", Label: "warns", Inverse: "is warned by", Directed: true, Polarity: app.Conflictual, Family: app.Verbal},
	{Key: "threatens", Label: "threatens", Inverse: "is threatened by", Directed: true, Polarity: app.Conflictual, Family: app.Verbal},
	{Key: "protests_against", Label: "protests against", Inverse: "is protested against by", Directed: true, Polarity: app.Conflictual, Family: app.Material},
	{Key: "sanctions", Label: "sanctions", Inverse: "is sanctioned by", Directed: true, Polarity: app.Conflictual, Family: app.Material},
	{Key: "withdraws_support_from", Label: "withdraws support from", Inverse: "loses the support of", Directed: true, Polarity: app.Conflictual, Family: app.Material},
	{Key: "coerces", Label: "coerces", Inverse: "is coerced by", Directed: true, Polarity: app.Conflictual, Family: app.Material},
	{Key: "attacks", Label: "attacks", Inverse: "is attacked by", Directed: true, Polarity: app.Conflictual, Family: app.Material},
	{Key: "fights", Label: "fights", Inverse: "fights", Polarity: app.Conflictual, Family: app.Material},
}

func seedRelationTypes(ctx context.Context, tx *sql.Tx) error {
	for _, t := range Vocabulary {
		if err := insertRelationType(ctx, tx, t, true); err != nil {
			return err
		}
	}
	return nil
}

func insertRelationType(ctx context.Context, tx *sql.Tx, t app.RelationType, builtin bool) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO relation_types(key, label, inverse, directed, polarity, family, builtin)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, t.Key, t.Label, t.Inverse, t.Directed, t.Polarity, t.Family, builtin)
	return err
}

// RelationTypes returns the project's vocabulary, built-in types first.
func (s *Store) RelationTypes(ctx context.Context) (_ []app.RelationType, err error) {
	defer wrapErr(&err, "relation types")
	rows, err := s.db.QueryContext(ctx, `SELECT key, label, inverse, directed, polarity, family FROM relation_types ORDER BY builtin DESC, rowid`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.RelationType
	for rows.Next() {
		var t app.RelationType
		if err := rows.Scan(&t.Key, &t.Label, &t.Inverse, &t.Directed, &t.Polarity, &t.Family); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CreateRelationType adds a type to the project's vocabulary.
func (s *Store) CreateRelationType(ctx context.Context, t app.RelationType) (_ app.RelationType, err error) {
	defer wrapErr(&err, "create relation type %q", t.Key)
	if err := t.Validate(); err != nil {
		return t, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relation_types WHERE key = ? OR label = ?`, t.Key, t.Label).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return app.Errorf(app.ECONFLICT, "The relation type “%s” already exists.", t.Label)
		}
		return insertRelationType(ctx, tx, t, false)
	})
	return t, err
}

// relationType finds a type by key or by either of its labels.
func relationType(ctx context.Context, q querier, name string) (app.RelationType, error) {
	var t app.RelationType
	err := q.QueryRowContext(ctx, `SELECT key, label, inverse, directed, polarity, family FROM relation_types
		WHERE key = ?1 OR lower(label) = lower(?1) OR replace(key, '_', ' ') = lower(?1)
		ORDER BY key = ?1 DESC LIMIT 1`, name).
		Scan(&t.Key, &t.Label, &t.Inverse, &t.Directed, &t.Polarity, &t.Family)
	if err == sql.ErrNoRows {
		return t, app.Errorf(app.ENOTFOUND, "“%s” is not a relation type of this project (see the relation types list, or add it).", name)
	}
	return t, err
}

// RelationType finds a relation type by its key or its wording.
func (s *Store) RelationType(ctx context.Context, name string) (_ app.RelationType, err error) {
	defer wrapErr(&err, "relation type %q", name)
	return relationType(ctx, s.db, name)
}

// querier is what *sql.DB and *sql.Tx share, for helpers used both inside and outside a transaction.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}
