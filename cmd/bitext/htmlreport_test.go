package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary/check"
)

func TestHTMLReportHelpers(t *testing.T) {
	t.Parallel()
	dict := filepath.Join(t.TempDir(), "g.tsv")
	os.WriteFile(dict, []byte("一带一路\tBelt and Road Initiative\t\tapproved\n"), 0o644)
	h := newAlignHTML("t", []string{dict, "no-such-file"}, 0.4)
	h.add("d", []corpus.Sentence{{Text: "共建一带一路"}}, []corpus.Sentence{{Text: "the Belt and Road Initiative"}}, []align.Bead{{ZH: []int{0}, EN: []int{0}, Confidence: 0.9}})
	var buf bytes.Buffer
	if err := h.write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"low":0.4`) || !strings.Contains(buf.String(), `"terms":[{"zh":"一带一路"`) {
		t.Errorf("align report data: %.400s", buf.String())
	}

	in := &check.Input{Name: "x.tsv", Segments: []check.Segment{{Pos: 1, ZH: "一带一路", EN: "One Belt One Road"}}}
	fs := []check.Finding{{Kind: check.ForbiddenTerm, Severity: check.Error, File: "x.tsv", Segment: 1, Found: "One Belt One Road"}}
	buf.Reset()
	if err := writeCheckHTML(&buf, in, fs, check.Summary{}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"kind":"forbidden-term"`) {
		t.Errorf("check report data: %.400s", buf.String())
	}
}
