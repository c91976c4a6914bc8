package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
)

func TestAlignedSegments(t *testing.T) {
	t.Parallel()
	zh := []corpus.Sentence{{Text: "第一句。", Start: 0}, {Text: "第二句。", Start: 13}, {Text: "第三句。", Start: 26}}
	en := []corpus.Sentence{{Text: "One."}, {Text: "Two and three."}}
	beads := []align.Bead{{ZH: []int{0}, EN: []int{0}, Confidence: 0.9}, {ZH: []int{1, 2}, EN: []int{1}, Confidence: 0.2}, {EN: []int{}, Confidence: 1}}
	segs := AlignedSegments(zh, en, beads, func(off int) int { return off/13 + 1 })
	want := []Segment{
		{Pos: 1, Line: 1, ID: "bead 1-1", ZH: "第一句。", EN: "One."},
		{Pos: 2, Line: 2, ID: "bead 2-1", ZH: "第二句。第三句。", EN: "Two and three.", Uncertain: true},
		{Pos: 3, ID: "bead 0-0"},
	}
	if !slices.Equal(segs, want) {
		t.Errorf("got %+v\nwant %+v", segs, want)
	}
}

// TestAlignedNewsDev checks the documents of ../shared/eval/news-dev (whose
// Chinese and English editions differ by merged, split and dropped lines)
// twice with the evaluation glossary (see TestInjectedNewsDev): on the gold
// alignment and on bitext's own alignment with one bead of slack. Term
// findings on the aligner's beads that the gold beads do not give are
// alarms caused by misalignment; there should be none.
func TestAlignedNewsDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := filepath.Join("..", "..", "..", "shared", "eval", "news-dev")
	names, err := os.ReadDir(filepath.Join(dir, "zh"))
	if err != nil {
		t.Skip("../shared/eval/news-dev not present")
	}
	terms := evalGlossary(t)
	c, err := New(evalEntries(terms), Options{NoNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	// key identifies a term finding by document, Chinese line and term.
	type key struct {
		doc, line int
		kind      Kind
		term      string
	}
	// sentenceOf returns the Chinese sentence of a bead that holds the byte
	// offset off of the bead's joined Chinese text.
	sentenceOf := func(zh []corpus.Sentence, b align.Bead, off int) int {
		for _, k := range b.ZH {
			if off < len(zh[k].Text) {
				return k
			}
			off -= len(zh[k].Text)
		}
		return -1
	}
	var a align.Aligner
	gold, pred := map[key]bool{}, map[key]bool{}
	for d, e := range names {
		read := func(lang string) []corpus.Sentence {
			doc, err := corpus.ReadFile(filepath.Join(dir, lang, e.Name()), corpus.ReadOptions{Format: corpus.FormatLines})
			if err != nil {
				t.Fatal(err)
			}
			return doc.Sentences
		}
		zh, en := read("zh"), read("en")
		f, err := os.Open(filepath.Join(dir, "gold", e.Name()+".align"))
		if err != nil {
			t.Fatal(err)
		}
		goldBeads, err := align.ReadBeads(f, e.Name(), len(zh), len(en))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range goldBeads {
			goldBeads[i].Confidence = 1 // gold: certain
		}
		predBeads, err := a.Align(zh, en)
		if err != nil {
			t.Fatal(err)
		}
		for _, run := range []struct {
			beads []align.Bead
			slack int
			into  map[key]bool
		}{{goldBeads, 0, gold}, {predBeads, 1, pred}} {
			segs := AlignedSegments(zh, en, run.beads, nil)
			for _, f := range c.Check(&Input{Segments: segs, Slack: run.slack}) {
				if f.Kind != MissingTerm && f.Kind != ForbiddenTerm {
					continue
				}
				line := -1
				if f.ZHSpan != nil {
					line = sentenceOf(zh, run.beads[f.Segment-1], f.ZHSpan.Start)
				}
				run.into[key{d, line, f.Kind, f.Term()}] = true
			}
		}
	}
	var extra, lost []string
	for k := range pred {
		if !gold[k] {
			extra = append(extra, fmt.Sprintf("doc %s line %d: %s %s", names[k.doc].Name(), k.line+1, k.kind, k.term))
		}
	}
	for k := range gold {
		if !pred[k] {
			lost = append(lost, fmt.Sprintf("doc %s line %d: %s %s", names[k.doc].Name(), k.line+1, k.kind, k.term))
		}
	}
	slices.Sort(extra)
	slices.Sort(lost)
	t.Logf("term findings on gold beads %d, on bitext's beads with slack 1: %d", len(gold), len(pred))
	t.Logf("only on bitext's beads (alarms from misalignment): %d\n  %s", len(extra), strings.Join(extra, "\n  "))
	t.Logf("only on gold beads (lost to slack or misalignment): %d\n  %s", len(lost), strings.Join(lost, "\n  "))
	if len(extra) > len(gold)/10+1 {
		t.Errorf("%d alarms from misalignment", len(extra))
	}
}
