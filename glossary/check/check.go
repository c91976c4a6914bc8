// Package check checks English translations of Chinese text against a
// glossary and reports where they depart from the agreed terminology or lose
// a number on the way.
//
// # Glossary semantics
//
// Entries with the same Chinese term (compared through norm.Fold and
// norm.Simplify) are alternatives, not conflicts. An entry whose Status is
// approved, preferred, admitted or empty is an accepted rendering; a
// forbidden entry is a rendering that must not appear anywhere in the target,
// whether or not its Chinese term is in the source; new and rejected entries
// are ignored. An entry with CaseSensitive set matches only tokens with the
// same capitalisation pattern (all upper, capitalised, lower) word by word;
// its Comment is shown as the note of its findings.
//
// # Matching
//
// Chinese side: the Chinese terms of all entries are compiled into one
// Aho-Corasick automaton over the folded, Simplified text (norm.Fold then
// norm.Simplify, keeping a map back to the original byte offsets), so a
// Simplified glossary matches Traditional text and the reverse. Every
// occurrence is found in one pass; overlapping candidates are resolved
// longest first, then leftmost (人类命运共同体 wins over 命运共同体). A
// candidate must respect word boundaries. The default rule uses the
// embedded dictionary: a candidate is rejected when dictionary words cross
// both of its edges (中国|会展 around 国会 in 中国会展中心), the signature of
// a term read across two words, while one crossing alone (美国国会|会议员) is
// allowed, and a crossing word is explained away when the rune it takes from
// outside ends a longer word. With Options.Segmenter the rule is that no
// word of the segmentation straddles an edge (a compound holding the whole
// term, 美国国会 or 长江源, is fine). On news-dev the dictionary rule rejected
// one correct term (长江 in 管理局长江源园区) and the gse segmenter four
// (毕业生 in 大学毕业生是, cut 大学毕业|生是), so the dictionary rule is
// the default.
//
// English side: the target is cut into words by norm.Words (tokens, hyphen
// compounds cut into parts) and each word keyed by norm.TermKey's rules
// (case, plural, possessive and verb forms, UK/US spelling). Renderings are
// keyed the same way, with a leading article dropped, and indexed by their
// first key, so each word of the text looks up only the renderings that can
// start there: whole words only ("east" never matches inside "Easter"),
// hyphen, dash and space alike. A compound whose prefix norm joins to the
// next part (anti-subsidy → antisubsidy) is also tried part by part, and
// plurals the stemmer leaves apart (leaf/leaves, basis/bases, index/indices)
// match both ways. An abbreviation in parentheses right after an accepted
// rendering ("Shanghai Cooperation Organization (SCO)") counts as that
// rendering for the rest of the document, and so does the name without it
// when the glossary writes the rendering with it.
//
// # Findings
//
//   - missing-term (error): a Chinese term is in the source and none of its
//     accepted renderings is in the target (or, with Input.Slack, in a
//     neighbouring segment's target that renders the term more often than
//     its own source names it: an aligner can put a clause one bead off,
//     but a name repeated in consecutive sentences is not borrowed).
//     Segments without a target, and segments whose alignment is doubtful
//     (Segment.Uncertain: a bead below MinConfidence, where the English
//     edition may simply have dropped the passage), are not checked.
//   - forbidden-term (error): a forbidden rendering is in the target, unless it
//     lies inside a longer accepted rendering.
//   - inconsistent-term (warning): a Chinese term is rendered by different
//     approved (or preferred, or unmarked) alternatives within one input;
//     reported on the segments that do not use the most frequent one (ties:
//     the one first in the glossary). Admitted renderings are variants for
//     a context (an adjective form, an abbreviation) and never make a text
//     inconsistent: mark both rows approved to have their mix reported.
//   - number-mismatch (error): a number, percentage or date of the source has
//     no counterpart in the target (corpus/numbers.Match: 6月17日 ↔ June 17,
//     12万 ↔ 120,000, 6.5% ↔ 6.5 percent). A weekday ("on Tuesday") counts
//     for a date whose year is known: stated, Input.Year, or the year of the
//     first full date of the source (a news story's dateline).
//   - untranslated (error): Chinese characters left in the target.
//
// # Inputs
//
// Check takes segments, whatever they were read from; segments with
// different Doc values are separate documents. ReadTSV reads "zh<TAB>en"
// lines, the segment number being the line number (# starts a comment, an
// empty English column is a segment without a translation):
//
//	# zh	en
//	推进一带一路建设。	Promote the Belt and Road Initiative.
//	观众达12万人。	The audience reached 120,000.
//
// AlignedSegments makes segments of the beads of two aligned documents.
// ReadXLIFF reads
// XLIFF 1.2: source and target of each trans-unit, inline codes dropped (the
// text of g and mrk is kept, x, bx, ex, ph, bpt, ept, it and sub are
// dropped), Trados seg-source segments (mrk mtype="seg") one by one,
// translate="no" units and alt-trans skipped, any declared encoding and
// UTF-16 with or without a byte order mark, namespace prefixes resolved.
// XLIFF 2 is read too: each segment of a unit is a Segment (pc and mrk
// keep their text; ph, sc, ec, cp, sm and em are dropped; ignorable is
// skipped).
//
// # Ignore files
//
// ReadIgnore reads the findings a reviewer has dismissed, either the JSON
// report itself (keep the findings to dismiss) or a TSV, one per line:
//
//	# kind	term	source text of the segment
//	missing-term	一带一路	推进一带一路建设。
//
// A finding is dismissed when its kind and term (Finding.Term: the found
// text of forbidden-term and untranslated findings, the Chinese term or
// number of the others) are equal and its segment's Chinese text (its
// English text when it has no Chinese) is equal after white space is
// collapsed; segment numbers do not matter, so dismissals survive edits
// elsewhere in the file.
package check

