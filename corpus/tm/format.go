package tm

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format names a translation-memory file format.
type Format string

// The formats of this package.
const (
	TMX   Format = "tmx"
	TSV   Format = "tsv"
	JSONL Format = "jsonl"
)

// ParseFormat returns the format named s (tmx, tsv, jsonl; also tab, txt
// for TSV and json, ndjson for JSON Lines), in any letter case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "tmx":
		return TMX, nil
	case "tsv", "tab", "txt":
		return TSV, nil
	case "jsonl", "json", "ndjson":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown translation-memory format %q (want tmx, tsv or jsonl)", s)
}

// FormatOf returns the format a file name's extension names.
func FormatOf(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("%s: no extension to tell the format by (use tmx, tsv or jsonl)", path)
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// NewReader returns a reader of format f; name is used in errors.
func NewReader(f Format, r io.Reader, name string) (UnitReader, error) {
	switch f {
	case TMX:
		return NewTMXReader(r, name), nil
	case TSV:
		return NewTSVReader(r, name), nil
	case JSONL:
		return NewJSONLReader(r, name), nil
	}
	return nil, fmt.Errorf("unknown translation-memory format %q", f)
}

// WriterOptions configure NewWriter.
type WriterOptions struct {
	Header  Header   // TMX
	Columns []string // TSV (see NewTSVWriter)
}

// NewWriter returns a writer of format f to w.
func NewWriter(f Format, w io.Writer, opt WriterOptions) (UnitWriter, error) {
	switch f {
	case TMX:
		return NewTMXWriter(w, opt.Header), nil
	case TSV:
		return NewTSVWriter(w, opt.Columns)
	case JSONL:
		return NewJSONLWriter(w), nil
	}
	return nil, fmt.Errorf("unknown translation-memory format %q", f)
}
