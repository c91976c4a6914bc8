package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// The columns of TSV and CSV glossaries, in the order written. The first
// three are OmegaT's (source, target, comment); CSV names the first two with
// locale codes instead (zh-CN, en-US) as memoQ and Trados expect.
var columns = []string{
	"source", "target", "comment", "status", "variants", "zh_freq", "pair_freq",
	"consistency", "score", "first_seen", "last_seen", "conflict", "case_sensitive",
	"example_doc", "example_zh", "example_en", "example2_doc", "example2_zh", "example2_en",
}

// columnAliases maps other header names to ours (lower case).
var columnAliases = map[string]string{
	"zh": "source", "zh-cn": "source", "zh-hans": "source", "zh-tw": "source", "zh-hk": "source",
	"zh-hant": "source", "chinese": "source", "中文": "source", "term": "source", "source term": "source",
	"en": "target", "en-us": "target", "en-gb": "target", "english": "target", "translation": "target",
	"target term": "target", "note": "comment", "notes": "comment", "remark": "comment",
	"description": "comment",
}

// record renders e as one row of columns.
func record(e Entry) []string {
	r := []string{
		e.ZH, e.EN, e.Comment, string(e.Status), formatVariants(e.Variants),
		itoa(e.ZHFreq), itoa(e.PairFreq), ftoa(e.Consistency), ftoa(e.Score),
		e.FirstSeen, e.LastSeen, e.Conflict, "",
		"", "", "", "", "", "",
	}
	if e.CaseSensitive {
		r[12] = "yes"
	}
	for i, ex := range e.Examples {
		if i == 2 {
			break
		}
		copy(r[13+3*i:], []string{ex.Doc, ex.ZH, ex.EN})
	}
	return r
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func ftoa(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', 4, 64)
}

// header maps a header row to column names; ok is false when the row is not
// a header (its first two cells name no source and target column).
func header(row []string) (cols []string, ok bool) {
	cols = make([]string, len(row))
	for i, h := range row {
		h = strings.ToLower(strings.TrimSpace(h))
		if a, found := columnAliases[h]; found {
			h = a
		}
		cols[i] = h
	}
	return cols, len(cols) >= 2 && cols[0] == "source" && cols[1] == "target"
}

// entryOf reads one row under cols (nil: positional, in the order of columns).
func entryOf(row, cols []string) (Entry, error) {
	if cols == nil {
		cols = columns
	}
	if len(row) < 2 {
		return Entry{}, fmt.Errorf("%w: want at least source and target separated by a tab, got %d field", corpus.ErrSyntax, len(row))
	}
	var e Entry
	var examples [2]Example
	var err error
	status := ""
	for i, v := range row {
		if i >= len(cols) {
			break
		}
		v = strings.TrimSpace(v)
		switch cols[i] {
		case "source":
			e.ZH = v
		case "target":
			e.EN = v
		case "comment":
			e.Comment = v
		case "status":
			status = v
		case "variants":
			e.Variants, err = parseVariants(v)
		case "zh_freq":
			e.ZHFreq, err = atoi(v)
		case "pair_freq":
			e.PairFreq, err = atoi(v)
		case "consistency":
			e.Consistency, err = atof(v)
		case "score":
			e.Score, err = atof(v)
		case "first_seen":
			e.FirstSeen = v
		case "last_seen":
			e.LastSeen = v
		case "conflict":
			e.Conflict = v
		case "case_sensitive":
			e.CaseSensitive = v == "yes" || v == "true" || v == "1"
		case "example_doc":
			examples[0].Doc = v
		case "example_zh":
			examples[0].ZH = v
		case "example_en":
			examples[0].EN = v
		case "example2_doc":
			examples[1].Doc = v
		case "example2_zh":
			examples[1].ZH = v
		case "example2_en":
			examples[1].EN = v
		}
		if err != nil {
			return Entry{}, fmt.Errorf("%w: column %s: %v", corpus.ErrSyntax, cols[i], err)
		}
	}
	if e.Status, err = ParseStatus(status); err != nil {
		return Entry{}, fmt.Errorf("%w: %v", corpus.ErrSyntax, err)
	}
	for _, ex := range examples {
		if ex.ZH != "" || ex.EN != "" {
			e.Examples = append(e.Examples, ex)
		}
	}
	return e, checkEntry(&e)
}

func atoi(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err == nil && n < 0 {
		err = fmt.Errorf("negative count %d", n)
	}
	return n, err
}

func atof(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseFloat(s, 64)
}

// writeTSV writes a '#' header line and one tab-separated row per entry,
// trailing empty cells dropped.
func writeTSV(w io.Writer, entries []Entry) error {
	if _, err := io.WriteString(w, "# "+strings.Join(columns, "\t")+"\n"); err != nil {
		return err
	}
	for _, e := range entries {
		r := record(e)
		for i := range r {
			r[i] = cell(r[i])
		}
		n := len(r)
		for n > 4 && r[n-1] == "" {
			n--
		}
		if _, err := io.WriteString(w, strings.Join(r[:n], "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// readTSV reads OmegaT-style TSV: lines starting with '#' are comments, except
// a first one naming the columns; a first line whose first two cells are
// header words (source/target, zh/en) is a header too.
func readTSV(data []byte, name string) ([]Entry, error) {
	var entries []Entry
	var cols []string
	first := true
	for n, line := range bytes.Split(data, []byte("\n")) {
		s := strings.TrimRight(string(line), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		row := strings.Split(strings.TrimPrefix(s, "#"), "\t")
		if first {
			first = false
			if c, ok := header(row); ok {
				cols = c
				continue
			}
		}
		if strings.HasPrefix(s, "#") {
			continue
		}
		e, err := entryOf(strings.Split(s, "\t"), cols)
		if err != nil {
			return nil, &corpus.ParseError{File: name, Line: n + 1, Offset: -1, Err: err}
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no glossary entries", corpus.ErrEmpty)}
	}
	return entries, nil
}

// writeCSV writes UTF-8 CSV with a byte order mark and a header whose first
// two cells are locale codes.
func writeCSV(w io.Writer, entries []Entry) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	h := append([]string{"zh-CN", "en-US"}, columns[2:]...)
	if err := cw.Write(h); err != nil {
		return err
	}
	for _, e := range entries {
		if err := cw.Write(record(e)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func readCSV(data []byte, name string) ([]Entry, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	var entries []Entry
	var cols []string
	for first := true; ; first = false {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &corpus.ParseError{File: name, Line: pe.Line, Col: pe.Column, Offset: -1, Err: fmt.Errorf("%w: %v", corpus.ErrSyntax, pe.Err)}
			}
			return nil, &corpus.ParseError{File: name, Offset: -1, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if first {
			if c, ok := header(row); ok {
				cols = c
				continue
			}
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		e, err := entryOf(row, cols)
		if err != nil {
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1, Err: err}
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no glossary entries", corpus.ErrEmpty)}
	}
	return entries, nil
}
