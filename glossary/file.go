package glossary

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
)

// Glossary file formats, as named by Write and the --format flag.
const (
	FormatTSV  = "tsv"
	FormatCSV  = "csv"
	FormatTBX  = "tbx"
	FormatJSON = "json"
)

// Formats lists the formats Write accepts.
var Formats = []string{FormatTSV, FormatCSV, FormatTBX, FormatJSON}

// FormatOf returns the format a path's extension names ("" when it names
// none): .tsv .tab .utf8 .txt are TSV (OmegaT's glossary extensions), .csv,
// .tbx (and .xml), .json.
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tsv", ".tab", ".utf8", ".txt":
		return FormatTSV
	case ".csv":
		return FormatCSV
	case ".tbx", ".xml":
		return FormatTBX
	case ".json":
		return FormatJSON
	}
	return ""
}

// Write writes entries in format (one of Formats).
func Write(w io.Writer, format string, entries []Entry) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case FormatTSV, "":
		err = writeTSV(bw, entries)
	case FormatCSV:
		err = writeCSV(bw, entries)
	case FormatTBX:
		err = writeTBX(bw, entries)
	case FormatJSON:
		err = writeJSON(bw, entries)
	default:
		return fmt.Errorf("unknown glossary format %q (want tsv, csv, tbx or json)", format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// ReadFile reads a glossary file in any format Write produces, or a
// hand-made OmegaT TSV (source, target and optional comment; entries without
// a status are approved). The format comes from the extension, or from the
// content when the extension says nothing.
func ReadFile(path string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return readBytes(data, path, FormatOf(path))
}

// Read reads a glossary from r, recognising its format from the content;
// name is used in error messages.
func Read(r io.Reader, name string) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return readBytes(data, name, "")
}

func readBytes(data []byte, name, format string) ([]Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &corpus.ParseError{File: name, Offset: int64(bytes.IndexByte(data, 0)), Err: corpus.ErrBinary}
	}
	if !utf8.Valid(data) {
		off := 0
		for r, n := utf8.DecodeRune(data[off:]); r != utf8.RuneError || n != 1; r, n = utf8.DecodeRune(data[off:]) {
			off += n
		}
		return nil, &corpus.ParseError{File: name, Line: lineAt(data, int64(off)), Offset: -1,
			Err: fmt.Errorf("%w: glossaries must be UTF-8", corpus.ErrEncoding)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: corpus.ErrEmpty}
	}
	if format == "" {
		format = sniff(data)
	}
	switch format {
	case FormatCSV:
		return readCSV(data, name)
	case FormatTBX:
		return readTBX(data, name)
	case FormatJSON:
		return readJSON(data, name)
	}
	return readTSV(data, name)
}

// sniff guesses a format from the first non-blank bytes: '<' is TBX, '[' or
// '{' JSON, a first line with a tab TSV, with a comma CSV.
func sniff(data []byte) string {
	t := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(t) > 0 && t[0] == '<':
		return FormatTBX
	case len(t) > 0 && (t[0] == '[' || t[0] == '{'):
		return FormatJSON
	}
	line, _, _ := bytes.Cut(t, []byte("\n"))
	if bytes.IndexByte(line, '\t') < 0 && bytes.IndexByte(line, ',') >= 0 {
		return FormatCSV
	}
	return FormatTSV
}

// ParseStatus reads a status name as written in glossary files (case
// insensitive; "deprecated" is Forbidden). An empty string is Approved: a
// hand-made glossary lists what its author wants.
func ParseStatus(s string) (Status, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "approved":
		return Approved, nil
	case "new":
		return New, nil
	case "preferred":
		return Preferred, nil
	case "admitted":
		return Admitted, nil
	case "rejected":
		return Rejected, nil
	case "forbidden", "deprecated":
		return Forbidden, nil
	}
	return "", fmt.Errorf("unknown status %q (want new, approved, rejected or forbidden)", s)
}

// IsApproved reports whether s counts as approved (Approved or Preferred).
func (s Status) IsApproved() bool { return s == Approved || s == Preferred }

// formatVariants renders variants as "en (3) | en2 (1)".
func formatVariants(vs []Variant) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%s (%d)", cell(v.EN), v.Count)
	}
	return strings.Join(parts, " | ")
}

// parseVariants reads what formatVariants writes; a variant without a count
// counts 0.
func parseVariants(s string) ([]Variant, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var vs []Variant
	for _, p := range strings.Split(s, "|") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		v := Variant{EN: p}
		if strings.HasSuffix(p, ")") {
			if i := strings.LastIndex(p, " ("); i >= 0 {
				n, err := strconv.Atoi(p[i+2 : len(p)-1])
				if err == nil {
					if n < 0 {
						return nil, fmt.Errorf("negative variant count in %q", p)
					}
					v = Variant{EN: strings.TrimSpace(p[:i]), Count: n}
				}
			}
		}
		vs = append(vs, v)
	}
	return vs, nil
}

// cell makes s safe for one TSV cell: tabs and line breaks become spaces.
func cell(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' }), " ")
}

// checkEntry reports what makes a read entry unusable.
func checkEntry(e *Entry) error {
	e.ZH = strings.TrimSpace(e.ZH)
	e.EN = strings.TrimSpace(e.EN)
	switch {
	case e.ZH == "" && e.EN == "":
		return fmt.Errorf("%w: entry without source and target", corpus.ErrSyntax)
	case e.ZH == "":
		return fmt.Errorf("%w: entry without a source (Chinese) term", corpus.ErrSyntax)
	case e.EN == "":
		return fmt.Errorf("%w: entry without a target (English) term", corpus.ErrSyntax)
	case !isHan(e.ZH) && isHan(e.EN):
		return fmt.Errorf("%w: the source %q has no Chinese and the target %q has: columns swapped? (Chinese first, then English)", corpus.ErrSyntax, e.ZH, e.EN)
	}
	if e.Status == "" {
		e.Status = Approved
	}
	return nil
}
