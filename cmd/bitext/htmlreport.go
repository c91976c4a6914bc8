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
	title string
	docs  []report.Doc
	terms []report.TermHighlight
	low   float64
	stats []report.Stat
}

// newAlignHTML starts a report. dicts are the --dict files: those that read
// as glossaries have their terms highlighted (others are skipped silently:
// a plain dictionary is not a glossary). low is the low-confidence
// threshold (0: the report's default).
func newAlignHTML(title string, dicts []string, low float64) *alignHTML {
	h := &alignHTML{title: title, low: low}
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
	return report.WriteAlignment(w, &report.Alignment{
		Title:         h.title,
		Docs:          h.docs,
		Terms:         h.terms,
		LowConfidence: h.low,
		Summary:       report.Summary{Generated: reportDate(), Stats: h.stats},
	})
}

// reportDate is the date a report shows: $SOURCE_DATE_EPOCH, or none. A
// report is output like any other, the same for the same input, so it
// holds neither the wall-clock time nor how long the run took (the
// commands print that on standard error).
func reportDate() time.Time {
	t, err := creationDate("")
	if err != nil {
		return time.Time{}
	}
	return t
}

// writeCheckHTML writes the report of a check: one row per segment (bead
// for two aligned documents), findings flagged with the expected rendering,
// the glossary's terms highlighted.
func writeCheckHTML(w io.Writer, in *check.Input, fs []check.Finding, sum check.Summary, entries []glossary.Entry) error {
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
		Summary: report.Summary{Generated: reportDate(), Stats: stats},
	})
}
