// Package corpus turns the files people actually have (plain text, HTML,
// Markdown with front matter, one-sentence-per-line files, bilingual files)
// into typed sentences, and provides the shared normalisers that the aligner,
// the glossary and the checker use so that they agree on what counts as the
// same word, number or term.
//
// Byte offsets (Sentence.Start, Sentence.End) index the decoded UTF-8 text of
// the input, which for UTF-8 input is the input itself less any byte order mark.
package corpus

import (
	"errors"
	"fmt"
)

// Lang is the language of a document or sentence.
type Lang string

// The languages bitext works between.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// Kind says what role a sentence plays in its article.
type Kind string

// Sentence kinds.
const (
	Body     Kind = "body"
	Title    Kind = "title"
	Caption  Kind = "caption"  // photo captions and credits: 新华社记者 李涛 摄, (Xinhua/Li Tao)
	Metadata Kind = "metadata" // bylines, editors, timestamps: 责任编辑:…, Editor: …
)

// Span is a half-open byte range [Start, End).
type Span struct {
	Start, End int
}

// Sentence is one sentence of a document. Text is the original text, never
// normalised; compare through the normalisers instead.
type Sentence struct {
	Text  string
	Lang  Lang
	Kind  Kind
	Para  int // 0-based paragraph index within the document
	Start int // byte offset of the first byte in the decoded input
	End   int // byte offset one past the last byte
	// Clauses are the spans of clauses inside Text (relative to Text), cut at
	// ；;：: and similar clause boundaries. Nil when the sentence has one clause.
	Clauses []Span
}

// Document is a sequence of sentences in one language with its metadata
// (title, date, url, … from front matter or the file itself).
type Document struct {
	Name      string
	Lang      Lang
	Meta      map[string]string
	Sentences []Sentence
}

// Segmenter cuts Chinese text into words.
type Segmenter interface {
	Cut(text string) []string
}

// Sentinel errors wrapped by ParseError.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data, not text")
	ErrEncoding = errors.New("invalid or unknown text encoding")
	ErrSyntax   = errors.New("syntax error")
)

// ParseError reports bad input with its position. Line and Col are 1-based;
// zero means unknown. Offset is a byte offset into the raw input, -1 if unknown.
type ParseError struct {
	File   string
	Line   int
	Col    int
	Offset int64
	Err    error
}

func (e *ParseError) Error() string {
	s := e.File
	if s == "" {
		s = "<input>"
	}
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
		if e.Col > 0 {
			s += fmt.Sprintf(":%d", e.Col)
		}
	}
	if e.Offset >= 0 && e.Line == 0 {
		s += fmt.Sprintf(" (byte %d)", e.Offset)
	}
	return s + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }
