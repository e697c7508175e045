package main

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/dialog"
	_ "github.com/google/uuid"
	_ "golang.org/x/net/html"
	_ "modernc.org/sqlite"
)

func main() {}
