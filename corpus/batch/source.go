// Package batch aligns whole corpora: it lists the document pairs of the
// sources a user names (directories, manifests, JSON Lines files), learns
// the aligner's lexical statistics over all of them in a first pass, then
// aligns every pair with them on several workers and hands the results
// over in document order, so that the output is the same whatever the
// number of workers.
//
// # Sources
//
//   - a directory with zh/NAME and en/NAME: the pair NAME (files present on
//     one side only are reported as failed);
//   - a directory of files named NAME.zh.EXT and NAME.en.EXT side by side;
//   - a file NAME.zh.EXT: the pair it forms with NAME.en.EXT;
//   - a manifest (.tsv, .tab, .txt): id<TAB>zh path<TAB>en path per line,
//     paths relative to the manifest, # comments and blank lines skipped;
//   - JSON Lines (.jsonl, .ndjson, .json): one pair per line, an object
//     with string fields zh and en (whole texts, paragraphs separated by a
//     blank line), optional id and date. When both texts have the same
//     number of paragraphs, paragraph i of zh is taken to render paragraph i
//     of en and the paragraphs are aligned one by one (anchors).
//
// # Memory
//
// Only the list of pairs (names and offsets) is kept for the whole batch;
// a document is read when a worker takes it and dropped once its beads are
// handed over. At most 2×workers documents are in flight. The first pass
// keeps the aligner's training table (word ids of confident beads), which
// grows with the corpus but is compact.
package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/tm"
)

// Pair is one document pair of a batch: two files, or one line of a JSON
// Lines file.
type Pair struct {
	ID string // document id in the output (unique within the batch)
	ZH string // Chinese file (file pairs)
	EN string // English file (file pairs)

	JSONL string // JSON Lines file (records)
	Line  int    // 1-based line of the record
	off   int64  // byte offset of the record's line
	n     int    // its length
}

// Name is what reports call the pair: the Chinese file, or FILE:LINE.
func (p Pair) Name() string {
	if p.JSONL != "" {
		return fmt.Sprintf("%s:%d", p.JSONL, p.Line)
	}
	return p.ZH
}

// Failure is a document that could not be read or aligned.
type Failure struct {
	ID     string
	File   string // the file (or FILE:LINE) at fault
	Reason string
}

// Collect lists the document pairs of the sources in order: sources in
// the order given, pairs of a directory by name. Pairs that cannot be
// formed (a file without its counterpart) are returned as failures; an
// error means a source itself is unusable. When several sources are given,
// ids are prefixed with the source's base name to keep them apart.
func Collect(sources []string) ([]Pair, []Failure, error) {
	var pairs []Pair
	var failed []Failure
	for _, src := range sources {
		ps, fs, err := collect(src)
		if err != nil {
			return nil, nil, err
		}
		if len(sources) > 1 {
			prefix := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
			for i := range ps {
				ps[i].ID = prefix + "/" + ps[i].ID
			}
			for i := range fs {
				fs[i].ID = prefix + "/" + fs[i].ID
			}
		}
		pairs = append(pairs, ps...)
		failed = append(failed, fs...)
	}
	seen := make(map[string]string, len(pairs))
	for _, p := range pairs {
		if prev, ok := seen[p.ID]; ok {
			return nil, nil, fmt.Errorf("document id %q given twice (%s and %s)", p.ID, prev, p.Name())
		}
		seen[p.ID] = p.Name()
	}
	return pairs, failed, nil
}

func collect(src string) ([]Pair, []Failure, error) {
	fi, err := os.Stat(src)
	if err != nil {
		return nil, nil, &corpus.ParseError{File: src, Offset: -1, Err: withoutPath(err)}
	}
	if fi.IsDir() {
		return collectDir(src)
	}
	base := filepath.Base(src)
	switch strings.ToLower(filepath.Ext(src)) {
	case ".jsonl", ".ndjson", ".json":
		ps, err := collectJSONL(src)
		return ps, nil, err
	case ".tsv", ".tab":
		return collectManifest(src)
	}
	if name, ext, ok := langSuffix(base, "zh"); ok {
		en := filepath.Join(filepath.Dir(src), name+".en"+ext)
		if _, err := os.Stat(en); err != nil {
			return nil, nil, fmt.Errorf("%s: no English counterpart %s", src, en)
		}
		return []Pair{{ID: name, ZH: src, EN: en}}, nil, nil
	}
	if strings.EqualFold(filepath.Ext(src), ".txt") {
		return collectManifest(src)
	}
	return nil, nil, fmt.Errorf("%s: not a batch source (want a directory, a manifest .tsv, a .jsonl file or NAME.zh.EXT)", src)
}

