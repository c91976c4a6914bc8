package tm

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/bitext/bitext/corpus"
)

// Unit is one aligned pair: a Chinese segment and its English rendering,
// with where it came from.
type Unit struct {
	ID   string // unit id (TMX tuid); empty: writers number units from 1
	ZH   string
	EN   string
	Doc  string // document the pair was aligned in (x-bitext-doc)
	Bead string // bead type such as "1-1", "2-1", "1-0" (x-bitext-bead)
	// Confidence is the aligner's calibrated probability that the bead is
	// right (x-bitext-confidence), meaningful only when HasConfidence.
	Confidence    float64
	HasConfidence bool
	Props         []Prop // other properties, in file order
}

// Prop is a TMX <prop>: a typed string property of a unit.
type Prop struct {
	Type, Value string
}

// Property types bitext writes on each unit.
const (
	PropDoc        = "x-bitext-doc"
	PropBead       = "x-bitext-bead"
	PropConfidence = "x-bitext-confidence"
)

// UnitReader is what every reader in this package implements.
type UnitReader interface {
	Scan() bool
	Unit() Unit
	Err() error
}

// UnitWriter is what every writer in this package implements. Close ends
// the file (TMX needs closing tags) and flushes; it does not close the
// underlying io.Writer.
type UnitWriter interface {
	Write(Unit) error
	Close() error
}

// FormatConfidence renders a confidence the way every writer stores it:
// rounded to four decimals, no trailing zeros.
func FormatConfidence(c float64) string {
	return strconv.FormatFloat(math.Round(c*1e4)/1e4, 'f', -1, 64)
}

// LangOf says which of bitext's languages a language code (zh-CN, ZH_tw,
// zh-Hant, cmn, en-GB, eng, …) names, or "" for any other language.
func LangOf(code string) corpus.Lang {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(code)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	switch primary {
	case "zh", "zho", "chi", "cmn", "yue", "wuu", "lzh":
		return corpus.Chinese
	case "en", "eng":
		return corpus.English
	}
	return ""
}

// sameLang compares two language codes ignoring case and - versus _.
func sameLang(a, b string) bool {
	return strings.EqualFold(strings.ReplaceAll(a, "_", "-"), strings.ReplaceAll(b, "_", "-"))
}

// utf8Reader returns r decoded to UTF-8: a UTF-8 byte order mark is
// skipped, UTF-16 (LE or BE, told by its byte order mark or, without one,
// by the zero bytes of an initial ASCII character) is transcoded. It
// reports whether the input was UTF-16.
func utf8Reader(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, false
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), true
	case len(head) >= 2 && head[0] != 0 && head[1] == 0:
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()), true
	case len(head) >= 2 && head[0] == 0 && head[1] != 0:
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()), true
	}
	return br, false
}

// lines reads a file line by line for the line-based readers (TSV, JSON
// Lines), keeping the 1-based number of the last line read and a sticky
// error.
type lines struct {
	name string
	src  io.Reader
	r    *bufio.Reader
	line int
	err  error
	done bool
	text bool // a line that is not blank has been read
}

// next returns the next line without its line end (LF or CRLF); ok is
// false at the end of the input or after an error.
func (l *lines) next() (line string, ok bool) {
	if l.done {
		return "", false
	}
	if l.r == nil {
		r, _ := utf8Reader(l.src)
		l.r = bufio.NewReaderSize(r, 64<<10)
	}
	s, err := l.r.ReadString('\n')
	if err != nil && err != io.EOF {
		l.line++
		return "", l.fail(0, err)
	}
	if s == "" {
		if !l.text {
			// Nothing but blank lines (or nothing at all): an empty corpus
			// is a mistake worth a message, not zero units.
			l.line = 0
			return "", l.fail(0, corpus.ErrEmpty)
		}
		l.done = true
		return "", false
	}
	l.line++
	if strings.IndexByte(s, 0) >= 0 {
		return "", l.fail(0, fmt.Errorf("%w: NUL byte", corpus.ErrBinary))
	}
	l.text = l.text || strings.TrimSpace(s) != ""
	return strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r"), true
}

// fail records err at the current line (and column col, 0 if unknown).
func (l *lines) fail(col int, err error) bool {
	l.err = &corpus.ParseError{File: l.name, Line: l.line, Col: col, Offset: -1, Err: err}
	l.done = true
	return false
}

// Err is the first error met, nil at a clean end of file.
func (l *lines) Err() error { return l.err }

// CodeIsTraditional tells which script a Chinese language code implies:
// Traditional for zh-TW, zh-HK, zh-MO and zh-Hant…, Simplified for zh-CN,
// zh-SG, zh-MY and zh-Hans…; known is false for a bare zh or other codes.
func CodeIsTraditional(code string) (traditional, known bool) {
	parts := strings.FieldsFunc(strings.ToLower(code), func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) < 2 || LangOf(parts[0]) != corpus.Chinese {
		return false, false
	}
	for _, p := range parts[1:] {
		switch p {
		case "hant", "tw", "hk", "mo":
			return true, true
		case "hans", "cn", "sg", "my":
			return false, true
		}
	}
	return false, false
}
