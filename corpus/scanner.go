package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
)

// Scanner reads the sentences of one document from an io.Reader one at a
// time, like bufio.Scanner:
//
//	sc := corpus.NewScanner(r, "zh.txt", corpus.ReadOptions{Format: corpus.FormatLines})
//	for sc.Scan() {
//		s := sc.Sentence()
//		…
//	}
//	if err := sc.Err(); err != nil { … }
//
// UTF-8 plain text and lines input (with or without a byte order mark) are
// streamed line by line in constant memory beyond the longest paragraph; the
// format, the paragraph style of plain text and the document language are
// judged from the first scanPeek bytes. Other input (HTML, Markdown,
// bilingual files, UTF-16 and legacy encodings, which need the whole text to
// be detected) is read whole and then handed out sentence by sentence; a
// bilingual file gives its Chinese sentences, then its English ones. The
// sentences are the same as Read's (ReadDocuments' for bilingual input) for
// input shorter than scanPeek.
type Scanner struct {
	src  *bufio.Reader
	name string
	opt  ReadOptions

	started bool
	lines   bool // streaming FormatLines rather than FormatText
	stream  bool
	docLang Lang
	asm     paragraphAssembler

	raw      int             // raw offset of the next byte to read
	bom      int             // length of a dropped byte order mark
	window   strings.Builder // decoded text from winStart: the open block of plain text
	winStart int
	para     int
	sawText  bool

	pending []Sentence
	cur     Sentence
	err     error
}

// scanPeek is how much input the Scanner looks at to detect the format, the
// paragraph style and the language before streaming.
const scanPeek = 64 << 10

// NewScanner returns a Scanner reading the document in r; name is used in
// errors.
func NewScanner(r io.Reader, name string, opt ReadOptions) *Scanner {
	return &Scanner{src: bufio.NewReaderSize(r, scanPeek), name: name, opt: opt}
}

// Scan advances to the next sentence; it returns false at the end of the
// input or at the first error, which Err then reports.
func (s *Scanner) Scan() bool {
	if s.err != nil {
		return false
	}
	if !s.started {
		s.started = true
		if s.err = s.start(); s.err != nil {
			return false
		}
	}
	for len(s.pending) == 0 {
		if !s.stream {
			return false
		}
		if s.err = s.readLine(); s.err != nil {
			if s.err == io.EOF {
				s.err = nil
			}
			return len(s.pending) > 0 && s.next()
		}
	}
	return s.next()
}

func (s *Scanner) next() bool {
	if len(s.pending) == 0 {
		return false
	}
	s.cur, s.pending = s.pending[0], s.pending[1:]
	return true
}

// Sentence returns the sentence the last Scan found.
func (s *Scanner) Sentence() Sentence { return s.cur }

// Err returns the first error met, nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

// All returns the remaining sentences as an iterator; check Err afterwards.
func (s *Scanner) All() iter.Seq[Sentence] {
	return func(yield func(Sentence) bool) {
		for s.Scan() {
			if !yield(s.Sentence()) {
				return
			}
		}
	}
}

// start looks at the beginning of the input and chooses between streaming
// and reading the whole input.
func (s *Scanner) start() error {
	head, err := s.src.Peek(scanPeek)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return &ParseError{File: s.name, Offset: -1, Err: err}
	}
	whole := err == io.EOF
	if text, ok := s.streamable(head, whole); ok {
		f := resolveFormat(s.opt.Format, s.name, text)
		if f == FormatLines || f == FormatText {
			s.stream, s.lines = true, f == FormatLines
			s.docLang = s.opt.Lang
			if s.docLang == "" {
				s.docLang = majorityLang(scriptCounts(text))
			}
			s.asm = paragraphAssembler{
				blocks: f == FormatText && blockMode(text),
				slice:  func(start, end int) string { return s.window.String()[start-s.winStart : end-s.winStart] },
				emit:   s.emit,
			}
			if bytes.HasPrefix(head, bomUTF8) {
				s.bom = len(bomUTF8)
				s.raw = s.bom
				_, _ = s.src.Discard(s.bom)
			}
			return nil
		}
	}
	data, err := io.ReadAll(s.src)
	if err != nil {
		return &ParseError{File: s.name, Offset: -1, Err: err}
	}
	docs, err := ReadDocuments(bytes.NewReader(data), s.name, s.opt)
	if err != nil {
		return err
	}
	for _, d := range docs {
		s.pending = append(s.pending, d.Sentences...)
	}
	return nil
}

// streamable reports whether the input starting with head can be streamed
// as UTF-8, and returns head as text (without a byte order mark and a rune
// cut off at the end of the peek window).
func (s *Scanner) streamable(head []byte, whole bool) (string, bool) {
	switch s.opt.Encoding {
	case "", "utf-8", "UTF-8", "utf8":
	default:
		return "", false
	}
	head = bytes.TrimPrefix(head, bomUTF8)
	if !whole {
		for k := 0; k < utf8.UTFMax && len(head) > 0 && !utf8.Valid(head); k++ {
			head = head[:len(head)-1]
		}
	}
	if len(head) == 0 || !utf8.Valid(head) || bytes.IndexByte(head, 0) >= 0 {
		return "", false // let Decode report or detect it
	}
	return string(head), true
}

// readLine reads and processes one line of streamed input; it returns
// io.EOF after the last.
func (s *Scanner) readLine() error {
	chunk, err := s.src.ReadString('\n')
	if err != nil && err != io.EOF {
		return &ParseError{File: s.name, Offset: int64(s.raw), Err: err}
	}
	eof := err == io.EOF
	if chunk != "" {
		if perr := s.check(chunk); perr != nil {
			return perr
		}
		start := s.raw - s.bom
		s.raw += len(chunk)
		if !s.asm.open {
			s.window.Reset()
			s.winStart = start
		}
		s.window.WriteString(chunk)
		if !isBlank(chunk) {
			s.sawText = true
		}
		splitLines(chunk, func(line string, at int) {
			if s.lines {
				s.emit(paragraph{text: line, start: start + at, line: true})
			} else {
				s.asm.line(line, start+at)
			}
		})
	}
	if !eof {
		return nil
	}
	s.asm.flush()
	if !s.sawText {
		return &ParseError{File: s.name, Offset: -1, Err: ErrEmpty}
	}
	return io.EOF
}

// check validates a chunk of streamed input as Decode would.
func (s *Scanner) check(chunk string) error {
	if !utf8.ValidString(chunk) {
		bad := firstInvalidUTF8([]byte(chunk))
		return &ParseError{File: s.name, Offset: int64(s.raw + bad), Err: fmt.Errorf(
			"%w: byte 0x%02X at offset %d is not UTF-8", ErrEncoding, chunk[bad], s.raw+bad)}
	}
	return checkControls(chunk, s.name, s.raw)
}

// emit splits a paragraph into pending sentences.
func (s *Scanner) emit(p paragraph) {
	s.pending = append(s.pending, paragraphSentences(p, s.para, s.opt.Lang, s.docLang)...)
	s.para++
}