// langSuffix splits NAME.LANG.EXT (or NAME.LANG) into NAME and .EXT.
func langSuffix(base, lang string) (name, ext string, ok bool) {
	ext = filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if strings.HasSuffix(stem, "."+lang) {
		return strings.TrimSuffix(stem, "."+lang), ext, true
	}
	if ext == "."+lang {
		return stem, "", true
	}
	return "", "", false
}

// files lists the regular, non-hidden files of dir, sorted.
func files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names, nil // ReadDir sorts by name
}

func collectDir(dir string) ([]Pair, []Failure, error) {
	zhDir, enDir := filepath.Join(dir, "zh"), filepath.Join(dir, "en")
	if isDir(zhDir) && isDir(enDir) {
		zh, err := files(zhDir)
		if err != nil {
			return nil, nil, err
		}
		en, err := files(enDir)
		if err != nil {
			return nil, nil, err
		}
		var pairs []Pair
		var failed []Failure
		for _, name := range zh {
			if _, ok := slices.BinarySearch(en, name); ok {
				pairs = append(pairs, Pair{ID: name, ZH: filepath.Join(zhDir, name), EN: filepath.Join(enDir, name)})
			} else {
				failed = append(failed, Failure{ID: name, File: filepath.Join(zhDir, name), Reason: "no English counterpart in " + enDir})
			}
		}
		for _, name := range en {
			if _, ok := slices.BinarySearch(zh, name); !ok {
				failed = append(failed, Failure{ID: name, File: filepath.Join(enDir, name), Reason: "no Chinese counterpart in " + zhDir})
			}
		}
		if len(pairs) == 0 && len(failed) == 0 {
			return nil, nil, fmt.Errorf("%s: no documents in zh/ and en/", dir)
		}
		return pairs, failed, nil
	}
	names, err := files(dir)
	if err != nil {
		return nil, nil, err
	}
	var pairs []Pair
	var failed []Failure
	for _, base := range names {
		if name, ext, ok := langSuffix(base, "zh"); ok {
			en := name + ".en" + ext
			if _, ok := slices.BinarySearch(names, en); ok {
				pairs = append(pairs, Pair{ID: name, ZH: filepath.Join(dir, base), EN: filepath.Join(dir, en)})
			} else {
				failed = append(failed, Failure{ID: name, File: filepath.Join(dir, base), Reason: "no English counterpart " + en})
			}
		} else if name, ext, ok := langSuffix(base, "en"); ok {
			if _, ok := slices.BinarySearch(names, name+".zh"+ext); !ok {
				failed = append(failed, Failure{ID: name, File: filepath.Join(dir, base), Reason: "no Chinese counterpart " + name + ".zh" + ext})
			}
		}
	}
	if len(pairs) == 0 && len(failed) == 0 {
		return nil, nil, fmt.Errorf("%s: no document pairs (want zh/ and en/ subdirectories or NAME.zh.EXT and NAME.en.EXT files)", dir)
	}
	return pairs, failed, nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// collectManifest reads id<TAB>zh path<TAB>en path lines.
func collectManifest(path string) ([]Pair, []Failure, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	dir := filepath.Dir(path)
	rel := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	var pairs []Pair
	var failed []Failure
	var firstBad error
	wellFormed := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 || fields[0] == "" || fields[1] == "" || fields[2] == "" {
			// A malformed line is skipped like a bad JSON Lines record,
			// unless no line is well formed (below).
			err := &corpus.ParseError{File: path, Line: line, Offset: -1,
				Err: fmt.Errorf("%w: want id<TAB>zh path<TAB>en path, got %d fields", corpus.ErrSyntax, len(fields))}
			if firstBad == nil {
				firstBad = err
			}
			failed = append(failed, Failure{ID: fields[0], File: fmt.Sprintf("%s:%d", path, line), Reason: err.Error()})
			continue
		}
		wellFormed++
		p := Pair{ID: fields[0], ZH: rel(fields[1]), EN: rel(fields[2])}
		// A listed file that is not there is the manifest line's fault:
		// say which line, and skip the pair like any unreadable document.
		if missing := missingFile(p.ZH, p.EN); missing != "" {
			failed = append(failed, Failure{ID: p.ID, File: fmt.Sprintf("%s:%d", path, line), Reason: missing})
			continue
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, &corpus.ParseError{File: path, Offset: -1, Err: err}
	}
	if wellFormed == 0 && firstBad != nil {
		return nil, nil, firstBad // not a manifest at all
	}
	if len(pairs) == 0 && len(failed) == 0 {
		return nil, nil, &corpus.ParseError{File: path, Offset: -1, Err: fmt.Errorf("%w: no document pairs in the manifest", corpus.ErrEmpty)}
	}
	return pairs, failed, nil
}

// missingFile describes the first of paths that cannot be found ("zh.txt:
// no such file or directory"), "" when all exist.
func missingFile(paths ...string) string {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return p + ": " + withoutPath(err).Error()
		}
	}
	return ""
}

