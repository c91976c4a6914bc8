package check

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/tm"
)

// Ignore is a set of dismissed findings (see the package comment for the
// file formats).
type Ignore struct {
	keys map[string]bool
}

func ignoreKey(kind Kind, term, text string) string {
	return string(kind) + "\x00" + strings.TrimSpace(term) + "\x00" + tidy(text)
}

// segmentText is the text that identifies a finding's segment: the Chinese,
// or the English when there is none.
func segmentText(f *Finding) string {
	if strings.TrimSpace(f.ZH) != "" {
		return f.ZH
	}
	return f.EN
}

// NewIgnore returns the set that dismisses fs.
func NewIgnore(fs []Finding) *Ignore {
	ig := &Ignore{keys: map[string]bool{}}
	for i := range fs {
		ig.keys[ignoreKey(fs[i].Kind, fs[i].Term(), segmentText(&fs[i]))] = true
	}
	return ig
}

// Len is the number of dismissed findings.
func (ig *Ignore) Len() int { return len(ig.keys) }

// Has reports whether f has been dismissed.
func (ig *Ignore) Has(f *Finding) bool {
	return ig != nil && ig.keys[ignoreKey(f.Kind, f.Term(), segmentText(f))]
}

// Filter returns the findings of fs that are not dismissed, and how many
// were.
func (ig *Ignore) Filter(fs []Finding) (kept []Finding, dismissed int) {
	for _, f := range fs {
		if ig.Has(&f) {
			dismissed++
			continue
		}
		kept = append(kept, f)
	}
	return kept, dismissed
}

// ReadIgnore reads an ignore file: a JSON report of bitext check (its
// findings are dismissed) or a TSV of kind, term and segment text.
func ReadIgnore(r io.Reader, name string) (*Ignore, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: err}
	}
	// Binary data, a wrong encoding: the error names the file and byte.
	text, err := corpus.Decode(data, name, "")
	if err != nil && !errors.Is(err, corpus.ErrEmpty) {
		return nil, err
	}
	data = bytes.TrimPrefix([]byte(text), []byte("\xEF\xBB\xBF"))
	if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return readIgnoreJSON(data, name)
	}
	ig := &Ignore{keys: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 3 {
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1,
				Err: fmt.Errorf("%w: want kind<TAB>term<TAB>segment text, got %d column(s)", corpus.ErrSyntax, len(cols))}
		}
		kind := Kind(strings.TrimSpace(cols[0]))
		if kindRank(kind) == len(Kinds) {
			return nil, &corpus.ParseError{File: name, Line: line, Col: 1, Offset: -1,
				Err: fmt.Errorf("%w: unknown finding kind %q", corpus.ErrSyntax, cols[0])}
		}
		ig.keys[ignoreKey(kind, cols[1], strings.Join(cols[2:], "\t"))] = true
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: err}
	}
	return ig, nil
}

func readIgnoreJSON(data []byte, name string) (*Ignore, error) {
	var rep Report
	var err error
	if t := bytes.TrimSpace(data); t[0] == '[' {
		err = json.Unmarshal(data, &rep.Findings)
	} else {
		err = json.Unmarshal(data, &rep)
	}
	if err != nil {
		pe := &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: %s", corpus.ErrSyntax, tm.DescribeJSONError(err))}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pe.Offset = se.Offset
		case errors.As(err, &te):
			pe.Offset = te.Offset
		}
		if pe.Offset >= 0 {
			pe.Line, pe.Col = lineCol(data, int(pe.Offset))
		}
		return nil, pe
	}
	return NewIgnore(rep.Findings), nil
}

// lineCol returns the 1-based line and column of a byte offset.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
