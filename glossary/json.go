package glossary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// writeJSON writes entries as a JSON array, one object per entry.
func writeJSON(w io.Writer, entries []Entry) error {
	if entries == nil {
		entries = []Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(entries)
}

// readJSON reads a JSON array of entries, or an object whose "entries" field
// is one.
func readJSON(data []byte, name string) ([]Entry, error) {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		var wrap struct {
			Entries json.RawMessage `json:"entries"`
		}
		if err := json.Unmarshal(data, &wrap); err != nil {
			return nil, jsonError(data, name, err, 0)
		}
		if wrap.Entries == nil {
			return nil, &corpus.ParseError{File: name, Line: 1, Offset: -1, Err: fmt.Errorf("%w: JSON object without \"entries\"", corpus.ErrSyntax)}
		}
		base := int64(bytes.Index(data, wrap.Entries))
		return readJSONArray(data, wrap.Entries, base, name)
	}
	return readJSONArray(data, data, 0, name)
}

// readJSONArray decodes the array arr, which starts at byte base of data
// (for line numbers in errors).
func readJSONArray(data, arr []byte, base int64, name string) ([]Entry, error) {
	d := json.NewDecoder(bytes.NewReader(arr))
	d.DisallowUnknownFields()
	tok, err := d.Token()
	if err != nil {
		return nil, jsonError(data, name, err, base)
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '[' {
		return nil, &corpus.ParseError{File: name, Line: 1, Offset: -1, Err: fmt.Errorf("%w: want a JSON array of entries", corpus.ErrSyntax)}
	}
	var entries []Entry
	for d.More() {
		start := skipSpace(data, base+d.InputOffset())
		var e Entry
		if err := d.Decode(&e); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				return nil, jsonError(data, name, err, start)
			}
			return nil, jsonError(data, name, err, base)
		}
		if e.Status != "" {
			s, err := ParseStatus(string(e.Status))
			if err != nil {
				return nil, &corpus.ParseError{File: name, Line: lineAt(data, start), Offset: -1, Err: fmt.Errorf("%w: %v", corpus.ErrSyntax, err)}
			}
			e.Status = s
		}
		if err := checkEntry(&e); err != nil {
			return nil, &corpus.ParseError{File: name, Line: lineAt(data, start), Offset: -1, Err: err}
		}
		entries = append(entries, e)
	}
	if _, err := d.Token(); err != nil {
		return nil, jsonError(data, name, err, base)
	}
	if len(entries) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no glossary entries", corpus.ErrEmpty)}
	}
	return entries, nil
}

// jsonError turns a decoding error into a ParseError with the line it names.
func jsonError(data []byte, name string, err error, base int64) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = base + se.Offset
	case errors.As(err, &te):
		off = base + te.Offset
	}
	pe := &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: %v", corpus.ErrSyntax, err)}
	if off >= 0 {
		pe.Line = lineAt(data, off)
	}
	return pe
}

// skipSpace returns the offset of the first byte at or after off in data
// that is neither JSON white space nor a comma.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return off
}

// lineAt is the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
