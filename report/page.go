package report

import (
	_ "embed"
	"html/template"
)

var (
	//go:embed assets/style.css
	styleCSS string
	//go:embed assets/script.js
	scriptJS string
	//go:embed assets/page.html
	pageHTML string

	pageTemplate = template.Must(template.New("page").Parse(pageHTML))
)
