package db

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryRowLoopChecksErr is the rule behind "a damaged page never shortens a list in
// silence": database/sql's Rows.Next returns false both at the end of the rows and when
// reading fails (SQLITE_CORRUPT included); only Rows.Err tells them apart. Every function
// in package db that loops over x.Next() must also call x.Err().
func TestEveryRowLoopChecksErr(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch fn := n.(type) {
			case *ast.FuncDecl:
				body = fn.Body
			case *ast.FuncLit:
				body = fn.Body
			}
			if body == nil {
				return true
			}
			nexts, errs := map[string]token.Pos{}, map[string]bool{}
			ast.Inspect(body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok && lit.Body != body {
					return false // a nested function is checked on its own
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || len(call.Args) != 0 {
					return true
				}
				recv := exprText(sel.X)
				switch sel.Sel.Name {
				case "Next":
					nexts[recv] = call.Pos()
				case "Err":
					errs[recv] = true
				}
				return true
			})
			for recv, pos := range nexts {
				if !errs[recv] {
					t.Errorf("%s: %s.Next() is looped over without %s.Err(): a read error would end the list early in silence", fset.Position(pos), recv, recv)
				}
			}
			return true
		})
	}
}

// exprText renders the receiver expression of a call as text ("rows", "s.rows").
func exprText(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprText(x.X) + "." + x.Sel.Name
	}
	return "?"
}