// withoutPath is err without the operation and path of an *fs.PathError,
// for messages that name the file themselves.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// collectJSONL indexes the records of a JSON Lines file (offsets only: the
// records are parsed when their document is read).
func collectJSONL(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var pairs []Pair
	r := bufio.NewReaderSize(f, 1<<16)
	var off int64
	for line := 1; ; line++ {
		n, blank, err := lineLength(r)
		if n > 0 && !blank {
			pairs = append(pairs, Pair{ID: stem + "-" + strconv.Itoa(line), JSONL: path, Line: line, off: off, n: n})
		}
		off += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &corpus.ParseError{File: path, Line: line, Offset: -1, Err: err}
		}
	}
	if len(pairs) == 0 {
		return nil, &corpus.ParseError{File: path, Offset: -1, Err: fmt.Errorf("%w: no records", corpus.ErrEmpty)}
	}
	return pairs, nil
}

// lineLength consumes one line and returns its length in bytes (newline
// included) and whether it is blank, without holding it in memory.
func lineLength(r *bufio.Reader) (n int, blank bool, err error) {
	blank = true
	for {
		chunk, err := r.ReadSlice('\n')
		n += len(chunk)
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return n, blank, err
	}
}

// record is a JSON Lines document pair.
type record struct {
	ID   json.RawMessage `json:"id"`
	ZH   *string         `json:"zh"`
	EN   *string         `json:"en"`
	Date string          `json:"date"`
}

// readRecord reads and parses the pair's JSON Lines record.
func (p Pair) readRecord() (record, error) {
	var rec record
	f, err := os.Open(p.JSONL)
	if err != nil {
		return rec, err
	}
	defer f.Close()
	buf := make([]byte, p.n)
	if _, err := f.ReadAt(buf, p.off); err != nil {
		return rec, &corpus.ParseError{File: p.JSONL, Line: p.Line, Offset: -1, Err: err}
	}
	if err := json.Unmarshal(buf, &rec); err != nil {
		return rec, &corpus.ParseError{File: p.JSONL, Line: p.Line, Offset: -1, Err: fmt.Errorf("%w: %v", corpus.ErrSyntax, tm.DescribeJSONError(err))}
	}
	if rec.ZH == nil || rec.EN == nil {
		return rec, &corpus.ParseError{File: p.JSONL, Line: p.Line, Offset: -1,
			Err: fmt.Errorf("%w: want an object with string fields \"zh\" and \"en\"", corpus.ErrSyntax)}
	}
	return rec, nil
}

// recordID is the id field of a record as text ("" when absent or null).
func recordID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	t := strings.TrimSpace(string(raw))
	if t == "null" {
		return ""
	}
	return t
}
