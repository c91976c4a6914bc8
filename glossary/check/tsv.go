package check

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
)

// ReadTSV reads segments from "zh<TAB>en" lines. A segment's Pos and Line
// are its line number; blank lines and lines starting with # are skipped. A
// third and later column is ignored (a TSV written by bitext align may carry
// a score). A line without a tab is an error; a line with an empty English
// column is a segment without a translation (Segment.NoTarget).
func ReadTSV(r io.Reader, name string) ([]Segment, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	var segs []Segment
	for line := 1; sc.Scan(); line++ {
		text := sc.Bytes()
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\xEF\xBB\xBF"))
		}
		s := strings.TrimRight(string(text), "\r")
		if i := strings.IndexByte(s, 0); i >= 0 {
			return nil, &corpus.ParseError{File: name, Line: line, Col: i + 1, Offset: -1, Err: corpus.ErrBinary}
		}
		if !utf8.ValidString(s) {
			return nil, &corpus.ParseError{File: name, Line: line, Col: invalidUTF8At(s) + 1, Offset: -1,
				Err: fmt.Errorf("%w: not UTF-8 (convert the file to UTF-8)", corpus.ErrEncoding)}
		}
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		zh, rest, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1,
				Err: fmt.Errorf("%w: no tab between the Chinese and the English", corpus.ErrSyntax)}
		}
		en, _, _ := strings.Cut(rest, "\t")
		seg := Segment{Pos: line, Line: line, ZH: strings.TrimSpace(zh), EN: strings.TrimSpace(en)}
		seg.NoTarget = seg.EN == "" && seg.ZH != ""
		segs = append(segs, seg)
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: err}
	}
	if len(segs) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: corpus.ErrEmpty}
	}
	return segs, nil
}

// invalidUTF8At is the byte offset of the first invalid UTF-8 sequence in s.
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return len(s)
}
