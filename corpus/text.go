package corpus

import (
	"fmt"
	"strings"
)

// DetectFormat guesses the format of decoded text, using the file name's
// extension first (.html, .htm, .md, .markdown) and the content otherwise:
// YAML front matter or Markdown markers, HTML tags, or plain text. It never
// returns FormatAuto; it returns FormatBilingual when the paragraphs are
// clearly of both languages (at least two paragraphs of each script).
func DetectFormat(name, text string) Format {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"), strings.HasSuffix(lower, ".xhtml"):
		return FormatHTML
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".markdown"):
		return FormatMarkdown
	}
	head := strings.TrimLeft(text, " \t\r\n\ufeff")
	switch {
	case strings.HasPrefix(head, "---\n"), strings.HasPrefix(head, "---\r\n"):
		return FormatMarkdown
	case looksHTML(head):
		return FormatHTML
	}
	zh, en := 0, 0
	splitLines(text, func(line string, _ int) {
		switch DetectLang(line) {
		case Chinese:
			zh++
		case English:
			en++
		}
	})
	if zh >= 2 && en >= 2 {
		return FormatBilingual
	}
	return FormatText
}

// looksHTML reports whether text starts like an HTML document or fragment.
func looksHTML(head string) bool {
	h := strings.ToLower(head[:min(len(head), 512)])
	if strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html") {
		return true
	}
	if !strings.HasPrefix(h, "<") {
		return false
	}
	for _, tag := range []string{"<p>", "<p ", "<div", "<body", "<head", "<h1", "<h2", "<article", "<section", "<figure", "<ul", "<table", "<span"} {
		if strings.Contains(h, tag) {
			return true
		}
	}
	return false
}

// paragraphs dispatches to the reader of format f.
func paragraphs(text, name string, f Format) ([]paragraph, map[string]string, error) {
	switch f {
	case FormatLines:
		return linesParagraphs(text), nil, nil
	case FormatHTML, FormatMarkdown:
		read := markdownParagraphs
		if f == FormatHTML {
			read = func(text, name string) ([]paragraph, map[string]string, error) { return htmlParagraphs(text, name, 0) }
		}
		paras, meta, err := read(text, name)
		if err == nil && len(paras) == 0 {
			err = &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no readable text in the %s", ErrSyntax, f)}
		}
		return paras, meta, err
	default:
		return textParagraphs(text), nil, nil
	}
}

// linesParagraphs makes each line a paragraph of one sentence. A final line
// terminator does not start another line.
func linesParagraphs(text string) []paragraph {
	var paras []paragraph
	splitLines(text, func(line string, start int) {
		paras = append(paras, paragraph{text: line, start: start, line: true})
	})
	return paras
}

// textParagraphs finds the paragraphs of plain text. Text whose blocks are
// separated by blank lines and hard-wrapped inside (most lines inside a block
// end without sentence-final punctuation) is read block by block; otherwise
// every non-blank line is a paragraph.
func textParagraphs(text string) []paragraph {
	type line struct {
		s     string
		start int
	}
	var lines []line
	splitLines(text, func(s string, start int) { lines = append(lines, line{s, start}) })
	blank := func(s string) bool { return strings.TrimFunc(s, isSpace) == "" }

	wrapped, inner := 0, 0
	sawBlank := false
	for i, l := range lines {
		if blank(l.s) {
			sawBlank = true
			continue
		}
		if i+1 < len(lines) && !blank(lines[i+1].s) {
			inner++
			if !endsSentence(strings.TrimRightFunc(l.s, isSpace)) {
				wrapped++
			}
		}
	}
	blocks := sawBlank && inner > 0 && wrapped*2 >= inner

	var paras []paragraph
	for i := 0; i < len(lines); i++ {
		if blank(lines[i].s) {
			continue
		}
		j := i
		if blocks {
			for j+1 < len(lines) && !blank(lines[j+1].s) {
				j++
			}
		}
		start := lines[i].start
		end := lines[j].start + len(lines[j].s)
		paras = append(paras, paragraph{text: text[start:end], start: start})
		i = j
	}
	return paras
}
