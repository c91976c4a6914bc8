// Package corpus turns the files people actually have (plain text, HTML,
// Markdown with front matter, one-sentence-per-line files, bilingual files)
// into typed sentences, and provides the shared normalisers that the aligner,
// the glossary and the checker use so that they agree on what counts as the
// same word, number or term.
//
// Byte offsets (Sentence.Start, Sentence.End) index the decoded UTF-8 text of
// the input, which for UTF-8 input is the input itself less any byte order mark.
// For plain text and lines input Text == decoded[Start:End]. HTML and Markdown
// sentences are text extracted from markup (tags dropped, entities decoded,
// white space collapsed): their span covers the source they were read from,
// markup included.
//
// # Reading
//
// Read, ReadFile, ReadBilingual and ReadDocuments read a whole input; Scanner
// streams one sentence at a time. Decode turns bytes into text: UTF-8 (with or
// without a byte order mark), UTF-16 with a byte order mark, and GB18030/GBK
// or Big5(-HKSCS) only when the bytes are not UTF-8 and the result is
// plausibly Chinese; anything else is a *ParseError with the byte offset. The
// formats (ReadOptions.Format, detected when "auto"):
//
//   - text: paragraphs separated by blank lines (hard-wrapped text) or one
//     paragraph per line;
//   - lines: one sentence per line, never split; sentence i is line i+1, and an
//     empty line is an empty sentence, so evaluation sets keep their numbering;
//   - html: p, headings, li, table cells and br-separated text; figcaption and
//     image alt texts are captions; scripts, navigation and ads are dropped;
//   - markdown: YAML front matter goes to Document.Meta (title, date, url); the
//     body may hold HTML blocks;
//   - bilingual: both editions in one file, each paragraph going to the
//     document of its script.
//
// A tiny bilingual file and what it reads to (language, paragraph, kind):
//
//	习近平会见拉赫蒙                           zh 0 title
//	当地时间6月17日,习近平会见拉赫蒙。新华社记者 李涛 摄  zh 1 caption, zh 1 caption
//	Xi meets Rahmon                            en 0 title
//	Xi met Rahmon in Astana. (Xinhua/Li Tao)   en 1 caption
//
// # Sentences
//
// SplitChinese and SplitEnglish split one paragraph and give every sentence a
// Kind: Body, Title (a short line without an end mark), Caption (photo
// captions and credits) or Metadata (bylines, sources, timestamps, split off
// text they were glued to by scraping). Chinese sentences end at 。！？!? but
// not inside 《》 or brackets; ；and ： only cut clauses (Sentence.Clauses).
// English splitting knows abbreviations, initials, decimals, ellipses and
// datelines. Output always keeps the original text; comparison forms live in
// corpus/norm.
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
	ErrLanguage = errors.New("written in the other language")
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
