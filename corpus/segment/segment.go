// Package segment implements corpus.Segmenter with gse
// (github.com/go-ego/gse), a dictionary-based Chinese word segmenter.
//
// Only gse's embedded dictionaries are used (LoadDictEmbed, LoadDictStr):
// its file loaders look for data in the module cache and break in an
// installed binary. Loading a dictionary takes about a second and over a
// hundred MiB, so the two shared segmenters (Default for Simplified text,
// Traditional for zh_t) load lazily, once, behind sync.OnceValues, and only
// in commands that call them. A segmenter is read-only after it is built
// and safe to share between goroutines; building one while another
// goroutine cuts is a data race inside gse, which is why New builds a fresh,
// private segmenter instead of adding words to a shared one.
//
// gse lower-cases Latin letters inside Chinese text when its package-level
// ToLower is true (the default). bitext keeps the original text, so the
// first constructor call sets gse.ToLower = false, once (setGlobals), and
// nothing else writes it.
package segment

import (
	"fmt"
	"strings"
	"sync"

	"github.com/bitext/bitext/corpus"
	"github.com/go-ego/gse"
)

// Segmenter cuts Chinese text into words with a gse dictionary. It
// implements corpus.Segmenter and is safe for concurrent use.
type Segmenter struct {
	seg   gse.Segmenter
	words int // tokens in the dictionary after loading, for tests
}

var _ corpus.Segmenter = (*Segmenter)(nil)

// Cut returns the words of text in order; their concatenation is text.
// Cut uses gse's dictionary (DAG) mode with its HMM for unknown words.
func (s *Segmenter) Cut(text string) []string {
	if text == "" {
		return nil
	}
	return s.seg.Cut(text, true)
}

// Len returns the number of entries in the segmenter's dictionary.
func (s *Segmenter) Len() int { return s.words }

// Has reports whether word is in the segmenter's dictionary.
func (s *Segmenter) Has(word string) bool {
	_, _, ok := s.seg.Find(word)
	return ok
}

// gse keeps two pieces of package-level state: ToLower and the HMM model
// for unknown words (hmm.LoadModel, called from every Segmenter's Init
// unless NotLoadHMM is set). Both are written here once, before the first
// segmenter exists; segmenters are then built with NotLoadHMM so that New
// never writes the model while another goroutine cuts with it.
var setGlobals = sync.OnceFunc(func() {
	gse.ToLower = false
	var s gse.Segmenter
	s.LoadModel()
})

var (
	simplified  = sync.OnceValues(func() (*Segmenter, error) { return build("zh_s", nil) })
	traditional = sync.OnceValues(func() (*Segmenter, error) { return build("zh_t", nil) })
)

// Default returns the shared segmenter for Simplified Chinese, loading gse's
// embedded Simplified dictionary on first use.
func Default() (corpus.Segmenter, error) {
	s, err := simplified()
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Traditional returns the shared segmenter for Traditional Chinese (gse's
// zh_t dictionary), loaded on first use.
func Traditional() (corpus.Segmenter, error) {
	s, err := traditional()
	if err != nil {
		return nil, err
	}
	return s, nil
}

// New builds a private segmenter with the Simplified dictionary (or the
// Traditional one when trad is set) and userTerms added as words, so that
// glossary terms such as 三股势力 come out whole. Each call loads a
// dictionary: build one per run and share it. Terms with spaces, or empty,
// are skipped. Terms are added as written: for Traditional text, give them
// in Traditional script (a Simplified glossary matched against Traditional
// text goes through norm.Simplify on the text instead).
func New(userTerms []string, trad bool) (corpus.Segmenter, error) {
	dict := "zh_s"
	if trad {
		dict = "zh_t"
	}
	s, err := build(dict, userTerms)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// userFreq is the frequency given to user terms: high enough that the DAG
// prefers the whole term over its parts (common words in gse's dictionary
// have frequencies in the thousands to hundreds of thousands).
const userFreq = 100000

func build(dict string, userTerms []string) (*Segmenter, error) {
	setGlobals()
	s := &Segmenter{}
	s.seg.SkipLog = true
	s.seg.NotLoadHMM = true
	if err := s.seg.LoadDictEmbed(dict); err != nil {
		return nil, fmt.Errorf("segment: loading gse dictionary %s: %w", dict, err)
	}
	base := s.seg.Dict.NumTokens()
	if base == 0 {
		return nil, fmt.Errorf("segment: gse dictionary %s is empty", dict)
	}
	if err := s.addTerms(userTerms); err != nil {
		return nil, err
	}
	s.words = s.seg.Dict.NumTokens()
	return s, nil
}

// addTerms adds user terms to the dictionary with frequency userFreq.
// Terms already in the dictionary are re-added with that frequency, so the
// DAG prefers them too.
func (s *Segmenter) addTerms(terms []string) error {
	var b strings.Builder
	var added []string
	seen := make(map[string]bool)
	reweighted := false
	for _, t := range terms {
		t = strings.TrimSpace(t)
		if t == "" || strings.ContainsAny(t, " \t\n\r") || seen[t] {
			continue
		}
		seen[t] = true
		if _, _, ok := s.seg.Find(t); ok {
			if err := s.seg.ReAddToken(t, userFreq, "n"); err != nil {
				return fmt.Errorf("segment: user term %q: %w", t, err)
			}
			reweighted = true
			continue
		}
		fmt.Fprintf(&b, "%s %d n\n", t, userFreq)
		added = append(added, t)
	}
	if len(added) == 0 {
		if reweighted {
			s.seg.CalcToken()
		}
		return nil
	}
	before := s.seg.Dict.NumTokens()
	// LoadDictStr never reports an error: check that the words arrived.
	_ = s.seg.LoadDictStr(b.String())
	if got := s.seg.Dict.NumTokens() - before; got != len(added) {
		return fmt.Errorf("segment: %d of %d user terms were added to the dictionary", got, len(added))
	}
	for _, t := range added {
		if _, _, ok := s.seg.Find(t); !ok {
			return fmt.Errorf("segment: user term %q was not added to the dictionary", t)
		}
	}
	return nil
}