// Kind is the kind of a finding.
type Kind string

// Finding kinds.
const (
	MissingTerm      Kind = "missing-term"
	ForbiddenTerm    Kind = "forbidden-term"
	InconsistentTerm Kind = "inconsistent-term"
	NumberMismatch   Kind = "number-mismatch"
	Untranslated     Kind = "untranslated"
)

// Kinds lists the finding kinds in report order.
var Kinds = []Kind{MissingTerm, ForbiddenTerm, InconsistentTerm, NumberMismatch, Untranslated}

// Severity says how bad a finding is.
type Severity string

// Severities, most severe first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// ParseSeverity returns the severity named s.
func ParseSeverity(s string) (Severity, bool) {
	switch Severity(s) {
	case Error, Warning:
		return Severity(s), true
	}
	return "", false
}

// AtLeast reports whether s is at least as severe as min.
func (s Severity) AtLeast(min Severity) bool {
	return s == Error || min == Warning && s == Warning
}

// Severity returns the severity of findings of kind k.
func (k Kind) Severity() Severity {
	if k == InconsistentTerm {
		return Warning
	}
	return Error
}

// Span is a half-open byte range [Start, End) in a segment's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Segment is one source sentence (or bead, or unit) and its translation.
type Segment struct {
	Pos      int    // 1-based: the line number of a TSV input, the unit's position otherwise
	Line     int    // 1-based line of the file where the segment starts; 0 if unknown
	ID       string // unit id (XLIFF trans-unit id, "id/mid" for Trados segments; TMX tuid)
	Doc      string // the document the segment belongs to, when an input holds several (TMX x-bitext-doc, XLIFF file original)
	ZH, EN   string
	NoTarget bool // the unit has no translation: not checked
	// Uncertain marks a segment whose pairing is doubtful (a bead the
	// aligner gave a low confidence): its English may belong to other
	// Chinese, so missing-term and number-mismatch are not reported on it.
	Uncertain bool
}

// Input is what Check checks: the segments of one document.
type Input struct {
	Name     string // file name shown in findings
	Segments []Segment
	// Slack is how many neighbouring segments on each side may hold a
	// term's rendering or a number's counterpart: 0 for segment pairs made
	// by a translator (TSV, TMX, XLIFF), 1 for documents aligned by bitext.
	Slack int
	// Year is the year of dates written without one (6月17日), used to read a
	// weekday ("on Tuesday") as the date. 0: the year of the first full date
	// in the source, if any.
	Year int
}

// Finding is one problem found in one segment. The offsets let a report
// mark the term in either text.
type Finding struct {
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	File     string   `json:"file,omitempty"`
	Doc      string   `json:"doc,omitempty"`  // Segment.Doc
	Segment  int      `json:"segment"`        // Segment.Pos
	Line     int      `json:"line,omitempty"` // Segment.Line
	ID       string   `json:"id,omitempty"`
	ZHTerm   string   `json:"zh_term,omitempty"`  // the Chinese term or number as written in the source
	Expected []string `json:"expected,omitempty"` // accepted renderings, or the expected number
	Found    string   `json:"found,omitempty"`    // what the target has instead, as written
	Note     string   `json:"note,omitempty"`     // the glossary entry's comment
	Message  string   `json:"message"`
	ZH       string   `json:"zh"`
	EN       string   `json:"en"`
	ZHSpan   *Span    `json:"zh_span,omitempty"` // the term in ZH
	ENSpan   *Span    `json:"en_span,omitempty"` // Found in EN
}

// Term is what identifies the finding within its segment for dismissals:
// the found text of forbidden-term and untranslated findings, the Chinese
// term (or number) of the others.
func (f *Finding) Term() string {
	if f.Kind == ForbiddenTerm || f.Kind == Untranslated || f.ZHTerm == "" {
		return f.Found
	}
	return f.ZHTerm
}

// Summary counts findings.
type Summary struct {
	Segments  int          `json:"segments"`
	NoTarget  int          `json:"no_target,omitempty"` // segments without a translation, not checked
	Uncertain int          `json:"uncertain,omitempty"` // segments whose pairing is doubtful: missing terms and numbers not checked
	Findings  int          `json:"findings"`
	Errors    int          `json:"errors"`
	Warnings  int          `json:"warnings"`
	Ignored   int          `json:"ignored,omitempty"` // dismissed through an ignore file
	ByKind    map[Kind]int `json:"by_kind"`
	Glossary  int          `json:"glossary_terms,omitempty"`
	Documents int          `json:"documents,omitempty"`
}

// Add counts fs into s.
func (s *Summary) Add(fs []Finding) {
	if s.ByKind == nil {
		s.ByKind = map[Kind]int{}
		for _, k := range Kinds {
			s.ByKind[k] = 0
		}
	}
	for _, f := range fs {
		s.Findings++
		s.ByKind[f.Kind]++
		if f.Severity == Error {
			s.Errors++
		} else {
			s.Warnings++
		}
	}
}

// AddInput counts the segments of in.
func (s *Summary) AddInput(in *Input) {
	s.Documents++
	s.Segments += len(in.Segments)
	for _, seg := range in.Segments {
		if seg.NoTarget {
			s.NoTarget++
		}
		if seg.Uncertain {
			s.Uncertain++
		}
	}
}

// Has reports whether the summary holds a finding at or above min.
func (s *Summary) Has(min Severity) bool {
	if min == Warning {
		return s.Findings > 0
	}
	return s.Errors > 0
}

func (k Kind) String() string { return string(k) }
