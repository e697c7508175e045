package views

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// The drawing and reading functions that grew past what can be read at once stay split:
// their cyclomatic complexity (as gocyclo counts it: 1, plus one per if, for, case and
// && or ||) is at most 15.
func TestGraphFunctionsStaySmall(t *testing.T) {
	for file, funcs := range map[string][]string{
		"graph_draw.go":  {"draw", "drawNetworkEdges", "drawNames", "drawEdgeLabels"},
		"timeline.go":    {"render", "drawMarks"},
		"../db/graph.go": {"fillLinks", "coMentions"},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]int{}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok {
				found[fn.Name.Name] = cyclomatic(fn)
			}
		}
		for _, name := range funcs {
			n, ok := found[name]
			if !ok {
				t.Errorf("%s: no function %s", file, name)
			} else if n > 15 {
				t.Errorf("%s: %s has cyclomatic complexity %d (at most 15)", file, name, n)
			}
		}
	}
}

func cyclomatic(fn *ast.FuncDecl) int {
	n := 1
	ast.Inspect(fn, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			n++
		case *ast.CaseClause:
			if x.List != nil {
				n++
			}
		case *ast.CommClause:
			if x.Comm != nil {
				n++
			}
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				n++
			}
		}
		return true
	})
	return n
}
