package main

// HTML reports for the commands that offer --format html. The owners of the
// commands call these; package report does the rendering.

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
	"github.com/bitext/bitext/report"
)

// alignHTML collects aligned document pairs for one HTML report: call add
// for each pair (align: once; align --batch: per result, in order), then
// write.
type alignHTML struct {
	title   string
	start   time.Time
	docs    []report.Doc
	terms   []report.TermHighlight
	low     float64
	stats   []report.Stat
	elapsed time.Duration // 0: time since start
}

// newAlignHTML starts a report. dicts are the --dict files: those that read
// as glossaries have their terms highlighted (others are skipped silently:
// a plain dictionary is not a glossary). low is the low-confidence
// threshold (0: the report's default).
func newAlignHTML(title string, dicts []string, low float64) *alignHTML {
	h := &alignHTML{title: title, start: time.Now(), low: low}
	for _, path := range dicts {
		if entries, err := glossary.ReadFile(path); err == nil {
			h.terms = append(h.terms, report.GlossaryTerms(entries)...)
		}
	}
	return h
}

// add appends one aligned document pair.
func (h *alignHTML) add(name string, zh, en []corpus.Sentence, beads []align.Bead) {
	h.docs = append(h.docs, report.Doc{Name: name, ZH: zh, EN: en, Beads: beads})
}

// write writes the report.
func (h *alignHTML) write(w io.Writer) error {
	elapsed := h.elapsed
	if elapsed == 0 {
		elapsed = time.Since(h.start)
	}
	return report.WriteAlignment(w, &report.Alignment{
		Title:         h.title,
		Docs:          h.docs,
		Terms:         h.terms,
		LowConfidence: h.low,
		Summary:       report.Summary{Generated: time.Now(), Elapsed: elapsed, Stats: h.stats},
	})
}

// writeCheckHTML writes the report of a check: one row per segment (bead
// for two aligned documents), findings flagged with the expected rendering,
// the glossary's terms highlighted.
func writeCheckHTML(w io.Writer, in *check.Input, fs []check.Finding, sum check.Summary, entries []glossary.Entry, elapsed time.Duration) error {
	stats := []report.Stat{{Label: "Glossary entries", Value: strconv.Itoa(len(entries))}}
	if sum.Ignored > 0 {
		stats = append(stats, report.Stat{Label: "Dismissed (ignore file)", Value: strconv.Itoa(sum.Ignored)})
	}
	if sum.NoTarget > 0 {
		stats = append(stats, report.Stat{Label: "Without translation", Value: strconv.Itoa(sum.NoTarget)})
	}
	return report.WriteAlignment(w, &report.Alignment{
		Title:   fmt.Sprintf("bitext check: %s", in.Name),
		Docs:    []report.Doc{report.CheckDoc(in, fs)},
		Terms:   report.GlossaryTerms(entries),
		Summary: report.Summary{Generated: time.Now(), Elapsed: elapsed, Stats: stats},
	})
}
