package glossary

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/tm"
)

// Bead is one aligned pair of the corpus a glossary is extracted from: a
// Chinese segment, its English rendering, the document it came from and the
// document's date (YYYY-MM-DD, "" when unknown). Seq numbers beads across
// the whole corpus; examples and first/last dates are chosen by it, so
// counting shards of a corpus gives what counting it whole gives as long as
// the shards keep the corpus-wide Seq.
type Bead struct {
	Seq  int
	Doc  string
	Date string
	ZH   string
	EN   string
}

// ReadCorpus reads an aligned corpus: TMX, TSV (zh<TAB>en[<TAB>…]) or JSON
// Lines of {"zh", "en", "doc"?, "props"?} objects, by extension. A unit whose
// two sides hold the same number of blank-line separated paragraphs (as in
// chapter-per-line corpora such as the HKMA annual report) becomes one bead
// per paragraph pair. Seq continues from first.
func ReadCorpus(path string, first int) ([]Bead, error) {
	format, err := tm.FormatOf(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadUnits(f, path, format, first)
}

// ReadUnits is ReadCorpus on a reader; name is used in errors and as the
// document id of units that name none.
func ReadUnits(r io.Reader, name string, format tm.Format, first int) ([]Bead, error) {
	ur, err := tm.NewReader(format, r, name)
	if err != nil {
		return nil, err
	}
	var beads []Bead
	units := 0
	for ur.Scan() {
		u := ur.Unit()
		units++
		doc := u.Doc
		if doc == "" {
			doc = fmt.Sprintf("%s#%d", name, units)
		}
		date := ""
		for _, p := range u.Props {
			if p.Type == "date" || p.Type == "x-bitext-date" {
				date = p.Value
			}
		}
		zhs, ens := paragraphs(u.ZH), paragraphs(u.EN)
		if len(zhs) != len(ens) || len(zhs) < 2 {
			zhs, ens = []string{strings.TrimSpace(u.ZH)}, []string{strings.TrimSpace(u.EN)}
		}
		for i := range zhs {
			if zhs[i] == "" || ens[i] == "" {
				continue
			}
			beads = append(beads, Bead{Seq: first + len(beads), Doc: doc, Date: date, ZH: zhs[i], EN: ens[i]})
		}
	}
	if err := ur.Err(); err != nil {
		return nil, err
	}
	if tr, ok := ur.(*tm.TMXReader); ok && tr.Skipped() > 0 && len(beads) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1,
			Err: fmt.Errorf("%w: none of the %d translation units has both a Chinese and an English segment", corpus.ErrSyntax, tr.Skipped())}
	}
	if len(beads) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no aligned pairs with text on both sides", corpus.ErrEmpty)}
	}
	return beads, nil
}

// paragraphs splits s at blank lines.
func paragraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ErrNoInput is returned by ReadCorpora for an empty list of inputs.
var ErrNoInput = errors.New("no input corpus")

// ReadCorpora reads several corpora into one bead list, Seq counting on.
func ReadCorpora(paths []string) ([]Bead, error) {
	if len(paths) == 0 {
		return nil, ErrNoInput
	}
	var all []Bead
	for _, p := range paths {
		b, err := ReadCorpus(p, len(all))
		if err != nil {
			return nil, err
		}
		all = append(all, b...)
	}
	return all, nil
}
