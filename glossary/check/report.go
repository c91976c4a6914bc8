package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Report is the JSON form of a check: the findings and their summary.
type Report struct {
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`
}

// WriteJSON writes the findings and summary as one indented JSON object.
func WriteJSON(w io.Writer, fs []Finding, sum Summary) error {
	if fs == nil {
		fs = []Finding{}
	}
	if sum.ByKind == nil {
		sum.Add(nil)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Report{Findings: fs, Summary: sum})
}

// WriteText writes the findings for people: where, what, the Chinese with
// the term in 【】, the English with the found text in [], what was
// expected; then a summary line.
func WriteText(w io.Writer, fs []Finding, sum Summary) error {
	var b strings.Builder
	for i := range fs {
		f := &fs[i]
		fmt.Fprintf(&b, "%s: %s %s: %s\n", Location(f), f.Severity, f.Kind, f.Message)
		if f.ZH != "" {
			fmt.Fprintf(&b, "    zh: %s\n", mark(f.ZH, f.ZHSpan, "【", "】"))
		}
		fmt.Fprintf(&b, "    en: %s\n", mark(f.EN, f.ENSpan, "[", "]"))
		if len(f.Expected) > 0 {
			fmt.Fprintf(&b, "    expected: %s\n", strings.Join(f.Expected, " | "))
		}
		if f.Note != "" {
			fmt.Fprintf(&b, "    note: %s\n", f.Note)
		}
	}
	b.WriteString(SummaryLine(sum))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Location is where a finding is: "file:line" for a TSV (whose segment
// number is its line number and which has no ids), "file:line: segment N
// (id)" otherwise, also when segment 1 of a document is on line 1.
func Location(f *Finding) string {
	loc := f.File
	if loc == "" {
		loc = "<input>"
	}
	if f.Line > 0 {
		loc += fmt.Sprintf(":%d", f.Line)
	}
	if f.Line != f.Segment || f.ID != "" {
		loc += fmt.Sprintf(": segment %d", f.Segment)
		if f.ID != "" {
			loc += " (" + f.ID + ")"
		}
	}
	return loc
}

// SummaryLine is the one-line summary of a check.
func SummaryLine(s Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d finding(s) (%d error(s), %d warning(s)) in %d segment(s)", s.Findings, s.Errors, s.Warnings, s.Segments)
	var parts []string
	for _, k := range Kinds {
		if n := s.ByKind[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, n))
		}
	}
	if len(parts) > 0 {
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	if s.Ignored > 0 {
		fmt.Fprintf(&b, "; %d dismissed by the ignore file", s.Ignored)
	}
	if s.Uncertain > 0 {
		fmt.Fprintf(&b, "; %d segment(s) with a doubtful alignment not checked for missing terms and numbers", s.Uncertain)
	}
	if s.NoTarget > 0 {
		fmt.Fprintf(&b, "; %d segment(s) without a translation not checked", s.NoTarget)
	}
	return b.String()
}

func mark(s string, sp *Span, open, close string) string {
	if sp == nil || sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
		return s
	}
	return s[:sp.Start] + open + s[sp.Start:sp.End] + close + s[sp.End:]
}
