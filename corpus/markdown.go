package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// markdownParagraphs reads Markdown with optional YAML front matter (a
// Jekyll post). Front matter between --- lines becomes metadata: every
// "key: value" line, with title, date and url normalised (url is taken from
// url, from, source, link, permalink or canonical_url). In the body, ATX and
// setext headings are Title paragraphs, list items and block quotes are
// paragraphs, every cell of a pipe table is a paragraph, fenced code is
// skipped, inline markup (emphasis, code spans,
// links, inline tags) is stripped to its text, image alt texts are Caption
// paragraphs, and HTML blocks (a line starting with a tag or comment, to the
// next blank line) are read by the HTML reader.
func markdownParagraphs(text, name string) ([]paragraph, map[string]string, error) {
	meta, bodyStart, err := frontMatter(text, name)
	if err != nil {
		return nil, nil, err
	}
	m := &mdReader{input: text, name: name, meta: meta}
	if err := m.read(bodyStart); err != nil {
		return nil, nil, err
	}
	if len(m.meta) == 0 {
		m.meta = nil
	}
	return m.paras, m.meta, nil
}

// urlKeys are front matter keys that hold the article's source address.
var urlKeys = []string{"url", "from", "source", "source_url", "link", "permalink", "canonical_url", "canonical", "original"}

// frontMatter parses YAML front matter at the start of text: flat
// "key: value" pairs, values unquoted; nested YAML is kept as written. It
// returns the metadata and the offset where the body starts.
func frontMatter(text, name string) (map[string]string, int, error) {
	start := 0
	if strings.HasPrefix(text, "\ufeff") {
		start = len("\ufeff")
	}
	first, next := lineAt(text, start)
	if strings.TrimRight(first, " \t") != "---" {
		return map[string]string{}, 0, nil
	}
	meta := map[string]string{}
	lineNo := 1
	for pos := next; pos < len(text); {
		line, after := lineAt(text, pos)
		lineNo++
		t := strings.TrimRight(line, " \t")
		if t == "---" || t == "..." {
			for _, k := range urlKeys {
				if v := meta[k]; v != "" && meta["url"] == "" && strings.Contains(v, "://") {
					meta["url"] = v
				}
			}
			return meta, after, nil
		}
		if k, v, ok := strings.Cut(line, ":"); ok && k != "" && !strings.HasPrefix(k, " ") && !strings.HasPrefix(k, "#") {
			meta[strings.ToLower(strings.TrimSpace(k))] = unquoteYAML(strings.TrimSpace(v))
		}
		pos = after
	}
	return nil, 0, &ParseError{File: name, Line: 1, Offset: int64(start),
		Err: fmt.Errorf("%w: front matter opened with --- is never closed", ErrSyntax)}
}

func unquoteYAML(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		inner := v[1 : len(v)-1]
		if v[0] == '"' {
			inner = strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", `\t`, "\t").Replace(inner)
		} else {
			inner = strings.ReplaceAll(inner, "''", "'")
		}
		return inner
	}
	return v
}

// lineAt returns the line starting at pos, without its terminator, and the
// offset of the next line.
func lineAt(text string, pos int) (string, int) {
	i := strings.IndexByte(text[pos:], '\n')
	if i < 0 {
		return strings.TrimSuffix(text[pos:], "\r"), len(text)
	}
	return strings.TrimSuffix(text[pos:pos+i], "\r"), pos + i + 1
}

type mdReader struct {
	input string
	name  string
	meta  map[string]string
	textBuilder
	paras    []paragraph
	captions []paragraph // image alt texts of the current paragraph
}

var (
	atxHeading = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)`)
	setextLine = regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`)
	thematic   = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	listItem   = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+`)
	blockQuote = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	fence      = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	htmlBlock  = regexp.MustCompile(`^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*[\s/>]|[A-Za-z][A-Za-z0-9-]*$|/[A-Za-z]|!--|!DOCTYPE|\?)`)
	tableRow   = regexp.MustCompile(`^ {0,3}\|.*\|[ \t]*$`)
	tableRule  = regexp.MustCompile(`^ {0,3}\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$`)
)

func (m *mdReader) read(pos int) error {
	inFence := ""
	for pos < len(m.input) {
		line, next := lineAt(m.input, pos)
		switch {
		case inFence != "":
			if strings.HasPrefix(strings.TrimSpace(line), inFence) {
				inFence = ""
			}
		case fence.MatchString(line):
			m.flush("")
			inFence = fence.FindStringSubmatch(line)[1]
		case strings.TrimFunc(line, isSpace) == "":
			m.flush("")
		case setextLine.MatchString(line) && m.buf.Len() > 0:
			m.flush(Title)
		case thematic.MatchString(line):
			m.flush("")
		case tableRow.MatchString(line):
			m.flush("")
			if !tableRule.MatchString(line) {
				m.tableRow(line, pos)
			}
		case htmlBlock.MatchString(line):
			m.flush("")
			end := htmlBlockEnd(m.input, pos, next)
			paras, meta, err := htmlParagraphs(m.input[pos:end], m.name, pos)
			if err != nil {
				return err
			}
			m.paras = append(m.paras, paras...)
			for k, v := range meta {
				if m.meta[k] == "" {
					m.meta[k] = v
				}
			}
			next = end
		default:
			m.textLine(line, pos)
		}
		pos = next
	}
	m.flush("")
	return nil
}

// tableRow reads a row of a pipe table at offset pos: every cell is a
// paragraph.
func (m *mdReader) tableRow(line string, pos int) {
	start := strings.IndexByte(line, '|') + 1
	for start < len(line) {
		end := strings.IndexByte(line[start:], '|')
		if end < 0 {
			break
		}
		m.inline(line[start:start+end], pos+start)
		m.flush(Body) // a cell is never a headline
		start += end + 1
	}
}

// htmlBlockEnd returns where the HTML block whose first line starts at pos
// (and ends at next) ends: after the line that closes a comment that opens
// it, else at the next blank line (CommonMark's HTML block rules 2 and 6).
func htmlBlockEnd(input string, pos, next int) int {
	if first, _ := lineAt(input, pos); strings.HasPrefix(strings.TrimSpace(first), "<!--") {
		if i := strings.Index(input[pos:], "-->"); i >= 0 {
			_, after := lineAt(input, pos+i)
			return after
		}
		return len(input)
	}
	end := next
	for end < len(input) {
		l, n := lineAt(input, end)
		if strings.TrimFunc(l, isSpace) == "" {
			break
		}
		end = n
	}
	return end
}

// textLine adds one line of Markdown prose at offset pos.
func (m *mdReader) textLine(line string, pos int) {
	kind := Kind("")
	at := 0
	if loc := atxHeading.FindStringIndex(line); loc != nil {
		m.flush("")
		kind, at = Title, loc[1]
		line = line[:at] + strings.TrimRight(strings.TrimRight(line[at:], " \t"), "#")
	} else {
		for {
			if loc := blockQuote.FindStringIndex(line[at:]); loc != nil {
				at += loc[1]
				continue
			}
			if loc := listItem.FindStringIndex(line[at:]); loc != nil {
				m.flush("")
				at += loc[1]
				continue
			}
			break
		}
	}
	if m.buf.Len() > 0 {
		prev, _ := utf8.DecodeLastRuneInString(m.text())
		first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(line[at:], isSpace))
		if !isHan(prev) || !isHan(first) { // Chinese lines join without a space
			m.addSpace(pos-1, 1)
		}
	}
	m.inline(line[at:], pos+at)
	if kind != "" {
		m.flush(kind)
	}
}

// inline appends Markdown inline text, stripping markup; s starts at offset
// pos of the input.
func (m *mdReader) inline(s string, pos int) {
	last := 0
	add := func(from, to int) { m.addVerbatim(s[from:to], pos+from) }
	for _, mk := range inlineMarks(s) {
		add(last, mk.start)
		switch {
		case mk.image: // its alt text is a caption
			if alt := strings.TrimSpace(s[mk.keep[0]:mk.keep[1]]); utf8.RuneCountInString(alt) >= minAltRunes {
				m.captions = append(m.captions, paragraph{text: alt, start: pos + mk.keep[0], kind: Caption})
			}
		case mk.keep[1] > mk.keep[0]:
			add(mk.keep[0], mk.keep[1])
		}
		last = mk.end
	}
	add(last, len(s))
}

// inlineMark is a piece of Markdown inline markup in a line: s[start:end]
// is replaced by s[keep[0]:keep[1]] (link text), or by nothing.
type inlineMark struct {
	start, end int
	keep       [2]int
	image      bool // ![alt](url): keep is the alt text
}

// inlineMarks finds the inline markup of one line: images, links ([text](url)
// and [text][ref]), comments, inline tags and autolinks, ** __ * and code
// backticks. A single underscore is text (snake_case, 新_闻).
func inlineMarks(s string) []inlineMark {
	var out []inlineMark
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "![<*_`")
		if k < 0 {
			break
		}
		p := i + k
		mk, ok := inlineMarkAt(s, p)
		if !ok {
			i = p + 1
			continue
		}
		out = append(out, mk)
		i = mk.end
	}
	return out
}

