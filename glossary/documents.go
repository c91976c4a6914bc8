package glossary

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus/batch"
)

// IsDocumentSource reports whether path names document pairs to align
// first (what `bitext align --batch` reads) rather than an aligned corpus:
// a directory (zh/ and en/, or NAME.zh.EXT next to NAME.en.EXT), a file
// NAME.zh.EXT, a manifest .txt, or a .tsv/.tab manifest whose first line
// is id<TAB>zh path<TAB>en path naming existing files. JSON Lines files are
// read as aligned pairs (ReadCorpus): their units are paired paragraph by
// paragraph.
func IsDocumentSource(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	if fi.IsDir() {
		return true
	}
	base := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(base, ".zh") || strings.Contains(base, ".zh.") {
		return true
	}
	switch filepath.Ext(base) {
	case ".txt":
		return true
	case ".tsv", ".tab":
		return isManifest(path)
	}
	return false
}

// isManifest reports whether the first line of a TSV file that is neither
// blank nor a comment has three fields whose last two name files.
func isManifest(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimPrefix(strings.TrimSuffix(sc.Text(), "\r"), "\uFEFF")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			return false
		}
		for _, p := range fields[1:] {
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(path), p)
			}
			if fi, err := os.Stat(p); err != nil || fi.IsDir() {
				return false
			}
		}
		return true
	}
	return false
}

// AlignDocuments aligns the document pairs of sources (see
// IsDocumentSource) with package batch, as `bitext align --batch` does,
// and returns their beads with both sides, Seq counting on from first.
// Pairs that could not be formed or read are returned as failures; the
// error is for sources that cannot be used at all. a configures the
// aligner (nil: defaults).
func AlignDocuments(ctx context.Context, sources []string, a *align.Aligner, first int) ([]Bead, []batch.Failure, error) {
	pairs, failed, err := batch.Collect(sources)
	if err != nil {
		return nil, nil, err
	}
	if a == nil {
		a = &align.Aligner{}
	}
	b := batch.New(pairs, batch.Options{Aligner: a})
	if err := b.Learn(ctx); err != nil {
		return nil, nil, err
	}
	var beads []Bead
	err = b.Align(ctx, func(res *batch.Result) error {
		for _, ab := range res.Beads {
			if len(ab.ZH) == 0 || len(ab.EN) == 0 {
				continue
			}
			beads = append(beads, Bead{Seq: first + len(beads), Doc: res.ID, Date: res.Date,
				ZH: joinSentences(res.ZH.Sentences, ab.ZH, ""), EN: joinSentences(res.EN.Sentences, ab.EN, " ")})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return beads, append(failed, b.Stats().Failed...), nil
}

// ReadInputs reads every input in order, aligned corpora with ReadCorpus
// and document sources with AlignDocuments, into one bead list.
func ReadInputs(ctx context.Context, paths []string, a *align.Aligner) ([]Bead, []batch.Failure, error) {
	if len(paths) == 0 {
		return nil, nil, ErrNoInput
	}
	var all []Bead
	var failed []batch.Failure
	for _, p := range paths {
		var b []Bead
		var err error
		if IsDocumentSource(p) {
			var f []batch.Failure
			b, f, err = AlignDocuments(ctx, []string{p}, a, len(all))
			failed = append(failed, f...)
		} else {
			b, err = ReadCorpus(p, len(all))
		}
		if err != nil {
			return nil, nil, err
		}
		all = append(all, b...)
	}
	return all, failed, nil
}
