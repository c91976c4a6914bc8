package report

import (
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
)

// GlossaryTerms returns the entries to highlight from a glossary: every
// entry but rejected ones, its status and comment as the note. Forbidden
// entries are highlighted too, so that a reviewer sees where they occur.
func GlossaryTerms(entries []glossary.Entry) []TermHighlight {
	var out []TermHighlight
	for _, e := range entries {
		if e.Status == glossary.Rejected || e.ZH == "" && e.EN == "" {
			continue
		}
		note := string(e.Status)
		if e.Comment != "" {
			note = strings.TrimSpace(note + "; " + e.Comment)
		}
		out = append(out, TermHighlight{ZH: e.ZH, EN: e.EN, Note: strings.TrimPrefix(note, "; "), Forbidden: e.Status == glossary.Forbidden})
	}
	return out
}

// FindingFlags turns check findings into flags on the beads they were found
// in: finding.Segment is 1-based and counts the beads (or segments) of one
// document, as Doc.Beads does.
func FindingFlags(fs []check.Finding) []Flag {
	out := make([]Flag, 0, len(fs))
	for _, f := range fs {
		out = append(out, Flag{
			Bead:     f.Segment - 1,
			Kind:     string(f.Kind),
			Severity: string(f.Severity),
			Term:     f.ZHTerm,
			Expected: strings.Join(f.Expected, " | "),
			Found:    f.Found,
			Message:  f.Message,
		})
	}
	return out
}

// CheckDoc returns the report document of a checked input whose segments
// were not aligned by bitext (TSV, TMX, XLIFF): one row per segment, its
// findings flagged. Findings of other files (Finding.File) are left out.
func CheckDoc(in *check.Input, fs []check.Finding) Doc {
	zh := make([]string, len(in.Segments))
	en := make([]string, len(in.Segments))
	pos := make(map[int]int, len(in.Segments)) // Segment.Pos → row
	for i, s := range in.Segments {
		zh[i], en[i] = s.ZH, s.EN
		pos[s.Pos] = i
	}
	d := Segments(in.Name, zh, en)
	for i, f := range FindingFlags(fs) {
		row, ok := pos[fs[i].Segment]
		if !ok || fs[i].File != "" && fs[i].File != in.Name {
			continue
		}
		f.Bead = row
		d.Flags = append(d.Flags, f)
	}
	return d
}