// inlineMarkAt reads the markup starting at s[p], if any.
func inlineMarkAt(s string, p int) (inlineMark, bool) {
	switch s[p] {
	case '!':
		if p+1 < len(s) && s[p+1] == '[' {
			if from, to, end, ok := linkAt(s, p+1, false); ok {
				return inlineMark{start: p, end: end, keep: [2]int{from, to}, image: true}, true
			}
		}
	case '[':
		if from, to, end, ok := linkAt(s, p, true); ok {
			return inlineMark{start: p, end: end, keep: [2]int{from, to}}, true
		}
	case '<':
		if strings.HasPrefix(s[p:], "<!--") {
			if e := strings.Index(s[p+4:], "-->"); e >= 0 {
				return inlineMark{start: p, end: p + 4 + e + 3}, true
			}
			return inlineMark{}, false
		}
		q := p + 1
		if q < len(s) && s[q] == '/' {
			q++
		}
		if q < len(s) && (s[q]|0x20 >= 'a' && s[q]|0x20 <= 'z') {
			if e := strings.IndexAny(s[q:], "<>"); e >= 0 && s[q+e] == '>' {
				return inlineMark{start: p, end: q + e + 1}, true
			}
		}
	case '*', '_', '`':
		n := 1
		for p+n < len(s) && s[p+n] == s[p] && (s[p] == '`' || n < 2) {
			n++
		}
		if s[p] == '_' && n < 2 {
			return inlineMark{}, false
		}
		return inlineMark{start: p, end: p + n}, true
	}
	return inlineMark{}, false
}

// linkAt reads "[text](url)" at s[p] (and "[text][ref]" when refs), returning
// the text span and the end of the link.
func linkAt(s string, p int, refs bool) (from, to, end int, ok bool) {
	close := strings.IndexByte(s[p+1:], ']')
	if close < 0 {
		return 0, 0, 0, false
	}
	from, to = p+1, p+1+close
	if to+1 >= len(s) {
		return 0, 0, 0, false
	}
	switch {
	case s[to+1] == '(':
		if e := strings.IndexByte(s[to+2:], ')'); e >= 0 {
			return from, to, to + 2 + e + 1, true
		}
	case s[to+1] == '[' && refs:
		if e := strings.IndexByte(s[to+2:], ']'); e >= 0 {
			return from, to, to + 2 + e + 1, true
		}
	}
	return 0, 0, 0, false
}

// flush ends the current paragraph, giving it kind (or none).
func (m *mdReader) flush(kind Kind) {
	if p, ok := m.take(); ok {
		p.kind = kind
		m.paras = append(m.paras, p)
	}
	m.paras = append(m.paras, m.captions...)
	m.captions = nil
}
