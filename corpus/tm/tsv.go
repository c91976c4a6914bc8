package tm

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
)

// TSV column names, as a header line names them.
const (
	ColZH         = "zh"
	ColEN         = "en"
	ColID         = "id"
	ColDoc        = "doc"
	ColBead       = "bead"
	ColConfidence = "confidence"
)

// AllColumns are every column a TSV file can carry, in the order
// TSVWriter writes them when asked for all.
var AllColumns = []string{ColZH, ColEN, ColID, ColDoc, ColBead, ColConfidence}

func knownColumn(c string) bool {
	switch c {
	case ColZH, ColEN, ColID, ColDoc, ColBead, ColConfidence:
		return true
	}
	return false
}

// TSVWriter writes units as tab-separated lines.
type TSVWriter struct {
	w       *bufio.Writer
	columns []string
	started bool
	err     error
	b       []byte
}

// NewTSVWriter returns a writer of the given columns (see AllColumns). With
// nil columns it writes zh and en only and no header line; otherwise the
// first line is a header naming the columns.
func NewTSVWriter(w io.Writer, columns []string) (*TSVWriter, error) {
	for _, c := range columns {
		if !knownColumn(c) {
			return nil, fmt.Errorf("unknown TSV column %q (want some of %s)", c, strings.Join(AllColumns, ", "))
		}
	}
	return &TSVWriter{w: bufio.NewWriterSize(w, 32<<10), columns: columns}, nil
}

// Write writes one unit as a line.
func (t *TSVWriter) Write(u Unit) error {
	if t.err != nil {
		return t.err
	}
	cols := t.columns
	b := t.b[:0]
	if !t.started {
		t.started = true
		if cols != nil {
			b = append(b, strings.Join(cols, "\t")...)
			b = append(b, '\n')
		}
	}
	if cols == nil {
		cols = AllColumns[:2]
	}
	for i, c := range cols {
		if i > 0 {
			b = append(b, '\t')
		}
		var v string
		switch c {
		case ColZH:
			v = u.ZH
		case ColEN:
			v = u.EN
		case ColID:
			v = u.ID
		case ColDoc:
			v = u.Doc
		case ColBead:
			v = u.Bead
		case ColConfidence:
			if u.HasConfidence {
				v = FormatConfidence(u.Confidence)
			}
		}
		b = appendTSVEscaped(b, v)
	}
	b = append(b, '\n')
	t.b = b
	_, t.err = t.w.Write(b)
	return t.err
}

// Close flushes the writer (a memory with no units and a header still gets
// its header line).
func (t *TSVWriter) Close() error {
	if t.err == nil && !t.started && t.columns != nil {
		t.started = true
		_, t.err = t.w.WriteString(strings.Join(t.columns, "\t") + "\n")
	}
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

func appendTSVEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b = append(b, '\\', '\\')
		case '\t':
			b = append(b, '\\', 't')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}

// unescapeTSV undoes appendTSVEscaped; a backslash before any other
// character (or at the end) is kept as it is.
func unescapeTSV(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				c = '\\'
			case 't':
				c = '\t'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			default:
				b.WriteByte(c)
				continue
			}
			i++
		}
		b.WriteByte(c)
	}
	return b.String()
}

// TSVReader reads units from tab-separated lines: UTF-8 (or UTF-16 with a
// byte order mark, as spreadsheets export "Unicode text"), LF or CRLF line
// ends, blank lines and lines with neither a Chinese nor an English text
// skipped.
type TSVReader struct {
	lines
	columns []string // from the header; nil: zh, en, and nothing else
	unit    Unit
}

// NewTSVReader returns a reader of r; name is used in errors.
func NewTSVReader(r io.Reader, name string) *TSVReader {
	return &TSVReader{lines: lines{name: name, src: r}}
}

// Unit is the unit read by the last successful Scan.
func (t *TSVReader) Unit() Unit { return t.unit }

// Columns are the columns named by the file's header, nil without one.
func (t *TSVReader) Columns() []string { return t.columns }

func (t *TSVReader) errorf(format string, args ...any) bool {
	return t.fail(0, fmt.Errorf(format, args...))
}

// Scan advances to the next unit.
func (t *TSVReader) Scan() bool {
	for {
		line, ok := t.next()
		if !ok {
			return false
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !utf8.ValidString(line) {
			return t.errorf("%w: invalid UTF-8", corpus.ErrEncoding)
		}
		fields := strings.Split(line, "\t")
		if t.line == 1 && t.columns == nil && isHeader(fields) {
			t.columns = fields
			continue
		}
		if u, ok := t.parse(fields); !ok {
			return false
		} else if strings.TrimSpace(u.ZH) != "" || strings.TrimSpace(u.EN) != "" {
			t.unit = u
			return true
		}
		// A unit with neither text is skipped like a blank line.
	}
}

// isHeader reports whether fields name columns, zh and en among them.
func isHeader(fields []string) bool {
	zh, en := false, false
	for _, f := range fields {
		if !knownColumn(f) {
			return false
		}
		zh = zh || f == ColZH
		en = en || f == ColEN
	}
	return zh && en
}

func (t *TSVReader) parse(fields []string) (Unit, bool) {
	cols := t.columns
	if cols == nil {
		cols = AllColumns[:2]
	}
	if len(fields) < 2 {
		return Unit{}, t.errorf("%w: want at least 2 tab-separated columns (zh, en), got 1", corpus.ErrSyntax)
	}
	var u Unit
	for i, c := range cols {
		if i >= len(fields) {
			break
		}
		v := unescapeTSV(fields[i])
		switch c {
		case ColZH:
			u.ZH = v
		case ColEN:
			u.EN = v
		case ColID:
			u.ID = v
		case ColDoc:
			u.Doc = v
		case ColBead:
			u.Bead = v
		case ColConfidence:
			if v == "" {
				continue
			}
			conf, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return Unit{}, t.errorf("%w: confidence %q is not a number", corpus.ErrSyntax, v)
			}
			u.Confidence, u.HasConfidence = conf, true
		}
	}
	return u, true
}
