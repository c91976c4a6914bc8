package corpus

import (
	"fmt"
	"strings"
)

// DetectFormat guesses the format of decoded text, using the file name's
// extension first (.html, .htm, .md, .markdown) and the content otherwise:
// YAML front matter or Markdown markers, HTML tags, or plain text. It never
// returns FormatAuto; it returns FormatBilingual when the paragraphs are
// clearly of both languages (at least two lines of each script, and each at
// least a fifth of the lines).
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
	if zh >= 2 && en >= 2 && min(zh, en)*minBilingualShare >= zh+en {
		return FormatBilingual
	}
	return FormatText
}

// minBilingualShare: plain text is taken for a bilingual file when the
// lines of the less used language are at least 1/minBilingualShare of all
// lines; a Chinese article quoting a few English lines is not bilingual.
const minBilingualShare = 5

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

// textParagraphs finds the paragraphs of plain text: blocks separated by
// blank lines when blockMode says the text is written that way, otherwise
// every non-blank line.
func textParagraphs(text string) []paragraph {
	var paras []paragraph
	a := paragraphAssembler{
		blocks: blockMode(text),
		slice:  func(start, end int) string { return text[start:end] },
		emit:   func(p paragraph) { paras = append(paras, p) },
	}
	splitLines(text, a.line)
	a.flush()
	return paras
}

// blockMode reports whether plain text is written in blocks separated by
// blank lines and hard-wrapped inside: it has a blank line, and most lines
// followed by another line of the same block end without a sentence end
// mark. Otherwise every line is a paragraph.
func blockMode(text string) bool {
	wrapped, inner := 0, 0
	sawBlank, prevText, prevEnds := false, false, false
	splitLines(text, func(line string, _ int) {
		if isBlank(line) {
			sawBlank, prevText = true, false
			return
		}
		if prevText {
			inner++
			if !prevEnds {
				wrapped++
			}
		}
		prevText, prevEnds = true, endsSentence(line)
	})
	return sawBlank && inner > 0 && wrapped*2 >= inner
}

func isBlank(s string) bool { return strings.TrimFunc(s, isSpace) == "" }

// paragraphAssembler turns the lines of plain text into paragraphs, one
// line at a time, so that the Scanner can stream.
type paragraphAssembler struct {
	blocks     bool
	slice      func(start, end int) string // the input between two offsets of the open block
	emit       func(paragraph)
	start, end int // the block being gathered, in input offsets
	open       bool
}

// line adds one line (without its terminator) found at offset start of the
// input.
func (a *paragraphAssembler) line(line string, start int) {
	switch {
	case isBlank(line):
		a.flush()
	case !a.blocks:
		a.emit(paragraph{text: line, start: start})
	case a.open:
		a.end = start + len(line)
	default:
		a.start, a.end, a.open = start, start+len(line), true
	}
}

// flush emits the block being gathered, if any.
func (a *paragraphAssembler) flush() {
	if a.open {
		a.emit(paragraph{text: a.slice(a.start, a.end), start: a.start})
		a.open = false
	}
}
